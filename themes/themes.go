// Package themes ships the default theme inside the binary, so publishing
// needs one file and nothing else; a site may still carry its own copy in
// SITE/themes/default, which then wins and is watched by serve.
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
	return sub
}

// Dir is where a site keeps its own theme, relative to the site root.
const Dir = "themes/default"

// ForSite returns the site's own theme when it has one, else the built-in one.
func ForSite(root string) fs.FS {
	dir := filepath.Join(root, filepath.FromSlash(Dir))
	if st, err := os.Stat(filepath.Join(dir, "templates")); err == nil && st.IsDir() {
		return os.DirFS(dir)
	}
	return Default()
}
