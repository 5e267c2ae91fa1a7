// Package search finds pages of the case library by their Chinese (or mixed
// Chinese/Latin) text, the way community workers ask: a query is ranked
// retrieval, not a filter, and the browser, `jianghan search` and
// /api/search give the same order with the same scores.
//
// This package holds what every search shares: the plain [Document] the
// generator hands in (search knows nothing of pages or templates), the
// [Request] and its [Result], the [Searcher] interface and [Handler], which
// serves /api/search. The work is done by stage, each stage a package:
//
//   - analysis cuts text into terms (CJK unigrams and bigrams, folded Latin
//     words) for indexing and querying alike;
//   - query reads what was typed as parts — the words that matter, each
//     with the site's synonyms — dropping question and filler words;
//   - rank is the one ranking: pages holding the query as typed first, then
//     pages holding every part, then BM25F with coverage and word order;
//   - snippet picks the passage shown under a hit;
//   - index keeps the bleve index the command line and /api/search use;
//   - static writes the index the browser uses, with no server code, and
//     holds search.js, joined from the .js file beside each stage's Go code.
package search
