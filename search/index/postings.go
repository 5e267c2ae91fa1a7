package index

import (
	"bytes"
	"context"
	"slices"

	bindex "github.com/blevesearch/bleve_index_api"

	"github.com/jianghan-district/jianghan/search/analysis"
	"github.com/jianghan-district/jianghan/search/query"
	"github.com/jianghan-district/jianghan/search/rank"
)

// postings are the frequencies and norms of some terms in every document
// that holds one of them: the candidates of a query.
type postings struct {
	terms []string
	dfs   map[string]int
	ids   []bindex.IndexInternalID // the candidates, in index order
	// tf[c*len(terms)+j] is term j's frequency in each field of candidate c
	tf   [][rank.NumFields]uint32
	norm [][rank.NumFields]float64 // per candidate, the norm of each field (0: not read)
	// of maps a plan's terms to terms (set by order)
	of []int
}

// queryTerms lists every term of q, each once.
func queryTerms(q *query.Query) []string {
	var out []string
	seen := map[string]bool{}
	add := func(ph query.Phrase) {
		for _, t := range ph {
			if t != "" && !seen[t] {
				seen[t] = true
				out = append(out, t)
			}
		}
	}
	for _, p := range q.Parts {
		for _, a := range p.Alts {
			add(a.Phrase)
		}
	}
	for _, r := range q.Raw {
		add(r)
	}
	return out
}

// analysisUnits lists the characters and words of text.
func analysisUnits(text string) []string {
	var out []string
	for _, t := range analysis.Analyze(text) {
		if t.Kind != analysis.Bigram {
			out = append(out, t.Term)
		}
	}
	return out
}

// readPostings reads the postings of terms in every text field.
func readPostings(ctx context.Context, reader bindex.IndexReader, terms []string) (*postings, error) {
	p := &postings{terms: terms, dfs: map[string]int{}}
	type entry struct {
		id   bindex.IndexInternalID
		term int
		f    int
		freq uint32
		norm float64
	}
	var entries []entry
	for j, t := range terms {
		var docs []bindex.IndexInternalID
		for f, field := range rank.FieldNames {
			tfr, err := reader.TermFieldReader(ctx, []byte(t), field, true, true, false)
			if err != nil {
				return nil, err
			}
			var td bindex.TermFieldDoc
			for n := 0; ; n++ {
				if n%1024 == 0 && ctx.Err() != nil {
					tfr.Close()
					return nil, ctx.Err()
				}
				d, err := tfr.Next(&td)
				if err != nil {
					tfr.Close()
					return nil, err
				}
				if d == nil {
					break
				}
				id := slices.Clone(d.ID)
				entries = append(entries, entry{id: id, term: j, f: f, freq: uint32(d.Freq), norm: d.Norm})
				docs = append(docs, id)
			}
			tfr.Close()
		}
		slices.SortFunc(docs, func(a, b bindex.IndexInternalID) int { return bytes.Compare(a, b) })
		p.dfs[t] = len(slices.CompactFunc(docs, func(a, b bindex.IndexInternalID) bool { return bytes.Equal(a, b) }))
	}
	slices.SortFunc(entries, func(a, b entry) int { return bytes.Compare(a.id, b.id) })
	for i := range entries {
		e := &entries[i]
		if len(p.ids) == 0 || !bytes.Equal(p.ids[len(p.ids)-1], e.id) {
			p.ids = append(p.ids, e.id)
			p.tf = append(p.tf, make([][rank.NumFields]uint32, len(terms))...)
			p.norm = append(p.norm, [rank.NumFields]float64{})
		}
		c := len(p.ids) - 1
		p.tf[c*len(terms)+e.term][e.f] = e.freq
		p.norm[c][e.f] = e.norm
	}
	return p, nil
}

// df is the number of documents holding t, for rank.NewPlan.
func (p *postings) df(t string) int { return p.dfs[t] }

// order maps plan's terms to p's.
func (p *postings) order(plan *rank.Plan) {
	index := map[string]int{}
	for j, t := range p.terms {
		index[t] = j
	}
	p.of = make([]int, len(plan.Terms))
	for i, t := range plan.Terms {
		p.of[i] = index[t.Text]
	}
}

// fill makes d candidate c's frequencies and field lengths.
func (p *postings) fill(d *rank.Doc, c int) {
	d.Reset()
	row := p.tf[c*len(p.terms) : (c+1)*len(p.terms)]
	for i, j := range p.of {
		d.TF[i] = row[j]
	}
	for f, n := range p.norm[c] {
		if n > 0 {
			d.Len[f] = rank.FieldLen(n)
		}
	}
}

// exact scores the candidates cs (ascending) with the positions of their
// terms, read from the term vectors. ok[k] is false for a candidate that
// does not match after all (it lacks a quoted phrase).
func (p *postings) exact(ctx context.Context, reader bindex.IndexReader, plan *rank.Plan, cs []int) ([]rank.Key, []bool, error) {
	docs := make([]*rank.Doc, len(cs))
	for k, c := range cs {
		docs[k] = plan.NewDoc(true)
		p.fill(docs[k], c)
	}
	var td bindex.TermFieldDoc
	for i, t := range plan.Terms {
		if t.DF == 0 {
			continue
		}
		for f, field := range rank.FieldNames {
			tfr, err := reader.TermFieldReader(ctx, []byte(t.Text), field, false, false, true)
			if err != nil {
				return nil, nil, err
			}
			for k, c := range cs {
				if k%256 == 0 && ctx.Err() != nil {
					tfr.Close()
					return nil, nil, ctx.Err()
				}
				if p.tf[c*len(p.terms)+p.of[i]][f] == 0 {
					continue
				}
				d, err := tfr.Advance(p.ids[c], &td)
				if err != nil {
					tfr.Close()
					return nil, nil, err
				}
				if d == nil || !bytes.Equal(d.ID, p.ids[c]) {
					continue
				}
				for _, v := range d.Vectors {
					docs[k].Pos[i][f] = append(docs[k].Pos[i][f], int32(v.Pos))
				}
				slices.Sort(docs[k].Pos[i][f])
			}
			tfr.Close()
		}
	}
	keys := make([]rank.Key, len(cs))
	ok := make([]bool, len(cs))
	for k := range cs {
		keys[k], ok[k] = plan.Score(docs[k])
	}
	return keys, ok, nil
}
