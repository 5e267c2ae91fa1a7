package load

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/jianghan-district/jianghan/generator/diag"
	"github.com/jianghan-district/jianghan/generator/model"
	"github.com/jianghan-district/jianghan/internal/msg"
)

// Reading one page at a time, for serve: when a trainer saves a file, only
// that file is read again, with exactly the checks a whole load applies to
// it.

// Source is one page file on disk, before it is read: where it is and, for a
// bundle, the files published beside it.
type Source struct {
	Kind model.Kind
	// Slug is the page's slug as its file or folder names it; front matter
	// may still give another.
	Slug string
	// Rel is the Markdown file, relative to the site root with forward
	// slashes: content/cases/lift.md or content/cases/lift/index.md.
	Rel string
	// BundleDir is the bundle's folder relative to the site root, "" for a
	// single-file page; Files are its other files, sorted.
	BundleDir string
	Files     []string
}

func (s source) export() Source {
	return Source{Kind: s.kind, Slug: s.slug, Rel: s.rel, BundleDir: s.bundleDir, Files: s.files}
}

func (s Source) internal() source {
	return source{kind: s.Kind, slug: s.Slug, rel: s.Rel, bundleDir: s.BundleDir, files: s.Files}
}

// Sources lists every page file and every static file under content/, in
// a stable order, reporting misplaced files, names that cannot be
// published and links leaving the site to diags.
func Sources(root string, diags *diag.List) ([]Source, []string, error) {
	if _, err := os.Stat(filepath.Join(root, "content")); err != nil {
		return nil, nil, errNoContent(root)
	}
	srcs, static, err := walk(root, diags)
	if err != nil {
		return nil, nil, err
	}
	out := make([]Source, len(srcs))
	for i, s := range srcs {
		out[i] = s.export()
	}
	return out, static, nil
}

// ErrNoContent is in the chain of the error Sources returns for a folder
// with no content/ in it: the command line calls that bad usage.
var ErrNoContent = errors.New("no content folder")

func errNoContent(root string) error {
	if abs, err := filepath.Abs(root); err == nil {
		root = abs
	}
	return msg.Wrap(ErrNoContent, msg.NoContent, root)
}

// PageAt looks at one entry of a kind folder, content/KIND/NAME, as Sources
// does: a Markdown file, or a bundle folder with its index.md and files. ok
// is false when nothing there is a page (the entry is gone, is an editor's
// temporary file, or cannot be used; the last is reported to diags).
func PageAt(root string, kind model.Kind, name string, diags *diag.List) (Source, bool, error) {
	st, err := os.Lstat(filepath.Join(root, "content", string(kind), name))
	if errors.Is(err, fs.ErrNotExist) {
		return Source{}, false, nil
	}
	if err != nil {
		return Source{}, false, err
	}
	s, ok, err := newWalker(root, diags).kindEntry(kind, name, st.Mode().Type())
	return s.export(), ok, err
}

// kindEntry examines one entry of content/KIND: a page file, a bundle, or a
// file that does not belong there.
func (w *walker) kindEntry(kind model.Kind, name string, typ fs.FileMode) (source, bool, error) {
	rel := path.Join("content", string(kind), name)
	if isIgnored(name) {
		return source{}, false, nil
	}
	isDir, ok := w.entry(rel, typ)
	if !ok {
		return source{}, false, nil
	}
	if !isDir {
		if strings.HasSuffix(name, ".md") {
			if !pageNameOK(rel, strings.TrimSuffix(name, ".md"), w.diags) {
				return source{}, false, nil
			}
			return source{kind: kind, slug: strings.TrimSuffix(name, ".md"), rel: rel}, true, nil
		}
		w.diags.Warn(rel, 0, 0, msg.OnlyMarkdown)
		return source{}, false, nil
	}
	if _, err := os.Lstat(filepath.Join(w.root, filepath.FromSlash(rel), "index.md")); err != nil {
		w.diags.Error(rel, 0, 0, msg.BundleNoIndex, kind, name)
		return source{}, false, nil
	}
	if !pageNameOK(rel, name, w.diags) {
		return source{}, false, nil
	}
	files, err := w.files(rel, true)
	if err != nil {
		return source{}, false, err
	}
	return source{kind: kind, slug: name, rel: rel + "/index.md", bundleDir: rel, files: files}, true, nil
}

// Page decodes one page from the bytes of its Markdown file, with every
// check Site applies to a single file; problems go to diags. It returns nil
// when the file cannot be used at all (its front matter cannot be read).
func Page(s Source, raw []byte, cfg *model.Config, diags *diag.List) model.Entry {
	return decodeSource(s.internal(), raw, cfg, diags)
}

// Read reads and decodes one page file with every check: a file too large
// or not a regular file, text that is not UTF-8, front matter that cannot
// be read or holds control characters. It returns the page (nil when the
// file cannot be used at all) and the bytes read.
func Read(root string, s Source, cfg *model.Config, diags *diag.List) (model.Entry, []byte) {
	raw, err := ReadPageFile(root, s.Rel)
	if err != nil {
		readError(s.Rel, err, msg.PageTooLarge, diags)
		return nil, nil
	}
	return Page(s, raw, cfg, diags), raw
}

// decodeSource splits and decodes a page file's bytes.
func decodeSource(s source, raw []byte, cfg *model.Config, diags *diag.List) model.Entry {
	raw, ok := checkUTF8(s.rel, raw, diags)
	if !ok {
		// The page is still read, so that links to it resolve; what else
		// is wrong with it shows once it is saved as UTF-8.
		diags = &diag.List{}
	}
	raw = lineEnds(raw)
	fm, body, bodyLine, err := splitFrontMatter(raw)
	if err != nil {
		var se *syntaxError
		if errors.As(err, &se) {
			diags.Error(s.rel, se.Line, se.Col, se.Key, se.Args...)
		} else {
			diags.Err(s.rel, 0, 0, err)
		}
		return nil
	}
	controlChars(s.rel, fm, diags)
	p := model.Page{Kind: s.kind, Slug: s.slug, Source: s.rel, BundleDir: s.bundleDir, Files: s.files, Body: body, BodyLine: bodyLine}
	return decodeEntry(p, fm, diags, cfg)
}

// Static lists the files under content/static, sorted, as Sources does,
// reporting those it leaves out to diags.
func Static(root string, diags *diag.List) ([]string, error) {
	st, err := os.Lstat(filepath.Join(root, "content", "static"))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	w := newWalker(root, diags)
	if isDir, ok := w.entry("content/static", st.Mode().Type()); !ok || !isDir {
		return nil, nil
	}
	return w.files("content/static", false)
}

// IsIgnored reports whether a file name is one Sources passes over: hidden
// files and the temporary files editors leave behind (vim's .swp, .swx and
// 4913, backups ending in ~). serve ignores changes to them too.
func IsIgnored(name string) bool { return isIgnored(name) }
