package search

import (
	"math"
	"sort"

	bsearch "github.com/blevesearch/bleve/v2/search"
)

// The ranking, spelled out. It is BM25 per text field with field boosts,
// combined as bleve combines the query that Index.Search runs to find the
// matching documents (query.go makes the clauses, search.go the query):
//
//	Conjunction( for each clause c:
//	    Disjunction( for each text field f (title, summary, problem, solution, body):
//	        c is one term ? Term(t, f, boost_f) : Phrase(terms of c, f, boost_f) ) )
//
// Every leaf (one clause in one field) is scored as a BM25 term: a term
// clause by its frequency in the field, a phrase clause by the number of
// places the phrase occurs there (its phrase frequency) with the sum of its
// terms' idfs, as Lucene scores phrases. N is the number of documents and
// total_f the number of tokens in field f over all documents:
//
//	avg_f    = ceil(total_f / N)
//	idf(t,f) = ln(1 + (N - df + 0.5) / (df + 0.5))     df: documents with t in f
//	           (if avg_f == 0: 1 + ln(N / (df + 1)); such a field matches nothing)
//	idf(c,f) = idf(t,f) for a term, the sum over its terms (gaps excepted) for a phrase
//	weight   = (boost_f · idf(c,f))²                   per leaf
//	qnorm    = 1 / sqrt(sum of all leaves' weights)
//	len      = 1 / (n·n), n = float32(1 / sqrt(tokens of f in d))
//	leaf     = idf · (√tf · k1) / (√tf + k1 · (1 - b + b · len / avg_f)) · (boost_f · idf · qnorm)
//	           (the last factor is left out when it is exactly 1)
//	clause   = (sum of the leaves of the fields that match) · (matched fields / 5)
//	score    = sum of clauses
//
// with k1 = 1.2, b = 0.75: for a query of terms only this is bleve's BM25
// score (but for ln, below, in place of math.Log). Sums run over fields sorted (stably) by their match
// count estimate (df for a term, the sum of its terms' dfs for a phrase),
// and over clauses sorted by the sum of their fields' estimates;
// floating-point operations are done in that order. Hits are ordered by
// score, then URL. search.js does the same arithmetic in the same order, so
// both sides agree bit for bit, not just approximately.
//
// In the browser. search.js ranks over the static index (static.go) with a
// threshold algorithm, so that a query fetches a few kilobytes however
// many documents match:
//
//   - A term's postings are ordered by impact (termImpact: the term clause's
//     score before the query norm) and come in blocks: the head in the term's
//     shard, then tail blocks fetched on demand. A posting of the first
//     fullRanks carries its frequency and field length per field, so a
//     query of terms is scored exactly from postings; later ones carry only
//     the document and a one-byte upper bound of its impact.
//   - A document not yet scored has a bound: for a term clause, its impact
//     if the posting is at hand, else the top impact of the term's next
//     block (or the next lower impact, for a document before the first one
//     at the top, since a block is ranked by impact, then document); for a
//     phrase, the smallest over its terms of rho² times that (rho: the
//     largest ratio of the phrase's idf to the term's over fields), and, field
//     by field, what each term's frequency there allows, since a phrase's
//     frequency in a field is at most each of its terms'. Its score is at
//     most the query norm times the sum over clauses.
//   - Round after round the browser scores what it can, takes the page's
//     last hit k, and fetches more of the lists whose missing postings keep a
//     document's bound at or above k's score, or reads the text of a
//     document whose bound only its text can settle (phrases, and postings
//     without frequencies); the text (d/N.bin, by an HTTP range request)
//     gives every frequency exactly. It stops when no document left can beat
//     k. A bound within 1e-12 of k's score is a tie, which only identical
//     postings produce, so a document after k in URL order cannot beat it;
//     a document not seen at all comes after each list's first document at
//     its top impact.
//   - A query whose phrase meets its terms in many texts it is not in would
//     read them all: after need+90 texts (need = from + size) the browser
//     stops and shows the hits it has, marked approximate ("约").
//   - Totals and facet counts are exact when some term's postings are all at
//     hand and every candidate is scored; otherwise they are upper bounds
//     (from the candidates, or from each term's own facet counts in its
//     shard), shown as "约 N".

// bm25K1 is bleve's BM25 k1, written into the static index.
func bm25K1() float64 { return bsearch.BM25_k1 }

// bm25B is bleve's BM25 b, written into the static index.
func bm25B() float64 { return bsearch.BM25_b }

// plan is how a query's clauses are scored: the order of the sums, each
// leaf's idf and query weight.
type plan struct {
	clauses []planClause // in summing order
	avg     [numText]float64
}

type planClause struct {
	idx    int // index into the parsed clauses
	fields []planField
}

type planField struct {
	f   int
	idf float64
	qw  float64 // boost_f · idf · qnorm
}

// newPlan makes the plan of clauses, given each term's document frequency
// per field and the collection statistics.
func newPlan(clauses []clause, df func(term string, f int) uint64, st bm25Stats) *plan {
	p := &plan{}
	n := float64(st.docs)
	for f := range p.avg {
		if st.docs > 0 {
			p.avg[f] = math.Ceil(float64(st.totals[f]) / n)
		}
	}
	type sorted struct {
		pc     planClause
		count  uint64
		weight float64
	}
	cs := make([]sorted, len(clauses))
	sumW := 0.0
	for i, c := range clauses {
		type fieldCount struct {
			pf    planField
			count uint64
		}
		fs := make([]fieldCount, numText)
		for f := 0; f < numText; f++ {
			idf, count := 0.0, uint64(0)
			for _, t := range c.nonEmpty() {
				d := df(t, f)
				idf += termIDF(p.avg[f], n, d)
				count += d
			}
			fs[f] = fieldCount{planField{f: f, idf: idf}, count}
		}
		sort.SliceStable(fs, func(a, b int) bool { return fs[a].count < fs[b].count })
		sc := sorted{pc: planClause{idx: i}}
		for _, fc := range fs {
			x := textBoost[fc.pf.f] * fc.pf.idf
			sc.weight += float64(x * x)
			sc.pc.fields = append(sc.pc.fields, fc.pf)
			sc.count += fc.count
		}
		cs[i] = sc
	}
	sort.SliceStable(cs, func(a, b int) bool { return cs[a].count < cs[b].count })
	for _, c := range cs {
		sumW += c.weight
	}
	qn := 1 / math.Sqrt(sumW)
	for _, c := range cs {
		for k := range c.pc.fields {
			pf := &c.pc.fields[k]
			pf.qw = textBoost[pf.f] * pf.idf * qn
		}
		p.clauses = append(p.clauses, c.pc)
	}
	return p
}

// termIDF is bleve's BM25 idf of a term in df of n documents.
func termIDF(avg, n float64, df uint64) float64 {
	if avg > 0 {
		return ln(1 + (n-float64(df)+0.5)/(float64(df)+0.5))
	}
	return 1 + ln(n/float64(df+1))
}

// ln is the natural logarithm of x > 0 by FreeBSD's e_log.c, with only
// operations that IEEE 754 rounds exactly and no fused multiply-adds (the
// float64 conversions forbid them), so that it gives the same bits on every
// platform and in search.js. (math.Log and JavaScript's Math.log disagree
// in the last bit for about one argument in forty.)
func ln(x float64) float64 {
	const (
		ln2Hi = 6.93147180369123816490e-01
		ln2Lo = 1.90821492927058770002e-10
		l1    = 6.666666666666735130e-01
		l2    = 3.999999999940941908e-01
		l3    = 2.857142874366239149e-01
		l4    = 2.222219843214978396e-01
		l5    = 1.818357216161805012e-01
		l6    = 1.531383769920937332e-01
		l7    = 1.479819860511658591e-01
	)
	f1, ki := math.Frexp(x)
	if f1 < math.Sqrt2/2 {
		f1 *= 2
		ki--
	}
	f := f1 - 1
	k := float64(ki)
	s := f / (2 + f)
	s2 := s * s
	s4 := s2 * s2
	t1 := s2 * (l1 + float64(s4*(l3+float64(s4*(l5+float64(s4*l7))))))
	t2 := s4 * (l2 + float64(s4*(l4+float64(s4*l6))))
	r := t1 + t2
	hfsq := 0.5 * f * f
	return float64(k*ln2Hi) - ((hfsq - (float64(s*(hfsq+r)) + float64(k*ln2Lo))) - f)
}

// leafScore is one leaf's score for frequency tf in a field of the given
// norm (float32(1/sqrt(tokens)), as bleve stores it).
func (p *plan) leafScore(pf *planField, tf uint64, norm float64) float64 {
	k1, b := bm25K1(), bm25B()
	length := 1 / (norm * norm)
	x := math.Sqrt(float64(tf))
	sc := pf.idf * (x * k1) / (x + float64(k1*(1-b+(b*length/p.avg[pf.f]))))
	if pf.qw != 1 {
		sc = sc * pf.qw
	}
	return sc
}

// score is a document's score, given its frequency (term or phrase) and
// norm for each clause (by parsed index) in each field; -1 if a clause
// matches in no field.
func (p *plan) score(freq func(clause, field int) (uint64, float64)) float64 {
	sum := 0.0
	for i := range p.clauses {
		c := &p.clauses[i]
		s, m := 0.0, 0
		for k := range c.fields {
			pf := &c.fields[k]
			tf, norm := freq(c.idx, pf.f)
			if tf == 0 {
				continue
			}
			s += p.leafScore(pf, tf, norm)
			m++
		}
		if m == 0 {
			return -1
		}
		sum += float64(s * (float64(m) / float64(numText)))
	}
	return sum
}

// normOf is the norm bleve stores for a field of n tokens.
func normOf(n uint32) float64 {
	return float64(float32(1 / math.Sqrt(float64(n))))
}
