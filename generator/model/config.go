package model

import "strings"

// Config is content/site.yaml: the site's settings and controlled vocabularies.
type Config struct {
	Title       string   `yaml:"title"`
	Description string   `yaml:"description"`
	BaseURL     string   `yaml:"base_url"`
	Language    string   `yaml:"language"`
	About       string   `yaml:"about"`
	Streets     []string `yaml:"streets"`
	Topics      []string `yaml:"topics"`
	Methods     []string `yaml:"methods"`
	// Synonyms are groups of words that mean the same in this field; a
	// search for one finds the others too.
	Synonyms [][]string `yaml:"synonyms"`
	// Paginate is the number of entries on a list or term page.
	Paginate int            `yaml:"paginate"`
	Markdown MarkdownConfig `yaml:"markdown"`
	// Theme is the common restyle: colour, logo, footer.
	Theme ThemeConfig `yaml:"theme"`
}

// MarkdownConfig holds the Markdown switches an editor may need.
type MarkdownConfig struct {
	// Unsafe lets raw HTML in Markdown through; off by default because content
	// is written by many hands and published on the district intranet.
	Unsafe bool `yaml:"unsafe"`
}

// BasePath returns the path part of BaseURL, always starting and ending with
// "/", so that "/jianghan" and "https://x.example/jianghan/" both give
// "/jianghan/". Every link in the output is written under it.
func (c Config) BasePath() string {
	u := c.BaseURL
	if i := strings.Index(u, "://"); i >= 0 {
		u = u[i+3:]
		if j := strings.IndexByte(u, '/'); j >= 0 {
			u = u[j:]
		} else {
			u = "/"
		}
	}
	u = "/" + strings.Trim(u, "/") + "/"
	if u == "//" {
		u = "/"
	}
	return u
}

// Origin returns the scheme and host of BaseURL ("" when base_url is only a
// path); the feed and sitemap need absolute URLs when one is known.
func (c Config) Origin() string {
	u := c.BaseURL
	i := strings.Index(u, "://")
	if i < 0 {
		return ""
	}
	if j := strings.IndexByte(u[i+3:], '/'); j >= 0 {
		return u[:i+3+j]
	}
	return u
}
