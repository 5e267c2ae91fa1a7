package render

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"strconv"

	"github.com/jianghan-district/jianghan/generator/model"
)

// What a job reads, for serve's incremental rebuilds (see Job.Deps). A job
// names the pages whose data it shows: the page key for all of a page, body
// included, or "card:"+key for what lists and links show of it (title,
// summary, date, street…). Lists name their members in order, and add
// "="-tokens for values that are not pages (a count, a page number), so that
// serve sees a changed list by comparing Deps alone. Every dep must be
// right: a job whose Deps miss an input shows stale output in serve.

// cardKey is a page's card dep, made once per renderer: the job lists of a
// large library name each page's card many times over.
type cardKey struct {
	kind model.Kind
	slug string
	dep  string
}

// cardKeys makes the card deps of every page of the site.
func cardKeys(site *model.Site) map[*model.Page]cardKey {
	m := make(map[*model.Page]cardKey, len(site.Pages))
	for _, p := range site.Pages {
		m[p] = cardKey{kind: p.Kind, slug: p.Slug, dep: "card:" + p.Key()}
	}
	return m
}

// card is the dep on what other pages show of p.
func (r *Renderer) card(p *model.Page) string {
	if c, ok := r.cards[p]; ok && c.slug == p.Slug && c.kind == p.Kind {
		return c.dep
	}
	return "card:" + p.Key()
}

// pageDeps lists what a page's output reads: the page itself, its template,
// its bundle's files (whose sizes its <img> tags carry), and the cards of
// every page it links to, list by list.
func (r *Renderer) pageDeps(p *model.Page) []string {
	n := 10 + len(p.Files) + len(p.WorkerPages) + 5*len(p.Lessons)
	if len(p.Lessons) > 0 {
		n += len(p.Lessons[0].Course.LessonPages)
	}
	if p.Kind == model.Handbook {
		n += len(r.site.Chapters)
	}
	switch e := p.Entry.(type) {
	case *model.Case:
		n += len(e.LecturePages) + len(e.Related)
	case *model.Lecture:
		n += len(e.CasePages)
	case *model.Worker:
		n += len(e.Cases) + len(e.Lectures) + len(e.Guides)
	case *model.Course:
		n += len(e.LessonPages)
	}
	deps := make([]string, 0, n)
	deps = append(deps, p.Key(), "theme:"+layoutOf(p.Kind))
	for _, f := range p.Files {
		deps = append(deps, p.BundleDir+"/"+f)
	}
	deps = append(deps, "=workers")
	for _, w := range p.WorkerPages {
		deps = append(deps, r.card(&w.Page))
	}
	if len(p.Lessons) > 0 {
		// Beside the text, the lessons of its first course.
		deps = append(deps, "=course-lessons")
		for _, l := range p.Lessons[0].Course.LessonPages {
			deps = append(deps, r.card(l))
		}
	}
	if p.Kind == model.Handbook {
		// Beside the text, every chapter in order; at its end, the previous
		// and next chapter.
		deps = append(deps, "=chapters")
		for _, c := range r.site.Chapters {
			deps = append(deps, r.card(&c.Page))
		}
	}
	for _, l := range p.Lessons {
		pos := "=lesson:" + l.Course.Key() + ":" + strconv.Itoa(l.Index) + "/" + strconv.Itoa(l.Total)
		deps = append(deps, pos, r.card(&l.Course.Page))
		if l.Prev != nil {
			deps = append(deps, "=prev", r.card(l.Prev))
		}
		if l.Next != nil {
			deps = append(deps, "=next", r.card(l.Next))
		}
	}
	cases := func(label string, xs []*model.Case) {
		deps = append(deps, label)
		for _, x := range xs {
			deps = append(deps, r.card(&x.Page))
		}
	}
	switch e := p.Entry.(type) {
	case *model.Case:
		deps = append(deps, "=lectures")
		for _, l := range e.LecturePages {
			deps = append(deps, r.card(&l.Page))
		}
		cases("=related", e.Related)
	case *model.Lecture:
		cases("=cases", e.CasePages)
	case *model.Worker:
		cases("=cases", e.Cases)
		deps = append(deps, "=lectures")
		for _, l := range e.Lectures {
			deps = append(deps, r.card(&l.Page))
		}
		deps = append(deps, "=guides")
		for _, g := range e.Guides {
			deps = append(deps, r.card(&g.Page))
		}
	case *model.Course:
		deps = append(deps, "=lessons")
		for _, l := range e.LessonPages {
			deps = append(deps, r.card(l))
		}
	}
	return deps
}

// listDeps lists what one page of a paginated list reads: base (template,
// counts), its place among the pages of the list, and the cards it shows.
func (r *Renderer) listDeps(base []string, pager *Pager, list []*model.Page) []string {
	deps := make([]string, 0, len(base)+1+len(list))
	deps = append(deps, base...)
	deps = append(deps, "=page:"+strconv.Itoa(pager.Number)+"/"+strconv.Itoa(pager.Total))
	for _, p := range list {
		deps = append(deps, r.card(p))
	}
	return deps
}

// cardDeps lists the cards of pages, after base.
func (r *Renderer) cardDeps(base []string, pages []*model.Page) []string {
	deps := append([]string(nil), base...)
	for _, p := range pages {
		deps = append(deps, r.card(p))
	}
	return deps
}

// fullDeps lists the pages themselves, after base: for output that shows
// their bodies (the printable handbook).
func fullDeps(base []string, pages []*model.Page) []string {
	deps := append([]string(nil), base...)
	for _, p := range pages {
		deps = append(deps, p.Key())
	}
	return deps
}

// feedDeps lists the cards of the cases the feed carries, newest first.
func (r *Renderer) feedDeps() []string {
	deps := []string{}
	for i, c := range r.site.Cases {
		if i == feedSize {
			break
		}
		deps = append(deps, r.card(&c.Page))
	}
	return deps
}

// termsDeps lists what a taxonomy's index shows: each term and its count.
func termsDeps(terms []*model.Term) []string {
	deps := []string{"theme:taxonomy"}
	for _, t := range terms {
		deps = append(deps, "="+t.Name+":"+strconv.Itoa(len(t.Pages)))
	}
	return deps
}

// AnyCard is the dep on what lists show of any page at all; serve marks it
// whenever it marks a page's card.
const AnyCard = "card:*"

// siteDeps lists what a page about the whole site reads (the home page, the
// sitemap): the cards of all pages, and a fingerprint of which pages and
// terms there are, with their counts. A body edit leaves them alone; a new
// title, date or page does not.
func (r *Renderer) siteDeps(base ...string) []string {
	h := sha256.New()
	for _, p := range r.site.Pages {
		io.WriteString(h, string(p.Kind))
		io.WriteString(h, "/")
		io.WriteString(h, p.Slug)
		h.Write([]byte{0})
	}
	for _, t := range model.Taxonomies {
		io.WriteString(h, string(t))
		h.Write([]byte{1})
		for _, term := range r.site.Terms[t] {
			io.WriteString(h, term.Name)
			io.WriteString(h, ":"+strconv.Itoa(len(term.Pages)))
			h.Write([]byte{0})
		}
	}
	return append(append([]string(nil), base...), AnyCard, "=site:"+hex.EncodeToString(h.Sum(nil)[:12]))
}
