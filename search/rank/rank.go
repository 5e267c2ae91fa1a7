// Package rank is the one ranking of jianghan's search: how much a page
// answers a query, as the bleve index (package index) computes it for the
// command line and /api/search and as search.js computes it in the
// browser, operation for operation, so that both give the same order and
// the same scores bit for bit.
//
// A query (package query) is parts — the words that matter, each with
// its synonyms — and the query as typed. A page is scored on five fields
// (title, summary, section headings, section text, and the terms it is
// filed under), and ranked by
//
//	tier   2 if it holds the query as typed (every literal clause as a
//	         phrase in one field), else 1 if it holds every part (or a
//	         synonym of it) as a phrase in one field, else 0
//	rel    B · cov² · (1 + α·ord)
//	score  tier + rel/(1+rel)
//
// ordered by tier, then rel, then URL. B is BM25F over the terms of the
// query as typed (the parts' bigrams, unigrams and words; terms that occur
// nowhere cost nothing), and for each part the best of its synonyms the
// page holds whole (every term of it), with weight σ:
//
//	s(t)   = idf_t · tfn·(k1+1) / (tfn+k1)
//	tfn(t) = Σ_f boost_f·tf_f / ((1-b) + b·len_f/avg_f)
//	idf_t  = ln(1 + (N - df_t + 0.5)/(df_t + 0.5))     df: pages holding t
//	B      = Σ_t s(t) + Σ_parts σ · max_synonym Σ_{t in it} s(t)
//
// so rare parts dominate and a filler word, never a term, weighs nothing;
// a page matches when B > 0.
// cov is the coverage: for each part the best, over its alternatives, of
// the share of the alternative's terms the page holds (times σ for a
// synonym), averaged over the parts weighted by their mean idf — a page
// holding more of the query ranks above one holding less. ord rewards word
// order: for each pair of consecutive terms of the query as typed (within
// one stretch typed without a space: a word, a sentence), 1/(1+d) in the
// field where they come closest to the distance they have in the query (d
// the difference, up to MaxDev), averaged weighted by the pair's lower
// idf; an exact contiguous match has d = 0. (Words typed apart are not
// paired: their distance could only be known from every page's text, and
// the browser reads texts sparingly.)
//
// len_f is the field's length as bleve keeps it (from float32(1/√tokens)),
// avg_f the mean over pages of the exact token counts; ln is FreeBSD's,
// written out so that Go and JavaScript agree in the last bit. Every sum
// runs in a fixed order and every product that meets an addition is
// rounded first (no fused multiply-add), as search.js does.
package rank

import (
	"math"
	"strings"

	"github.com/jianghan-district/jianghan/search"
)

// The searched fields of a page, in the order every index keeps them.
const (
	Title = iota
	Summary
	Headings
	Text
	Filed
	NumFields
)

// FieldNames names the fields, in order.
var FieldNames = [NumFields]string{"title", "summary", "headings", "text", "filed"}

// Params are the constants of the ranking; the static index carries them
// to search.js.
type Params struct {
	K1    float64            `json:"k1"`
	B     float64            `json:"b"`
	Boost [NumFields]float64 `json:"boost"`
	// Synonym is the weight of a synonym against the word as typed.
	Synonym float64 `json:"synonym"`
	// Order is α, how much word order and proximity add.
	Order float64 `json:"order"`
	// MaxDev is the largest difference in distance that still counts as near.
	MaxDev int `json:"maxDev"`
}

// Default are the parameters in use: BM25's usual k1 and b; a title worth
// three times the text, a summary and the filed terms twice, headings one
// and a half.
var Default = Params{
	K1: 1.2, B: 0.75,
	Boost:   [NumFields]float64{3, 2, 1.5, 1, 2},
	Synonym: 0.8,
	Order:   0.5,
	MaxDev:  8,
}

// Stats are the collection statistics BM25 needs.
type Stats struct {
	Docs  int
	Total [NumFields]uint64 // tokens of each field over all documents
}

// Avg is the mean length of each field.
func (s Stats) Avg() [NumFields]float64 {
	var a [NumFields]float64
	if s.Docs > 0 {
		for f := range a {
			a[f] = float64(s.Total[f]) / float64(s.Docs)
		}
	}
	return a
}

// FieldTexts is a document's text as the fields hold it: the headings of
// its sections one a line, their texts one after the other, and the terms
// it is filed under one a line (a line break separates, so no bigram spans
// two terms).
func FieldTexts(d *search.Document) [NumFields]string {
	var heads, texts []string
	for _, s := range d.Sections {
		if s.Heading != "" {
			heads = append(heads, s.Heading)
		}
		if s.Text != "" {
			texts = append(texts, s.Text)
		}
	}
	return [NumFields]string{d.Title, d.Summary, strings.Join(heads, "\n"), strings.Join(texts, "\n"), strings.Join(d.Filed, "\n")}
}

// Norm is the length norm bleve stores for a field of n tokens,
// float32(1/√n); search.js computes it with Math.fround.
func Norm(n int) float64 {
	return float64(float32(1 / math.Sqrt(float64(n))))
}

// IDF is BM25's inverse document frequency of a term in df of n documents.
func IDF(n, df int) float64 {
	return ln(1 + (float64(n)-float64(df)+0.5)/(float64(df)+0.5))
}

// LengthNorm is BM25's (1-b) + b·l/avg for a field of BM25 length l.
func (p *Params) LengthNorm(l, avg float64) float64 {
	return (1 - p.B) + p.B*l/avg
}

// TermScore is a term's BM25F score in a document where it occurs tf[f]
// times in field f, whose LengthNorm is kf[f].
func (p *Params) TermScore(idf float64, tf *[NumFields]uint32, kf *[NumFields]float64) float64 {
	tfn := 0.0
	for f := 0; f < NumFields; f++ {
		if tf[f] > 0 {
			tfn += p.Boost[f] * float64(tf[f]) / kf[f]
		}
	}
	return idf * (tfn * (p.K1 + 1)) / (tfn + p.K1)
}
