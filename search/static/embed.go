package static

import _ "embed"

// Script is search.js, the browser half of the search: the build
// publishes it as the theme's js/search.js, whatever theme the site uses,
// so that the script always reads the index format this package writes.
//
//go:embed search.js
var Script []byte
