package render

import (
	"html/template"
	"strings"
)

// handbookJobs renders the handbook's table of contents and the whole
// handbook on one page for printing.
func (r *Renderer) handbookJobs() []Job {
	toc := &Data{URL: "/handbook/", Title: "实务手册", List: r.kindPages("handbook")}
	print := &Data{URL: "/handbook/print/", Title: "实务手册（打印版）", List: toc.List,
		Crumbs: []Crumb{{Title: "实务手册", URL: "/handbook/"}}}
	return []Job{
		{Path: outPath(toc.URL), Deps: r.cardDeps([]string{"theme:handbook"}, toc.List), Render: func() ([]byte, error) { return r.execute("handbook", toc) }},
		{Path: outPath(print.URL), Deps: fullDeps([]string{"theme:print"}, print.List), Render: func() ([]byte, error) { return r.execute("print", print) }},
	}
}

// chapterHTML returns a chapter's body as it stands inside the one-page
// handbook, under the chapter's own h2: its headings one level lower (an
// h2 of the chapter becomes an h3), so the printed book has one outline;
// and every id and in-page link prefixed with the chapter's slug and a "/",
// which no slug or id of its own holds, so that two chapters that both have
// a "小结", or both a footnote 1, do not share an id and their links stay
// within their chapter.
func chapterHTML(slug string, body template.HTML) template.HTML {
	prefix := template.HTMLEscapeString(slug + "/")
	s := string(body)
	for level := '5'; level >= '2'; level-- {
		lower := string(level + 1)
		s = strings.ReplaceAll(s, "<h"+string(level)+">", "<h"+lower+">")
		s = strings.ReplaceAll(s, "<h"+string(level)+" ", "<h"+lower+" ")
		s = strings.ReplaceAll(s, "</h"+string(level)+">", "</h"+lower+">")
	}
	s = strings.ReplaceAll(s, ` id="`, ` id="`+prefix)
	s = strings.ReplaceAll(s, ` href="#`, ` href="#`+prefix)
	return template.HTML(s)
}
