package load

import (
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/jianghan-district/jianghan/generator/diag"
	"github.com/jianghan-district/jianghan/generator/model"
	"github.com/jianghan-district/jianghan/internal/msg"
)

// source is one page file found on disk, before it is read.
type source struct {
	kind      model.Kind
	slug      string
	rel       string // site-relative path of the Markdown file
	bundleDir string
	files     []string
}

// DuplicateURL reports that p publishes the same URL as prev, which was read
// first.
func DuplicateURL(prev, p *model.Page, diags *diag.List) {
	pos := p.Fields["slug"]
	diags.Error(p.Source, pos.Line, pos.Col, msg.DuplicateURL, prev.Source, p.Source, p.URL())
}

// walk lists the page files of every kind and the static files, in a stable
// order, and flags files that are in places the generator would ignore,
// that cannot be published, or that are links leaving the site.
func walk(root string, diags *diag.List) ([]source, []string, error) {
	w := newWalker(root, diags)
	var srcs []source
	var static []string
	content := filepath.Join(root, "content")
	tops, err := os.ReadDir(content)
	if err != nil {
		return nil, nil, err
	}
	var kindNames []string
	for _, k := range model.Kinds {
		kindNames = append(kindNames, string(k))
	}
	for _, t := range tops {
		name := t.Name()
		rel := "content/" + name
		if strings.HasPrefix(name, ".") {
			continue
		}
		isDir, ok := w.entry(rel, t.Type())
		if !ok {
			continue
		}
		switch {
		case !isDir:
			if name != "site.yaml" && strings.HasSuffix(name, ".md") {
				var places []string
				for _, k := range kindNames {
					places = append(places, "content/"+k+"/")
				}
				diags.Warn(rel, 0, 0, msg.NoKindPage, strings.Join(places, ", "))
			}
		case name == "static":
			if static, err = w.files("content/static", false); err != nil {
				return nil, nil, err
			}
		case model.Kind(name).Valid():
			found, err := w.kind(model.Kind(name))
			if err != nil {
				return nil, nil, err
			}
			srcs = append(srcs, found...)
		default:
			diags.Error(rel, 0, 0, msg.UnknownFolder, name, strings.Join(kindNames, ", "), diag.DidYouMean(name, kindNames))
		}
	}
	sort.Slice(srcs, func(i, j int) bool { return srcs[i].rel < srcs[j].rel })
	sort.Strings(static)
	return srcs, static, nil
}

// kind lists the pages of one kind folder.
func (w *walker) kind(kind model.Kind) ([]source, error) {
	items, err := os.ReadDir(filepath.Join(w.root, "content", string(kind)))
	if err != nil {
		return nil, err
	}
	var out []source
	for _, it := range items {
		s, ok, err := w.kindEntry(kind, it.Name(), it.Type())
		if err != nil {
			return nil, err
		}
		if ok {
			out = append(out, s)
		}
	}
	return out, nil
}

// files lists the files under the folder dir (site-relative, slash
// separated) as paths relative to it, checking each: a file whose name
// cannot be published, a link leaving the site, anything that is not a
// regular file is reported and left out. With pages, editors' temporary
// files are passed over, and index.md too.
func (w *walker) files(dir string, pages bool) ([]string, error) {
	var out []string
	top := filepath.Join(w.root, filepath.FromSlash(dir))
	err := filepath.WalkDir(top, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p == top || (pages && isIgnored(d.Name())) {
			if p != top && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		r, _ := filepath.Rel(top, p)
		r = filepath.ToSlash(r)
		rel := path.Join(dir, r)
		if d.IsDir() {
			return nil
		}
		if _, ok := w.entry(rel, d.Type()); !ok || !fileOK(rel, w.diags) {
			return nil
		}
		if !pages || r != "index.md" {
			out = append(out, r)
		}
		return nil
	})
	sort.Strings(out)
	return out, err
}

// isIgnored skips hidden files and the temporary files editors leave behind.
func isIgnored(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasSuffix(name, "~") ||
		strings.HasSuffix(name, ".swp") || strings.HasSuffix(name, ".swx") || name == "4913"
}
