// Package docs holds the guides and the reference, in Chinese. Its test
// keeps them true: every example page in them passes check, every example
// of an error prints what the docs say it prints, and every link resolves.
package docs

import (
	"bytes"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/jianghan-district/jianghan/generator"
	"github.com/jianghan-district/jianghan/generator/starter"
	"github.com/jianghan-district/jianghan/internal/msg"
)

// block is a fenced code block of a Markdown file.
type block struct {
	file, info, text string
	line             int
}

var fence = regexp.MustCompile("^(```+)(.*)$")

// blocks reads the fenced blocks of the Markdown files under root.
func blocks(t *testing.T, files []string) []block {
	t.Helper()
	var out []block
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var cur *block
		var open string
		for i, line := range strings.Split(string(b), "\n") {
			trimmed := strings.TrimSpace(line)
			m := fence.FindStringSubmatch(trimmed)
			switch {
			case cur == nil && m != nil:
				cur, open = &block{file: f, info: strings.TrimSpace(m[2]), line: i + 1}, m[1]
			case cur != nil && trimmed == open:
				out = append(out, *cur)
				cur = nil
			case cur != nil:
				cur.text += strings.TrimPrefix(line, "  ") + "\n"
			}
		}
	}
	return out
}

// markdownFiles are the docs and the README, which show examples too.
func markdownFiles(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob("*.md")
	if err != nil {
		t.Fatal(err)
	}
	return append(files, "../README.md")
}

// library writes the library init makes, plus one page.
func library(t *testing.T, name, text string) string {
	t.Helper()
	root := t.TempDir()
	if err := starter.Write(root); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(root, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return root
}

// check loads the library as jianghan check does and returns the lines it
// prints about file.
func check(t *testing.T, root, file string) (lines []string, errs int) {
	t.Helper()
	p, err := generator.Load(generator.Options{Root: root})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range p.Diags.Sorted() {
		if d.File == file {
			lines = append(lines, d.String())
		}
	}
	errs, _ = p.Diags.Counts()
	return lines, errs
}

// Every page a doc shows (a ```markdown block whose info names the file,
// "markdown content/cases/lift.md") passes check in a new library; one
// marked 错误示例 prints exactly the lines of the ```text block after it.
func TestExamplePages(t *testing.T) {
	msg.SetLang(msg.Zh)
	bs := blocks(t, markdownFiles(t))
	pages := 0
	for i, b := range bs {
		fields := strings.Fields(b.info)
		if len(fields) == 0 || fields[0] != "markdown" || !strings.HasPrefix(b.text, "---\n") && !strings.HasPrefix(b.text, "+++\n") {
			continue
		}
		if len(fields) < 2 || !strings.HasPrefix(fields[1], "content/") {
			t.Errorf("%s:%d: an example page must name its file: ```markdown content/KIND/SLUG.md", b.file, b.line)
			continue
		}
		pages++
		name, wrong := fields[1], len(fields) > 2 && fields[2] == "错误示例"
		t.Run(name, func(t *testing.T) {
			lines, errs := check(t, library(t, name, b.text), name)
			if !wrong {
				if errs > 0 {
					t.Errorf("%s:%d: the example does not pass check:\n%s", b.file, b.line, strings.Join(lines, "\n"))
				}
				return
			}
			if i+1 >= len(bs) || bs[i+1].info != "text" {
				t.Fatalf("%s:%d: an error example must be followed by a ```text block of what check prints", b.file, b.line)
			}
			want := strings.TrimSpace(bs[i+1].text)
			if got := strings.Join(lines, "\n"); got != want {
				t.Errorf("%s:%d: check prints\n%s\nbut the doc says\n%s", b.file, b.line, got, want)
			}
		})
	}
	if pages < 9 {
		t.Errorf("only %d example pages found: is the test reading the docs?", pages)
	}
}

var mdLink = regexp.MustCompile(`\]\(([^)\s]+)\)`)

// Every link of the docs and the README to a file of the repository finds
// it; nothing points outside the repository.
func TestLinks(t *testing.T) {
	repo := absolute(t, "..")
	for _, f := range markdownFiles(t) {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		// Links inside code are examples for trainers, not links.
		text := regexp.MustCompile("(?s)```.*?```").ReplaceAllString(string(b), "")
		text = regexp.MustCompile("`[^`\n]*`").ReplaceAllString(text, "")
		for _, m := range mdLink.FindAllStringSubmatch(text, -1) {
			dest := m[1]
			if strings.Contains(dest, "://") || strings.HasPrefix(dest, "#") || strings.HasPrefix(dest, "mailto:") {
				continue
			}
			dest, _, _ = strings.Cut(dest, "#")
			target := filepath.Join(filepath.Dir(f), filepath.FromSlash(dest))
			if _, err := os.Stat(target); err != nil {
				t.Errorf("%s: link to %s: there is no %s", f, m[1], target)
			}
			if rel, err := filepath.Rel(repo, absolute(t, target)); err != nil || strings.HasPrefix(rel, "..") {
				t.Errorf("%s: link to %s leaves the repository", f, m[1])
			}
		}
	}
}

func absolute(t *testing.T, p string) string {
	t.Helper()
	abs, err := filepath.Abs(p)
	if err != nil {
		t.Fatal(err)
	}
	return abs
}

// Nothing in the repository needs a file outside it: no path to the
// shared folder the project started from.
func TestNothingPointsOutside(t *testing.T) {
	outside := [][]byte{[]byte("../shared"), []byte("/work/shared"), []byte("shared/bench"), []byte("shared/SPEC")}
	err := fs.WalkDir(os.DirFS(".."), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			switch path.Base(p) {
			case ".git", "public", "node_modules", ".lighthouse", ".pagefind":
				return fs.SkipDir
			}
			return nil
		}
		if p == "docs/docs_test.go" || strings.HasPrefix(path.Base(p), ".public") {
			return nil
		}
		b, err := os.ReadFile(filepath.Join("..", filepath.FromSlash(p)))
		if err != nil {
			return err
		}
		for _, o := range outside {
			if i := bytes.Index(b, o); i >= 0 {
				line := 1 + bytes.Count(b[:i], []byte("\n"))
				t.Errorf("%s:%d names %s, outside the repository", p, line, o)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
