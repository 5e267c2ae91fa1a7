package query

import (
	"strings"

	"github.com/jianghan-district/jianghan/search/analysis"
)

// run is a piece of text cut into units at consecutive positions: CJK
// characters and words, as analysis places them.
type run struct {
	src    string
	units  []unit
	bigram []string // the bigram starting at each unit, or ""
	// separated is a lexicon word with a separator inside: not one run
	separated bool
}

// unit is one position of a run.
type unit struct {
	term       string // the character, or the folded word
	start, end int    // byte offsets in src
	cjk        bool
}

// newRun makes the run of the tokens toks of src.
func newRun(src string, toks []analysis.Tok) *run {
	r := &run{src: src}
	first := int32(-1)
	for _, t := range toks {
		if first < 0 {
			first = t.Pos
		}
		i := int(t.Pos - first)
		for len(r.units) <= i {
			r.units = append(r.units, unit{})
			r.bigram = append(r.bigram, "")
		}
		if t.Kind == analysis.Bigram {
			r.bigram[i] = string(t.Term)
		} else {
			r.units[i] = unit{term: string(t.Term), start: int(t.Start), end: int(t.End), cjk: t.Kind == analysis.Unigram}
		}
	}
	return r
}

// n is the number of units.
func (r *run) n() int { return len(r.units) }

// text is the source text of units lo to hi-1.
func (r *run) text(lo, hi int) string {
	return strings.TrimSpace(r.src[r.units[lo].start:r.units[hi-1].end])
}

// key is how the lexicon names units lo to hi-1.
func (r *run) key(lo, hi int) string {
	var b strings.Builder
	for i := lo; i < hi; i++ {
		if i > lo {
			b.WriteByte(0x1f)
		}
		b.WriteString(r.units[i].term)
	}
	return b.String()
}

// term is the term at unit i of a phrase over units lo to hi-1: the bigram
// starting there if it ends inside the range, "" if the bigram before it
// covers it, else the unit itself.
func (r *run) term(i, lo, hi int) string {
	switch {
	case i+1 < hi && r.bigram[i] != "":
		return r.bigram[i]
	case i > lo && r.bigram[i-1] != "":
		return ""
	}
	return r.units[i].term
}

// phrase is the phrase of units lo to hi-1, however long.
func (r *run) phrase(lo, hi int) Phrase {
	ph := make(Phrase, 0, hi-lo)
	for i := lo; i < hi; i++ {
		ph = append(ph, r.term(i, lo, hi))
	}
	for len(ph) > 0 && ph[len(ph)-1] == "" {
		ph = ph[:len(ph)-1]
	}
	return ph
}

// textPhrase is a phrase with the text it was made of and the units it spans.
type textPhrase struct {
	Phrase
	text  string
	units int
}

// phrases cuts the units lo to hi-1 into phrases of at most MaxPhraseTerms
// terms, one after the other.
func (r *run) phrases(lo, hi int) []textPhrase {
	var out []textPhrase
	a, count := lo, 0
	var cur Phrase
	// b ends the phrase's text; the next phrase starts units after a
	flush := func(b, units int) {
		for len(cur) > 0 && cur[len(cur)-1] == "" {
			cur = cur[:len(cur)-1]
		}
		if len(cur) > 0 {
			out = append(out, textPhrase{Phrase: cur, text: r.text(a, b), units: units})
		}
		cur, count = nil, 0
	}
	for i := lo; i < hi; i++ {
		t := r.term(i, lo, hi)
		if t == "" && len(cur) == 0 {
			a = i + 1
			continue
		}
		cur = append(cur, t)
		if t != "" {
			count++
			if count == MaxPhraseTerms {
				end := i + 1
				if r.units[i].term != t {
					end++ // a bigram covers the next unit too
				}
				flush(end, i+1-a)
				a = i + 1
			}
		}
	}
	flush(hi, hi-a)
	return out
}
