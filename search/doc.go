// Package search finds pages of the case library by their Chinese (or mixed
// Chinese/Latin) text, on the server and in the browser alike.
//
// It takes plain [Document] values and knows nothing of pages, templates or the
// generator. There are two ways to search the same documents:
//
//   - [Index] keeps a bleve (scorch) index in a cache folder. [Index.Sync]
//     brings it up to date by content hash, [Index.Search] answers a [Request],
//     and [Handler] serves that as JSON for `jianghan serve`.
//   - [WriteStatic] exports a static, sharded, gzip-compressed index that
//     themes/default/assets/js/search.js queries in the browser with no server
//     code; with [StaticOptions.Portable] it also works from file://.
//
// Both sides share one analysis ([Analyze], registered with bleve as
// [AnalyzerName]) and one ranking: bleve's BM25 with the statistics this
// package hands it, re-implemented operation for operation in search.js, so
// the same query gives the same top hits in the same order on both sides.
// See rank.go for the exact formula and static.go for the file format.
package search
