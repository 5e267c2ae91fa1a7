package generator

import (
	"time"

	"github.com/jianghan-district/jianghan/generator/diag"
	"github.com/jianghan-district/jianghan/generator/publish"
	"github.com/jianghan-district/jianghan/generator/render"
	"github.com/jianghan-district/jianghan/themes"
)

// Result reports what a build did.
type Result struct {
	Project  *Project
	Files    int
	Duration time.Duration
}

// Build loads the site and, when the content has no errors, publishes it to
// the output folder. Content errors come back as *diag.Failed with every
// diagnostic; the previous output is then left untouched.
func Build(opts Options) (*Result, error) {
	start := time.Now()
	// The output folder is resolved and checked first: one path for the
	// check and the publish, refused before anything is read or written.
	out, err := opts.outDir()
	if err != nil {
		return nil, err
	}
	if err := publish.CheckOut(out); err != nil {
		return nil, err
	}
	p, err := Load(opts)
	if err != nil {
		return nil, err
	}
	res := &Result{Project: p}
	if p.Diags.HasErrors() {
		return res, &diag.Failed{Diagnostics: p.Diags.Sorted()}
	}
	// Load converted every page's Markdown; a build needs the sources no
	// more, and would otherwise hold them all until the last file is written.
	for _, pg := range p.Site.Pages {
		pg.Body = nil
	}
	r, err := p.Renderer(render.Options{})
	if err != nil {
		return res, err
	}
	jobs := r.Jobs()
	docs := Documents(p.Site)
	jobs = append(jobs, searchJob(docs, StaticOptions(p.Site, opts.Portable)))
	if !opts.Portable {
		jobs = append(jobs, serveJob(p.Site.Config.BasePath(), docs, Synonyms(p.Site)))
	}
	if err := publish.Publish(out, jobs, render.Sources{Root: opts.root(), Theme: r.Theme()}, publish.Options{Precompress: opts.Precompress}); err != nil {
		return res, err
	}
	res.Files = len(jobs)
	res.Duration = time.Since(start)
	return res, nil
}

// Renderer makes the renderer for the project's site with its theme.
func (p *Project) Renderer(o render.Options) (*render.Renderer, error) {
	o.Linker = p.Linker
	if o.Root == "" {
		o.Root = p.Options.root()
	}
	return render.New(p.Site, themes.ForSite(p.Options.root()), o)
}
