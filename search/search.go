package search

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/jianghan-district/jianghan/internal/msg"
)

// Document is one page as search sees it: plain text, no markup. The
// generator fills it; search never looks at pages or templates.
type Document struct {
	URL      string // site-relative URL without base, e.g. "/cases/lift-seven-floors/"
	Title    string
	Kind     string // "cases", "lectures", "guides", "workers", "courses", "handbook"
	Summary  string
	Sections []Section
	// Filed is every term the page is filed under — its topics, methods,
	// street, community, the names of the people involved, tags — searched
	// as one field of its own, so that a case filed under 加装电梯 is found
	// by it even when its prose never says so.
	Filed []string
	// Street, Topics and Methods are the facets a Request filters on.
	Street  string
	Topics  []string
	Methods []string
	Date    string // YYYY-MM-DD or ""
}

// Section is a part of a page's text under one heading ("" before the
// first heading).
type Section struct {
	Heading string
	Text    string
}

// Request is one query with its filters, as the search page and the API send it.
type Request struct {
	Query  string
	Kind   string
	Street string
	Topic  string
	Method string
	Size   int // hits per page; 0 means DefaultSize, more than MaxSize is an error
	From   int // hits to skip, for paging
}

// Limits on a Request, so that no query can take unbounded time or memory.
const (
	// DefaultSize is the page size when Request.Size is 0.
	DefaultSize = 10
	// MaxSize is the largest page a Request may ask for.
	MaxSize = 100
	// MaxFrom is the deepest a Request may page.
	MaxFrom = 10000
	// MaxFilterBytes bounds a filter value (kind, street, topic, method).
	MaxFilterBytes = 200
	// MaxQueryRunes is how much of a query is read; the rest is ignored
	// (CutQuery).
	MaxQueryRunes = 200
)

// Hit is one matching document in a Result.
type Hit struct {
	URL     string `json:"url"`
	Title   string `json:"title"`
	Kind    string `json:"kind"`
	Snippet string `json:"snippet"` // HTML-escaped text with <mark>…</mark> around the query's parts
	// Score orders the hits: its whole part is the tier (2: the page holds
	// the query as typed; 1: every part of it, or a synonym; 0: some of
	// it), its fraction the relevance within the tier.
	Score float64 `json:"score"`
}

// Result answers a Request: the page of hits and the facet counts.
type Result struct {
	Query string `json:"query"`
	Total int    `json:"total"`
	Hits  []Hit  `json:"hits"`
	// Facets has the keys "kind", "street", "topic", "method", always present.
	// The counts of a facet are over the documents that match the query and
	// every filter except that facet's own, so a filtered facet still shows
	// its alternatives (and the filtered value's count equals Total).
	Facets map[string]map[string]int `json:"facets"`
	// Suggest is what to try instead, when nothing was found.
	Suggest *Suggestions `json:"suggest,omitempty"`
}

// Suggestions keep a search that found nothing from being a dead end.
type Suggestions struct {
	// Parts are pieces of the query that do occur in the library (whole
	// parts, or single characters when no part occurs), each worth a search
	// of its own, without filters.
	Parts []string `json:"parts"`
	// Topics and Streets are the values of those facets whose names share
	// something with the query; each has its own page, /topics/NAME/ and
	// /streets/NAME/.
	Topics  []string `json:"topics"`
	Streets []string `json:"streets"`
}

// FacetNames are the facets of a Result, which are also the filters of a
// Request, in the order pages show them.
var FacetNames = [...]string{"kind", "street", "topic", "method"}

// Searcher answers queries; serve swaps implementations on rebuild. A
// Searcher stops early, with ctx's error, once ctx is done: an abandoned
// request costs no more work.
type Searcher interface {
	Search(ctx context.Context, r Request) (*Result, error)
}

// QueryError is a Request that cannot be answered as asked: the user's input
// is at fault, not the index (Handler answers it with 400).
type QueryError struct {
	Key  msg.Key
	Args []any
}

// Error returns the message in the process language, written for the
// person who typed the query.
func (e *QueryError) Error() string { return msg.T(e.Key, e.Args...) }

// ErrEmptyQuery is returned for a query with nothing searchable in it
// (empty, only spaces, punctuation or symbols).
var ErrEmptyQuery = &QueryError{Key: msg.SearchEmptyQuery}

// IsQueryError tells whether err is the user's fault (a *QueryError).
func IsQueryError(err error) bool {
	var qe *QueryError
	return errors.As(err, &qe)
}

// EmptyResult is the Result of a query that matches nothing, with every
// facet present and empty.
func EmptyResult(q string) *Result {
	r := &Result{Query: q, Hits: []Hit{}, Facets: map[string]map[string]int{}}
	for _, f := range FacetNames {
		r.Facets[f] = map[string]int{}
	}
	return r
}

// CheckURLs refuses documents without a URL or with the same URL twice:
// the URL is a document's identity in every index.
func CheckURLs(docs []Document) error {
	seen := make(map[string]bool, len(docs))
	var errs []error
	for i := range docs {
		u := docs[i].URL
		switch {
		case u == "":
			errs = append(errs, fmt.Errorf("search: document %d (%q) has no URL", i, docs[i].Title))
		case seen[u]:
			errs = append(errs, fmt.Errorf("search: two documents have the URL %s", u))
		}
		seen[u] = true
	}
	return errors.Join(errs...)
}

// FacetValues returns vs without empty strings and repeats, in order: the
// values of a facet both indexes count.
func FacetValues(vs []string) []string {
	var out []string
	for _, v := range vs {
		if v != "" && !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	return out
}
