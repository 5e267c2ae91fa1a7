package search

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/jianghan-district/jianghan/internal/msg"
)

// Normalize checks r's paging and filters, as every Searcher must before
// answering it, and fills in the default page size. Its query is checked
// where it is parsed.
func (r *Request) Normalize() error {
	switch {
	case r.Size < 0 || r.Size > MaxSize:
		return &QueryError{Key: msg.SearchBadSize, Args: []any{MaxSize}}
	case r.From < 0 || r.From > MaxFrom:
		return &QueryError{Key: msg.SearchBadFrom, Args: []any{MaxFrom}}
	}
	if r.Size == 0 {
		r.Size = DefaultSize
	}
	for _, v := range []*string{&r.Kind, &r.Street, &r.Topic, &r.Method} {
		if len(*v) > MaxFilterBytes || !utf8.ValidString(*v) || strings.IndexFunc(*v, unicode.IsControl) >= 0 {
			return &QueryError{Key: msg.SearchBadFilter}
		}
		*v = strings.TrimSpace(*v)
	}
	return nil
}

// CutQuery cuts q to its first MaxQueryRunes runes, what a search reads of
// it, so that nothing repeats more of a query than was searched for (an
// answer of /api/search repeats its query).
func CutQuery(q string) string {
	n := 0
	for i := range q {
		if n == MaxQueryRunes {
			return q[:i]
		}
		n++
	}
	return q
}

// Filters maps each facet name to the value r filters on ("" for none), in
// FacetNames order.
func (r *Request) Filters() [len(FacetNames)]string {
	return [...]string{r.Kind, r.Street, r.Topic, r.Method}
}
