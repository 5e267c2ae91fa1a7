package generator

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"text/template"
	"time"

	"github.com/jianghan-district/jianghan/generator/diag"
	"github.com/jianghan-district/jianghan/generator/load"
	"github.com/jianghan-district/jianghan/generator/model"
	"github.com/jianghan-district/jianghan/generator/urls"
	"github.com/jianghan-district/jianghan/internal/msg"
	"github.com/jianghan-district/jianghan/themes"
)

// Errors New returns, each in the chain of a worded error, so that the
// command line can tell a trainer's slip (bad usage) from a failure.
var (
	// ErrExists: the page is already there; new never overwrites a
	// trainer's work.
	ErrExists = errors.New("page already exists")
	// ErrNotALibrary: the folder has no content/site.yaml.
	ErrNotALibrary = errors.New("not a library")
	// ErrBadSlug: the slug cannot be part of a URL.
	ErrBadSlug = errors.New("bad slug")
)

// archetype is what an archetype may use: the page's placeholders and the
// site's own vocabularies and pages, so that each field's comment lists the
// values it takes.
type archetype struct {
	Title, Slug, Date, Year string
	Streets, Topics         []string
	Methods                 []string
	Certificates            []string
	// The slugs of the pages already there, by kind.
	Cases, Lectures, Guides, Workers []string
	// NextWeight orders a new handbook chapter after the others.
	NextWeight int
}

// archetypeFuncs are the functions archetypes may call.
var archetypeFuncs = template.FuncMap{
	// list writes values as a Chinese list, the first dozen and a count.
	"list": func(xs []string) string {
		const most = 12
		if len(xs) > most {
			return strings.Join(xs[:most], "、") + " 等 " + strconv.Itoa(len(xs)) + " 个"
		}
		return strings.Join(xs, "、")
	},
}

// New writes content/KIND/SLUG.md from the theme's archetype for the kind
// (a site may have its own in SITE/themes/default/archetypes/) and returns
// its path. A trailing .md on slug is dropped: authors think of files.
func New(root string, kind model.Kind, slug string, now time.Time) (string, error) {
	if root == "" {
		root = "."
	}
	slug = strings.TrimSuffix(slug, ".md")
	if !kind.Valid() {
		var names []string
		for _, k := range model.Kinds {
			names = append(names, string(k))
		}
		return "", msg.Errorf(msg.UnknownKind, kind, strings.Join(names, ", "), diag.DidYouMean(string(kind), names))
	}
	if slug == "" || strings.ContainsAny(slug, "/\\?#% \t") || strings.HasPrefix(slug, ".") {
		return "", msg.Wrap(ErrBadSlug, msg.NewBadSlug, slug)
	}
	if p := urls.CheckSegment(slug); p.Kind != urls.NameOK {
		return "", msg.Wrap(ErrBadSlug, msg.SlugUnsafe, slug, p.Describe())
	}
	if _, err := os.Stat(filepath.Join(root, filepath.FromSlash(load.ConfigFile))); err != nil {
		abs, _ := filepath.Abs(root)
		return "", msg.Wrap(ErrNotALibrary, msg.NewNoConfig, abs)
	}
	target := filepath.Join(root, "content", string(kind), slug+".md")
	for _, p := range []string{target, filepath.Join(root, "content", string(kind), slug, "index.md")} {
		if _, err := os.Stat(p); err == nil {
			return "", msg.Wrap(ErrExists, msg.NewExists, p)
		}
	}
	src, err := fs.ReadFile(themes.ForSite(root), "archetypes/"+string(kind)+".md")
	if err != nil {
		return "", msg.Errorf(msg.NewNoArchetype, kind.Label(), kind)
	}
	t, err := template.New(string(kind)).Funcs(archetypeFuncs).Parse(string(src))
	if err != nil {
		return "", msg.Errorf(msg.NewBadArchetype, kind, err)
	}
	var buf bytes.Buffer
	if err := t.Execute(&buf, archetypeData(root, kind, slug, now)); err != nil {
		return "", msg.Errorf(msg.NewBadArchetype, kind, err)
	}
	if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
		return "", err
	}
	f, err := os.OpenFile(target, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		if errors.Is(err, fs.ErrExist) {
			return "", msg.Wrap(ErrExists, msg.NewExists, target)
		}
		return "", err
	}
	if _, err := f.Write(buf.Bytes()); err != nil {
		f.Close()
		return "", err
	}
	return target, f.Close()
}

// archetypeData reads what the archetype lists: the vocabularies of
// site.yaml and the slugs of the pages already written.
func archetypeData(root string, kind model.Kind, slug string, now time.Time) archetype {
	quiet := &diag.List{} // check reports these; new only lists
	cfg := load.Config(root, quiet)
	a := archetype{
		Title:        load.Placeholder + "：标题",
		Slug:         slug,
		Date:         now.Format("2006-01-02"),
		Year:         now.Format("2006"),
		Streets:      cfg.Streets,
		Topics:       cfg.Topics,
		Methods:      cfg.Methods,
		Certificates: model.Certificates,
	}
	srcs, _, _ := load.Sources(root, quiet)
	chapters := 0
	for _, s := range srcs {
		switch s.Kind {
		case model.Cases:
			a.Cases = append(a.Cases, s.Slug)
		case model.Lectures:
			a.Lectures = append(a.Lectures, s.Slug)
		case model.Guides:
			a.Guides = append(a.Guides, s.Slug)
		case model.Workers:
			a.Workers = append(a.Workers, s.Slug)
		case model.Handbook:
			chapters++
		}
	}
	a.NextWeight = chapters + 1
	return a
}
