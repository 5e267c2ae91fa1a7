package model

import (
	"sort"

	"github.com/jianghan-district/jianghan/internal/msg"
)

// Taxonomy is a way of grouping pages with term pages of their own.
type Taxonomy string

// The four taxonomies, named as their URL folders.
const (
	TopicsTax  Taxonomy = "topics"
	StreetsTax Taxonomy = "streets"
	MethodsTax Taxonomy = "methods"
	TagsTax    Taxonomy = "tags"
)

// Taxonomies lists them in display order.
var Taxonomies = []Taxonomy{TopicsTax, StreetsTax, MethodsTax, TagsTax}

// Key is the message of the taxonomy's name as readers see it (主题,
// 街道…).
func (t Taxonomy) Key() msg.Key {
	switch t {
	case TopicsTax:
		return msg.TaxTopics
	case StreetsTax:
		return msg.TaxStreets
	case MethodsTax:
		return msg.TaxMethods
	case TagsTax:
		return msg.TaxTags
	}
	return msg.Key{}
}

// Label is the taxonomy's name in the process language (msg.T), for the
// command line; pages use Key in the site's language. An unknown taxonomy
// is its URL folder's name.
func (t Taxonomy) Label() string {
	if t.Key() == (msg.Key{}) {
		return string(t)
	}
	return msg.T(t.Key())
}

// Term is one value of a taxonomy and the pages filed under it, newest first.
type Term struct {
	Taxonomy Taxonomy
	Name     string
	Pages    []*Page
}

// URL is the term page's path, e.g. "/topics/居民自治/".
func (t *Term) URL() string { return "/" + string(t.Taxonomy) + "/" + t.Name + "/" }

// Site is the whole library once loaded, checked and linked.
type Site struct {
	Config Config

	Cases    []*Case
	Lectures []*Lecture
	Guides   []*Guide
	Workers  []*Worker
	Courses  []*Course
	Chapters []*Chapter

	// Pages holds every page, sorted by URL, for stable output.
	Pages []*Page
	// Terms maps each taxonomy to its terms in vocabulary order (site.yaml)
	// or, for tags, by name.
	Terms map[Taxonomy][]*Term
	// Static lists files under content/static, copied to the site root.
	Static []string
	// Drafts are the pages left out because they are drafts, by key, so
	// that a reference to one says so rather than that it does not exist.
	// A draft whose key a published page has is not listed.
	Drafts map[string]*Page
	// Unreadable are the page files that could not be read at all (their
	// front matter is broken, say), by the key their file name gives, so
	// that a reference to one is not also reported as missing: the file's
	// own error says what to fix. Only Kind, Slug, Source and BundleDir
	// are set.
	Unreadable map[string]*Page

	byKey map[string]*Page
}

// Index builds the lookup tables from the typed lists. Call it after the
// lists change.
func (s *Site) Index() {
	s.Pages = s.Pages[:0]
	add := func(p *Page) { s.Pages = append(s.Pages, p) }
	for _, x := range s.Cases {
		x.Entry = x
		add(&x.Page)
	}
	for _, x := range s.Lectures {
		x.Entry = x
		add(&x.Page)
	}
	for _, x := range s.Guides {
		x.Entry = x
		add(&x.Page)
	}
	for _, x := range s.Workers {
		x.Entry = x
		add(&x.Page)
	}
	for _, x := range s.Courses {
		x.Entry = x
		add(&x.Page)
	}
	for _, x := range s.Chapters {
		x.Entry = x
		add(&x.Page)
	}
	sort.Slice(s.Pages, func(i, j int) bool { return s.Pages[i].URL() < s.Pages[j].URL() })
	s.byKey = make(map[string]*Page, len(s.Pages))
	for _, p := range s.Pages {
		s.byKey[p.Key()] = p
	}
}

// Lookup finds a page by its key, "cases/slug".
func (s *Site) Lookup(key string) *Page { return s.byKey[key] }

// Term returns the named term of a taxonomy, or nil.
func (s *Site) Term(t Taxonomy, name string) *Term {
	for _, x := range s.Terms[t] {
		if x.Name == name {
			return x
		}
	}
	return nil
}

// Add files an entry under its kind's list. Call Index after adding.
func (s *Site) Add(e Entry) {
	switch x := e.(type) {
	case *Case:
		s.Cases = append(s.Cases, x)
	case *Lecture:
		s.Lectures = append(s.Lectures, x)
	case *Guide:
		s.Guides = append(s.Guides, x)
	case *Worker:
		s.Workers = append(s.Workers, x)
	case *Course:
		s.Courses = append(s.Courses, x)
	case *Chapter:
		s.Chapters = append(s.Chapters, x)
	}
}

// Remove takes an entry out of its kind's list. Call Index after removing.
func (s *Site) Remove(e Entry) {
	switch x := e.(type) {
	case *Case:
		s.Cases = without(s.Cases, x)
	case *Lecture:
		s.Lectures = without(s.Lectures, x)
	case *Guide:
		s.Guides = without(s.Guides, x)
	case *Worker:
		s.Workers = without(s.Workers, x)
	case *Course:
		s.Courses = without(s.Courses, x)
	case *Chapter:
		s.Chapters = without(s.Chapters, x)
	}
}

func without[T comparable](xs []T, x T) []T {
	out := make([]T, 0, len(xs))
	for _, y := range xs {
		if y != x {
			out = append(out, y)
		}
	}
	return out
}
