package rank

import _ "embed"

// JS is this package's part of search.js, which mirrors it operation for
// operation; package static joins the parts into the script.
//
//go:embed rank.js
var JS string
