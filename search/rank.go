package search

import (
	bsearch "github.com/blevesearch/bleve/v2/search"
)

// The ranking, spelled out. Index.Search builds this bleve query (query.go
// makes the clauses, search.go the query):
//
//	Conjunction( for each clause c:
//	    Disjunction( for each text field f (title, summary, problem, solution, body):
//	        c is one term ? Term(t, f, boost_f) : Phrase(terms of c, f, boost_f) ) )
//
// and hands bleve the collection statistics N (documents) and total_f
// (tokens in field f over all documents) through BM25 pre-search data.
// bleve (v2.6, scorch) then scores a document d:
//
//	avg_f    = ceil(total_f / N)
//	idf(t,f) = ln(1 + (N - df + 0.5) / (df + 0.5))     df: documents with t in f
//	           (if avg_f == 0: 1 + ln(N / (df + 1)); such a field matches nothing)
//	weight   = (boost_f · idf)²                        per leaf term query
//	qnorm    = 1 / sqrt(sum of all leaves' weights)
//	len      = 1 / (n·n), n = float32(1 / sqrt(tokens of f in d))
//	leaf     = idf · (√tf · k1) / (√tf + k1 · (1 - b + b · len / avg_f)) · (boost_f · idf · qnorm)
//	phrase   = sum of its terms' leaves ("" gaps have none)
//	clause   = (sum of the fields that match) · matched fields / 5
//	score    = sum of clauses
//
// with k1 = 1.2, b = 0.75. Sums run over children sorted (stably) by their
// match count estimate: df for a term, the sum of the children's counts for
// a phrase or disjunction; floating-point addition is done in that order.
// Hits are ordered by score, then URL. search.js does the same arithmetic in
// the same order, so both sides agree bit for bit, not just approximately.

// bm25K1 is bleve's BM25 k1, written into the static index.
func bm25K1() float64 { return bsearch.BM25_k1 }

// bm25B is bleve's BM25 b, written into the static index.
func bm25B() float64 { return bsearch.BM25_b }
