package generator

import (
	"strconv"
	"strings"

	"github.com/jianghan-district/jianghan/generator/model"
	"github.com/jianghan-district/jianghan/generator/render"
	"github.com/jianghan-district/jianghan/internal/msg"
	"github.com/jianghan-district/jianghan/search"
	"github.com/jianghan-district/jianghan/search/static"
)

// Documents turns the site's pages into what the search library indexes:
// the text of each page with its headings, and every term the page is
// filed under (street, community, topics, methods, the people involved,
// tags, a worker's role and method, a guide's audience), so that a case
// filed under 加装电梯 is found by it even where its prose never says so.
func Documents(site *model.Site) []search.Document {
	docs := make([]search.Document, 0, len(site.Pages))
	for _, p := range site.Pages {
		d := search.Document{
			URL:      p.URL(),
			Title:    p.Title,
			Kind:     string(p.Kind),
			Summary:  p.Summary,
			Date:     p.DateString(),
			Sections: sections(p),
		}
		var filed []string
		switch e := p.Entry.(type) {
		case *model.Case:
			d.Street, d.Topics, d.Methods = e.Street, e.Topics, e.Methods
			filed = append(append([]string{e.Street, e.Community}, e.Topics...), e.Methods...)
		case *model.Lecture:
			d.Topics = e.Topics
			filed = append([]string{e.Speaker}, e.Topics...)
			if len(e.Objectives) > 0 {
				d.Sections = append(d.Sections, search.Section{Text: strings.Join(e.Objectives, "\n")})
			}
		case *model.Guide:
			d.Topics = e.Topics
			filed = append([]string{e.Audience}, e.Topics...)
		case *model.Worker:
			d.Street = e.Street
			filed = []string{e.Street, e.Community, e.Role, e.Method, e.Certificate}
			var awards []string
			for _, a := range e.Awards {
				awards = append(awards, strconv.Itoa(a.Year)+" "+a.Title)
			}
			if len(awards) > 0 {
				d.Sections = append(d.Sections, search.Section{Text: strings.Join(awards, "\n")})
			}
		}
		for _, w := range p.WorkerPages {
			filed = append(filed, w.Title)
		}
		filed = append(filed, p.Tags...)
		d.Filed = search.FacetValues(filed)
		docs = append(docs, d)
	}
	return docs
}

// sections lists a page's text under its headings, in order: each level-2
// section with its heading, and each lower heading inside it on its own.
func sections(p *model.Page) []search.Section {
	var out []search.Section
	byID := map[string]*model.Section{}
	for i := range p.Sections {
		s := &p.Sections[i]
		if s.Heading.Text == "" {
			if s.Text != "" {
				out = append(out, search.Section{Text: s.Text}) // the lead, before any heading
			}
			continue
		}
		byID[s.Heading.ID] = s
	}
	for _, h := range p.Headings {
		if s, ok := byID[h.ID]; ok && h.Level == 2 {
			out = append(out, search.Section{Heading: s.Heading.Text, Text: s.Text})
			delete(byID, h.ID)
		} else if h.Text != "" {
			out = append(out, search.Section{Heading: h.Text})
		}
	}
	for i := range p.Sections { // sections whose heading the list above missed
		if s := &p.Sections[i]; byID[s.Heading.ID] == s {
			out = append(out, search.Section{Heading: s.Heading.Text, Text: s.Text})
		}
	}
	return out
}

// Synonyms are the site's synonym groups, as search expands queries.
func Synonyms(site *model.Site) [][]string { return site.Config.Synonyms }

// StaticOptions are the options of the site's browser search index: its
// synonyms and the language of its pages.
func StaticOptions(site *model.Site, portable bool) static.Options {
	return static.Options{Portable: portable, Synonyms: Synonyms(site), Lang: pageLang(site)}
}

// SearchJob writes the browser's search index into OUT/search/.
func (p *Project) SearchJob() render.Job {
	return searchJob(Documents(p.Site), StaticOptions(p.Site, p.Options.Portable))
}

// searchJob writes the browser's index of docs into OUT/search/.
func searchJob(docs []search.Document, opts static.Options) render.Job {
	return render.Job{
		Path: "search",
		Files: func(put func(name string, data []byte) error) error {
			return static.StaticFiles(docs, opts, put)
		},
	}
}

// pageLang is the language of the site's pages (site.yaml's language).
func pageLang(site *model.Site) msg.Lang {
	l, _ := msg.Parse(site.Config.Language)
	return l
}
