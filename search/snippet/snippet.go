// Package snippet picks the passage shown under a search hit: the window
// of a page's summary or text that covers the most parts of the query,
// each occurrence of a query term marked. search.js makes the same
// snippets, character for character.
package snippet

import (
	"html"
	"math/bits"
	"strings"

	"github.com/jianghan-district/jianghan/search/analysis"
)

// Sizes, in characters (code points). search.js reads them from the index.
const (
	Runes  = 100 // length of a snippet
	Before = 30  // context kept before the first match of the window
	// MaxAnchors bounds the windows tried in one field.
	MaxAnchors = 256
)

// span is a matched term in a text, in characters: [start, end).
type span struct {
	start, end int
	parts      uint32 // the parts the term belongs to
	term       int
}

// Make returns the snippet for a page with the given summary and text,
// for a query whose parts have the given terms (rank.Plan.PartTerms): the
// window of the summary or of the text that covers the most parts (then
// the most distinct terms, then comes first; the summary wins a tie),
// HTML-escaped, with <mark> around the matched terms (touching ones
// joined), "…" where text was cut, and runs of white space as one space.
// Without a match it is the start of the summary (or of the text).
func Make(summary, text string, parts [][]string) string {
	terms := map[string]uint32{}
	ids := map[string]int{}
	for i, p := range parts {
		for _, t := range p {
			terms[t] |= 1 << (i % 32)
			if _, ok := ids[t]; !ok {
				ids[t] = len(ids)
			}
		}
	}
	type best struct {
		runes []rune
		spans []span
		start int
		parts int
		terms int
	}
	var pick *best
	for _, s := range []string{summary, text} {
		rs, spans := match(s, terms, ids)
		if len(spans) == 0 {
			continue
		}
		start, np, nt := window(spans)
		if pick == nil || np > pick.parts || np == pick.parts && nt > pick.terms {
			pick = &best{rs, spans, start, np, nt}
		}
	}
	if pick == nil {
		s := summary
		if s == "" {
			s = text
		}
		return render([]rune(s), nil, 0)
	}
	return render(pick.runes, pick.spans, pick.start)
}

// match finds the terms of the query in s, as analysis cuts s.
func match(s string, terms map[string]uint32, ids map[string]int) ([]rune, []span) {
	if s == "" {
		return nil, nil
	}
	var sc analysis.Scanner
	toks := sc.Scan([]byte(s))
	var spans []span
	// byte offsets to character offsets (tokens start and end on
	// characters, as range decodes them)
	at := make([]int, len(s)+1)
	n := 0
	for i := range s {
		at[i] = n
		n++
	}
	at[len(s)] = n
	for _, t := range toks {
		if m, ok := terms[string(t.Term)]; ok {
			spans = append(spans, span{start: at[t.Start], end: at[t.End], parts: m, term: ids[string(t.Term)]})
		}
	}
	if len(spans) == 0 {
		return nil, nil
	}
	return []rune(s), spans
}

// window chooses where the snippet starts: Before characters ahead of one
// of the spans, whichever window of Runes characters then holds the most
// parts, then the most distinct terms, then comes first. It returns the
// start and what the window holds.
func window(spans []span) (start, parts, terms int) {
	start, parts, terms = -1, -1, -1
	lo := 0
	for i := 0; i < len(spans) && i < MaxAnchors; i++ {
		w := max(0, spans[i].start-Before)
		if i > 0 && max(0, spans[i-1].start-Before) == w {
			continue // the same window as the anchor before
		}
		for spans[lo].start < w {
			lo++
		}
		var mask uint32
		seen := map[int]bool{}
		for _, s := range spans[lo:] {
			if s.start >= w+Runes {
				break
			}
			if s.end <= w+Runes {
				mask |= s.parts
				seen[s.term] = true
			}
		}
		np := bits.OnesCount32(mask)
		if np > parts || np == parts && len(seen) > terms {
			start, parts, terms = w, np, len(seen)
		}
	}
	return start, parts, terms
}

// render cuts Runes characters of rs from start, escapes them, marks the
// spans in them and folds white space.
func render(rs []rune, spans []span, start int) string {
	end := min(len(rs), start+Runes)
	var b strings.Builder
	if start > 0 {
		b.WriteString("…")
	}
	at := start
	for i := 0; i < len(spans); {
		s := spans[i]
		i++
		for i < len(spans) && spans[i].start <= s.end { // overlapping or touching
			s.end = max(s.end, spans[i].end)
			i++
		}
		if s.end <= start || s.start >= end {
			continue
		}
		a, z := max(s.start, start), min(s.end, end)
		if a < at {
			a = at
		}
		b.WriteString(html.EscapeString(string(rs[at:a])))
		b.WriteString("<mark>")
		b.WriteString(html.EscapeString(string(rs[a:z])))
		b.WriteString("</mark>")
		at = z
	}
	b.WriteString(html.EscapeString(string(rs[at:end])))
	if end < len(rs) {
		b.WriteString("…")
	}
	return strings.Join(strings.FieldsFunc(b.String(), isSpace), " ")
}

// isSpace is white space as snippets fold it; search.js has the same set.
func isSpace(r rune) bool {
	switch r {
	case '\t', '\n', '\v', '\f', '\r', ' ', 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF:
		return true
	}
	return r >= 0x2000 && r <= 0x200A
}
