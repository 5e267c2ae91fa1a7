package generator

import (
	"strings"

	"github.com/jianghan-district/jianghan/generator/model"
	"github.com/jianghan-district/jianghan/generator/render"
	"github.com/jianghan-district/jianghan/search"
)

// Documents turns the site's pages into what the search library indexes.
// A case's problem and solution are fields of their own, so that a match
// there can weigh more than a passing mention.
func Documents(site *model.Site) []search.Document {
	docs := make([]search.Document, 0, len(site.Pages))
	for _, p := range site.Pages {
		d := search.Document{
			URL:     p.URL(),
			Title:   p.Title,
			Kind:    string(p.Kind),
			Summary: p.Summary,
			Tags:    p.Tags,
			Date:    p.DateString(),
		}
		var rest []string
		for _, s := range p.Sections {
			switch s.Role {
			case "problem":
				d.Problem = s.Text
			case "solution":
				d.Solution = s.Text
			default:
				if s.Heading.Text != "" {
					rest = append(rest, s.Heading.Text)
				}
				rest = append(rest, s.Text)
			}
		}
		switch e := p.Entry.(type) {
		case *model.Case:
			d.Street, d.Topics, d.Methods = e.Street, e.Topics, e.Methods
		case *model.Lecture:
			d.Topics = e.Topics
			rest = append(rest, e.Speaker, strings.Join(e.Objectives, "\n"))
		case *model.Guide:
			d.Topics = e.Topics
			rest = append(rest, e.Audience)
		case *model.Worker:
			d.Street = e.Street
			rest = append(rest, e.Community, e.Role, e.Method)
			for _, a := range e.Awards {
				rest = append(rest, a.Title)
			}
		}
		d.Body = strings.Join(rest, "\n")
		docs = append(docs, d)
	}
	return docs
}

// SearchJob writes the browser's search index into OUT/search/.
func (p *Project) SearchJob() render.Job {
	docs := Documents(p.Site)
	portable := p.Options.Portable
	return render.Job{
		Path: "search",
		Deps: []string{"*"},
		Files: func(put func(name string, data []byte) error) error {
			return search.StaticFiles(docs, search.StaticOptions{Portable: portable}, put)
		},
	}
}
