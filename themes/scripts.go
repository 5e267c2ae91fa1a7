package themes

import (
	"io/fs"
	"testing/fstest"

	"github.com/jianghan-district/jianghan/search/static"
)

// SearchScript is where every theme finds the browser search,
// {{.Asset "js/search.js"}}. It is not a file of the theme: it comes with
// the search index format it reads (package search/static), so a site's
// own copy of an older search.js never reads an index it does not know.
const SearchScript = "assets/js/search.js"

// withScripts is fsys with SearchScript laid over it.
func withScripts(fsys fs.FS) fs.FS {
	return Layered(fstest.MapFS{SearchScript: &fstest.MapFile{Data: static.Script, Mode: 0o444}}, fsys)
}
