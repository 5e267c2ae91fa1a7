package search

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"
)

// SearchTimeout bounds the time one Index.Search may take.
const SearchTimeout = 5 * time.Second

// maxFacetValues bounds how many values of one facet are counted.
const maxFacetValues = 1000

// Search answers r from the index. bleve finds the matching documents (and
// counts the facets); they are ranked by BM25 as rank.go says, ties broken
// by URL. A query the user got wrong (empty, nothing searchable, bad paging
// or filter) is a *QueryError.
func (ix *Index) Search(r Request) (*Result, error) {
	clauses, err := checkRequest(&r)
	if err != nil {
		return nil, err
	}
	ix.mu.RLock()
	stats := ix.stats
	ix.mu.RUnlock()
	if stats.docs == 0 {
		return emptyResult(r.Query), nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), SearchTimeout)
	defer cancel()

	must := clausesQuery(clauses)
	filters := requestFilters(r)
	out := emptyResult(r.Query)
	out.from = r.From

	// facets: a filtered facet counts with every other filter, but not its own
	for _, skip := range append([]string{""}, facetNames[:]...) {
		if _, filtered := filters[skip]; skip != "" && !filtered {
			continue
		}
		fq := bleve.NewSearchRequestOptions(withFilters(must, filters, skip), 0, 0, false)
		for _, name := range facetNames {
			if _, filtered := filters[name]; (skip == "" && !filtered) || name == skip {
				fq.AddFacet(name, bleve.NewFacetRequest(facetField[name], maxFacetValues))
			}
		}
		fq.Score = "none"
		res, err := ix.idx.SearchInContext(ctx, fq)
		if err != nil {
			return nil, searchError(err)
		}
		for name, fr := range res.Facets {
			fillFacet(out.Facets[name], fr)
		}
	}

	hits, total, err := ix.rank(ctx, clauses, withFilters(must, filters, ""), stats, r.From+r.Size)
	if err != nil {
		return nil, searchError(err)
	}
	out.Total = total
	if r.From >= len(hits) {
		return out, nil
	}
	hits = hits[r.From:]
	ids := make([]string, len(hits))
	for i, h := range hits {
		ids[i] = h.url
	}
	req := bleve.NewSearchRequestOptions(bleve.NewDocIDQuery(ids), len(ids), 0, false)
	req.Fields = []string{"kind", "title", "summary", "problem", "solution", "body"}
	req.Score = "none"
	res, err := ix.idx.SearchInContext(ctx, req)
	if err != nil {
		return nil, searchError(err)
	}
	stored := map[string]map[string]interface{}{}
	for _, h := range res.Hits {
		stored[h.ID] = h.Fields
	}
	for _, h := range hits {
		fields := [numText]string{}
		for f, name := range textFields {
			fields[f] = fieldString(stored[h.url], name)
		}
		out.Hits = append(out.Hits, Hit{
			URL:     h.url,
			Title:   fields[0],
			Kind:    fieldString(stored[h.url], "kind"),
			Snippet: snippet(fields, clauses),
			Score:   h.score,
		})
	}
	return out, nil
}

// rankedHit is a document in the order of the ranking.
type rankedHit struct {
	url   string
	score float64
}

// rank runs q (clauses with filters) and returns its first n hits in rank
// order, and how many documents match.
func (ix *Index) rank(ctx context.Context, clauses []clause, q query.Query, stats bm25Stats, n int) ([]rankedHit, int, error) {
	bi, err := ix.idx.Advanced()
	if err != nil {
		return nil, 0, err
	}
	reader, err := bi.Reader()
	if err != nil {
		return nil, 0, err
	}
	defer reader.Close()
	ids, err := matchIDs(ctx, reader, ix.idx.Mapping(), q)
	if err != nil || len(ids) == 0 {
		return nil, 0, err
	}

	dfs := map[string]*[numText]uint64{}
	for _, c := range clauses {
		for _, t := range c.nonEmpty() {
			if dfs[t] != nil {
				continue
			}
			dfs[t] = &[numText]uint64{}
			for f, field := range textFields {
				tfr, err := reader.TermFieldReader(ctx, []byte(t), field, false, false, false)
				if err != nil {
					return nil, 0, err
				}
				dfs[t][f] = tfr.Count()
				tfr.Close()
			}
		}
	}
	p := newPlan(clauses, func(t string, f int) uint64 { return dfs[t][f] }, stats)

	// frequency and norm of each clause in each field of each matching document
	type fn struct {
		tf   uint64
		norm float64
	}
	freqs := make([]fn, len(ids)*len(clauses)*numText)
	at := func(doc, c, f int) *fn { return &freqs[(doc*len(clauses)+c)*numText+f] }
	for ci, c := range clauses {
		for f, field := range textFields {
			if err := clauseFreqs(ctx, reader, c, field, ids, func(doc int, tf uint64, norm float64) {
				*at(doc, ci, f) = fn{tf, norm}
			}); err != nil {
				return nil, 0, err
			}
		}
	}
	type scored struct {
		doc   int
		score float64
	}
	all := make([]scored, 0, len(ids))
	for doc := range ids {
		s := p.score(func(c, f int) (uint64, float64) { x := at(doc, c, f); return x.tf, x.norm })
		if s >= 0 {
			all = append(all, scored{doc, s})
		}
	}
	sort.SliceStable(all, func(a, b int) bool { return all[a].score > all[b].score })
	// ties are broken by URL: sort each run of equal scores that reaches the page
	var out []rankedHit
	for lo := 0; lo < len(all) && len(out) < n; {
		hi := lo + 1
		for hi < len(all) && all[hi].score == all[lo].score {
			hi++
		}
		run := make([]rankedHit, hi-lo)
		for i := range run {
			u, err := reader.ExternalID(ids[all[lo+i].doc])
			if err != nil {
				return nil, 0, err
			}
			run[i] = rankedHit{u, all[lo+i].score}
		}
		sort.Slice(run, func(a, b int) bool { return run[a].url < run[b].url })
		out = append(out, run[:min(len(run), n-len(out))]...)
		lo = hi
	}
	return out, len(all), nil
}

// matchIDs returns the documents q matches, in index order.
func matchIDs(ctx context.Context, reader index.IndexReader, m mapping.IndexMapping, q query.Query) ([]index.IndexInternalID, error) {
	s, err := q.Searcher(ctx, reader, m, bsearch.SearcherOptions{Score: "none"})
	if err != nil {
		return nil, err
	}
	defer s.Close()
	sctx := &bsearch.SearchContext{DocumentMatchPool: bsearch.NewDocumentMatchPool(s.DocumentMatchPoolSize(), 0)}
	var ids []index.IndexInternalID
	for {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		dm, err := s.Next(sctx)
		if err != nil {
			return nil, err
		}
		if dm == nil {
			return ids, nil
		}
		ids = append(ids, append(index.IndexInternalID(nil), dm.IndexInternalID...))
		sctx.DocumentMatchPool.Put(dm)
	}
}

// clauseFreqs calls found for each of ids (ascending) in which clause c
// occurs in field: with its frequency there (a term's, or the number of
// positions where the phrase starts) and the field's norm.
func clauseFreqs(ctx context.Context, reader index.IndexReader, c clause, field string, ids []index.IndexInternalID,
	found func(doc int, tf uint64, norm float64)) error {
	terms := c.nonEmpty()
	phrase := !c.isTerm()
	tfrs := make([]index.TermFieldReader, len(terms))
	defer func() {
		for _, r := range tfrs {
			if r != nil {
				r.Close()
			}
		}
	}()
	for i, t := range terms {
		r, err := reader.TermFieldReader(ctx, []byte(t), field, true, true, phrase)
		if err != nil {
			return err
		}
		tfrs[i] = r
	}
	cur := make([]*index.TermFieldDoc, len(terms))
	done := make([]bool, len(terms))
	for doc, id := range ids {
		have := true
		for i, r := range tfrs {
			if done[i] {
				have = false
				break
			}
			if cur[i] == nil || bytes.Compare(cur[i].ID, id) < 0 {
				d, err := r.Advance(id, nil)
				if err != nil {
					return err
				}
				if d == nil {
					done[i] = true
					have = false
					break
				}
				cur[i] = d
			}
			if !bytes.Equal(cur[i].ID, id) {
				have = false
				break
			}
		}
		if !have {
			if slices.Contains(done, true) {
				return nil // some term has no more documents
			}
			continue
		}
		if !phrase {
			found(doc, cur[0].Freq, cur[0].Norm)
			continue
		}
		if n := phraseFreq(c.terms, terms, cur); n > 0 {
			found(doc, n, cur[0].Norm)
		}
	}
	return nil
}

// phraseFreq counts the positions where the phrase of terms (with "" gaps)
// starts, given the postings (with term vectors) of its non-empty terms.
func phraseFreq(phrase, terms []string, docs []*index.TermFieldDoc) uint64 {
	pos := make(map[string]map[uint64]bool, len(terms))
	for i, t := range terms {
		if pos[t] == nil {
			pos[t] = map[uint64]bool{}
		}
		for _, v := range docs[i].Vectors {
			pos[t][v.Pos] = true
		}
	}
	n := uint64(0)
	for p := range pos[phrase[0]] {
		ok := true
		for j := 1; j < len(phrase) && ok; j++ {
			ok = phrase[j] == "" || pos[phrase[j]][p+uint64(j)]
		}
		if ok {
			n++
		}
	}
	return n
}

// checkRequest validates and normalises r and parses its query.
func checkRequest(r *Request) ([]clause, error) {
	switch {
	case r.Size < 0 || r.Size > MaxSize:
		return nil, &QueryError{Msg: fmt.Sprintf("每页条数须在 1 到 %d 之间 (n must be 1..%d)", MaxSize, MaxSize)}
	case r.From < 0 || r.From > MaxFrom:
		return nil, &QueryError{Msg: fmt.Sprintf("起始位置须在 0 到 %d 之间 (from must be 0..%d)", MaxFrom, MaxFrom)}
	}
	if r.Size == 0 {
		r.Size = DefaultSize
	}
	for _, v := range []*string{&r.Kind, &r.Street, &r.Topic, &r.Method} {
		if len(*v) > MaxFilterBytes || !utf8.ValidString(*v) || strings.IndexFunc(*v, unicode.IsControl) >= 0 {
			return nil, &QueryError{Msg: "筛选条件无效 (bad filter value)"}
		}
		*v = strings.TrimSpace(*v)
	}
	return parseQuery(r.Query)
}

// searchError tells a query that ran out of time from other failures.
func searchError(err error) error {
	if errors.Is(err, context.DeadlineExceeded) {
		return &QueryError{Msg: "查询太复杂，超时了 (query timed out)"}
	}
	return fmt.Errorf("search: %w", err)
}

// preSearchData hands bleve the collection statistics for BM25: the number
// of documents and, per field, the total number of tokens. Without it bleve
// derives the average field length from the number of distinct terms in
// each segment's dictionary, which depends on how segments happen to be
// merged and could not be reproduced by the static index.
func (s bm25Stats) preSearchData() map[string]interface{} {
	card := make(map[string]int, numText+len(keywordFields))
	for f, name := range textFields {
		card[name] = int(s.totals[f])
	}
	for _, name := range keywordFields {
		card[name] = s.docs // unscored (filters), but bleve needs an entry
	}
	// bleve's optimised unscored conjunctions (several filters) search "*"
	card["*"] = s.docs
	return map[string]interface{}{
		bsearch.BM25PreSearchDataKey: &bsearch.BM25Stats{DocCount: float64(s.docs), FieldCardinality: card},
	}
}

// clausesQuery is the bleve query for clauses: all clauses must match; a
// clause matches in any text field, as a term or as a phrase, with the
// field's boost. rank.go spells out the score this gives.
func clausesQuery(clauses []clause) query.Query {
	conj := make([]query.Query, 0, len(clauses))
	for _, c := range clauses {
		disj := make([]query.Query, 0, numText)
		for f, field := range textFields {
			var q query.Query
			if c.isTerm() {
				tq := bleve.NewTermQuery(c.terms[0])
				tq.SetField(field)
				tq.SetBoost(textBoost[f])
				q = tq
			} else {
				pq := bleve.NewPhraseQuery(c.terms, field)
				pq.SetBoost(textBoost[f])
				q = pq
			}
			disj = append(disj, q)
		}
		conj = append(conj, bleve.NewDisjunctionQuery(disj...))
	}
	return bleve.NewConjunctionQuery(conj...)
}

// requestFilters maps facet name to the value r filters on.
func requestFilters(r Request) map[string]string {
	m := map[string]string{}
	for name, v := range map[string]string{"kind": r.Kind, "street": r.Street, "topic": r.Topic, "method": r.Method} {
		if v != "" {
			m[name] = v
		}
	}
	return m
}

// withFilters narrows must to the filters, leaving out the one named skip.
// Filters do not score: the ranking is the same with or without them.
func withFilters(must query.Query, filters map[string]string, skip string) query.Query {
	var fs []query.Query
	for _, name := range facetNames {
		v, ok := filters[name]
		if !ok || name == skip {
			continue
		}
		tq := bleve.NewTermQuery(v)
		tq.SetField(facetField[name])
		fs = append(fs, tq)
	}
	if len(fs) == 0 {
		return must
	}
	bq := bleve.NewBooleanQuery()
	bq.Must = must
	bq.AddFilter(bleve.NewConjunctionQuery(fs...))
	return bq
}

// fillFacet copies bleve's term counts into m.
func fillFacet(m map[string]int, fr *bsearch.FacetResult) {
	if fr == nil || fr.Terms == nil {
		return
	}
	for _, t := range fr.Terms.Terms() {
		m[t.Term] = t.Count
	}
}

// fieldString reads a stored field of a hit.
func fieldString(fields map[string]interface{}, name string) string {
	s, _ := fields[name].(string)
	return s
}
