package rank

import (
	"github.com/jianghan-district/jianghan/search/query"
)

// Term is a term a Plan reads: to score it, or only to find a phrase.
type Term struct {
	Text string
	DF   int     // documents holding it, in any field
	IDF  float64 // 0 when DF is 0
	// Q is 1 for a term of a word as typed (it adds its score to B),
	// Params.Synonym for a term of a synonym only (it adds to B only when
	// the page holds every term of the synonym), 0 for a term that only
	// phrases need (filler in the query as typed) or that occurs nowhere.
	Q float64
}

// Plan is a query made ready to score pages of one collection.
type Plan struct {
	Terms  []Term
	parts  []planPart
	raw    []phrase // the query as typed; nil entries occur nowhere
	strict []phrase
	pairs  []pair
	params Params
	avg    [NumFields]float64
	// simple: no phrase of more than one term and no pairs, so a page's
	// term frequencies alone give its score exactly
	simple bool
}

// phrase is a query.Phrase as term indexes (-1 for a gap); nil if one of
// its terms occurs nowhere, so that it cannot occur.
type phrase []int32

type planPart struct {
	alts []planAlt
	w    float64 // the part's weight in cov: its best alternative's mean idf
}

type planAlt struct {
	w      float64 // 1, or Params.Synonym
	terms  []int32 // its distinct terms that occur somewhere
	mean   float64 // their mean idf
	phrase phrase
	// whole is true for a synonym all of whose terms occur somewhere: it
	// adds to B in a page that holds all of them
	whole bool
}

// pair is two consecutive terms of the query as typed, dist apart there.
type pair struct {
	a, b int32
	dist int32
	w    float64
}

// NewPlan makes the plan of q over a collection with statistics st, where
// df gives the number of documents holding a term.
func NewPlan(q *query.Query, df func(term string) int, st Stats, params Params) *Plan {
	b := &planner{p: &Plan{params: params, avg: st.Avg(), simple: true}, df: df, docs: st.Docs, index: map[string]int32{}}
	p := b.p
	for _, qp := range q.Parts {
		pp := b.part(qp)
		if qp.Strict {
			p.strict = append(p.strict, pp.alts[0].phrase) // nil: nothing can match
		}
		p.parts = append(p.parts, pp)
	}
	for _, r := range q.Raw {
		p.raw = append(p.raw, b.phrase(r))
		if len(r) > 1 {
			p.simple = false
		}
	}
	b.pairs()
	return p
}

// planner is what NewPlan keeps while it makes a plan.
type planner struct {
	p     *Plan
	df    func(term string) int
	docs  int
	index map[string]int32 // term → its index in p.Terms
	// the terms of the parts as typed that occur, in order, with their
	// positions in the query and the runs they were typed in
	seq, seqPos, seqRun []int32
}

// id returns the index of term t in the plan's terms, adding it.
func (b *planner) id(t string) int32 {
	if i, ok := b.index[t]; ok {
		return i
	}
	i := int32(len(b.p.Terms))
	b.index[t] = i
	term := Term{Text: t, DF: b.df(t)}
	if term.DF > 0 {
		term.IDF = IDF(b.docs, term.DF)
	}
	b.p.Terms = append(b.p.Terms, term)
	return i
}

// phrase returns ph as term indexes, nil when one of its terms occurs
// nowhere.
func (b *planner) phrase(ph query.Phrase) phrase {
	out := make(phrase, len(ph))
	ok := true
	for j, t := range ph {
		out[j] = -1
		if t != "" {
			out[j] = b.id(t)
			ok = ok && b.p.Terms[out[j]].DF > 0
		}
	}
	if !ok {
		return nil
	}
	return out
}

// part plans one part of the query and its alternatives.
func (b *planner) part(qp query.Part) planPart {
	var pp planPart
	for k, a := range qp.Alts {
		pa := b.alt(a, k == 0, qp)
		if len(pa.terms) > 0 {
			pp.w = max(pp.w, float64(pa.w*pa.mean))
		}
		if len(a.Phrase) > 1 {
			b.p.simple = false
		}
		pp.alts = append(pp.alts, pa)
	}
	return pp
}

// alt plans one alternative of part qp; typed is true for the one as typed,
// whose terms make the sequence that word pairs are taken from.
func (b *planner) alt(a query.Alt, typed bool, qp query.Part) planAlt {
	pa := planAlt{w: 1, phrase: b.phrase(a.Phrase)}
	if a.Synonym {
		pa.w = b.p.params.Synonym
	}
	sum := 0.0
	for j, t := range a.Phrase {
		if t == "" {
			continue
		}
		i := b.id(t)
		term := &b.p.Terms[i]
		if term.DF == 0 {
			continue
		}
		term.Q = max(term.Q, pa.w)
		if typed {
			b.seq = append(b.seq, i)
			b.seqPos = append(b.seqPos, int32(qp.Pos+j))
			b.seqRun = append(b.seqRun, int32(qp.Run))
		}
		if !containsID(pa.terms, i) {
			pa.terms = append(pa.terms, i)
			sum += term.IDF
		}
	}
	if len(pa.terms) > 0 {
		pa.mean = sum / float64(len(pa.terms))
	}
	pa.whole = a.Synonym && pa.phrase != nil
	return pa
}

// pairs adds the pairs of consecutive terms typed together.
func (b *planner) pairs() {
	p := b.p
	for k := 1; k < len(b.seq); k++ {
		if b.seqRun[k] != b.seqRun[k-1] {
			continue // typed apart
		}
		x, y := b.seq[k-1], b.seq[k]
		p.pairs = append(p.pairs, pair{a: x, b: y, dist: b.seqPos[k] - b.seqPos[k-1], w: min(p.Terms[x].IDF, p.Terms[y].IDF)})
	}
	if len(p.pairs) > 0 {
		p.simple = false
	}
}

func containsID(ids []int32, i int32) bool {
	for _, x := range ids {
		if x == i {
			return true
		}
	}
	return false
}

// Simple tells whether a page's term frequencies and field lengths alone
// score it exactly, without positions: a query of one term and its
// one-term synonyms.
func (p *Plan) Simple() bool { return p.simple }

// Found tells whether the query can find anything at all: whether a term
// of a word as typed, or every term of a synonym, occurs in the collection.
func (p *Plan) Found() bool {
	for _, t := range p.Terms {
		if t.Q == 1 {
			return true
		}
	}
	for _, pp := range p.parts {
		for _, a := range pp.alts {
			if a.whole {
				return true
			}
		}
	}
	return false
}

// PartTerms lists, for each part, the terms of all its alternatives that
// occur somewhere: what a snippet marks.
func (p *Plan) PartTerms() [][]string {
	out := make([][]string, len(p.parts))
	for i, pp := range p.parts {
		for _, a := range pp.alts {
			for _, t := range a.terms {
				if s := p.Terms[t].Text; !containsString(out[i], s) {
					out[i] = append(out[i], s)
				}
			}
		}
	}
	return out
}

func containsString(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// Strict tells whether the query has a quoted phrase of more than one
// term: then whether a page matches at all depends on positions.
func (p *Plan) Strict() bool {
	for _, ph := range p.strict {
		if len(ph) > 1 {
			return true
		}
	}
	return false
}
