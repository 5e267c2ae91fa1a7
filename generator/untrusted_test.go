package generator_test

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jianghan-district/jianghan/generator"
	"github.com/jianghan-district/jianghan/generator/diag"
	"github.com/jianghan-district/jianghan/generator/publish"
	"github.com/jianghan-district/jianghan/generator/render"
	"github.com/jianghan-district/jianghan/themes"
)

// Content is untrusted input: these tests feed the generator what an
// attacker, a careless editor or a broken disk would, and check that check,
// build and serve all refuse it the same way, at its file:line:col, and
// that nothing is ever written outside the output folder.

const fixture = "testdata/site"

// serveOptions are the render options of serve, with a stand-in script.
var serveOptions = render.Options{DevScript: "<script>/* 实时刷新 */</script>"}

// site copies the test library into a new folder and writes files over it;
// a nil text removes the file.
func site(t *testing.T, files map[string][]byte) string {
	t.Helper()
	root := t.TempDir()
	if err := os.CopyFS(root, os.DirFS(fixture)); err != nil {
		t.Fatal(err)
	}
	for name, text := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if text == nil {
			if err := os.Remove(p); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, text, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

// edit returns the fixture file rel with old replaced by new.
func edit(t *testing.T, rel, old, new string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(fixture, filepath.FromSlash(rel)))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b, []byte(old)) {
		t.Fatalf("%s does not hold %q", rel, old)
	}
	return bytes.Replace(b, []byte(old), []byte(new), 1)
}

// problems loads root as check does and as serve does, fails the test when
// the two disagree, and returns the diagnostics as check prints them.
func problems(t *testing.T, root string) []string {
	t.Helper()
	p, err := generator.Load(generator.Options{Root: root})
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	var got []string
	for _, d := range p.Diags.Sorted() {
		got = append(got, d.String())
	}
	_, delta, err := generator.LoadIncremental(generator.Options{Root: root}, serveOptions)
	if err != nil {
		t.Fatalf("LoadIncremental: %v", err)
	}
	var served []string
	for _, d := range delta.Diagnostics {
		served = append(served, d.String())
	}
	if strings.Join(got, "\n") != strings.Join(served, "\n") {
		t.Errorf("check and serve disagree:\ncheck: %q\nserve: %q", got, served)
	}
	return got
}

// holds reports whether lines has one that starts with prefix and holds
// every part.
func holds(lines []string, prefix string, parts ...string) bool {
	for _, l := range lines {
		if !strings.HasPrefix(l, prefix) {
			continue
		}
		ok := true
		for _, p := range parts {
			ok = ok && strings.Contains(l, p)
		}
		if ok {
			return true
		}
	}
	return false
}

// emptyTree fails the test if anything but what want lists is under dir.
func untouched(t *testing.T, dir string, want ...string) {
	t.Helper()
	var got []string
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && p != dir {
			rel, _ := filepath.Rel(dir, p)
			got = append(got, filepath.ToSlash(rel))
		}
		return nil
	})
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("%s holds %q, want %q", dir, got, want)
	}
}

// up climbs from the output folder to the file system's root, far enough
// for any test folder.
var up = strings.Repeat("../", 40)

// TestNamesCannotLeaveTheOutput is finding 1: a tag, street, topic or
// method that climbs out of its folder wrote the term page anywhere on
// disk. It is refused where it is written, and the build writes nothing.
func TestNamesCannotLeaveTheOutput(t *testing.T) {
	const lift = "cases/lift/index.md"
	for _, tt := range []struct {
		name  string
		files func(victim string) map[string][]byte
		at    string // file:line:col of the refusal
		field string
	}{
		{"tag", func(v string) map[string][]byte {
			return map[string][]byte{"content/" + lift: edit(t, "content/"+lift, "tags: [加装电梯]", "tags: [加装电梯, \""+up+v[1:]+"/www\"]")}
		}, "content/" + lift + ":10:14:", "tags"},
		{"street of site.yaml", func(v string) map[string][]byte {
			bad := up + v[1:] + "/street"
			return map[string][]byte{
				"content/site.yaml": edit(t, "content/site.yaml", "streets: [水塔街道,", "streets: [\""+bad+"\", 水塔街道,"),
				"content/" + lift:   edit(t, "content/"+lift, "street: 水塔街道", "street: \""+bad+"\""),
			}
		}, "content/site.yaml:7:11:", "streets"},
		{"topic", func(v string) map[string][]byte {
			bad := up + v[1:] + "/topic"
			return map[string][]byte{
				"content/site.yaml": edit(t, "content/site.yaml", "topics: [", "topics: [\""+bad+"\", "),
				"content/" + lift:   edit(t, "content/"+lift, "topics: [", "topics: [\""+bad+"\", "),
			}
		}, "content/site.yaml:8:10:", "topics"},
		{"method", func(v string) map[string][]byte {
			bad := up + v[1:] + "/method"
			return map[string][]byte{
				"content/site.yaml": edit(t, "content/site.yaml", "methods: [", "methods: ['"+bad+"', "),
				"content/" + lift:   edit(t, "content/"+lift, "methods: [", "methods: ['"+bad+"', "),
			}
		}, "content/site.yaml:9:11:", "methods"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			victim := t.TempDir()
			root := site(t, tt.files(victim))
			got := problems(t, root)
			if !holds(got, tt.at, tt.field, "不能用在网址里") {
				t.Errorf("no refusal at %s, got %q", tt.at, got)
			}
			t.Setenv("JIANGHAN_CACHE_DIR", t.TempDir())
			out := filepath.Join(t.TempDir(), "public")
			_, err := generator.Build(generator.Options{Root: root, Out: out})
			var failed *diag.Failed
			if !errors.As(err, &failed) {
				t.Errorf("build: err = %v, want content errors", err)
			}
			untouched(t, victim)
		})
	}
}

// TestOutputFolderResolvedFirst is finding 2: `-o victim/nonexistent/..`
// passed the check on the raw path and then published over victim/, and
// the next build deleted what victim/ held.
func TestOutputFolderResolvedFirst(t *testing.T) {
	t.Setenv("JIANGHAN_CACHE_DIR", t.TempDir())
	parent := t.TempDir()
	victim := filepath.Join(parent, "victim")
	os.Mkdir(victim, 0o755)
	if err := os.WriteFile(filepath.Join(victim, "thesis.docx"), []byte("precious"), 0o644); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 2; i++ {
		_, err := generator.Build(generator.Options{Root: fixture, Out: filepath.Join(victim, "nonexistent", "..")})
		if !errors.Is(err, publish.ErrForeign) {
			t.Errorf("build %d: err = %v, want ErrForeign", i+1, err)
		}
	}
	untouched(t, victim, "thesis.docx")
	untouched(t, parent, "victim", "victim/thesis.docx")
}

// TestOutputFolderRefused is finding 7 and its kin: an output folder inside
// content/ was accepted, and build 2 copied build 1 into itself. Every
// folder whose replacement would harm the site is refused with a message
// that says why, before anything is written.
func TestOutputFolderRefused(t *testing.T) {
	root := site(t, nil)
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("JIANGHAN_CACHE_DIR", t.TempDir())
	for _, tt := range []struct {
		name, out, want string
	}{
		{"inside content", filepath.Join(root, "content", "public"), "在 content/ 里面"},
		{"content itself", filepath.Join(root, "content"), "在 content/ 里面"},
		{"inside the theme", filepath.Join(root, "themes", "default", "out"), "在主题文件夹"},
		{"the site itself", root, "就是站点文件夹"},
		{"the site, spelled otherwise", filepath.Join(root, "content", ".."), "就是站点文件夹"},
		{"a folder holding the site", filepath.Dir(root), "包含站点文件夹"},
		{"the home folder", home, "是你的主文件夹"},
		{"the root", "/", "是文件系统的根"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := generator.Build(generator.Options{Root: root, Out: tt.out})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want %q", err, tt.want)
			}
		})
	}
	// Nothing was written anywhere in the site.
	var extra []string
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && (strings.Contains(p, "public") || strings.Contains(p, ".jianghan") || strings.Contains(p, ".new-")) {
			extra = append(extra, p)
		}
		return nil
	})
	if len(extra) > 0 {
		t.Errorf("a refused build left %q", extra)
	}
	// A folder beside the site, or in it, is fine.
	for _, out := range []string{filepath.Join(root, "public"), filepath.Join(filepath.Dir(root), "site-out")} {
		if _, err := generator.Build(generator.Options{Root: root, Out: out}); err != nil {
			t.Errorf("build into %s: %v", out, err)
		}
	}
}

// outside makes a folder outside the site holding a page and a secret.
func outside(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	b, err := os.ReadFile(filepath.Join(fixture, "content", "cases", "visits.md"))
	if err != nil {
		t.Fatal(err)
	}
	for name, text := range map[string][]byte{
		"stolen.md":     b,
		"secret.txt":    []byte("root:x:0:0:root:/root:/bin/bash\n"),
		"secret.svg":    []byte(`<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"/>`),
		"dir/inner.txt": []byte("inner\n"),
	} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, text, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// link makes the symbolic link rel in root pointing at target.
func link(t *testing.T, root, rel, target string) {
	t.Helper()
	p := filepath.Join(root, filepath.FromSlash(rel))
	os.MkdirAll(filepath.Dir(p), 0o755)
	if err := os.Symlink(target, p); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
}

// TestSymlinksLeavingTheSite is finding 6: content/static/passwd ->
// /etc/passwd was published, a case linked from outside the site was
// published, and a linked folder gave an error with no position. Each is
// now an error naming the link; a link inside the site still works.
func TestSymlinksLeavingTheSite(t *testing.T) {
	out := outside(t)
	for _, tt := range []struct {
		name, rel, target, want string
	}{
		{"static file", "content/static/passwd", filepath.Join(out, "secret.txt"), "指向站点之外的符号链接"},
		{"page", "content/cases/stolen.md", filepath.Join(out, "stolen.md"), "指向站点之外的符号链接"},
		{"bundle file", "content/cases/lift/photo.svg", filepath.Join(out, "secret.svg"), "指向站点之外的符号链接"},
		{"bundle", "content/cases/away", out, "指向站点之外的符号链接"},
		{"folder in static", "content/static/shared", filepath.Join(out, "dir"), "指向站点之外的符号链接"},
		{"folder inside the site", "content/static/cases", "../cases", "指向文件夹的符号链接"},
		{"relative, climbing out", "content/static/up.txt", "relative:" + filepath.Join(out, "secret.txt"), "指向站点之外的符号链接"},
		{"dangling", "content/static/gone.txt", filepath.Join(out, "nothing-here"), "不存在"},
		{"theme file", "themes/default/assets/css/site.css", filepath.Join(out, "secret.txt"), "指向站点之外的符号链接"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			root := site(t, nil)
			if strings.HasPrefix(tt.rel, "themes/") {
				writeTheme(t, root)
				os.Remove(filepath.Join(root, filepath.FromSlash(tt.rel)))
			}
			target := tt.target
			if abs, ok := strings.CutPrefix(target, "relative:"); ok {
				target, _ = filepath.Rel(filepath.Join(root, filepath.Dir(tt.rel)), abs)
			}
			link(t, root, tt.rel, target)
			got := problems(t, root)
			if !holds(got, tt.rel+": ", tt.want) {
				t.Errorf("no error naming %s: %q", tt.rel, got)
			}
			t.Setenv("JIANGHAN_CACHE_DIR", t.TempDir())
			pub := filepath.Join(t.TempDir(), "public")
			_, err := generator.Build(generator.Options{Root: root, Out: pub})
			if err == nil {
				t.Error("the build published a site with a link leaving it")
			}
			if _, err := os.Stat(pub); err == nil {
				t.Error("the failed build published something")
			}
		})
	}
	t.Run("inside the site", func(t *testing.T) {
		root := site(t, nil)
		link(t, root, "content/static/robots-copy.txt", "robots.txt")
		link(t, root, "content/static/chart.svg", "../cases/lift/chart.svg")
		if got := problems(t, root); len(got) > 0 {
			t.Fatalf("links inside the site are refused: %q", got)
		}
		t.Setenv("JIANGHAN_CACHE_DIR", t.TempDir())
		pub := filepath.Join(t.TempDir(), "public")
		if _, err := generator.Build(generator.Options{Root: root, Out: pub}); err != nil {
			t.Fatal(err)
		}
		if b, err := os.ReadFile(filepath.Join(pub, "robots-copy.txt")); err != nil || !bytes.Contains(b, []byte("User-agent")) {
			t.Errorf("robots-copy.txt: %q, %v", b, err)
		}
	})
}

// writeTheme writes the built-in theme into the site, as a site that
// carries its own does.
func writeTheme(t *testing.T, root string) {
	t.Helper()
	err := fs.WalkDir(themes.Default(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		dst := filepath.Join(root, filepath.FromSlash(themes.Dir), filepath.FromSlash(p))
		if d.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		b, err := fs.ReadFile(themes.Default(), p)
		if err != nil {
			return err
		}
		return os.WriteFile(dst, b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestSideFoldersNotFollowed is the rest of finding 6: a symbolic link
// named .public.jianghan-prev, pointing at a folder that looks like an
// output, was renamed into place and written through. The build's side
// folders are never followed through a link.
func TestSideFoldersNotFollowed(t *testing.T) {
	t.Setenv("JIANGHAN_CACHE_DIR", t.TempDir())
	out := filepath.Join(t.TempDir(), "public")
	if _, err := generator.Build(generator.Options{Root: fixture, Out: out}); err != nil {
		t.Fatal(err)
	}
	marker, err := os.ReadFile(filepath.Join(out, publish.Marker))
	if err != nil {
		t.Fatal(err)
	}
	foreign := t.TempDir()
	os.WriteFile(filepath.Join(foreign, publish.Marker), marker, 0o644)
	os.WriteFile(filepath.Join(foreign, "keep.txt"), []byte("mine"), 0o644)
	link(t, filepath.Dir(out), filepath.Base(publish.PrevDir(out)), foreign)
	for i := 0; i < 3; i++ {
		if _, err := generator.Build(generator.Options{Root: fixture, Out: out}); err != nil {
			t.Fatalf("build %d: %v", i+2, err)
		}
	}
	untouched(t, foreign, publish.Marker, "keep.txt")
	if b, _ := os.ReadFile(filepath.Join(foreign, publish.Marker)); !bytes.Equal(b, marker) {
		t.Error("the Marker of the linked folder changed")
	}
}

// TestKilledBuildsCleanedUp is finding 5: every .public.new-* of a build
// killed with kill -9 stayed forever. The next build of the same output
// removes what earlier builds left, and nothing else.
func TestKilledBuildsCleanedUp(t *testing.T) {
	t.Setenv("JIANGHAN_CACHE_DIR", t.TempDir())
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	if _, err := generator.Build(generator.Options{Root: fixture, Out: out}); err != nil {
		t.Fatal(err)
	}
	marker, _ := os.ReadFile(filepath.Join(out, publish.Marker))
	head, _, _ := bytes.Cut(marker, []byte("\n"))
	left := map[string]map[string][]byte{
		// A build killed while it wrote into the output it reused.
		".public.new-1001": {publish.Marker: marker, "index.html": []byte("<p>半截")},
		// A build killed while it wrote into a new folder.
		".public.new-1002": {publish.Marker: append(head, '\n'), "cases/lift/index.html": []byte("<p>半截")},
		// One killed before it wrote anything.
		".public.new-1003": {},
	}
	foreign := map[string]map[string][]byte{
		".public.new-mine":   {"notes.txt": []byte("我的笔记")},
		".other.new-1004":    {publish.Marker: marker},
		".public.new-1005.x": {"a.txt": []byte("a")},
	}
	for _, set := range []map[string]map[string][]byte{left, foreign} {
		for dir, files := range set {
			os.MkdirAll(filepath.Join(parent, dir), 0o755)
			for name, b := range files {
				p := filepath.Join(parent, dir, filepath.FromSlash(name))
				os.MkdirAll(filepath.Dir(p), 0o755)
				os.WriteFile(p, b, 0o644)
			}
		}
	}
	elsewhere := t.TempDir()
	os.WriteFile(filepath.Join(elsewhere, publish.Marker), marker, 0o644)
	link(t, parent, ".public.new-1006", elsewhere)
	if _, err := generator.Build(generator.Options{Root: fixture, Out: out}); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(parent)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	want := []string{".other.new-1004", ".public.jianghan-prev", ".public.new-1005.x", ".public.new-1006", ".public.new-mine", "public"}
	if strings.Join(names, " ") != strings.Join(want, " ") {
		t.Errorf("beside the output: %q, want %q", names, want)
	}
	untouched(t, elsewhere, publish.Marker)
	if b, _ := os.ReadFile(filepath.Join(parent, ".public.new-mine", "notes.txt")); string(b) != "我的笔记" {
		t.Error("a folder the build did not make was touched")
	}
}

// TestCheckAndServeAgreeOnDrafts is finding 10: a case naming a draft
// lecture got "is a draft and is not published" from check but "there is
// no content/lectures/x.md" from serve.
func TestCheckAndServeAgreeOnDrafts(t *testing.T) {
	const lecture = "content/lectures/consultation-steps.md"
	root := site(t, map[string][]byte{
		lecture: edit(t, lecture, "title:", "draft: true\ntitle:"),
	})
	got := problems(t, root)
	for _, at := range []string{"content/cases/lift/index.md:9:12: ", "content/courses/consultation-practice.md:6:5: "} {
		if !holds(got, at, "consultation-steps", "是草稿（draft）") {
			t.Errorf("no draft error at %s: %q", at, got)
		}
	}
	if holds(got, "", "但是没有 content/") || holds(got, "", "不存在") || !holds(got, "content/cases/lift/index.md:22:6: ", "是草稿") {
		t.Errorf("a draft is reported missing: %q", got)
	}
}

// TestBrokenPageIsNotAlsoMissing: a page whose front matter cannot be read
// gets its own error, and the pages naming it or linking to it are not
// also told that it does not exist.
func TestBrokenPageIsNotAlsoMissing(t *testing.T) {
	const lecture = "content/lectures/consultation-steps.md"
	root := site(t, map[string][]byte{lecture: edit(t, lecture, "title: 议事协商的六个步骤", "title: [议事协商的六个步骤")})
	got := problems(t, root)
	if len(got) != 1 || !strings.HasPrefix(got[0], lecture+":3:1: front matter 的写法有误") {
		t.Errorf("want only the lecture's own error, got %q", got)
	}
}

// Bytes of a line saved in GBK: “保安” and a line end.
var gbkLine = []byte{0xa1, 0xb0, 0xb1, 0xa3, 0xb0, 0xb2, 0xa1, 0xb1, 0x0a}

// TestTextNotUTF8 is finding 3: one GBK line in a body panicked inside
// goldmark, ending build and check with a stack trace and serve with it;
// other invalid UTF-8 was published as U+FFFD. Each is now an error at the
// first bad line, and GBK is named.
func TestTextNotUTF8(t *testing.T) {
	const visits = "content/cases/visits.md"
	body := func(b []byte) []byte {
		return bytes.Replace(edit(t, visits, "独居老人无人照看。\n", "独居老人无人照看。\n"), []byte("独居老人无人照看。\n"), append([]byte("独居老人无人照看。\n"), b...), 1)
	}
	for _, tt := range []struct {
		name  string
		file  string
		text  []byte
		at    string
		want  string
		alone bool // the only problem reported
	}{
		{"a GBK line in a body", visits, body(gbkLine), visits + ":14:1: ", "看起来是 GBK", true},
		{"a stray byte", visits, body([]byte{0xb4, 0x0a, 0x30, 0x0a}), visits + ":14:1: ", "不是 UTF-8 编码", true},
		{"a byte inside a line", visits, body([]byte("志愿者\xff敲门\n")), visits + ":14:4: ", "不是 UTF-8 编码", true},
		{"a title in GBK", visits, bytes.Replace(edit(t, visits, "独居老人的敲门行动", "x"), []byte(`"x"`), append(append([]byte(`"`), gbkLine[:8]...), '"'), 1), visits + ":2:10: ", "看起来是 GBK", true},
		{"site.yaml in GBK", "content/site.yaml", append([]byte("title: "), gbkLine...), "content/site.yaml:1:8: ", "看起来是 GBK", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			root := site(t, map[string][]byte{tt.file: tt.text})
			got := problems(t, root)
			if !holds(got, tt.at, tt.want) {
				t.Errorf("no error at %s: %q", tt.at, got)
			}
			if tt.alone {
				for _, l := range got {
					if strings.HasPrefix(l, tt.file) && !strings.HasPrefix(l, tt.at) {
						t.Errorf("more than the encoding is reported: %q", got)
					}
				}
			}
			t.Setenv("JIANGHAN_CACHE_DIR", t.TempDir())
			_, err := generator.Build(generator.Options{Root: root, Out: filepath.Join(t.TempDir(), "public")})
			var failed *diag.Failed
			if !errors.As(err, &failed) {
				t.Errorf("build: err = %v, want content errors", err)
			}
		})
	}
}

// billionLaughs is the classic: nine aliases, each nine of the one before.
func billionLaughs(field string) string {
	s := "lol: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
	prev := "a"
	for _, n := range "bcdefgh" {
		s += "l" + string(n) + ": &" + string(n) + " [" + strings.Repeat("*"+prev+", ", 8) + "*" + prev + "]\n"
		prev = string(n)
	}
	return s + field + ": [" + strings.Repeat("*"+prev+", ", 8) + "*" + prev + "]\n"
}

// TestYAMLAliases is finding 4: `a: &a [*a, *a]` overflowed the stack, and
// 491 bytes of front matter took 21 s and 3 GB. An alias inside its own
// anchor and an expansion over budget are errors where they are written.
func TestYAMLAliases(t *testing.T) {
	const visits = "content/lectures/consultation-steps.md"
	page := func(fm string) []byte {
		return []byte("---\ntitle: 议事协商\n" + fm + "---\n\n正文。\n")
	}
	for _, tt := range []struct {
		name, file string
		text       []byte
		at, want   string
	}{
		{"a cycle in a page", visits, page("tags: &a [*a, *a]\n"), visits + ":3:11: ", "用在了它自己的锚点"},
		{"a deeper cycle", visits, page("tags: &a [x, [y, {z: *a}]]\n"), visits + ":3:22: ", "用在了它自己的锚点"},
		{"billion laughs in a page", visits, page(billionLaughs("tags")), visits + ":6:9: ", "超过 1000 个值"},
		{"a cycle in site.yaml", "content/site.yaml", []byte("title: 测试\nstreets: &s [水塔街道, *s]\n"), "content/site.yaml:2:20: ", "用在了它自己的锚点"},
		{"billion laughs in site.yaml", "content/site.yaml", []byte("title: 测试\n" + billionLaughs("topics")), "content/site.yaml:5:9: ", "超过 1000 个值"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			root := site(t, map[string][]byte{tt.file: tt.text})
			if got := problems(t, root); !holds(got, tt.at, tt.want) {
				t.Errorf("no error at %s: %q", tt.at, got)
			}
		})
	}
	t.Run("aliases within budget", func(t *testing.T) {
		root := site(t, map[string][]byte{
			"content/site.yaml": append(edit(t, "content/site.yaml", "topics: [", "topics: &t ["), "methods_copy: *t\n"...),
		})
		got := problems(t, root)
		if !holds(got, "content/site.yaml:10:1: ", "「methods_copy」") || len(got) != 1 {
			t.Errorf("a plain alias: %q", got)
		}
	})
}

// TestNamesThatCannotBeURLs is finding 8: a slug or tag holding NUL (then
// an unpositioned "invalid argument"), a newline, <, > or " passed check,
// and a file name in invalid UTF-8 gave a sitemap entry that does not
// exist.
func TestNamesThatCannotBeURLs(t *testing.T) {
	const lift = "content/cases/lift/index.md"
	slug := func(s string) map[string][]byte {
		return map[string][]byte{lift: edit(t, lift, "title:", "slug: "+s+"\ntitle:")}
	}
	tag := func(s string) map[string][]byte {
		return map[string][]byte{lift: edit(t, lift, "tags: [加装电梯]", "tags: [加装电梯, "+s+"]")}
	}
	file := func(name string) map[string][]byte {
		return map[string][]byte{name: []byte("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\"/>")}
	}
	for _, tt := range []struct {
		name  string
		files map[string][]byte
		at    string
		want  []string
	}{
		{"slug with NUL", slug(`"lift\0x"`), lift + ":2:7: ", []string{"U+0000"}},
		{"slug with a newline", slug(`"lift\nx"`), lift + ":2:7: ", []string{"slug", "U+000A"}},
		{"slug with <", slug(`"<b>lift"`), lift + ":2:7: ", []string{"slug", "「<」"}},
		{"slug with >", slug(`"lift>"`), lift + ":2:7: ", []string{"slug", "「>」"}},
		{"slug with a quote", slug(`'li"ft'`), lift + ":2:7: ", []string{"slug", "「\"」"}},
		{"slug of dots", slug(`".."`), lift + ":2:7: ", []string{"slug"}},
		{"tag with NUL", tag(`"电梯\0"`), lift + ":10:14: ", []string{"U+0000"}},
		{"tag with a newline", tag(`"电梯\n加装"`), lift + ":10:14: ", []string{"tags", "U+000A"}},
		{"tag with <", tag(`"<电梯>"`), lift + ":10:14: ", []string{"tags", "「<」"}},
		{"tag with a quote", tag(`'电"梯'`), lift + ":10:14: ", []string{"tags", "「\"」"}},
		{"tag with a backslash", tag(`'电\梯'`), lift + ":10:14: ", []string{"tags", `「\」`}},
		{"tag of dots", tag(`".."`), lift + ":10:14: ", []string{"tags", "只有点"}},
		{"hidden tag", tag(`".电梯"`), lift + ":10:14: ", []string{"tags", "开头的点"}},
		{"page file in invalid UTF-8", map[string][]byte{"content/cases/\xb4\xf3.md": edit(t, "content/cases/visits.md", "独居", "独居")},
			"content/cases/\xb4\xf3.md: ", []string{"文件名", "不是 UTF-8"}},
		{"bundle file with a newline", file("content/cases/lift/a\nb.svg"), "content/cases/lift/a\nb.svg: ", []string{"文件名", "U+000A"}},
		{"static file with an escape", file("content/static/a\x1b[2J.svg"), "content/static/a\x1b[2J.svg: ", []string{"文件名", "U+001B"}},
		{"static file with a backslash", file(`content/static/a\b.svg`), `content/static/a\b.svg: `, []string{"文件名", `「\」`}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			root := site(t, tt.files)
			got := problems(t, root)
			if !holds(got, tt.at, tt.want...) {
				t.Errorf("no error at %q holding %q: %q", tt.at, tt.want, got)
			}
			t.Setenv("JIANGHAN_CACHE_DIR", t.TempDir())
			_, err := generator.Build(generator.Options{Root: root, Out: filepath.Join(t.TempDir(), "public")})
			var failed *diag.Failed
			if !errors.As(err, &failed) {
				t.Errorf("build: err = %v, want content errors", err)
			}
		})
	}
}

// TestControlCharactersInFrontMatter is the read side of finding 9:
// `title: "\e]0;PWNED\a\e[2J"` passed check, and search printed it raw.
func TestControlCharactersInFrontMatter(t *testing.T) {
	const lift, visits = "content/cases/lift/index.md", "content/cases/visits.md"
	for _, tt := range []struct {
		name, file string
		text       []byte
		at, want   string
	}{
		{"YAML title", lift, edit(t, lift, "title: 七层老楼加装电梯：从多数反对到全体签字", `title: "\e]0;PWNED\a\e[2J"`), lift + ":2:8: ", "U+001B"},
		{"YAML list item", lift, edit(t, lift, "tags: [加装电梯]", `tags: [加装电梯, "a\x7fb"]`), lift + ":10:14: ", "U+007F"},
		{"YAML key", lift, edit(t, lift, "summary:", "\"sum\\bmary\": x\nsummary:"), lift + ":11:1: ", "U+0008"},
		{"C1 control", lift, edit(t, lift, "community: 统一街社区", "community: \"统一\\u009b街\""), lift + ":5:12: ", "U+009B"},
		{"TOML title", visits, edit(t, visits, `title = "独居老人的敲门行动"`, `title = "独居\u001b[2J老人"`), visits + ":2:9: ", "U+001B"},
		{"site.yaml", "content/site.yaml", edit(t, "content/site.yaml", "title: 测试案例库", `title: "测试\a案例库"`), "content/site.yaml:1:8: ", "U+0007"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			root := site(t, map[string][]byte{tt.file: tt.text})
			if got := problems(t, root); !holds(got, tt.at, tt.want) {
				t.Errorf("no error at %s: %q", tt.at, got)
			}
		})
	}
	t.Run("tabs and line breaks are text", func(t *testing.T) {
		root := site(t, map[string][]byte{lift: edit(t, lift, "summary: 高低楼层住户意见对立，社区用方案比选和楼栋议事化解了分歧。", "summary: \"高低楼层\\t住户\\r\\n意见对立\"")})
		if got := problems(t, root); len(got) > 0 {
			t.Errorf("%q", got)
		}
	})
}

// TestPageSizeLimit is finding 12: a 50 MB page took 19 s and 2.4 GB. A
// page over the limit is an error naming the limit, and is not read.
func TestPageSizeLimit(t *testing.T) {
	const visits = "content/cases/visits.md"
	huge := edit(t, visits, "志愿者每天敲门。", strings.Repeat("志愿者每天敲门，问候独居老人。\n", 50<<20/46))
	root := site(t, map[string][]byte{visits: huge})
	got := problems(t, root)
	if !holds(got, visits+": ", "上限", "2 MB") {
		t.Errorf("%q", got)
	}
	big := append([]byte("title: 测试\nabout: "), bytes.Repeat([]byte("很长的介绍"), 1<<20/15*2)...)
	root = site(t, map[string][]byte{"content/site.yaml": big})
	if got := problems(t, root); !holds(got, "content/site.yaml: ", "上限", "1 MB") {
		t.Errorf("%q", got)
	}
}
