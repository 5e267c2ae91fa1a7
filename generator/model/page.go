package model

import (
	"html/template"
	"strings"
	"time"
	"unicode/utf8"
)

// Pos is a place in a source file, for diagnostics raised after loading.
type Pos struct{ Line, Col int }

// Page is what every kind shares: identity, common front matter, the Markdown
// body and, once rendered, its HTML.
type Page struct {
	Kind   Kind
	Slug   string
	Source string // path relative to the site root, e.g. content/cases/lift.md
	// BundleDir is the bundle's folder relative to the site root, or "" for a
	// single-file page; Files are the bundle's other files, published beside it.
	BundleDir string
	Files     []string

	Title   string
	Summary string
	Date    time.Time
	Draft   bool
	Tags    []string
	Weight  int
	Workers []string

	// Body is the Markdown after the front matter; BodyLine is the file line
	// it starts on, so Markdown problems can be reported at true file lines.
	Body     []byte
	BodyLine int
	// Fields records where each front matter key's value stands.
	Fields map[string]Pos
	// Unfilled counts the places still marked 待填写: the page is being
	// written, and check says so once rather than once for each.
	Unfilled int

	// Filled in by rendering the Markdown.
	HTML     template.HTML
	Sections []Section
	Headings []Heading
	Text     string

	// Filled in by linking.
	WorkerPages []*Worker
	Lessons     []Lesson // the courses this page is a lesson of
	Entry       Entry    // the typed value this page belongs to
}

// Entry is implemented by the six typed kinds, so that code holding a *Page
// can reach its Case, Worker… without a type switch on Kind.
type Entry interface {
	Base() *Page
}

// Base returns the page itself; it makes every kind an Entry.
func (p *Page) Base() *Page { return p }

// Key is the page's identity across references: "cases/lift-seven-floors".
func (p *Page) Key() string { return string(p.Kind) + "/" + p.Slug }

// URL is the page's path under the site's base path, e.g. "/cases/lift/".
func (p *Page) URL() string { return "/" + string(p.Kind) + "/" + p.Slug + "/" }

// HasDate reports whether the page carries a date.
func (p *Page) HasDate() bool { return !p.Date.IsZero() }

// DateString is the date as authors wrote it, YYYY-MM-DD.
func (p *Page) DateString() string {
	if p.Date.IsZero() {
		return ""
	}
	return p.Date.Format("2006-01-02")
}

// Heading is an h2–h6 heading in a page body, for the table of contents.
type Heading struct {
	Level int
	ID    string
	Text  string
}

// Section is a part of a body between level-2 headings. Cases show their
// 问题/解决方案/成效/反思 sections as distinct blocks.
type Section struct {
	Role    string // "problem", "solution", "outcome", "reflection" or ""
	Heading Heading
	HTML    template.HTML
	Text    string
}

// Lesson places a page in a course: "第 3 课，共 8 课", with its neighbours.
type Lesson struct {
	Course     *Course
	Index      int // 1-based
	Total      int
	Prev, Next *Page
}

// excerptRunes is how much of a page's text stands in for a missing summary.
const excerptRunes = 80

// Blurb is what lists, the feed and meta descriptions show of a page: its
// summary, or when the author gave none, the opening of its text.
func (p *Page) Blurb() string {
	if p.Summary != "" {
		return p.Summary
	}
	return Excerpt(p.Text, excerptRunes)
}

// Excerpt shortens plain text to about n characters, folding white space.
func Excerpt(text string, n int) string {
	text = strings.Join(strings.Fields(text), " ")
	if utf8.RuneCountInString(text) <= n {
		return text
	}
	r := []rune(text)
	return string(r[:n]) + "……"
}
