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
	byKind := map[model.Kind]*keyWriter{}
	for _, kind := range model.Kinds {
		byKind[kind] = &keyWriter{}
	}
	// site.Pages is sorted by URL; the kinds' lists are in reading order.
	for _, c := range site.Cases {
		byKind[model.Cases].str(c.Key())
	}
	for _, x := range site.Lectures {
		byKind[model.Lectures].str(x.Key())
	}
	for _, x := range site.Guides {
		byKind[model.Guides].str(x.Key())
	}
	for _, x := range site.Workers {
		byKind[model.Workers].str(x.Key())
	}
	for _, x := range site.Courses {
		byKind[model.Courses].str(x.Key())
	}
	for _, x := range site.Chapters {
		byKind[model.Handbook].str(x.Key())
	}
	for kind, w := range byKind {
		k.lists[render.ListKind(kind)] = w.String()
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
			var w keyWriter
			pageKeys(&w, term.Pages)
			k.lists[render.ListTerm(t, term.Name)] = w.String()
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
