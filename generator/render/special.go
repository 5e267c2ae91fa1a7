package render

// specialJobs renders the pages that are not about one entry: the home page,
// the search page, the 404 page, the feed and the sitemap.
func (r *Renderer) specialJobs() []Job {
	home := &Data{URL: "/", Description: r.site.Config.Description}
	search := &Data{URL: "/search/", Title: "搜索", NoIndex: true}
	notFound := &Data{URL: "/404.html", Title: "页面不存在", NoIndex: true}
	jobs := []Job{
		{Path: "index.html", Deps: []string{"*"}, Render: func() ([]byte, error) { return r.execute("home", home) }},
		{Path: "search/index.html", Deps: []string{"theme:search"}, Render: func() ([]byte, error) { return r.execute("search", search) }},
		{Path: "404.html", Deps: []string{"theme:404"}, Render: func() ([]byte, error) { return r.execute("404", notFound) }},
		{Path: "index.xml", Deps: []string{"kind:cases"}, Render: r.Feed},
		{Path: "sitemap.xml", Deps: []string{"*"}, Render: r.Sitemap},
	}
	return jobs
}
