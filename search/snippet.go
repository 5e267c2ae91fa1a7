package search

import (
	"html"
	"strings"
	"unicode/utf8"
)

// Snippet sizes, in runes. search.js uses the same numbers.
const (
	snippetRunes  = 100 // length of a snippet
	snippetBefore = 30  // context kept before the first match
)

// span is a byte range [start, end) of a text.
type span struct{ start, end int }

// snippet picks the text to show under a hit: a window of the first field
// (summary, problem, solution, body, then title) where the query matches,
// HTML-escaped, with <mark> around each whole matched substring. Bleve's
// highlighter is not used: it marks overlapping CJK bigrams piecemeal.
func snippet(fields [numText]string, clauses []clause) string {
	for _, f := range [...]int{1, 2, 3, 4, 0} {
		if spans := matchSpans(fields[f], clauses); len(spans) > 0 {
			return window(fields[f], spans)
		}
	}
	for _, f := range [...]int{1, 2, 3, 4} {
		if fields[f] != "" {
			return window(fields[f], nil)
		}
	}
	return ""
}

// matchSpans finds where the clauses match text, by the same tokens and
// positions the index uses, and returns the matched byte ranges sorted and
// merged (overlapping or touching ranges become one).
func matchSpans(text string, clauses []clause) []span {
	if text == "" {
		return nil
	}
	var sc scanner
	toks := sc.scan([]byte(text))
	if len(toks) == 0 {
		return nil
	}
	maxPos := int(toks[len(toks)-1].pos)
	// at each position at most two tokens: a unigram and a bigram, or a word
	at := make([][2]int32, maxPos+2)
	for i := range at {
		at[i] = [2]int32{-1, -1}
	}
	for i, t := range toks {
		slot := 0
		if t.kind == Bigram {
			slot = 1
		}
		at[t.pos][slot] = int32(i)
	}
	find := func(p int, term string) int {
		if p > maxPos {
			return -1
		}
		for _, i := range at[p] {
			if i >= 0 && string(toks[i].term) == term {
				return int(i)
			}
		}
		return -1
	}
	var spans []span
	for _, c := range clauses {
	POS:
		for p := 1; p+len(c.terms)-1 <= maxPos; p++ {
			first := find(p, c.terms[0])
			if first < 0 {
				continue
			}
			sp := span{int(toks[first].start), int(toks[first].end)}
			for j := 1; j < len(c.terms); j++ {
				if c.terms[j] == "" {
					continue
				}
				k := find(p+j, c.terms[j])
				if k < 0 {
					continue POS
				}
				if e := int(toks[k].end); e > sp.end {
					sp.end = e
				}
			}
			spans = append(spans, sp)
		}
	}
	return mergeSpans(spans)
}

// mergeSpans sorts spans and joins those that overlap or touch.
func mergeSpans(spans []span) []span {
	if len(spans) < 2 {
		return spans
	}
	// insertion sort: few spans, mostly in order already
	for i := 1; i < len(spans); i++ {
		for j := i; j > 0 && spans[j].start < spans[j-1].start; j-- {
			spans[j], spans[j-1] = spans[j-1], spans[j]
		}
	}
	out := spans[:1]
	for _, s := range spans[1:] {
		last := &out[len(out)-1]
		if s.start <= last.end {
			if s.end > last.end {
				last.end = s.end
			}
			continue
		}
		out = append(out, s)
	}
	return out
}

// window cuts about snippetRunes runes of text around the first span and
// returns it escaped, with the spans inside it marked and "…" where text was cut.
func window(text string, spans []span) string {
	start := 0
	if len(spans) > 0 {
		start = spans[0].start
		for n := 0; n < snippetBefore && start > 0; n++ {
			_, size := utf8.DecodeLastRuneInString(text[:start])
			start -= size
		}
	}
	end := start
	for n := 0; n < snippetRunes && end < len(text); n++ {
		_, size := utf8.DecodeRuneInString(text[end:])
		end += size
	}
	var b strings.Builder
	if start > 0 {
		b.WriteString("…")
	}
	at := start
	for _, s := range spans {
		if s.end <= start || s.start >= end {
			continue
		}
		ss, se := max(s.start, start), min(s.end, end)
		b.WriteString(html.EscapeString(text[at:ss]))
		b.WriteString("<mark>")
		b.WriteString(html.EscapeString(text[ss:se]))
		b.WriteString("</mark>")
		at = se
	}
	b.WriteString(html.EscapeString(text[at:end]))
	if end < len(text) {
		b.WriteString("…")
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// plainSnippet turns a snippet back into plain text, for the terminal.
func plainSnippet(s string) string {
	s = strings.NewReplacer("<mark>", "", "</mark>", "").Replace(s)
	return html.UnescapeString(s)
}
