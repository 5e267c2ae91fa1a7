package generator

import (
	"bytes"
	"errors"
	"flag"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/jianghan-district/jianghan/generator/diag"
	"github.com/jianghan-district/jianghan/generator/publish"
	"github.com/rogpeppe/go-internal/diff"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden that differ, logging the diff of each (use with -v)")

const fixture = "testdata/site"

// fingerprint matches the content hash in an asset's file name.
var fingerprint = regexp.MustCompile(`\.[0-9a-f]{8}\.(css|js)\b`)

func build(t *testing.T, opts Options) string {
	t.Helper()
	if opts.Out == "" {
		opts.Out = filepath.Join(t.TempDir(), "public")
	}
	t.Setenv("JIANGHAN_CACHE_DIR", t.TempDir())
	res, err := Build(opts)
	if err != nil {
		if res != nil {
			for _, d := range res.Project.Diags.Sorted() {
				t.Log(d)
			}
		}
		t.Fatalf("build %s: %v", opts.Root, err)
	}
	return opts.Out
}

// TestGolden pins the HTML of one page of each kind, and the home page, a
// list, a term page, the feed and the sitemap. Run with -update after a
// deliberate change to the theme and review the diff.
func TestGolden(t *testing.T) {
	out := build(t, Options{Root: fixture})
	pages := []string{
		"index.html",
		"cases/lift/index.html",
		"cases/visits/index.html",
		"lectures/consultation-steps/index.html",
		"guides/resident-meeting/index.html",
		"workers/zhang-min/index.html",
		"courses/consultation-practice/index.html",
		"handbook/roles/index.html",
		"handbook/index.html",
		"handbook/print/index.html",
		"cases/index.html",
		"cases/page/2/index.html",
		"topics/居民自治/index.html",
		"search/index.html",
		"404.html",
		"index.xml",
		"sitemap.xml",
	}
	for _, p := range pages {
		t.Run(p, func(t *testing.T) {
			got, err := os.ReadFile(filepath.Join(out, p))
			if err != nil {
				t.Fatal(err)
			}
			// Asset fingerprints change with every CSS or JS edit; the
			// golden files pin the page, not the assets' bytes.
			got = fingerprint.ReplaceAll(got, []byte(".HASH.$1"))
			checkGolden(t, filepath.Join("testdata", "golden", strings.ReplaceAll(p, "/", "__")), got)
		})
	}
}

// checkGolden compares got with the golden file. A mismatch shows a unified
// diff of the lines that changed, not two whole pages; -update rewrites
// only the golden files that changed, and says which, with the same diff,
// so that what a theme change did to each page is read before it is
// committed.
func checkGolden(t *testing.T, golden string, got []byte) {
	t.Helper()
	want, err := os.ReadFile(golden)
	if *update {
		if err == nil && bytes.Equal(want, got) {
			return
		}
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("updated %s:\n%s", golden, diff.Diff(golden, want, "new", got))
		return
	}
	if err != nil {
		t.Fatalf("%v (run go test ./generator -run TestGolden -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("the page differs from %s (run go test ./generator -run TestGolden -update -v if the change is intended, and read the diff it prints):\n%s",
			golden, diff.Diff(golden, want, "got", got))
	}
}

var linkRE = regexp.MustCompile(`(?:href|src)="([^"]*)"`)

// walkLinks checks that every internal href and src of every HTML file in
// out resolves to a file in out, the way a web server under base would.
func walkLinks(t *testing.T, out, base string, portable bool) int {
	t.Helper()
	checked := 0
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		rel, _ := filepath.Rel(out, p)
		pageURL := "/" + filepath.ToSlash(rel)
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for _, m := range linkRE.FindAllStringSubmatch(string(b), -1) {
			ref := htmlUnescape(m[1])
			if ref == "" || strings.HasPrefix(ref, "#") || strings.Contains(ref, "://") || strings.HasPrefix(ref, "mailto:") || strings.HasPrefix(ref, "data:") {
				continue
			}
			if i := strings.IndexAny(ref, "#?"); i >= 0 {
				ref = ref[:i]
			}
			var target string
			switch {
			case strings.HasPrefix(ref, "/"):
				if portable && rel != "404.html" {
					t.Errorf("%s: portable output has an absolute link %q", rel, m[1])
					continue
				}
				if !strings.HasPrefix(ref, base) {
					t.Errorf("%s: link %q is outside the base path %s", rel, m[1], base)
					continue
				}
				target = "/" + strings.TrimPrefix(ref, base)
			default:
				target = path.Join(path.Dir(pageURL), ref)
				if strings.HasSuffix(ref, "/") {
					target += "/"
				}
			}
			if dec, err := url.PathUnescape(target); err == nil {
				target = dec
			}
			file := strings.TrimPrefix(target, "/")
			if file == "" || strings.HasSuffix(file, "/") {
				file += "index.html"
			}
			if st, err := os.Stat(filepath.Join(out, filepath.FromSlash(file))); err != nil || st.IsDir() {
				t.Errorf("%s: link %q leads to %s, which is not in the output", rel, m[1], file)
			}
			checked++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return checked
}

func htmlUnescape(s string) string {
	return strings.NewReplacer("&amp;", "&", "&#43;", "+", "&#34;", `"`, "&#39;", "'").Replace(s)
}

// TestLinksResolve walks every page of the built sample library and the
// fixture, at the root and under a sub-path, and follows every link.
func TestLinksResolve(t *testing.T) {
	for _, root := range []string{fixture, ".."} {
		for _, base := range []string{"", "/jianghan/"} {
			name := root + " base=" + base
			t.Run(name, func(t *testing.T) {
				out := build(t, Options{Root: root, BaseURL: base})
				want := base
				if want == "" {
					want = "/"
				}
				if n := walkLinks(t, out, want, false); n < 50 {
					t.Errorf("only %d links checked: the walk is not reading the pages", n)
				}
			})
		}
	}
}

// TestSubPath checks that a sub-path reaches every kind of link: pages,
// assets, feed and the search box.
func TestSubPath(t *testing.T) {
	out := build(t, Options{Root: fixture, BaseURL: "/jianghan/"})
	page, err := os.ReadFile(filepath.Join(out, "cases/lift/index.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`data-base="/jianghan/"`,
		`action="/jianghan/search/"`,
		`href="/jianghan/assets/css/site.`,
		`href="/jianghan/lectures/consultation-steps/"`,
		`src="/jianghan/cases/lift/chart.svg"`,
		`href="/jianghan/workers/zhang-min/"`,
	} {
		if !strings.Contains(string(page), want) {
			t.Errorf("case page lacks %s", want)
		}
	}
	feed, _ := os.ReadFile(filepath.Join(out, "index.xml"))
	if !strings.Contains(string(feed), "<link>/jianghan/cases/lift/</link>") {
		t.Errorf("feed links are not under the sub-path:\n%s", feed)
	}
}

// readTree maps every file of a folder to its bytes.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		b, err := os.ReadFile(p)
		files[filepath.ToSlash(rel)] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func TestDeterministic(t *testing.T) {
	a := readTree(t, build(t, Options{Root: ".."}))
	b := readTree(t, build(t, Options{Root: ".."}))
	if len(a) != len(b) {
		t.Fatalf("two builds wrote %d and %d files", len(a), len(b))
	}
	for name, x := range a {
		if !bytes.Equal(x, b[name]) {
			t.Errorf("%s differs between two builds of the same input", name)
		}
	}
	if len(a) < 200 {
		t.Errorf("only %d files in the sample build", len(a))
	}
}

func TestPublishing(t *testing.T) {
	t.Run("refuses a folder it did not make", func(t *testing.T) {
		out := t.TempDir()
		mine := filepath.Join(out, "thesis.docx")
		os.WriteFile(mine, []byte("precious"), 0o644)
		t.Setenv("JIANGHAN_CACHE_DIR", t.TempDir())
		_, err := Build(Options{Root: fixture, Out: out})
		if !errors.Is(err, publish.ErrForeign) {
			t.Fatalf("Build into a foreign folder: err = %v, want ErrForeign", err)
		}
		if b, _ := os.ReadFile(mine); string(b) != "precious" {
			t.Error("the foreign folder's file was touched")
		}
	})
	t.Run("removes stale files", func(t *testing.T) {
		site := copyDir(t, fixture)
		extra := filepath.Join(site, "content", "cases", "extra.md")
		b, err := os.ReadFile(filepath.Join(site, "content", "cases", "visits.md"))
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, extra, b)
		out := build(t, Options{Root: site})
		stale := filepath.Join(out, "cases", "extra", "index.html")
		if _, err := os.Stat(stale); err != nil {
			t.Fatal(err)
		}
		if err := os.Remove(extra); err != nil {
			t.Fatal(err)
		}
		// Files no build wrote: put there by hand, or made beside a page
		// for a server that sends precompressed files.
		byHand := []string{"extra.html", "cases/zzz/index.html", "cases/visits/index.html.gz"}
		for _, f := range byHand {
			writeFile(t, filepath.Join(out, filepath.FromSlash(f)), []byte("stale"))
		}
		// The second build starts afresh; the third starts from the
		// first's folder, kept beside the output, with all of the above.
		for i := 0; i < 2; i++ {
			build(t, Options{Root: site, Out: out})
			for _, f := range append(byHand, "cases/extra/index.html", "cases/extra", "cases/zzz") {
				if _, err := os.Stat(filepath.Join(out, filepath.FromSlash(f))); err == nil {
					t.Errorf("rebuild %d: %s survived", i+1, f)
				}
			}
		}
		if _, err := os.Stat(filepath.Join(out, "cases", "visits", "index.html")); err != nil {
			t.Errorf("the page beside a removed file went too: %v", err)
		}
	})
	t.Run("restores a file edited by hand", func(t *testing.T) {
		for _, keepTime := range []bool{false, true} {
			out := build(t, Options{Root: fixture})
			page := filepath.Join(out, "cases", "visits", "index.html")
			want, err := os.ReadFile(page)
			if err != nil {
				t.Fatal(err)
			}
			st, err := os.Stat(page)
			if err != nil {
				t.Fatal(err)
			}
			// Same size, other bytes; with keepTime, an older time too, as
			// touch -r, cp -p or rsync -t leave it.
			writeFile(t, page, bytes.Replace(want, []byte("<h1>"), []byte("<H1>"), 1))
			if keepTime {
				old := st.ModTime().Add(-time.Hour)
				if err := os.Chtimes(page, old, old); err != nil {
					t.Fatal(err)
				}
			}
			// The edit must reach the folder that the third build reuses.
			build(t, Options{Root: fixture, Out: out})
			build(t, Options{Root: fixture, Out: out})
			if got, _ := os.ReadFile(page); !bytes.Equal(got, want) {
				t.Errorf("keeping its time %v: a page edited by hand in the output was not restored by the build that reused its folder", keepTime)
			}
		}
	})
	t.Run("deletes nothing outside the output, whatever its Marker says", func(t *testing.T) {
		out := build(t, Options{Root: fixture})
		build(t, Options{Root: fixture, Out: out})
		victim := filepath.Join(filepath.Dir(out), "victim.txt")
		writeFile(t, victim, []byte("mine"))
		marker := filepath.Join(publish.PrevDir(out), publish.Marker)
		b, err := os.ReadFile(marker)
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, marker, append(b, "1 00 \"../victim.txt\"\n"...))
		build(t, Options{Root: fixture, Out: out})
		if _, err := os.Stat(victim); err != nil {
			t.Errorf("a file beside the output was deleted: %v", err)
		}
	})
	t.Run("rewrites only what changed", func(t *testing.T) {
		site := copyDir(t, fixture)
		out := build(t, Options{Root: site})
		page := func(p string) os.FileInfo {
			st, err := os.Stat(filepath.Join(out, p))
			if err != nil {
				t.Fatal(err)
			}
			return st
		}
		first := page("workers/zhang-min/index.html").ModTime()
		build(t, Options{Root: site, Out: out})
		guide := filepath.Join(site, "content", "guides", "resident-meeting.md")
		b, _ := os.ReadFile(guide)
		os.WriteFile(guide, []byte(strings.Replace(string(b), "确定议题", "确定本次议题", 1)), 0o644)
		build(t, Options{Root: site, Out: out})
		if got := page("workers/zhang-min/index.html").ModTime(); !got.Equal(first) {
			t.Errorf("an unchanged page was rewritten: mtime %v, was %v", got, first)
		}
		g, _ := os.ReadFile(filepath.Join(out, "guides/resident-meeting/index.html"))
		if !strings.Contains(string(g), "确定本次议题") {
			t.Error("the changed guide was not rewritten")
		}
	})
	t.Run("failed build leaves the previous output", func(t *testing.T) {
		site := copyDir(t, fixture)
		out := build(t, Options{Root: site})
		before := readTree(t, out)
		bad := filepath.Join(site, "content", "cases", "visits.md")
		os.WriteFile(bad, []byte("---\ntitle: 坏页面\nstreet: 民族街\n---\n"), 0o644)
		_, err := Build(Options{Root: site, Out: out})
		var failed *diag.Failed
		if !errors.As(err, &failed) {
			t.Fatalf("err = %v, want content errors", err)
		}
		after := readTree(t, out)
		if len(after) != len(before) {
			t.Fatalf("output changed from %d to %d files after a failed build", len(before), len(after))
		}
		for name, b := range before {
			if !bytes.Equal(b, after[name]) {
				t.Errorf("%s changed after a failed build", name)
			}
		}
		parent, _ := os.ReadDir(filepath.Dir(out))
		for _, e := range parent {
			if e.Name() != filepath.Base(out) {
				t.Errorf("left %s beside the output", e.Name())
			}
		}
	})
}

// copyDir copies a site into a temporary folder so a test may change it.
func copyDir(t *testing.T, src string) string {
	t.Helper()
	dst := t.TempDir()
	if err := os.CopyFS(dst, os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
	return dst
}

// TestPrintHandbook checks the one-page handbook: two chapters that share a
// heading and a footnote number keep ids of their own, every in-page link
// finds its target, and each chapter's sections sit one level below its
// title.
func TestPrintHandbook(t *testing.T) {
	site := copyDir(t, fixture)
	for _, ch := range []string{"roles.md", "consultation.md"} {
		f := filepath.Join(site, "content", "handbook", ch)
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		// "title" as the print page names a chapter's own heading.
		b = append(b, "\n## 小结\n\n记住这一条[^1]。\n\n## title\n\n英文小标题。\n\n[^1]: 见本章开头。\n"...)
		writeFile(t, f, b)
	}
	out := build(t, Options{Root: site})
	page, err := os.ReadFile(filepath.Join(out, "handbook", "print", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	html := string(page)
	ids := map[string]int{}
	for _, m := range regexp.MustCompile(` id="([^"]*)"`).FindAllStringSubmatch(html, -1) {
		ids[htmlUnescape(m[1])]++
	}
	for id, n := range ids {
		if n > 1 {
			t.Errorf("id %q appears %d times", id, n)
		}
	}
	links := regexp.MustCompile(` href="#([^"]*)"`).FindAllStringSubmatch(html, -1)
	if len(links) < 6 {
		t.Errorf("only %d in-page links; the footnotes and the table of contents should add more", len(links))
	}
	for _, m := range links {
		frag := htmlUnescape(m[1])
		if dec, err := url.PathUnescape(frag); err == nil {
			frag = dec
		}
		if ids[frag] == 0 {
			t.Errorf("link #%s has no target on the page", frag)
		}
	}
	for _, want := range []string{`<h3 id="roles/小结">小结</h3>`, `<h3 id="consultation/小结">小结</h3>`} {
		if !strings.Contains(html, want) {
			t.Errorf("print page lacks %s", want)
		}
	}
	chapters := html[strings.Index(html, `class="print-chapter"`):]
	if n := strings.Count(chapters, "<h2"); n != 2 {
		t.Errorf("%d h2 headings among the chapters, want only the 2 chapter titles", n)
	}
}

// writeFile writes a file for a test, making its folder, or fails the test.
func writeFile(t *testing.T, name string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, data, 0o644); err != nil {
		t.Fatal(err)
	}
}
