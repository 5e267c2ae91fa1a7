package query

import _ "embed"

// JS is this package's part of search.js, which mirrors it operation for
// operation; package static joins the parts into the script.
//
//go:embed query.js
var JS string
