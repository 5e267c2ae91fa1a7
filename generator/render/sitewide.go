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
		r.job("index.html", "home", home),
		r.job("search/index.html", "search", search),
		r.job("404.html", "404", notFound),
		recorded("index.xml", r.feed),
		recorded("sitemap.xml", r.sitemap),
	}
	return jobs
}

// job renders one layout with its data, recording what it reads.
func (r *Renderer) job(path, layout string, d *Data) Job {
	return recorded(path, func(rec *Recorder) ([]byte, error) {
		d.rec = rec
		return r.execute(layout, d)
	})
}
