package search

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
)

// SearchTimeout bounds the time one Index.Search may take.
const SearchTimeout = 5 * time.Second

// maxFacetValues bounds how many values of one facet are counted.
const maxFacetValues = 1000

// Search answers r from the index. Documents are ranked by bleve's BM25
// (see rank.go), ties broken by URL; a query the user got wrong (empty,
// nothing searchable, bad paging or filter) is a *QueryError.
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
	req := bleve.NewSearchRequestOptions(withFilters(must, filters, ""), r.Size, r.From, false)
	req.SortBy([]string{"-_score", "_id"})
	req.Fields = []string{"url", "kind", "title", "summary", "problem", "solution", "body"}
	for _, name := range facetNames {
		if _, filtered := filters[name]; !filtered {
			req.AddFacet(name, bleve.NewFacetRequest(facetField[name], maxFacetValues))
		}
	}
	req.PreSearchData = stats.preSearchData()
	res, err := ix.idx.SearchInContext(ctx, req)
	if err != nil {
		return nil, searchError(err)
	}
	out := emptyResult(r.Query)
	out.Total = int(res.Total)
	out.from = r.From
	for name, fr := range res.Facets {
		fillFacet(out.Facets[name], fr)
	}
	// a filtered facet counts with every other filter, but not its own
	for name := range filters {
		fq := bleve.NewSearchRequestOptions(withFilters(must, filters, name), 0, 0, false)
		fq.AddFacet(name, bleve.NewFacetRequest(facetField[name], maxFacetValues))
		fq.PreSearchData = stats.preSearchData()
		fres, err := ix.idx.SearchInContext(ctx, fq)
		if err != nil {
			return nil, searchError(err)
		}
		fillFacet(out.Facets[name], fres.Facets[name])
	}
	for _, h := range res.Hits {
		fields := [numText]string{}
		for f, name := range textFields {
			fields[f] = fieldString(h.Fields, name)
		}
		out.Hits = append(out.Hits, Hit{
			URL:     h.ID,
			Title:   fields[0],
			Kind:    fieldString(h.Fields, "kind"),
			Snippet: snippet(fields, clauses),
			Score:   h.Score,
		})
	}
	return out, nil
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
