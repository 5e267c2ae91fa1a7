package search

import (
	"strings"
	"unicode/utf8"
)

// clause is one AND-ed part of a query: a single term, or a phrase whose
// terms must sit at consecutive positions. terms[i] is the term expected at
// the phrase's first position + i; "" marks a position that may hold
// anything (the last character of a CJK run, covered by the bigram before
// it). terms never starts or ends with "".
type clause struct {
	terms []string
}

// nonEmpty returns the terms of c that are not gaps, in order.
func (c clause) nonEmpty() []string {
	out := make([]string, 0, len(c.terms))
	for _, t := range c.terms {
		if t != "" {
			out = append(out, t)
		}
	}
	return out
}

// isTerm tells whether c is a single term (searched with a term query, not a phrase).
func (c clause) isTerm() bool { return len(c.terms) == 1 }

// isQuote tells whether r opens or closes a quoted phrase: ASCII and
// full-width double quotes, Chinese quotation marks and corner brackets.
func isQuote(r rune) bool {
	switch r {
	case '"', 0xFF02, '“', '”', '「', '」', '『', '』':
		return true
	}
	return false
}

// parseQuery turns what a user typed into clauses, all of which must match.
//
// Outside quotes, every maximal run of letters, digits and CJK characters is
// a clause (so spaces and punctuation separate words, while "3社联动" stays
// one phrase). Text inside quotes is one phrase, spaces and punctuation
// included; an unclosed quote runs to the end. A CJK run becomes its bigrams
// (a phrase when there are two or more), a single CJK character its unigram.
// The query is cut to MaxQueryRunes runes, phrases longer than MaxPhraseTerms
// are cut into consecutive phrases, repeated clauses are dropped and at most
// MaxClauses are kept. search.js does exactly the same.
func parseQuery(q string) ([]clause, error) {
	if !utf8.ValidString(q) {
		q = strings.ToValidUTF8(q, " ")
	}
	if n := utf8.RuneCountInString(q); n > MaxQueryRunes {
		cut := 0
		for i := range q {
			if cut == MaxQueryRunes {
				q = q[:i]
				break
			}
			cut++
		}
	}
	var clauses []clause
	seen := map[string]bool{}
	add := func(cs []clause) {
		for _, c := range cs {
			key := strings.Join(c.terms, "\x00")
			if seen[key] || len(clauses) >= MaxClauses {
				continue
			}
			seen[key] = true
			clauses = append(clauses, c)
		}
	}
	inQuote := false
	segStart := 0
	for i, r := range q {
		if !isQuote(r) {
			continue
		}
		add(segmentClauses(q[segStart:i], inQuote))
		inQuote = !inQuote
		segStart = i + utf8.RuneLen(r)
	}
	add(segmentClauses(q[segStart:], inQuote))
	if len(clauses) == 0 {
		return nil, ErrEmptyQuery
	}
	return clauses, nil
}

// segmentClauses makes the clauses of one piece of a query: a quoted piece is
// one phrase; an unquoted piece is split wherever a separator stands between
// two tokens.
func segmentClauses(seg string, quoted bool) []clause {
	var sc scanner
	toks := sc.scan([]byte(seg))
	if len(toks) == 0 {
		return nil
	}
	var out []clause
	groupStart := 0
	prevEnd := int32(-1)
	for i, t := range toks {
		if t.kind != Bigram && !quoted && prevEnd >= 0 && t.start != prevEnd {
			out = append(out, groupClauses(toks[groupStart:i])...)
			groupStart = i
		}
		if t.kind != Bigram {
			prevEnd = t.end
		}
	}
	return append(out, groupClauses(toks[groupStart:])...)
}

// groupClauses turns the tokens of one clause into terms by position, then
// cuts phrases that are too long.
func groupClauses(toks []tok) []clause {
	if len(toks) == 0 {
		return nil
	}
	first := toks[0].pos
	n := int(toks[len(toks)-1].pos-first) + 1
	bigrams := make([]string, n)
	singles := make([]string, n) // word or unigram
	for _, t := range toks {
		p := int(t.pos - first)
		if t.kind == Bigram {
			bigrams[p] = string(t.term)
		} else {
			singles[p] = string(t.term)
		}
	}
	terms := make([]string, n)
	for p := 0; p < n; p++ {
		switch {
		case bigrams[p] != "":
			terms[p] = bigrams[p]
		case p > 0 && bigrams[p-1] != "":
			terms[p] = "" // covered by the bigram before it
		default:
			terms[p] = singles[p]
		}
	}
	// cut into phrases of at most MaxPhraseTerms terms, trimming gaps
	var out []clause
	var cur []string
	count := 0
	flush := func() {
		for len(cur) > 0 && cur[len(cur)-1] == "" {
			cur = cur[:len(cur)-1]
		}
		if len(cur) > 0 {
			out = append(out, clause{terms: cur})
		}
		cur, count = nil, 0
	}
	for _, t := range terms {
		if t == "" && len(cur) == 0 {
			continue
		}
		cur = append(cur, t)
		if t != "" {
			count++
			if count == MaxPhraseTerms {
				flush()
			}
		}
	}
	flush()
	return out
}
