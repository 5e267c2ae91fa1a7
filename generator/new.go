package generator

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"text/template"
	"time"

	"github.com/jianghan-district/jianghan/generator/model"
	"github.com/jianghan-district/jianghan/themes"
)

// ErrExists is returned by New when the page is already there: new never
// overwrites a trainer's work.
var ErrExists = errors.New("page already exists")

// New writes content/KIND/SLUG.md from the theme's archetype for the kind
// and returns its path. The archetype may use {{.Title}}, {{.Slug}} and
// {{.Date}}.
func New(root string, kind model.Kind, slug string, now time.Time) (string, error) {
	if !kind.Valid() {
		var names []string
		for _, k := range model.Kinds {
			names = append(names, string(k))
		}
		return "", fmt.Errorf("unknown kind %q: use one of %s", kind, strings.Join(names, ", "))
	}
	if slug == "" || strings.ContainsAny(slug, "/\\?#% \t") || strings.HasPrefix(slug, ".") {
		return "", fmt.Errorf("slug %q cannot be used in a URL: use letters, digits and hyphens, e.g. lift-seven-floors", slug)
	}
	if root == "" {
		root = "."
	}
	rel := filepath.Join("content", string(kind), slug+".md")
	target := filepath.Join(root, rel)
	for _, p := range []string{target, filepath.Join(root, "content", string(kind), slug, "index.md")} {
		if _, err := os.Stat(p); err == nil {
			return "", fmt.Errorf("%s: %w; pick another slug or edit that file", p, ErrExists)
		}
	}
	src, err := fs.ReadFile(themes.ForSite(root), "archetypes/"+string(kind)+".md")
	if err != nil {
		return "", fmt.Errorf("the theme has no archetype for %s: %w", kind, err)
	}
	t, err := template.New(string(kind)).Parse(string(src))
	if err != nil {
		return "", fmt.Errorf("archetype %s.md: %w", kind, err)
	}
	var buf bytes.Buffer
	if err := t.Execute(&buf, map[string]string{"Title": slug, "Slug": slug, "Date": now.Format("2006-01-02")}); err != nil {
		return "", err
	}
	if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
		return "", err
	}
	f, err := os.OpenFile(target, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		if errors.Is(err, fs.ErrExist) {
			return "", fmt.Errorf("%s: %w", target, ErrExists)
		}
		return "", err
	}
	if _, err := f.Write(buf.Bytes()); err != nil {
		f.Close()
		return "", err
	}
	return target, f.Close()
}
