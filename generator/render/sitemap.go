package render

import (
	"bytes"
	"encoding/xml"

	"github.com/jianghan-district/jianghan/generator/model"
)

type urlset struct {
	XMLName xml.Name     `xml:"urlset"`
	NS      string       `xml:"xmlns,attr"`
	URLs    []sitemapURL `xml:"url"`
}

type sitemapURL struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod,omitempty"`
}

// Sitemap renders /sitemap.xml: the home page, every list, every page and
// every term page, in a stable order.
func (r *Renderer) Sitemap() ([]byte, error) { return r.sitemap(nil) }

// sitemap renders the sitemap, recording into rec that it reads every
// page, with its date, and every term.
func (r *Renderer) sitemap(rec *Recorder) ([]byte, error) {
	d := &Data{r: r, Site: SiteView{site: r.site, rec: rec}, URL: "/sitemap.xml", rec: rec}
	rec.add(Dep{DepAnyCard, ""})
	set := urlset{NS: "http://www.sitemaps.org/schemas/sitemap/0.9"}
	add := func(path, lastmod string) {
		set.URLs = append(set.URLs, sitemapURL{Loc: d.Abs(path), LastMod: lastmod})
	}
	add("/", "")
	for _, k := range model.Kinds {
		add("/"+string(k)+"/", "")
	}
	for _, p := range d.Site.Pages() {
		add(p.URL(), p.DateString())
	}
	for _, t := range model.Taxonomies {
		for _, term := range d.TermsOf(string(t)) {
			add(term.URL(), "")
		}
	}
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	if err := enc.Encode(set); err != nil {
		return nil, err
	}
	buf.WriteByte('\n')
	return buf.Bytes(), nil
}
