package render

import (
	"html/template"
	"strings"

	"github.com/jianghan-district/jianghan/generator/model"
	"github.com/jianghan-district/jianghan/internal/msg"
)

// handbookJobs renders the handbook's table of contents and the whole
// handbook on one page for printing.
func (r *Renderer) handbookJobs() []Job {
	name := r.lang.T(model.Handbook.Key())
	chapters := r.kindPages(model.Handbook)
	list := ListKind(model.Handbook)
	toc := &Data{URL: "/handbook/", Title: name, Kind: model.Handbook, list: chapters, listName: list}
	print := &Data{URL: "/handbook/print/", Title: r.lang.T(msg.HandbookPrintPage, name), Kind: model.Handbook, list: chapters, listName: list,
		Crumbs: []Crumb{{Title: name, URL: "/handbook/"}}}
	return []Job{
		r.job(outPath(toc.URL), "handbook", toc),
		recorded(outPath(print.URL), func(rec *Recorder) ([]byte, error) {
			// The printable handbook shows every chapter whole.
			for _, c := range chapters {
				rec.add(Dep{DepPage, c.Key()})
			}
			print.rec = rec
			return r.execute("print", print)
		}),
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
