// Package generator compiles a site folder into its output: it loads and
// checks the content (package load), links and renders the Markdown
// (package link), renders every output file (package render) and publishes
// them (package publish). It knows nothing about HTTP; serve and the command
// line call it.
package generator

import (
	"github.com/jianghan-district/jianghan/generator/diag"
	"github.com/jianghan-district/jianghan/generator/incremental"
	"github.com/jianghan-district/jianghan/generator/link"
	"github.com/jianghan-district/jianghan/generator/markdown"
	"github.com/jianghan-district/jianghan/generator/model"
	"github.com/jianghan-district/jianghan/generator/render"
	"github.com/jianghan-district/jianghan/generator/urls"
)

// Options describe one build of one site.
type Options struct {
	// Root is the site folder (holding content/); "" means the current one.
	Root string
	// Out is the output folder; "" means Root/public.
	Out string
	// BaseURL overrides site.yaml's base_url when set.
	BaseURL string
	// Drafts includes pages marked draft.
	Drafts bool
	// Portable writes links that work opened from disk (file://).
	Portable bool
	// Precompress writes beside every text file of the output its gzip and
	// Brotli copies, for servers that send them as they are.
	Precompress bool
}

func (o Options) root() string {
	if o.Root == "" {
		return "."
	}
	return o.Root
}

// Project is a loaded, checked and linked site: the model every later stage
// reads, and the problems found on the way.
type Project struct {
	Options Options
	Site    *model.Site
	Linker  urls.Linker
	Diags   *diag.List
	// Converter and Resolver are kept so one page can be re-rendered.
	Converter *markdown.Converter
	Resolver  *link.Resolver

	// live is set by LoadIncremental: what Apply needs to update the
	// project one file at a time.
	live *incremental.State
}

// Load reads, checks and links the site. Content problems are in the
// project's Diags; the error is for what stops loading altogether (no
// content folder, unreadable files).
//
// check, build and serve all read a site through the same code, the
// incremental loader's, so that they report the same problems in the same
// words; Load keeps nothing of it for later changes.
func Load(opts Options) (*Project, error) {
	s, err := incremental.Load(opts.incremental(render.Options{}), false)
	if err != nil {
		return nil, err
	}
	p := &Project{Options: opts}
	p.sync(s, s.Diagnostics())
	return p, nil
}

// incremental are the options of the incremental loader.
func (o Options) incremental(ro render.Options) incremental.Options {
	return incremental.Options{Root: o.root(), BaseURL: o.BaseURL, Drafts: o.Drafts, Portable: o.Portable, Render: ro}
}

// sync takes the model and the problems from the incremental state, which
// Apply may have made anew.
func (p *Project) sync(s *incremental.State, ds []diag.Diagnostic) {
	p.Site, p.Linker, p.Converter, p.Resolver = s.Site, s.Linker, s.Converter, s.Resolver
	p.Diags = &diag.List{}
	for _, d := range ds {
		p.Diags.Add(d)
	}
}
