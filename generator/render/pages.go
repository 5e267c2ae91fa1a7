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
			Deps:   pageDeps(p),
			Render: func() ([]byte, error) { return r.Page(p) },
		})
	}
	return jobs
}

// pageDeps lists what a page's output shows besides itself: the pages it
// links to by name and, for the back-links, the kinds that may name it.
func pageDeps(p *model.Page) []string {
	deps := []string{p.Key(), "theme:" + layoutOf(p.Kind)}
	for _, w := range p.WorkerPages {
		deps = append(deps, w.Key())
	}
	for _, l := range p.Lessons {
		deps = append(deps, l.Course.Key())
	}
	switch e := p.Entry.(type) {
	case *model.Case:
		deps = append(deps, "kind:cases", "kind:courses", "kind:lectures")
	case *model.Worker, *model.Lecture:
		deps = append(deps, "kind:cases", "kind:lectures", "kind:guides", "kind:courses")
	case *model.Course:
		for _, l := range e.LessonPages {
			deps = append(deps, l.Key())
		}
	default:
		deps = append(deps, "kind:courses")
	}
	return deps
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
		Description: p.Summary,
		Kind:        p.Kind,
		Page:        p,
		Entry:       p.Entry,
		Crumbs:      []Crumb{{Title: p.Kind.Label(), URL: "/" + string(p.Kind) + "/"}},
	}
	if d.Description == "" {
		d.Description = excerpt(p.Text, 80)
	}
	return r.execute(layoutOf(p.Kind), d)
}
