package render

import (
	"github.com/jianghan-district/jianghan/generator/model"
)

// pageJobs renders one page per entry, each with the template of its kind.
func (r *Renderer) pageJobs() []Job {
	var jobs []Job
	for _, p := range r.site.Pages {
		p := p
		jobs = append(jobs, Job{
			Path:   outPath(p.URL()),
			Deps:   r.pageDeps(p),
			Render: func() ([]byte, error) { return r.Page(p) },
		})
	}
	return jobs
}

func layoutOf(k model.Kind) string {
	switch k {
	case model.Cases:
		return "case"
	case model.Lectures:
		return "lecture"
	case model.Guides:
		return "guide"
	case model.Workers:
		return "worker"
	case model.Courses:
		return "course"
	}
	return "chapter"
}

// Page renders one page of any kind.
func (r *Renderer) Page(p *model.Page) ([]byte, error) {
	d := &Data{
		URL:         p.URL(),
		Title:       p.Title,
		Description: p.Blurb(),
		Kind:        p.Kind,
		Page:        p,
		Entry:       p.Entry,
		Crumbs:      []Crumb{{Title: p.Kind.Label(), URL: "/" + string(p.Kind) + "/"}},
	}
	return r.execute(layoutOf(p.Kind), d)
}
