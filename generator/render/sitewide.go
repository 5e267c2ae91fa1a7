package render

import "github.com/jianghan-district/jianghan/internal/msg"

// sitewideJobs renders the pages of the site as a whole rather than of one
// entry: the home page, the search page, the 404 page, the feed and the
// sitemap.
func (r *Renderer) sitewideJobs() []Job {
	home := &Data{URL: "/", Description: r.site.Config.Description}
	// The search page is indexable: without a query it is a plain page with
	// a search form, and Lighthouse's SEO audit counts noindex against it.
	search := &Data{URL: "/search/", Title: r.lang.T(msg.SearchTitle),
		Description: r.lang.T(msg.SearchDescription, r.site.Config.Title)}
	notFound := &Data{URL: "/404.html", Title: r.lang.T(msg.NotFoundTitle), NoIndex: true}
	jobs := []Job{
		{Path: "index.html", Deps: r.siteDeps("theme:home"), Render: func() ([]byte, error) { return r.execute("home", home) }},
		{Path: "search/index.html", Deps: []string{"theme:search"}, Render: func() ([]byte, error) { return r.execute("search", search) }},
		{Path: "404.html", Deps: []string{"theme:404"}, Render: func() ([]byte, error) { return r.execute("404", notFound) }},
		{Path: "index.xml", Deps: r.feedDeps(), Render: r.Feed},
		{Path: "sitemap.xml", Deps: r.siteDeps(), Render: r.Sitemap},
	}
	return jobs
}
