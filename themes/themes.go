// Package themes ships the default theme inside the binary, so publishing
// needs one file and nothing else. A site changes it file by file: a file at
// SITE/themes/default/PATH takes the place of the built-in PATH and of
// nothing else, so a district that wants its own stylesheet or one template
// of its own copies that one file, not the whole theme.
package themes

import (
	"embed"
	"io/fs"
	"os"
	"path/filepath"
)

//go:embed default
var embedded embed.FS

// Default is the theme built into the binary.
func Default() fs.FS {
	sub, err := fs.Sub(embedded, "default")
	if err != nil {
		panic(err) // the embed pattern above guarantees the folder
	}
	return withScripts(sub)
}

// Dir is where a site keeps its own theme files, relative to the site root.
const Dir = "themes/default"

// ForSite returns the theme as the site sees it: its own files in
// SITE/themes/default laid over the built-in theme. A site without the
// folder gets the built-in theme as it is. The site's files are read
// through the site folder as a root, so that a symbolic link among them
// that leaves the site cannot be read (check reports it).
func ForSite(root string) fs.FS {
	dir := filepath.Join(root, filepath.FromSlash(Dir))
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return Default()
	}
	// the site's files over the built-in ones, and the search script over
	// both: a site's copy of an older search.js cannot read the index
	if r, err := os.OpenRoot(root); err == nil {
		if sub, err := fs.Sub(r.FS(), Dir); err == nil {
			return withScripts(Layered(sub, Default()))
		}
	}
	return withScripts(Layered(os.DirFS(dir), Default()))
}
