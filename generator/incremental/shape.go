package incremental

import (
	"github.com/jianghan-district/jianghan/generator/model"
	"github.com/jianghan-district/jianghan/generator/render"
)

// When the shape of the site changes (pages come or go, front matter moves
// a page in its lists or changes its links), the lists and the links of
// every page are compared, each by a small key made by an explicit
// function: a list whose key changed marks render.DepList of its name, a
// page whose links changed marks its render.DepPage. A job that read them
// runs again.

// siteKeys are the keys of every list, by its name (render.List*), and of
// the links of every page, by page key.
type siteKeys struct {
	lists map[string]string
	links map[string]string
}

// keysOfSite makes the keys of a linked site.
func keysOfSite(site *model.Site) *siteKeys {
	k := &siteKeys{lists: map[string]string{}, links: make(map[string]string, len(site.Pages))}
	per := render.PerPage(site.Config)
	// The kinds' lists are in reading order; site.Pages is sorted by URL.
	kinds := map[model.Kind][]*model.Page{
		model.Cases:    bases(site.Cases),
		model.Lectures: bases(site.Lectures),
		model.Guides:   bases(site.Guides),
		model.Workers:  bases(site.Workers),
		model.Courses:  bases(site.Courses),
		model.Handbook: bases(site.Chapters),
	}
	for kind, pages := range kinds {
		k.list(render.ListKind(kind), pages, per)
	}
	var all keyWriter
	for _, p := range site.Pages {
		all.str(p.Key())
		k.links[p.Key()] = linksKey(p)
	}
	k.lists[render.ListPages] = all.String()
	for _, t := range model.Taxonomies {
		var tax keyWriter
		for _, term := range site.Terms[t] {
			k.list(render.ListTerm(t, term.Name), term.Pages, per)
			tax.str(term.Name)
			tax.n(len(term.Pages))
		}
		k.lists[render.ListTaxonomy(t)] = tax.String()
	}
	var static keyWriter
	static.list(site.Static)
	k.lists[render.ListStatic] = static.String()
	return k
}

// list keys the list name of pages, and each of its list pages as
// render.ListPage names them: the pages it shows and the length of the
// whole list.
func (k *siteKeys) list(name string, pages []*model.Page, per int) {
	var w keyWriter
	pageKeys(&w, pages)
	k.lists[name] = w.String()
	for n := 1; n == 1 || (n-1)*per < len(pages); n++ {
		var pw keyWriter
		pw.n(len(pages))
		pageKeys(&pw, pages[(n-1)*per:min(n*per, len(pages))])
		k.lists[render.ListPage(name, n)] = pw.String()
	}
}

// bases are the pages of entries, in their order.
func bases[E model.Entry](es []E) []*model.Page {
	out := make([]*model.Page, len(es))
	for i, e := range es {
		out[i] = e.Base()
	}
	return out
}

// linksKey is what linking gives a page: which pages it links to, in
// order, and its place in the courses it is a lesson of.
func linksKey(p *model.Page) string {
	var w keyWriter
	w.n(len(p.WorkerPages))
	for _, x := range p.WorkerPages {
		w.str(x.Key())
	}
	w.n(len(p.Lessons))
	for _, l := range p.Lessons {
		w.str(l.Course.Key())
		w.n(l.Index)
		w.n(l.Total)
		w.str(keyOf(l.Prev), keyOf(l.Next))
	}
	if len(p.Lessons) > 0 {
		// Beside the text, the lessons of its first course.
		pageKeys(&w, p.Lessons[0].Course.LessonPages)
	}
	switch e := p.Entry.(type) {
	case *model.Case:
		entryKeys(&w, e.LecturePages)
		entryKeys(&w, e.Related)
	case *model.Lecture:
		entryKeys(&w, e.CasePages)
	case *model.Worker:
		entryKeys(&w, e.Cases)
		entryKeys(&w, e.Lectures)
		entryKeys(&w, e.Guides)
	case *model.Course:
		pageKeys(&w, e.LessonPages)
	}
	return w.String()
}

func keyOf(p *model.Page) string {
	if p == nil {
		return ""
	}
	return p.Key()
}

func pageKeys(w *keyWriter, ps []*model.Page) {
	w.n(len(ps))
	for _, p := range ps {
		w.str(p.Key())
	}
}

func entryKeys[E model.Entry](w *keyWriter, es []E) {
	w.n(len(es))
	for _, e := range es {
		w.str(e.Base().Key())
	}
}

// markShape compares the site's keys with those last compared and marks
// the lists and the pages' links that changed.
func (o *output) markShape(site *model.Site) {
	now := keysOfSite(site)
	was := o.keys
	o.keys = now
	if was == nil {
		o.all = true
		return
	}
	for name, k := range now.lists {
		if was.lists[name] != k {
			o.dirty[render.Dep{Kind: render.DepList, Key: name}] = true
		}
	}
	for name := range was.lists {
		if _, ok := now.lists[name]; !ok {
			o.dirty[render.Dep{Kind: render.DepList, Key: name}] = true
		}
	}
	for key, k := range now.links {
		if was.links[key] != k {
			o.dirty[render.Dep{Kind: render.DepPage, Key: key}] = true
		}
	}
}
