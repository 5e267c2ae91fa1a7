package render

import (
	"html/template"
	"strings"

	"github.com/jianghan-district/jianghan/generator/model"
)

// Data is what every template receives.
type Data struct {
	Site        *model.Site
	URL         string // this output's site path, "/cases/x/"
	Title       string // the page's own title ("" on the home page)
	Description string
	Kind        model.Kind
	Page        *model.Page
	Entry       model.Entry
	Crumbs      []Crumb
	List        []*model.Page
	Pager       *Pager
	Term        *model.Term
	Terms       []*model.Term
	Taxonomy    model.Taxonomy
	NoIndex     bool
	// Prev and Next are a handbook chapter's neighbours in reading order,
	// nil at the ends and on other pages.
	Prev, Next *model.Page

	r     *Renderer
	group string    // the layout's partials, see Renderer.groups
	links *[]string // when set, collects the site paths linked to, see cache.go
}

// Crumb is one step of the breadcrumb trail.
type Crumb struct {
	Title string
	URL   string
}

// Pager places a list page among its siblings.
type Pager struct {
	Number, Total int
	Prev, Next    string // site paths, "" at the ends
}

// Link returns the href of a site path as written on this page.
func (d *Data) Link(target string) string {
	if d.links != nil {
		*d.links = append(*d.links, target)
	}
	return d.r.opts.Linker.Link(d.URL, target)
}

// PageLink returns the href of a page as written on this page.
func (d *Data) PageLink(p *model.Page) string { return d.Link(p.URL()) }

// TermLink returns the href of a term page.
func (d *Data) TermLink(t, name string) string { return d.Link("/" + t + "/" + name + "/") }

// Asset returns the href of a theme asset by its logical name ("css/site.css"),
// pointing at the fingerprinted file.
func (d *Data) Asset(name string) string {
	a, ok := d.r.assets[name]
	if !ok {
		return d.Link("/assets/" + name)
	}
	return d.Link("/" + a.out)
}

// Base is the site's base path as seen from this page: the absolute base
// path, or in portable mode the relative way back to the site root.
func (d *Data) Base() string {
	if d.r.opts.Linker.Portable {
		if l := strings.TrimSuffix(d.Link("/"), "index.html"); l != "" {
			return l
		}
		return "./"
	}
	return d.r.opts.Linker.Base
}

// Portable reports whether the output is meant to be opened from disk.
func (d *Data) Portable() bool { return d.r.opts.Linker.Portable }

// DevScript is the live-reload snippet in serve, empty otherwise.
func (d *Data) DevScript() template.HTML { return d.r.opts.DevScript }

// Summary returns what a list shows of a page (model.Page.Blurb).
func (d *Data) Summary(p *model.Page) string { return p.Blurb() }

// Case returns the page's case, or nil; templates use it for list cards.
func (d *Data) Case(p *model.Page) *model.Case {
	c, _ := p.Entry.(*model.Case)
	return c
}

// Worker returns the page's worker, or nil; templates use it for list
// cards, which show a worker's street and role.
func (d *Data) Worker(p *model.Page) *model.Worker {
	w, _ := p.Entry.(*model.Worker)
	return w
}

// Abs returns an absolute URL for the feed and sitemap, with the origin when
// base_url names one.
func (d *Data) Abs(target string) string {
	return d.Site.Config.Origin() + d.r.opts.Linker.Abs(target)
}

// TermsOf returns the terms of a taxonomy named as in its URL ("topics").
func (d *Data) TermsOf(t string) []*model.Term { return d.Site.Terms[model.Taxonomy(t)] }

// PagerLinks returns the pager with its links written for this page.
func (d *Data) PagerLinks() *Pager {
	if d.Pager == nil {
		return nil
	}
	p := *d.Pager
	if p.Prev != "" {
		p.Prev = d.Link(p.Prev)
	}
	if p.Next != "" {
		p.Next = d.Link(p.Next)
	}
	return &p
}
