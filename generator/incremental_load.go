package generator

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

// Loading a site for incremental rebuilds: the whole site once, keeping
// every page file as it was read, with its problems.

// live is what an incremental project keeps besides the model: every page
// file as last read with its problems, and the state of the output.
type live struct {
	ro       render.Options
	renderer *render.Renderer
	themeErr []diag.Diagnostic

	units  map[string]*unit   // by kind-folder entry, see entryOf
	byKey  map[string][]*unit // usable, published units by page key, in Rel order
	winner map[string]*unit   // the unit whose page is in the site, by key

	cfgDiags    []diag.Diagnostic
	walkDiags   map[string][]diag.Diagnostic // by the path they name
	themeDiags  []diag.Diagnostic            // links in the site's theme folder
	dupDiags    map[string][]diag.Diagnostic // by page key
	globalDiags []diag.Diagnostic            // references and warnings

	// committed holds each output path's Deps as last committed; dirty
	// the dep keys changed since; pages the page keys changed since.
	committed    map[string][]string
	dirty, pages map[string]bool
	all          bool // every job must run
	themeAll     bool // every job reading a template must run
	gen          int

	// jobs are the site's jobs as last listed, deps their Deps by path;
	// shape is set when they must be listed again.
	jobs  []render.Job
	deps  map[string][]string
	shape bool
	// depsGen counts the job lists made; committedGen is the one whose
	// Deps are committed. byDep indexes the current jobs by dep, anyDep
	// lists those that depend on everything.
	depsGen, committedGen int
	byDep                 map[string][]int32
	anyDep                []int32
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

// newLive makes the state of a project that is not loaded yet.
func newLive(ro render.Options) *live {
	return &live{ro: ro, dirty: map[string]bool{}, pages: map[string]bool{}, committed: map[string][]string{}}
}

// readUnit reads and decodes one page file.
func readUnit(root string, s load.Source, cfg *model.Config) *unit {
	u := &unit{entry: entryOf(s), src: s}
	list := &diag.List{}
	u.page, u.raw = load.Read(root, s, cfg, list)
	u.loadDiags = list.Sorted()
	return u
}

// loadAll reads the whole site, keeping each file's state. Every command
// reads a site through it (see Load); withRenderer also parses the theme,
// which serve needs at once.
func (p *Project) loadAll(withRenderer bool) error {
	l := p.live
	root := p.Options.root()
	cfgList := &diag.List{}
	cfg := load.Config(root, cfgList)
	if p.Options.BaseURL != "" {
		cfg.BaseURL = p.Options.BaseURL
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
	l.units = make(map[string]*unit, len(units))
	l.byKey = make(map[string][]*unit, len(units))
	l.winner = make(map[string]*unit, len(units))
	l.dupDiags = map[string][]diag.Diagnostic{}
	for _, u := range units {
		l.units[u.entry] = u
		if k := u.key(p.Options.Drafts); k != "" {
			l.byKey[k] = append(l.byKey[k], u)
		}
	}
	for k, us := range l.byKey {
		l.winner[k] = us[0]
		site.Add(us[0].page)
		if len(us) > 1 {
			l.dupDiags[k] = dupDiags(us)
		}
	}
	site.Drafts, site.Unreadable = l.leftOut(p.Options.Drafts)
	site.Index()
	p.Site = site
	p.Linker = urls.Linker{Base: cfg.BasePath(), Portable: p.Options.Portable}
	p.Converter = markdown.New(markdown.Options{Unsafe: cfg.Markdown.Unsafe})
	p.Resolver = link.NewResolver(site, p.Linker)
	parallel.For(len(site.Pages), 0, func(i int) { p.renderMarkdown(site.Pages[i]) })
	link.Backlinks(site)
	link.Terms(site)
	l.checkSite(p)
	l.cfgDiags = cfgList.Sorted()
	l.walkDiags = map[string][]diag.Diagnostic{}
	for _, d := range walkList.Sorted() {
		k := walkKey(d.File)
		l.walkDiags[k] = append(l.walkDiags[k], d)
	}
	l.checkTheme(root)
	if withRenderer {
		p.newRenderer(nil, nil)
	}
	l.shape = true
	return nil
}

// leftOut returns the pages left out of the site, by key: the drafts, and
// the page files that could not be read; of several with one key, the
// first by file name, and none whose key a published page has.
func (l *live) leftOut(withDrafts bool) (drafts, unread map[string]*model.Page) {
	add := func(m map[string]*model.Page, k string, p *model.Page) map[string]*model.Page {
		if _, published := l.byKey[k]; published {
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
	for _, u := range l.units {
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
func (l *live) checkTheme(root string) {
	list := &diag.List{}
	load.ThemeLinks(root, list)
	l.themeDiags = list.Sorted()
}

// renderMarkdown renders one page's Markdown, keeping its problems with its unit.
func (p *Project) renderMarkdown(pg *model.Page) {
	list := &diag.List{}
	link.Render(pg, p.Converter, p.Resolver, list)
	if u := p.live.winner[pg.Key()]; u != nil {
		u.renderDiags = list.Sorted()
	}
}

// checkSite runs the checks that need the whole site.
func (l *live) checkSite(p *Project) {
	list := &diag.List{}
	link.References(p.Site, p.Resolver, list)
	link.Warnings(p.Site, list)
	l.globalDiags = list.Sorted()
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
func (l *live) index(u *unit, drafts bool) string {
	k := u.key(drafts)
	if k == "" {
		return ""
	}
	us := append(l.byKey[k], u)
	sort.SliceStable(us, func(i, j int) bool { return us[i].src.Rel < us[j].src.Rel })
	l.byKey[k] = us
	return k
}

// unindex takes a unit out of byKey.
func (l *live) unindex(u *unit, drafts bool) string {
	k := u.key(drafts)
	if k == "" {
		return ""
	}
	l.byKey[k] = slices.DeleteFunc(slices.Clone(l.byKey[k]), func(x *unit) bool { return x == u })
	if len(l.byKey[k]) == 0 {
		delete(l.byKey, k)
	}
	return k
}
