package render

import (
	"html/template"
	"strings"

	"github.com/jianghan-district/jianghan/generator/model"
)

// Data is what every template receives.
type Data struct {
	// Site is the whole site, as templates read it (see SiteView).
	Site        SiteView
	URL         string // this output's site path, "/cases/x/"
	Title       string // the page's own title ("" on the home page)
	Description string
	Kind        model.Kind
	Page        *model.Page
	Entry       model.Entry
	Crumbs      []Crumb
	Pager       *Pager
	Term        *model.Term
	Taxonomy    model.Taxonomy
	NoIndex     bool
	// Prev and Next are a handbook chapter's neighbours in reading order,
	// nil at the ends and on other pages.
	Prev, Next *model.Page

	// list is the slice of pages a list page shows, of the list named
	// listName (see List); terms the terms of a taxonomy's index.
	list     []*model.Page
	listName string
	terms    []*model.Term

	r     *Renderer
	group string    // the layout's partials, see Renderer.groups
	links *[]string // when set, collects the site paths linked to, see cache.go
	rec   *Recorder // what the job reads, see deps.go; nil in a partial
}

// List returns the pages a list page shows.
func (d *Data) List() []*model.Page {
	if d.listName != "" {
		d.rec.list(d.listName)
	}
	return d.list
}

// Terms returns the terms a taxonomy's index shows, with their pages.
func (d *Data) Terms() []*model.Term {
	d.rec.list(ListTaxonomy(d.Taxonomy))
	return d.terms
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

// PageLink returns the href of a page as written on this page; the page
// names it, so it reads what lists show of it.
func (d *Data) PageLink(p *model.Page) string {
	d.rec.card(p)
	return d.Link(p.URL())
}

// TermLink returns the href of a term page.
func (d *Data) TermLink(t, name string) string { return d.Link("/" + t + "/" + name + "/") }

// Asset returns the href of a theme asset by its logical name ("css/site.css"),
// pointing at the fingerprinted file.
func (d *Data) Asset(name string) string {
	a, ok := d.r.assets[name]
	if !ok {
		d.rec.add(Dep{DepAsset, "assets/" + name})
		return d.Link("/assets/" + name)
	}
	d.rec.add(Dep{DepAsset, a.src})
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
func (d *Data) Summary(p *model.Page) string {
	d.rec.card(p)
	return p.Blurb()
}

// Case returns the page's case, or nil; templates use it for list cards.
func (d *Data) Case(p *model.Page) *model.Case {
	d.rec.card(p)
	c, _ := p.Entry.(*model.Case)
	return c
}

// Worker returns the page's worker, or nil; templates use it for list
// cards, which show a worker's street and role.
func (d *Data) Worker(p *model.Page) *model.Worker {
	d.rec.card(p)
	w, _ := p.Entry.(*model.Worker)
	return w
}

// Abs returns an absolute URL for the feed and sitemap, with the origin when
// base_url names one.
func (d *Data) Abs(target string) string {
	return d.r.site.Config.Origin() + d.r.opts.Linker.Abs(target)
}

// TermsOf returns the terms of a taxonomy named as in its URL ("topics").
func (d *Data) TermsOf(t string) []*model.Term {
	d.rec.list(ListTaxonomy(model.Taxonomy(t)))
	return d.r.site.Terms[model.Taxonomy(t)]
}

// SiteView is the site as templates read it, {{.Site.Cases}}: each list it
// hands out is recorded as read by the job (see deps.go).
type SiteView struct {
	site *model.Site
	rec  *Recorder
}

// Config is site.yaml; a change to it reads the whole site again.
func (v SiteView) Config() model.Config { return v.site.Config }

// Cases are the cases, newest first.
func (v SiteView) Cases() []*model.Case {
	v.rec.list(ListKind(model.Cases))
	return v.site.Cases
}

// Lectures are the micro-lectures in reading order.
func (v SiteView) Lectures() []*model.Lecture {
	v.rec.list(ListKind(model.Lectures))
	return v.site.Lectures
}

// Guides are the studio guides in reading order.
func (v SiteView) Guides() []*model.Guide {
	v.rec.list(ListKind(model.Guides))
	return v.site.Guides
}

// Workers are the exemplar workers in reading order.
func (v SiteView) Workers() []*model.Worker {
	v.rec.list(ListKind(model.Workers))
	return v.site.Workers
}

// Courses are the courses in reading order.
func (v SiteView) Courses() []*model.Course {
	v.rec.list(ListKind(model.Courses))
	return v.site.Courses
}

// Chapters are the handbook's chapters in reading order.
func (v SiteView) Chapters() []*model.Chapter {
	v.rec.list(ListKind(model.Handbook))
	return v.site.Chapters
}

// Pages are every page, sorted by URL.
func (v SiteView) Pages() []*model.Page {
	v.rec.list(ListPages)
	return v.site.Pages
}

// Terms are the terms of every taxonomy.
func (v SiteView) Terms() map[model.Taxonomy][]*model.Term {
	for _, t := range model.Taxonomies {
		v.rec.list(ListTaxonomy(t))
	}
	return v.site.Terms
}

// Static lists the files under content/static.
func (v SiteView) Static() []string {
	v.rec.list(ListStatic)
	return v.site.Static
}

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
