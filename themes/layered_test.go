package themes

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

func TestLayered(t *testing.T) {
	bottom := fstest.MapFS{
		"templates/base.html":       {Data: []byte("base")},
		"templates/case.html":       {Data: []byte("case")},
		"templates/partials/a.html": {Data: []byte("a")},
		"assets/css/site.css":       {Data: []byte("body{}")},
		"archetypes/cases.md":       {Data: []byte("---\ntitle: 案例\n---\n")},
	}
	top := fstest.MapFS{
		"templates/case.html":   {Data: []byte("我们的案例")},
		"templates/notice.html": {Data: []byte("通知")},
		"assets/img/logo.svg":   {Data: []byte("<svg/>")},
	}
	l := Layered(top, bottom)
	if err := fstest.TestFS(l, "templates/base.html", "templates/case.html", "templates/notice.html",
		"templates/partials/a.html", "assets/css/site.css", "assets/img/logo.svg", "archetypes/cases.md"); err != nil {
		t.Fatal(err)
	}
	tests := []struct{ name, want string }{
		{"templates/case.html", "我们的案例"}, // the site's own file wins
		{"templates/base.html", "base"},  // the rest is the built-in theme
		{"templates/notice.html", "通知"},  // a file only the site has
		{"assets/css/site.css", "body{}"},
	}
	for _, tt := range tests {
		b, err := fs.ReadFile(l, tt.name)
		if err != nil || string(b) != tt.want {
			t.Errorf("%s: %q, %v; want %q", tt.name, b, err, tt.want)
		}
	}
	got, err := fs.Glob(l, "templates/*.html")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(got, " ") != "templates/base.html templates/case.html templates/notice.html" {
		t.Errorf("layouts found: %v", got)
	}
	if _, err := l.Open("../etc/passwd"); err == nil {
		t.Error("opened a path outside the theme")
	}
}

func TestForSite(t *testing.T) {
	root := t.TempDir()
	if ForSite(root) == nil {
		t.Fatal("no theme for a site without its own")
	}
	css := filepath.Join(root, "themes", "default", "assets", "css", "site.css")
	if err := os.MkdirAll(filepath.Dir(css), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(css, []byte("body{color:red}"), 0o644); err != nil {
		t.Fatal(err)
	}
	theme := ForSite(root)
	b, err := fs.ReadFile(theme, "assets/css/site.css")
	if err != nil || string(b) != "body{color:red}" {
		t.Errorf("the site's stylesheet: %q, %v", b, err)
	}
	if _, err := fs.ReadFile(theme, "templates/base.html"); err != nil {
		t.Errorf("a site with only a stylesheet lost the built-in templates: %v", err)
	}
}
