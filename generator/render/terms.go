package render

import (
	"github.com/jianghan-district/jianghan/generator/model"
	"github.com/jianghan-district/jianghan/internal/msg"
)

// termJobs renders, for each taxonomy, an index of its terms and one
// paginated page per term.
func (r *Renderer) termJobs() []Job {
	var jobs []Job
	for _, t := range model.Taxonomies {
		t := t
		terms := r.site.Terms[t]
		if len(terms) == 0 {
			continue
		}
		browse := r.lang.T(msg.BrowseBy, r.lang.T(t.Key()))
		idx := &Data{URL: "/" + string(t) + "/", Title: browse, Taxonomy: t, terms: terms}
		jobs = append(jobs, r.job(outPath(idx.URL), "taxonomy", idx))
		for _, term := range terms {
			term := term
			jobs = append(jobs, r.paginate(term.URL(), ListTerm(t, term.Name), term.Pages, "term",
				func(d *Data) {
					d.Term, d.Taxonomy = term, t
					d.Title = r.lang.T(msg.TermTitle, r.lang.T(t.Key()), term.Name)
					if d.Pager.Number > 1 {
						d.Title = r.lang.T(msg.PagedTitle, d.Title, d.Pager.Number)
					}
					d.Crumbs = []Crumb{{Title: browse, URL: "/" + string(t) + "/"}}
				})...)
		}
	}
	return jobs
}
