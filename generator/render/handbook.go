package render

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
