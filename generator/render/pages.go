package render

import (
	"github.com/jianghan-district/jianghan/generator/model"
)

// pageJobs renders one page per entry, each with the template of its kind.
func (r *Renderer) pageJobs() []Job {
	var jobs []Job
	for _, p := range r.site.Pages {
		p := p
		jobs = append(jobs, recorded(outPath(p.URL()), func(rec *Recorder) ([]byte, error) { return r.page(p, rec) }))
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
func (r *Renderer) Page(p *model.Page) ([]byte, error) { return r.page(p, nil) }

// page renders one page, recording what it reads into rec: the page itself
// with its links, and the files of its bundle, whose sizes its <img> tags
// carry.
func (r *Renderer) page(p *model.Page, rec *Recorder) ([]byte, error) {
	rec.add(Dep{DepPage, p.Key()})
	for _, f := range p.Files {
		rec.add(Dep{DepFile, p.BundleDir + "/" + f})
	}
	d := &Data{
		rec:         rec,
		URL:         p.URL(),
		Title:       p.Title,
		Description: p.Blurb(),
		Kind:        p.Kind,
		Page:        p,
		Entry:       p.Entry,
		Crumbs:      []Crumb{{Title: r.lang.T(p.Kind.Key()), URL: "/" + string(p.Kind) + "/"}},
	}
	if p.Kind == model.Handbook {
		rec.list(ListKind(model.Handbook))
		d.Prev, d.Next = neighbours(r.kindPages(model.Handbook), p)
	}
	return r.execute(layoutOf(p.Kind), d)
}

// neighbours returns the pages before and after p in pages, nil at the
// ends or when p is not among them.
func neighbours(pages []*model.Page, p *model.Page) (prev, next *model.Page) {
	for i, x := range pages {
		if x != p {
			continue
		}
		if i > 0 {
			prev = pages[i-1]
		}
		if i+1 < len(pages) {
			next = pages[i+1]
		}
		break
	}
	return prev, next
}
