package themes

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/jianghan-district/jianghan/search/static"
)

// Every theme, the built-in one and a site's own copy, has the search
// package's search.js among its assets, and its other files as they are.
func TestSearchScriptInEveryTheme(t *testing.T) {
	site := t.TempDir()
	dir := filepath.Join(site, filepath.FromSlash(Dir))
	for _, p := range []string{"templates/base.html", "assets/js/search.js", "assets/js/site.js", "assets/css/extra.css"} {
		os.MkdirAll(filepath.Dir(filepath.Join(dir, p)), 0o755)
		os.WriteFile(filepath.Join(dir, p), []byte("old "+p), 0o644)
	}
	for name, theme := range map[string]fs.FS{"built-in": Default(), "site's own": ForSite(site)} {
		t.Run(name, func(t *testing.T) {
			b, err := fs.ReadFile(theme, SearchScript)
			if err != nil || !bytes.Equal(b, static.Script) {
				t.Fatalf("search.js: %v, %d bytes", err, len(b))
			}
			found := false
			err = fs.WalkDir(theme, "assets", func(p string, d fs.DirEntry, err error) error {
				found = found || p == SearchScript
				return err
			})
			if err != nil || !found {
				t.Errorf("walking assets: %v, search.js found %v", err, found)
			}
			if _, err := fs.Stat(theme, "assets/js/site.js"); err != nil {
				t.Error(err)
			}
		})
	}
	if b, _ := fs.ReadFile(ForSite(site), "assets/js/site.js"); string(b) != "old assets/js/site.js" {
		t.Errorf("the site's own file: %q", b)
	}
}
