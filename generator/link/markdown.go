package link

import (
	"html/template"
	"strings"

	"github.com/jianghan-district/jianghan/internal/parallel"

	"github.com/jianghan-district/jianghan/generator/diag"
	"github.com/jianghan-district/jianghan/generator/markdown"
	"github.com/jianghan-district/jianghan/generator/model"
	"github.com/jianghan-district/jianghan/internal/msg"
)

// sectionRoles maps the headings a case uses to the part of the story they
// hold; English names are accepted as the SPEC says.
var sectionRoles = map[string]string{
	"问题": "problem", "problem": "problem",
	"解决方案": "solution", "solution": "solution",
	"成效": "outcome", "outcome": "outcome",
	"反思": "reflection", "reflection": "reflection",
}

// RenderAll renders every page's Markdown in parallel.
func RenderAll(site *model.Site, conv *markdown.Converter, r *Resolver, diags *diag.List) {
	parallel.For(len(site.Pages), 0, func(i int) { Render(site.Pages[i], conv, r, diags) })
}

// Render converts one page's Markdown, reports its broken links at their file
// line, and checks that a case tells both its problem and its solution.
func Render(p *model.Page, conv *markdown.Converter, r *Resolver, diags *diag.List) {
	// Defence in depth: the Markdown library is third-party code fed
	// untrusted text. Should it fail inside on some page, that page gets
	// an error and every other page is still read; no command ends with a
	// stack trace, and serve keeps running.
	defer func() {
		if x := recover(); x != nil {
			diags.Error(p.Source, p.BodyLine, 1, msg.ConvertPanic, x)
			p.HTML, p.Text, p.Headings, p.Sections = "", "", nil, nil
		}
	}()
	res := conv.Convert(p.Body, r.For(p))
	for _, pr := range res.Problems {
		diags.Err(p.Source, p.BodyLine+pr.Line-1, pr.Col, pr.Err)
	}
	p.HTML = template.HTML(res.HTML)
	p.Text = res.Text
	p.Headings = p.Headings[:0]
	for _, h := range res.Headings {
		p.Headings = append(p.Headings, model.Heading{Level: h.Level, ID: h.ID, Text: h.Text})
	}
	p.Sections = p.Sections[:0]
	for _, s := range res.Sections {
		p.Sections = append(p.Sections, model.Section{
			Role:    sectionRoles[strings.ToLower(strings.TrimSpace(s.Heading.Text))],
			Heading: model.Heading{Level: s.Heading.Level, ID: s.Heading.ID, Text: s.Heading.Text},
			HTML:    template.HTML(s.HTML),
			Text:    s.Text,
		})
	}
	if p.Kind == model.Cases && !res.Refused {
		has := map[string]bool{}
		for _, s := range p.Sections {
			has[s.Role] = true
		}
		line := p.BodyLine
		if !has["problem"] {
			diags.Error(p.Source, line, 1, msg.CaseNoProblem)
		}
		if !has["solution"] {
			diags.Error(p.Source, line, 1, msg.CaseNoSolution)
		}
	}
}
