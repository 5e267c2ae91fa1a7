package render

import (
	"strconv"

	"github.com/jianghan-district/jianghan/generator/model"
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
		idx := &Data{URL: "/" + string(t) + "/", Title: "按" + t.Label() + "浏览", Taxonomy: t, Terms: terms}
		jobs = append(jobs, Job{Path: outPath(idx.URL), Deps: termsDeps(terms), Render: func() ([]byte, error) { return r.execute("taxonomy", idx) }})
		for _, term := range terms {
			term := term
			jobs = append(jobs, r.paginate(term.URL(), term.Pages, []string{"theme:term", "=count:" + strconv.Itoa(len(term.Pages))},
				func(d *Data) ([]byte, error) { return r.execute("term", d) },
				func(d *Data) {
					d.Term, d.Taxonomy = term, t
					d.Title = t.Label() + "：" + term.Name
					if d.Pager.Number > 1 {
						d.Title += "（第 " + strconv.Itoa(d.Pager.Number) + " 页）"
					}
					d.Crumbs = []Crumb{{Title: "按" + t.Label() + "浏览", URL: "/" + string(t) + "/"}}
				})...)
		}
	}
	return jobs
}
