package static

import (
	_ "embed"
	"strings"

	"github.com/jianghan-district/jianghan/search/analysis"
	"github.com/jianghan-district/jianghan/search/query"
	"github.com/jianghan-district/jianghan/search/rank"
	"github.com/jianghan-district/jianghan/search/snippet"
)

// The parts of search.js that read this package's index and run the page.
var (
	//go:embed engine.js
	engineJS string
	//go:embed page.js
	pageJS string
)

// Script is search.js, the browser half of the search: each part sits
// beside the Go code it mirrors (analysis.js in search/analysis, query.js
// in search/query …), and this joins them into one script, in one scope,
// with no build tool. The build publishes it as every theme's js/search.js
// (package themes), so that the script always reads the index format this
// package writes.
var Script = []byte(strings.Join([]string{
	"/* jianghan search: the browser half, assembled from search/analysis,\n" +
		" * search/query, search/rank, search/snippet and search/static. */\n" +
		"(root => {\n  'use strict';\n",
	analysis.JS, query.JS, rank.JS, snippet.JS, engineJS, pageJS,
	"})(typeof window !== 'undefined' ? window : globalThis);\n",
}, ""))
