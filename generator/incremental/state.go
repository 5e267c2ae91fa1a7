package incremental

import (
	"runtime"
	"slices"
	"sort"
	"strings"

	"github.com/jianghan-district/jianghan/internal/parallel"

	"github.com/jianghan-district/jianghan/generator/diag"
	"github.com/jianghan-district/jianghan/generator/link"
	"github.com/jianghan-district/jianghan/generator/load"
	"github.com/jianghan-district/jianghan/generator/markdown"
	"github.com/jianghan-district/jianghan/generator/model"
	"github.com/jianghan-district/jianghan/generator/render"
	"github.com/jianghan-district/jianghan/generator/urls"
)

// Options say which site to read and how to render it.
type Options struct {
	// Root is the site folder, never "".
	Root string
	// BaseURL overrides site.yaml's base_url when set.
	BaseURL string
	// Drafts includes pages marked draft.
	Drafts bool
	// Portable writes links that work opened from disk.
	Portable bool
	// Render are the options of the renderer (serve's live-reload script).
	Render render.Options
}

// State is a loaded site and what Apply needs to update it one file at a
// time: the model, every page file as last read (files), every problem by
// where it came from (problems), and what the output holds (output).
type State struct {
	opts Options

	// Site is the linked model every later stage reads.
	Site *model.Site
	// Linker writes the site's links.
	Linker urls.Linker
	// Converter and Resolver render one page's Markdown again.
	Converter *markdown.Converter
	Resolver  *link.Resolver

	renderer *render.Renderer
	files    files
	problems problems
	out      output
}

// files are the page files of the site as last read.
type files struct {
	units  map[string]*unit   // by kind-folder entry, see entryOf
	byKey  map[string][]*unit // usable, published units by page key, in Rel order
	winner map[string]*unit   // the unit whose page is in the site, by key
}

// problems are the site's diagnostics, kept by what Apply reads again to
// update them; a unit keeps its own.
type problems struct {
	config   []diag.Diagnostic
	walk     map[string][]diag.Diagnostic // by the path they name, see walkKey
	theme    []diag.Diagnostic            // links in the site's theme folder
	themeErr []diag.Diagnostic            // the theme could not be parsed
	dup      map[string][]diag.Diagnostic // by page key
	global   []diag.Diagnostic            // references and warnings
}

// unit is one page file as last read.
type unit struct {
	entry       string
	src         load.Source
	raw         []byte
	page        model.Entry // nil when the file could not be used
	loadDiags   []diag.Diagnostic
	renderDiags []diag.Diagnostic
}

// key is the page key the unit publishes, "" when it publishes nothing.
func (u *unit) key(drafts bool) string {
	if u == nil || u.page == nil {
		return ""
	}
	p := u.page.Base()
	if p.Draft && !drafts {
		return ""
	}
	return p.Key()
}

// readUnit reads and decodes one page file.
func readUnit(root string, s load.Source, cfg *model.Config) *unit {
	u := &unit{entry: entryOf(s), src: s}
	list := &diag.List{}
	u.page, u.raw = load.Read(root, s, cfg, list)
	u.loadDiags = list.Sorted()
	return u
}

// Load reads, checks and links the whole site, keeping each file's state.
// Every command reads a site through it, so that check, build and serve
// report the same problems in the same words; withRenderer also parses the
// theme, which serve needs at once.
func Load(opts Options, withRenderer bool) (*State, error) {
	s := &State{opts: opts, out: newOutput()}
	if err := s.loadAll(withRenderer); err != nil {
		return nil, err
	}
	return s, nil
}

// loadAll reads the whole site again, from its configuration on.
func (s *State) loadAll(withRenderer bool) error {
	root := s.opts.Root
	cfgList := &diag.List{}
	cfg := load.Config(root, cfgList)
	if s.opts.BaseURL != "" {
		cfg.BaseURL = s.opts.BaseURL
	}
	walkList := &diag.List{}
	srcs, static, err := load.Sources(root, walkList)
	if err != nil {
		return err
	}
	units := make([]*unit, len(srcs))
	// More goroutines than processors: a read waits on the disk.
	parallel.For(len(srcs), 2*runtime.GOMAXPROCS(0), func(i int) { units[i] = readUnit(root, srcs[i], &cfg) })

	site := &model.Site{Config: cfg, Static: static}
	s.files = files{
		units:  make(map[string]*unit, len(units)),
		byKey:  make(map[string][]*unit, len(units)),
		winner: make(map[string]*unit, len(units)),
	}
	s.problems.dup = map[string][]diag.Diagnostic{}
	for _, u := range units {
		s.files.units[u.entry] = u
		if k := u.key(s.opts.Drafts); k != "" {
			s.files.byKey[k] = append(s.files.byKey[k], u)
		}
	}
	for k, us := range s.files.byKey {
		s.files.winner[k] = us[0]
		site.Add(us[0].page)
		if len(us) > 1 {
			s.problems.dup[k] = dupDiags(us)
		}
	}
	site.Drafts, site.Unreadable = s.files.leftOut(s.opts.Drafts)
	site.Index()
	s.Site = site
	s.Linker = urls.Linker{Base: cfg.BasePath(), Portable: s.opts.Portable}
	s.Converter = markdown.New(markdown.Options{Unsafe: cfg.Markdown.Unsafe})
	s.Resolver = link.NewResolver(site, s.Linker)
	parallel.For(len(site.Pages), 0, func(i int) { s.renderMarkdown(site.Pages[i]) })
	link.Backlinks(site)
	link.Terms(site)
	s.checkSite()
	s.problems.config = cfgList.Sorted()
	s.problems.walk = map[string][]diag.Diagnostic{}
	for _, d := range walkList.Sorted() {
		k := walkKey(d.File)
		s.problems.walk[k] = append(s.problems.walk[k], d)
	}
	s.checkTheme()
	if withRenderer {
		s.newRenderer(nil, nil)
	}
	s.out.shape = true
	s.out.keys = keysOfSite(site)
	return nil
}

// leftOut returns the pages left out of the site, by key: the drafts, and
// the page files that could not be read; of several with one key, the
// first by file name, and none whose key a published page has.
func (f *files) leftOut(withDrafts bool) (drafts, unread map[string]*model.Page) {
	add := func(m map[string]*model.Page, k string, p *model.Page) map[string]*model.Page {
		if _, published := f.byKey[k]; published {
			return m
		}
		if m == nil {
			m = map[string]*model.Page{}
		}
		if prev, ok := m[k]; !ok || p.Source < prev.Source {
			m[k] = p
		}
		return m
	}
	for _, u := range f.units {
		switch {
		case u.page == nil:
			stub := &model.Page{Kind: u.src.Kind, Slug: u.src.Slug, Source: u.src.Rel, BundleDir: u.src.BundleDir}
			unread = add(unread, stub.Key(), stub)
		case u.page.Base().Draft && !withDrafts:
			drafts = add(drafts, u.page.Base().Key(), u.page.Base())
		}
	}
	return drafts, unread
}

// walkKey is what Apply reads again to find the problem of the walk at
// file: the kind-folder entry it is in, content/static for a static file,
// or the file itself.
func walkKey(file string) string {
	parts := strings.SplitN(file, "/", 4)
	switch {
	case len(parts) >= 2 && parts[0] == "content" && parts[1] == "static":
		return "content/static"
	case len(parts) >= 3 && parts[0] == "content" && model.Kind(parts[1]).Valid():
		return strings.Join(parts[:3], "/")
	}
	return file
}

// checkTheme reports the links in the site's theme folder that leave the
// site, as Sources does for content/.
func (s *State) checkTheme() {
	list := &diag.List{}
	load.ThemeLinks(s.opts.Root, list)
	s.problems.theme = list.Sorted()
}

// renderMarkdown renders one page's Markdown, keeping its problems with its unit.
func (s *State) renderMarkdown(pg *model.Page) {
	list := &diag.List{}
	link.Render(pg, s.Converter, s.Resolver, list)
	if u := s.files.winner[pg.Key()]; u != nil {
		u.renderDiags = list.Sorted()
	}
}

// checkSite runs the checks that need the whole site.
func (s *State) checkSite() {
	list := &diag.List{}
	link.References(s.Site, s.Resolver, list)
	link.Warnings(s.Site, list)
	s.problems.global = list.Sorted()
}

// dupDiags reports, as load.Site does, every unit after the first that
// publishes the same page.
func dupDiags(us []*unit) []diag.Diagnostic {
	list := &diag.List{}
	first := us[0].page.Base()
	for _, u := range us[1:] {
		load.DuplicateURL(first, u.page.Base(), list)
	}
	return list.Sorted()
}

// index files a unit under the page key it publishes, keeping Rel order.
func (f *files) index(u *unit, drafts bool) string {
	k := u.key(drafts)
	if k == "" {
		return ""
	}
	us := append(f.byKey[k], u)
	sort.SliceStable(us, func(i, j int) bool { return us[i].src.Rel < us[j].src.Rel })
	f.byKey[k] = us
	return k
}

// unindex takes a unit out of byKey.
func (f *files) unindex(u *unit, drafts bool) string {
	k := u.key(drafts)
	if k == "" {
		return ""
	}
	f.byKey[k] = slices.DeleteFunc(slices.Clone(f.byKey[k]), func(x *unit) bool { return x == u })
	if len(f.byKey[k]) == 0 {
		delete(f.byKey, k)
	}
	return k
}

// diagnostics gathers every current problem, sorted.
func (s *State) diagnostics() []diag.Diagnostic {
	list := &diag.List{}
	add := func(ds []diag.Diagnostic) {
		for _, d := range ds {
			list.Add(d)
		}
	}
	pr := &s.problems
	add(pr.config)
	for _, ds := range pr.walk {
		add(ds)
	}
	for _, u := range s.files.units {
		add(u.loadDiags)
	}
	for _, u := range s.files.winner {
		add(u.renderDiags)
	}
	for _, ds := range pr.dup {
		add(ds)
	}
	add(pr.global)
	add(pr.theme)
	if len(pr.theme) == 0 {
		// A link in the theme that leaves the site is why it cannot be
		// read: say that, not what reading it then said.
		add(pr.themeErr)
	}
	return list.Sorted()
}

// Diagnostics returns every problem the site has now, sorted.
func (s *State) Diagnostics() []diag.Diagnostic { return s.diagnostics() }
