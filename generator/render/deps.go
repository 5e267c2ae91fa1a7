package render

import (
	"slices"
	"strconv"

	"github.com/jianghan-district/jianghan/generator/model"
)

// What a job read, for serve's incremental rebuilds. A job that renders a
// template records, while it renders, every input the template reached
// through Data: the page it is about, the cards and links of other pages
// (Data.Part, Data.PageLink), the lists it showed (Data.List, .Site.Cases,
// Data.Terms…), its template and the theme assets it named. Serve keeps
// what each job recorded and runs it again when one of those inputs
// changes (package incremental). A copy job reads its source alone, which
// it declares.

// DepKind is what kind of input a Dep names.
type DepKind uint8

// The kinds of input a job reads.
const (
	// DepPage is all of one page, body and links included; Key is the page
	// key, "cases/lift".
	DepPage DepKind = iota + 1
	// DepCard is what lists and links show of a page (title, summary,
	// date, street…); Key is the page key.
	DepCard
	// DepAnyCard is what lists show of any page at all, for pages about
	// the whole site (the sitemap); Key is "".
	DepAnyCard
	// DepList is which pages a list holds and in which order; Key names
	// the list (see the List* functions).
	DepList
	// DepTemplate is one page template of the theme; Key is its name,
	// "case". A change to base.html or the partials reaches every job
	// that has one.
	DepTemplate
	// DepAsset is a file of the theme; Key is its path in the theme,
	// "assets/css/site.css".
	DepAsset
	// DepFile is a file of the site copied or read as it is; Key is its
	// path from the site root, "content/cases/lift/photo.jpg".
	DepFile
)

// Dep is one input of a job.
type Dep struct {
	Kind DepKind
	Key  string
}

// The names of lists (Dep.Key of a DepList).

// ListKind names the pages of one kind in reading order: "cases".
func ListKind(k model.Kind) string { return string(k) }

// ListTerm names the pages of one term: "term:topics/居民自治".
func ListTerm(t model.Taxonomy, name string) string { return "term:" + string(t) + "/" + name }

// ListTaxonomy names the terms of a taxonomy with their counts: "tax:topics".
func ListTaxonomy(t model.Taxonomy) string { return "tax:" + string(t) }

// ListPage names page n (from 1) of the paginated list named list:
// "cases#3". It stands for the pages that page shows and the length of the
// whole list, which its pager counts, so a case whose date moves it reruns
// the list pages between its old place and its new one, not every page of
// the list. ('#' is refused in names, so it cannot occur in a term.)
func ListPage(list string, n int) string { return list + "#" + strconv.Itoa(n) }

// PerPage is how many pages a page of a list shows: site.yaml's paginate,
// 20 when it is not set.
func PerPage(cfg model.Config) int {
	if cfg.Paginate <= 0 {
		return 20
	}
	return cfg.Paginate
}

// ListPages names every page of the site: "pages".
const ListPages = "pages"

// ListStatic names the files of content/static: "static".
const ListStatic = "static"

// Recorder collects what one job reads while it renders. A job runs on one
// goroutine at a time, and starts a new list of deps each time it runs:
// the list of the run before may be kept by serve.
type Recorder struct {
	deps []Dep
	seen map[Dep]struct{} // for long lists only, dropped when the run ends
}

// add records one input, once.
func (r *Recorder) add(d Dep) {
	if r == nil {
		return
	}
	if r.seen == nil {
		if slices.Contains(r.deps, d) {
			return
		}
		r.deps = append(r.deps, d)
		if len(r.deps) == 32 {
			r.seen = make(map[Dep]struct{}, 64)
			for _, x := range r.deps {
				r.seen[x] = struct{}{}
			}
		}
		return
	}
	if _, ok := r.seen[d]; ok {
		return
	}
	r.seen[d] = struct{}{}
	r.deps = append(r.deps, d)
}

// card records what lists show of a page.
func (r *Recorder) card(p *model.Page) {
	if r != nil && p != nil {
		r.add(Dep{DepCard, p.Key()})
	}
}

// list records a list by its name.
func (r *Recorder) list(name string) { r.add(Dep{DepList, name}) }

// Deps returns what a job read when it last ran: what it declares (a copy
// job's source) and what it recorded.
func (j *Job) Deps() []Dep {
	switch {
	case j.rec == nil:
		return j.Declared
	case len(j.Declared) == 0:
		return j.rec.deps
	}
	return append(slices.Clip(j.Declared), j.rec.deps...)
}

// recorded makes a job that records what render reads.
func recorded(path string, render func(rec *Recorder) ([]byte, error)) Job {
	rec := &Recorder{}
	return Job{Path: path, rec: rec, Render: func() ([]byte, error) {
		rec.deps, rec.seen = nil, nil
		defer func() { rec.seen = nil }()
		return render(rec)
	}}
}
