package index

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	bindex "github.com/blevesearch/bleve_index_api"

	"github.com/jianghan-district/jianghan/internal/msg"
	"github.com/jianghan-district/jianghan/search"
	"github.com/jianghan-district/jianghan/search/query"
	"github.com/jianghan-district/jianghan/search/rank"
	"github.com/jianghan-district/jianghan/search/snippet"
)

// SearchTimeout bounds the time one Index.Search may take.
const SearchTimeout = 5 * time.Second

// Search answers r from the index, ranked as package rank says, ties
// broken by URL. A query the user got wrong (empty, nothing searchable,
// bad paging or filter) is a *search.QueryError; when ctx is done the
// search stops with ctx's error.
//
// It reads the postings of every term of the query (frequencies and field
// norms), which gives each matching document's coverage and BM25 exactly
// and its word order and tier at their best; then it reads the positions
// of the best documents, a batch at a time, until no document left can
// beat the page's last hit.
func (ix *Index) Search(ctx context.Context, r search.Request) (*search.Result, error) {
	if err := r.Normalize(); err != nil {
		return nil, err
	}
	ix.mu.RLock()
	stats, lex := ix.stats, ix.lexicon
	ix.mu.RUnlock()
	q, err := query.Parse(r.Query, lex)
	if err != nil {
		return nil, err
	}
	if stats.Docs == 0 {
		return search.EmptyResult(r.Query), nil
	}
	inner, cancel := context.WithTimeout(ctx, SearchTimeout)
	defer cancel()
	res, err := ix.search(inner, q, r, stats)
	switch {
	case err == nil:
		return res, nil
	case ctx.Err() != nil:
		return nil, ctx.Err() // the caller gave up
	case errors.Is(err, context.DeadlineExceeded):
		return nil, &search.QueryError{Key: msg.SearchTimeout}
	}
	return nil, fmt.Errorf("search: %w", err)
}

// candidate is a document holding some term of the query.
type candidate struct {
	c     int // in postings
	key   rank.Key
	exact bool
	url   string
}

func (ix *Index) search(ctx context.Context, q *query.Query, r search.Request, stats rank.Stats) (*search.Result, error) {
	bi, err := ix.idx.Advanced()
	if err != nil {
		return nil, err
	}
	reader, err := bi.Reader()
	if err != nil {
		return nil, err
	}
	defer reader.Close()

	post, err := readPostings(ctx, reader, queryTerms(q))
	if err != nil {
		return nil, err
	}
	plan := rank.NewPlan(q, post.df, stats, rank.Default)
	out := search.EmptyResult(r.Query)
	if !plan.Found() {
		return ix.suggest(ctx, reader, q, post, out)
	}
	post.order(plan)
	cands, err := match(ctx, reader, plan, post, r.Filters(), out.Facets)
	if err != nil {
		return nil, err
	}
	out.Total = len(cands)
	if len(cands) == 0 {
		return ix.suggest(ctx, reader, q, post, out)
	}
	hits, err := ix.rank(ctx, reader, plan, post, cands, r.From+r.Size)
	if err != nil {
		return nil, err
	}
	if r.From >= len(hits) {
		return out, nil
	}
	parts := plan.PartTerms()
	for _, c := range hits[r.From:] {
		d, err := reader.Document(c.url)
		if err != nil {
			return nil, err
		}
		stored := storedFields(d)
		out.Hits = append(out.Hits, search.Hit{
			URL:     c.url,
			Title:   stored["title"],
			Kind:    stored["kind"],
			Snippet: snippet.Make(stored["summary"], stored["text"], parts),
			Score:   c.key.Score(),
		})
	}
	return out, nil
}

// facetValues are one document's values of each facet, by the index of
// the facet in search.FacetNames.
type facetValues [len(search.FacetNames)][]string

// match scores every document holding a term of the query, without
// positions (exactly, or at its best), counts it in the facets, and returns
// those that pass the filters as the candidates to rank.
func match(ctx context.Context, reader bindex.IndexReader, plan *rank.Plan, post *postings, filters [len(search.FacetNames)]string, facets map[string]map[string]int) ([]candidate, error) {
	strictKeys, strictOK, err := strictScores(ctx, reader, plan, post)
	if err != nil {
		return nil, err
	}
	dv, err := reader.DocValueReader([]string{"kind", "street", "topics", "methods"})
	if err != nil {
		return nil, err
	}
	doc := plan.NewDoc(false)
	var cands []candidate
	var values facetValues
	for c := range post.ids {
		if c%256 == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		post.fill(doc, c)
		key, ok := plan.Score(doc)
		if strictKeys != nil {
			key, ok = strictKeys[c], strictOK[c]
		}
		if !ok {
			continue
		}
		if err := values.read(dv, post.ids[c]); err != nil {
			return nil, err
		}
		fails := values.failed(filters)
		values.count(facets, fails)
		if fails == -1 {
			cands = append(cands, candidate{c: c, key: key, exact: plan.Simple() || strictKeys != nil})
		}
	}
	return cands, nil
}

// strictScores scores every candidate with positions at once when a quoted
// phrase decides whether a document matches at all; otherwise it returns
// nil.
func strictScores(ctx context.Context, reader bindex.IndexReader, plan *rank.Plan, post *postings) ([]rank.Key, []bool, error) {
	if !plan.Strict() {
		return nil, nil, nil
	}
	all := make([]int, len(post.ids))
	for c := range all {
		all[c] = c
	}
	return post.exact(ctx, reader, plan, all)
}

// read fills v with the facet values of one document.
func (v *facetValues) read(dv bindex.DocValueReader, id bindex.IndexInternalID) error {
	for k := range v {
		v[k] = v[k][:0]
	}
	return dv.VisitDocValues(id, func(field string, term []byte) {
		for k, name := range search.FacetNames {
			if facetField[name] == field {
				v[k] = append(v[k], string(term))
			}
		}
	})
}

// failed returns the one facet whose filter the document fails, -1 when it
// passes them all, or -2 when it fails more than one.
func (v *facetValues) failed(filters [len(search.FacetNames)]string) int {
	fails := -1
	for k, want := range filters {
		if want != "" && !slices.Contains(v[k], want) {
			if fails != -1 {
				return -2
			}
			fails = k
		}
	}
	return fails
}

// count adds the document to the facet counts: to every facet when it
// passes the filters, and to the one facet whose filter it fails, so that
// each facet's counts say what choosing another value of it would find.
func (v *facetValues) count(facets map[string]map[string]int, fails int) {
	for k, name := range search.FacetNames {
		if fails == -1 || fails == k {
			for _, val := range v[k] {
				facets[name][val]++
			}
		}
	}
}

// rank orders the candidates and returns the first n, exactly scored,
// with their URLs: it reads the positions of the best candidates by their
// upper bounds, a batch at a time, until the n-th exact key is beyond
// every bound left; ties go by URL.
func (ix *Index) rank(ctx context.Context, reader bindex.IndexReader, plan *rank.Plan, post *postings, cands []candidate, n int) ([]candidate, error) {
	byKey := func(a, b candidate) int {
		switch {
		case a.key.Less(b.key):
			return -1
		case b.key.Less(a.key):
			return 1
		}
		return 0
	}
	slices.SortStableFunc(cands, byKey)
	for {
		// the first bound that could still reach the top n, or tie the
		// n-th exact key (then the URL decides)
		open, exact := -1, 0
		var nth *rank.Key
		for i := range cands {
			if nth != nil && nth.Less(cands[i].key) {
				break
			}
			if !cands[i].exact {
				open = i
				break
			}
			if exact++; exact == n {
				nth = &cands[i].key
			}
		}
		if open < 0 {
			break
		}
		var batch []int // candidates, by index into cands
		for i := open; i < len(cands) && len(batch) < max(2*n, 32); i++ {
			if !cands[i].exact {
				batch = append(batch, i)
			}
		}
		slices.SortFunc(batch, func(a, b int) int { return cands[a].c - cands[b].c })
		cs := make([]int, len(batch))
		for k, i := range batch {
			cs[k] = cands[i].c
		}
		keys, _, err := post.exact(ctx, reader, plan, cs)
		if err != nil {
			return nil, err
		}
		for k, i := range batch {
			cands[i].key, cands[i].exact = keys[k], true
		}
		slices.SortStableFunc(cands, byKey)
	}
	// ties by URL: sort each run of equal keys that reaches the page
	var out []candidate
	for lo := 0; lo < len(cands) && len(out) < n; {
		hi := lo + 1
		for hi < len(cands) && cands[hi].key == cands[lo].key {
			hi++
		}
		run := cands[lo:hi]
		for i := range run {
			u, err := reader.ExternalID(post.ids[run[i].c])
			if err != nil {
				return nil, err
			}
			run[i].url = u
		}
		slices.SortFunc(run, func(a, b candidate) int { return compareStrings(a.url, b.url) })
		out = append(out, run[:min(len(run), n-len(out))]...)
		lo = hi
	}
	return out, nil
}

func compareStrings(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// storedFields reads the stored fields of a document as strings.
func storedFields(d bindex.Document) map[string]string {
	out := map[string]string{}
	if d == nil {
		return out
	}
	d.VisitFields(func(f bindex.Field) {
		out[f.Name()] = string(f.Value())
	})
	return out
}

// suggest fills in what to try when the query found nothing.
func (ix *Index) suggest(ctx context.Context, reader bindex.IndexReader, q *query.Query, post *postings, out *search.Result) (*search.Result, error) {
	var chars []string
	for _, p := range q.Parts {
		chars = append(chars, analysisUnits(p.Text)...)
	}
	more, err := readPostings(ctx, reader, chars)
	if err != nil {
		return nil, err
	}
	df := func(t string) int {
		if n, ok := post.dfs[t]; ok {
			return n
		}
		return more.dfs[t]
	}
	topics, err := fieldTerms(reader, "topics")
	if err != nil {
		return nil, err
	}
	streets, err := fieldTerms(reader, "street")
	if err != nil {
		return nil, err
	}
	out.Suggest = rank.Suggest(q, df, topics, streets)
	return out, nil
}

// fieldTerms lists the values of a keyword field, in byte order.
func fieldTerms(reader bindex.IndexReader, field string) ([]string, error) {
	dict, err := reader.FieldDict(field)
	if err != nil {
		return nil, err
	}
	defer dict.Close()
	var out []string
	for {
		e, err := dict.Next()
		if err != nil {
			return nil, err
		}
		if e == nil {
			return out, nil
		}
		if e.Count > 0 {
			out = append(out, e.Term)
		}
	}
}
