package load

import (
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"

	"github.com/jianghan-district/jianghan/internal/parallel"

	"github.com/jianghan-district/jianghan/generator/diag"
	"github.com/jianghan-district/jianghan/generator/model"
	"github.com/jianghan-district/jianghan/internal/msg"
)

// Options choose what a load includes.
type Options struct {
	// Drafts includes pages marked draft: true.
	Drafts bool
}

// source is one page file found on disk, before it is read.
type source struct {
	kind      model.Kind
	slug      string
	rel       string // site-relative path of the Markdown file
	bundleDir string
	files     []string
}

// Site reads the whole library under root. Every problem found is added to
// diags; the returned Site holds what could be read, so later checks can
// still run and report theirs in the same pass.
func Site(root string, opts Options, diags *diag.List) (*model.Site, error) {
	site := &model.Site{Config: Config(root, diags)}
	if _, err := os.Stat(filepath.Join(root, "content")); err != nil {
		return site, errNoContent(root)
	}
	srcs, static, err := walk(root, diags)
	if err != nil {
		return site, err
	}
	site.Static = static
	entries := make([]model.Entry, len(srcs))
	// More goroutines than processors: a read waits on the disk.
	parallel.For(len(srcs), 2*runtime.GOMAXPROCS(0), func(i int) {
		entries[i] = readPage(root, srcs[i], &site.Config, diags)
	})
	seen := map[string]*model.Page{}
	drafts := map[string]string{} // key → source of the drafts left out
	for _, e := range entries {
		if e == nil {
			continue
		}
		p := e.Base()
		if p.Draft && !opts.Drafts {
			drafts[p.Key()] = p.Source
			continue
		}
		if prev := seen[p.Key()]; prev != nil {
			DuplicateURL(prev, p, diags)
			continue
		}
		seen[p.Key()] = p
		site.Add(e)
	}
	for k := range seen {
		delete(drafts, k)
	}
	if len(drafts) > 0 {
		dropDraftRefs(site, drafts, diags)
	}
	site.Index()
	return site, nil
}

// DuplicateURL reports that p publishes the same URL as prev, which was read
// first; the incremental loader reports the same problem the same way.
func DuplicateURL(prev, p *model.Page, diags *diag.List) {
	pos := p.Fields["slug"]
	diags.Error(p.Source, pos.Line, pos.Col, msg.DuplicateURL, prev.Source, p.Source, p.URL())
}

// dropDraftRefs reports the front matter references of published pages to
// drafts left out of the build, and takes them out of the page, so that the
// author reads that the page is a draft rather than that it does not exist.
func dropDraftRefs(site *model.Site, drafts map[string]string, diags *diag.List) {
	drop := func(p *model.Page, field string, kind model.Kind, refs []string) []string {
		var kept []string
		var pos []model.Pos
		for i, r := range refs {
			at, ok := p.Fields[ItemKey(field, i)]
			if !ok {
				at = p.Fields[field]
			}
			key := string(kind) + "/" + r
			if kind == "" { // a lesson: cases/SLUG, lectures/SLUG…
				key = strings.Trim(strings.TrimSuffix(r, ".md"), "/")
			}
			if src, ok := drafts[key]; ok {
				diags.Error(p.Source, at.Line, at.Col, msg.DraftRef, field, r, src, r, field)
				continue
			}
			kept = append(kept, r)
			pos = append(pos, at)
		}
		if len(kept) == len(refs) {
			return refs
		}
		for i := range refs {
			delete(p.Fields, ItemKey(field, i))
		}
		for i, at := range pos {
			p.Fields[ItemKey(field, i)] = at
		}
		return kept
	}
	each := func(p *model.Page) { p.Workers = drop(p, "workers", model.Workers, p.Workers) }
	for _, c := range site.Cases {
		each(&c.Page)
		c.Lectures = drop(&c.Page, "lectures", model.Lectures, c.Lectures)
	}
	for _, l := range site.Lectures {
		each(&l.Page)
		l.Cases = drop(&l.Page, "cases", model.Cases, l.Cases)
	}
	for _, g := range site.Guides {
		each(&g.Page)
	}
	for _, w := range site.Workers {
		each(&w.Page)
	}
	for _, c := range site.Courses {
		each(&c.Page)
		c.Lessons = drop(&c.Page, "lessons", "", c.Lessons)
	}
	for _, c := range site.Chapters {
		each(&c.Page)
	}
}

// readPage reads and decodes one page file; nil when it cannot be used.
func readPage(root string, s source, cfg *model.Config, diags *diag.List) model.Entry {
	raw, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(s.rel)))
	if err != nil {
		diags.Error(s.rel, 0, 0, msg.CannotRead, err)
		return nil
	}
	return decodeSource(s, raw, cfg, diags)
}

// walk lists the page files of every kind and the static files, in a stable
// order, and flags files that are in places the generator would ignore.
func walk(root string, diags *diag.List) ([]source, []string, error) {
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
		switch {
		case !t.IsDir():
			if name != "site.yaml" && strings.HasSuffix(name, ".md") {
				var places []string
				for _, k := range kindNames {
					places = append(places, "content/"+k+"/")
				}
				diags.Warn(rel, 0, 0, msg.NoKindPage, strings.Join(places, ", "))
			}
		case name == "static":
			err := filepath.WalkDir(filepath.Join(content, name), func(p string, d fs.DirEntry, err error) error {
				if err != nil {
					return err
				}
				if !d.IsDir() {
					r, _ := filepath.Rel(filepath.Join(content, name), p)
					static = append(static, filepath.ToSlash(r))
				}
				return nil
			})
			if err != nil {
				return nil, nil, err
			}
		case model.Kind(name).Valid():
			found, err := walkKind(content, model.Kind(name), diags)
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

func walkKind(content string, kind model.Kind, diags *diag.List) ([]source, error) {
	dir := filepath.Join(content, string(kind))
	items, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var out []source
	for _, it := range items {
		s, ok, err := kindEntry(content, kind, it.Name(), it.IsDir(), diags)
		if err != nil {
			return nil, err
		}
		if ok {
			out = append(out, s)
		}
	}
	return out, nil
}

// isIgnored skips hidden files and the temporary files editors leave behind.
func isIgnored(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasSuffix(name, "~") ||
		strings.HasSuffix(name, ".swp") || strings.HasSuffix(name, ".swx") || name == "4913"
}
