package render

import (
	"bytes"
	"encoding/xml"
	"time"
)

// feedSize is how many of the newest cases the feed carries.
const feedSize = 20

type rss struct {
	XMLName xml.Name   `xml:"rss"`
	Version string     `xml:"version,attr"`
	Channel rssChannel `xml:"channel"`
}

type rssChannel struct {
	Title         string    `xml:"title"`
	Link          string    `xml:"link"`
	Description   string    `xml:"description"`
	Language      string    `xml:"language,omitempty"`
	LastBuildDate string    `xml:"lastBuildDate,omitempty"`
	Items         []rssItem `xml:"item"`
}

type rssItem struct {
	Title       string   `xml:"title"`
	Link        string   `xml:"link"`
	GUID        string   `xml:"guid"`
	PubDate     string   `xml:"pubDate,omitempty"`
	Description string   `xml:"description"`
	Category    []string `xml:"category"`
}

// Feed renders /index.xml, RSS 2.0 of the newest cases. Its dates come from
// the content, never the clock, so the same input gives the same bytes.
func (r *Renderer) Feed() ([]byte, error) { return r.feed(nil) }

// feed renders the feed, recording into rec the list of cases and the
// card of each it carries.
func (r *Renderer) feed(rec *Recorder) ([]byte, error) {
	d := &Data{r: r, Site: SiteView{site: r.site, rec: rec}, URL: "/index.xml", rec: rec}
	ch := rssChannel{
		Title:       r.site.Config.Title,
		Link:        d.Abs("/"),
		Description: r.site.Config.Description,
		Language:    r.site.Config.Language,
	}
	var newest time.Time
	for i, c := range d.Site.Cases() {
		if i == feedSize {
			break
		}
		it := rssItem{
			Title:       c.Title,
			Link:        d.Abs(c.URL()),
			GUID:        d.Abs(c.URL()),
			Description: d.Summary(&c.Page),
			Category:    append(append([]string(nil), c.Topics...), c.Street),
		}
		if !c.Date.IsZero() {
			it.PubDate = c.Date.Format(time.RFC1123Z)
			if c.Date.After(newest) {
				newest = c.Date
			}
		}
		ch.Items = append(ch.Items, it)
	}
	if !newest.IsZero() {
		ch.LastBuildDate = newest.Format(time.RFC1123Z)
	}
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	if err := enc.Encode(rss{Version: "2.0", Channel: ch}); err != nil {
		return nil, err
	}
	buf.WriteByte('\n')
	return buf.Bytes(), nil
}
