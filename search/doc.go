// Package search finds pages of the case library by their Chinese (or mixed
// Chinese/Latin) text, on the server and in the browser alike.
//
// It takes plain [Document] values and knows nothing of pages, templates or the
// generator. There are two ways to search the same documents:
//
//   - [Index] keeps a bleve (scorch) index in a cache folder. [Index.Sync]
//     brings it up to date by content hash, [Index.Search] answers a [Request]
//     (bleve finds the matching documents and counts the facets; rank.go
//     scores them), and [Handler] serves that as JSON for `jianghan serve`.
//   - [WriteStatic] exports a static, sharded index that
//     themes/default/assets/js/search.js queries in the browser with no server
//     code, fetching a few kilobytes per query; with [StaticOptions.Portable]
//     it also works from file://. [StaticFiles] makes the same files and hands
//     them to the caller instead of writing them.
//
// Both sides share one analysis ([Analyze], registered with bleve as
// [AnalyzerName]) and one ranking: BM25 per field with field boosts, as
// bleve scores terms, with phrases scored as one term by their frequency.
// rank.go spells out the formula, operation for operation, and how the
// browser finds the top hits without fetching every posting; static.go the
// file format. The same query gives the same top hits in the same order,
// with the same scores bit for bit, on both sides.
package search
