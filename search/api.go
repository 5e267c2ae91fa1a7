package search

import (
	"errors"
	"fmt"
	"io"
	"strings"
)

// Document is one page as search sees it: plain text, no markup. The
// generator fills it; search never looks at pages or templates.
type Document struct {
	URL      string // site-relative URL without base, e.g. "/cases/lift-seven-floors/"
	Title    string
	Kind     string // "cases", "lectures", "guides", "workers", "courses", "handbook"
	Summary  string
	Problem  string // case 问题 section plain text ("" for other kinds)
	Solution string // case 解决方案 section plain text
	Body     string // the rest of the plain text
	Street   string
	Topics   []string
	Methods  []string
	Tags     []string
	Date     string // YYYY-MM-DD or ""
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
	// MaxQueryRunes is how much of a query is read; the rest is ignored.
	MaxQueryRunes = 200
	// MaxClauses is how many AND-ed parts (words, phrases) a query may have;
	// further ones are ignored.
	MaxClauses = 8
	// MaxPhraseTerms is how many terms one phrase may have; a longer phrase
	// is cut into consecutive phrases of at most this many terms.
	MaxPhraseTerms = 12
	// MaxFilterBytes bounds a filter value (kind, street, topic, method).
	MaxFilterBytes = 200
)

// Hit is one matching document in a Result.
type Hit struct {
	URL     string  `json:"url"`
	Title   string  `json:"title"`
	Kind    string  `json:"kind"`
	Snippet string  `json:"snippet"` // HTML-escaped text with <mark>…</mark> around whole matched substrings
	Score   float64 `json:"score"`
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

	from int // the Request's From, so WriteText numbers hits by rank
}

// Facet names, as keys of Result.Facets and as filters of a Request.
var facetNames = [...]string{"kind", "street", "topic", "method"}

// Searcher answers queries; serve swaps implementations on rebuild.
type Searcher interface {
	Search(Request) (*Result, error)
}

// QueryError is a Request that cannot be answered as asked: the user's input
// is at fault, not the index (Handler answers it with 400).
type QueryError struct {
	Msg string
}

// Error returns the message, written for the person who typed the query.
func (e *QueryError) Error() string { return e.Msg }

// ErrEmptyQuery is returned for a query with nothing searchable in it
// (empty, only spaces, punctuation or symbols).
var ErrEmptyQuery = &QueryError{Msg: "查询为空：请输入要搜索的文字 (empty query)"}

// IsQueryError tells whether err is the user's fault (a *QueryError).
func IsQueryError(err error) bool {
	var qe *QueryError
	return errors.As(err, &qe)
}

// emptyResult is the Result of a query that matches nothing.
func emptyResult(q string) *Result {
	r := &Result{Query: q, Hits: []Hit{}, Facets: map[string]map[string]int{}}
	for _, f := range facetNames {
		r.Facets[f] = map[string]int{}
	}
	return r
}

// WriteText writes the human-readable form `jianghan search` prints: for each
// hit its rank, title, URL, kind and the snippet as plain text.
func (r *Result) WriteText(w io.Writer) error {
	var b strings.Builder
	if len(r.Hits) == 0 {
		fmt.Fprintf(&b, "没有找到与「%s」相关的内容。\n", r.Query)
	} else {
		fmt.Fprintf(&b, "「%s」共 %d 条结果：\n", r.Query, r.Total)
	}
	for i, h := range r.Hits {
		fmt.Fprintf(&b, "\n%d. %s\n   %s  [%s]\n", r.from+i+1, h.Title, h.URL, h.Kind)
		if s := plainSnippet(h.Snippet); s != "" {
			fmt.Fprintf(&b, "   %s\n", s)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
