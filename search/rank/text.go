package rank

import "github.com/jianghan-district/jianghan/search/analysis"

// FillFromText fills d (made by NewDoc(true)) from a document's field
// texts, as search.js does with the texts of the static index: every
// token that is one of the plan's terms counts, at its position, and each
// field's length is its token count through Norm.
func (p *Plan) FillFromText(d *Doc, fields [NumFields]string) {
	d.Reset()
	index := make(map[string]int32, len(p.Terms))
	for i, t := range p.Terms {
		index[t.Text] = int32(i)
	}
	var sc analysis.Scanner
	for f, text := range fields {
		toks := sc.Scan([]byte(text))
		if len(toks) > 0 {
			n := Norm(len(toks))
			d.Len[f] = 1 / (n * n)
		}
		for _, t := range toks {
			i, ok := index[string(t.Term)]
			if !ok {
				continue
			}
			d.TF[i][f]++
			if d.Pos != nil {
				d.Pos[i][f] = append(d.Pos[i][f], t.Pos)
			}
		}
	}
}

// FieldLen is the length BM25 reads for a field of the given norm.
func FieldLen(norm float64) float64 { return 1 / (norm * norm) }
