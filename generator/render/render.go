package render

import (
	"bytes"
	"html/template"
	"io/fs"
	"path"
	"strings"
	"sync"

	"github.com/jianghan-district/jianghan/generator/htmlrewrite"
	"github.com/jianghan-district/jianghan/generator/images"
	"github.com/jianghan-district/jianghan/generator/model"
	"github.com/jianghan-district/jianghan/generator/urls"
	"github.com/jianghan-district/jianghan/internal/msg"
)

// Job produces one output file.
type Job struct {
	// Path is the file's path in the output folder, e.g. "cases/lift/index.html".
	Path string
	// Declared is what a job reads that it does not record while it runs:
	// a copy job's source. Deps returns it with what was recorded.
	Declared []Dep
	// rec collects what Render reads (see deps.go).
	rec *Recorder
	// Render makes the file's bytes.
	Render func() ([]byte, error)
	// Source, when set, is a file copied as is (bundle files, static files,
	// assets); Render is then nil. It is a path relative to the site root, or
	// "theme:" followed by a path in the theme.
	Source string
	// Files, when set, makes a whole folder of files at Path (the search
	// index), handing each to put by its slash path inside that folder; put
	// may be called from several goroutines, and keeps no reference to data
	// once it returns (search.StaticFiles reuses that memory). Render and
	// Source are then unused. The files go through the same writer as every
	// other output, so one whose bytes did not change is not rewritten.
	Files func(put func(name string, data []byte) error) error
}

// Options are the output choices of one build.
type Options struct {
	Linker urls.Linker
	// DevScript is HTML injected before </body> in dev mode.
	DevScript template.HTML
	// Root is the site folder, from which the images of page bundles are
	// read to size and resize them; "" leaves images as they are.
	Root string
}

// Renderer holds the parsed theme and the site; it is safe for concurrent use
// once built.
type Renderer struct {
	site   *model.Site
	theme  fs.FS
	opts   Options
	lang   msg.Lang // the language of the pages' words, from site.yaml
	tpls   map[string]*template.Template
	assets map[string]asset // logical name ("css/site.css") → fingerprinted file

	// partials is base.html with the partials, which the layouts are cloned
	// from; groups maps a layout to "" when it leaves the partials as they
	// are, so its cards and shared partials are those of every other such
	// layout, or to its own name when it redefines one (see cache.go).
	partials *template.Template
	groups   map[string]string
	parts    partCache

	imagesOnce sync.Once
	images     map[string]*images.Image // site path → bundle image, see loadImages
	rewriter   *htmlrewrite.Rewriter    // adds image sizes and table boxes to each page
}

// New parses the theme's templates and fingerprints its assets.
func New(site *model.Site, theme fs.FS, opts Options) (*Renderer, error) {
	if opts.Linker.Base == "" {
		opts.Linker.Base = "/"
	}
	r := &Renderer{site: site, theme: theme, opts: opts, lang: language(site),
		parts: partCache{parts: map[partSlot][]*partVariant{}}}
	r.rewriter = &htmlrewrite.Rewriter{
		Linker:     opts.Linker,
		Image:      func(p string) *images.Image { return r.loadImages()[p] },
		TableLabel: func(n int) string { return r.lang.T(msg.TableLabel, n) },
	}
	if err := r.loadAssets(); err != nil {
		return nil, err
	}
	if err := r.parse(); err != nil {
		return nil, err
	}
	return r, nil
}

// The page templates (layouts) are the files templates/*.html other than
// base.html, found in the theme rather than listed here, so that a theme
// may add one; each is parsed together with the base layout and the shared
// partials under templates/partials/.
func (r *Renderer) parse() error {
	src, err := fs.ReadFile(r.theme, "templates/base.html")
	if err != nil {
		return msg.Errorf(msg.ThemeFailed, err)
	}
	base, err := template.New("base.html").Funcs(r.funcs()).Parse(string(src))
	if err != nil {
		return msg.Errorf(msg.ThemeTemplateBad, "templates/base.html", err)
	}
	own := map[string]bool{} // the templates base.html defines itself
	for _, t := range base.Templates() {
		own[t.Name()] = true
	}
	partials, err := fs.Glob(r.theme, "templates/partials/*.html")
	if err != nil {
		return err
	}
	for _, f := range partials {
		b, err := fs.ReadFile(r.theme, f)
		if err != nil {
			return msg.Errorf(msg.ThemeFailed, err)
		}
		if _, err := base.New(path.Base(f)).Parse(string(b)); err != nil {
			return msg.Errorf(msg.ThemeTemplateBad, f, err)
		}
	}
	layouts, err := fs.Glob(r.theme, "templates/*.html")
	if err != nil {
		return err
	}
	r.tpls = map[string]*template.Template{}
	r.groups = map[string]string{}
	for _, f := range layouts {
		name := strings.TrimSuffix(path.Base(f), ".html")
		if name == "base" {
			continue
		}
		b, err := fs.ReadFile(r.theme, f)
		if err != nil {
			return msg.Errorf(msg.ThemeFailed, err)
		}
		t, err := base.Clone()
		if err != nil {
			return err
		}
		if _, err := t.New(name + ".html").Parse(string(b)); err != nil {
			return msg.Errorf(msg.ThemeTemplateBad, f, err)
		}
		r.tpls[name] = t
		r.groups[name] = ""
		if redefinesPartials(base, t, own, name+".html") {
			r.groups[name] = name
		}
	}
	r.partials = base
	return nil
}

// redefinesPartials reports whether a layout's template set t, cloned from
// base, defines a template base lacks or defines a partial anew (base.html's
// own blocks, such as "main", are meant to be redefined), so that a card or
// another partial may come out differently with it.
func redefinesPartials(base, t *template.Template, own map[string]bool, layout string) bool {
	for _, x := range t.Templates() {
		name := x.Name()
		if name == layout || own[name] {
			continue
		}
		b := base.Lookup(name)
		if b == nil || b.Tree == nil || x.Tree == nil {
			return true
		}
		if b.Tree.Root.String() != x.Tree.Root.String() {
			return true
		}
	}
	return false
}

// execute renders a layout with the page data into bytes.
func (r *Renderer) execute(layout string, d *Data) ([]byte, error) {
	t := r.tpls[layout]
	if t == nil {
		return nil, msg.Errorf(msg.ThemeNoTemplate, layout)
	}
	d.r = r
	d.Site = SiteView{site: r.site, rec: d.rec}
	d.group = r.groups[layout]
	d.rec.add(Dep{DepTemplate, layout})
	buf := bufPool.Get().(*bytes.Buffer)
	defer bufPool.Put(buf)
	buf.Reset()
	if err := t.ExecuteTemplate(buf, "base.html", d); err != nil {
		return nil, msg.Errorf(msg.RenderFailed, d.URL, layout, err)
	}
	b := buf.Bytes()
	out := r.rewriter.Page(d.URL, b)
	if len(out) == 0 || &out[0] == &b[0] {
		out = bytes.Clone(out) // the rewriter changed nothing; b goes back to the pool
	}
	return out, nil
}

// outPath maps a site path to the output file: "/cases/x/" → "cases/x/index.html".
func outPath(url string) string {
	p := strings.TrimPrefix(url, "/")
	if p == "" || strings.HasSuffix(p, "/") {
		p += "index.html"
	}
	return p
}

// Jobs lists every output file of the site, in a stable order.
func (r *Renderer) Jobs() []Job {
	var jobs []Job
	jobs = append(jobs, r.pageJobs()...)
	jobs = append(jobs, r.listJobs()...)
	jobs = append(jobs, r.termJobs()...)
	jobs = append(jobs, r.handbookJobs()...)
	jobs = append(jobs, r.sitewideJobs()...)
	jobs = append(jobs, r.fileJobs()...)
	jobs = append(jobs, r.imageJobs()...)
	jobs = append(jobs, r.offlineJobs()...)
	return jobs
}
