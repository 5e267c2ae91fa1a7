package render

import (
	"strconv"

	"github.com/jianghan-district/jianghan/generator/model"
	"github.com/jianghan-district/jianghan/internal/msg"
)

// kindPages returns the site's pages of one kind in reading order.
func (r *Renderer) kindPages(k model.Kind) []*model.Page {
	var out []*model.Page
	switch k {
	case model.Cases:
		for _, x := range r.site.Cases {
			out = append(out, &x.Page)
		}
	case model.Lectures:
		for _, x := range r.site.Lectures {
			out = append(out, &x.Page)
		}
	case model.Guides:
		for _, x := range r.site.Guides {
			out = append(out, &x.Page)
		}
	case model.Workers:
		for _, x := range r.site.Workers {
			out = append(out, &x.Page)
		}
	case model.Courses:
		for _, x := range r.site.Courses {
			out = append(out, &x.Page)
		}
	case model.Handbook:
		for _, x := range r.site.Chapters {
			out = append(out, &x.Page)
		}
	}
	return out
}

// paginate splits pages into list pages of the configured size; the first
// lives at base, the rest at base/page/N/.
func (r *Renderer) paginate(base, name string, pages []*model.Page, layout string, fill func(d *Data)) []Job {
	size := PerPage(r.site.Config)
	total := (len(pages) + size - 1) / size
	if total == 0 {
		total = 1
	}
	pageURL := func(n int) string {
		if n == 1 {
			return base
		}
		return base + "page/" + strconv.Itoa(n) + "/"
	}
	var jobs []Job
	for n := 1; n <= total; n++ {
		n := n
		lo, hi := (n-1)*size, min(n*size, len(pages))
		d := &Data{URL: pageURL(n), list: pages[lo:hi], listName: ListPage(name, n), Pager: &Pager{Number: n, Total: total}}
		if n > 1 {
			d.Pager.Prev = pageURL(n - 1)
		}
		if n < total {
			d.Pager.Next = pageURL(n + 1)
		}
		fill(d)
		jobs = append(jobs, recorded(outPath(d.URL), func(rec *Recorder) ([]byte, error) {
			// Its slice of the list, and its pager, which counts the
			// whole list.
			rec.list(ListPage(name, n))
			d.rec = rec
			return r.execute(layout, d)
		}))
	}
	return jobs
}

// listJobs renders the paginated list of each kind but the handbook, whose
// index is its table of contents.
func (r *Renderer) listJobs() []Job {
	var jobs []Job
	for _, k := range model.Kinds {
		if k == model.Handbook {
			continue
		}
		k := k
		jobs = append(jobs, r.paginate("/"+string(k)+"/", ListKind(k), r.kindPages(k), "list",
			func(d *Data) {
				d.Title, d.Kind = r.lang.T(k.Key()), k
				if d.Pager.Number > 1 {
					d.Title = r.lang.T(msg.PagedTitle, d.Title, d.Pager.Number)
				}
			})...)
	}
	return jobs
}
