package load

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/jianghan-district/jianghan/generator/diag"
	"github.com/jianghan-district/jianghan/generator/model"
	"github.com/jianghan-district/jianghan/generator/urls"
	"github.com/jianghan-district/jianghan/internal/fuzztest"
)

// Fuzz targets for the parsers of what authors write: front matter in YAML
// and in TOML, and site.yaml. None may panic or hang, every problem has a
// place and a readable message, and a file read without errors holds no
// name that cannot become a path and no control character. The seeds are
// in testdata/fuzz/.

func FuzzYAMLFrontMatter(f *testing.F) {
	f.Add("title: 七层老楼加装电梯\nstreet: 水塔街道\ntopics: [居民自治]\ntags: [加装电梯]\n", "## 问题\n\n一\n\n## 解决方案\n\n二\n")
	f.Fuzz(func(t *testing.T, fm, body string) {
		fuzztest.Timed(t, func() { checkPage(t, "---\n"+fm+"\n---\n"+body) })
	})
}

func FuzzTOMLFrontMatter(f *testing.F) {
	f.Add("title = \"独居老人的敲门行动\"\nstreet = \"民权街道\"\ntopics = [\"养老服务\"]\n", "## 问题\n\n一\n")
	f.Fuzz(func(t *testing.T, fm, body string) {
		fuzztest.Timed(t, func() { checkPage(t, "+++\n"+fm+"\n+++\n"+body) })
	})
}

func FuzzSiteYAML(f *testing.F) {
	f.Add("title: 江汉区社区工作案例课程库\nstreets: [民族街道, 水塔街道]\ntopics: [居民自治]\nmethods: [议事协商]\npaginate: 20\n")
	f.Fuzz(func(t *testing.T, raw string) {
		diags := &diag.List{}
		var cfg model.Config
		fuzztest.Timed(t, func() {
			diags = &diag.List{}
			cfg = decodeConfig([]byte(raw), diags)
		})
		checkDiags(t, raw, diags, ConfigFile)
		if diags.HasErrors() {
			return
		}
		checkText(t, raw, "title", cfg.Title)
		for _, vs := range [][]string{cfg.Streets, cfg.Topics, cfg.Methods} {
			for _, v := range vs {
				if p := urls.CheckSegment(v); p.Kind != urls.NameOK {
					t.Fatalf("%q: the term %q cannot be a path, and no error says so", raw, v)
				}
			}
		}
	})
}

// checkPage reads raw as a case, a worker and a course (each kind reads
// other fields), with no vocabulary so that only the name checks stand
// between a value and a path.
func checkPage(t *testing.T, raw string) {
	t.Helper()
	cfg := &model.Config{}
	for _, kind := range []model.Kind{model.Cases, model.Workers, model.Courses} {
		rel := "content/" + string(kind) + "/x.md"
		diags := &diag.List{}
		e := Page(Source{Kind: kind, Slug: "x", Rel: rel}, []byte(raw), cfg, diags)
		checkDiags(t, raw, diags, rel)
		if e == nil || diags.HasErrors() {
			continue
		}
		p := e.Base()
		checkText(t, raw, "title", p.Title)
		checkText(t, raw, "summary", p.Summary)
		names := append([]string{p.Slug}, p.Tags...)
		switch x := e.(type) {
		case *model.Case:
			names = append(append(append(names, x.Street), x.Topics...), x.Methods...)
		case *model.Worker:
			if x.Street != "" {
				names = append(names, x.Street)
			}
			for _, a := range x.Awards {
				checkText(t, raw, "award", a.Title)
			}
		}
		for _, n := range names {
			if pr := urls.CheckSegment(n); pr.Kind != urls.NameOK {
				t.Fatalf("%q: %q cannot be a path, and no error says so", raw, n)
			}
		}
	}
}

// checkDiags fails on a diagnostic without its file, a place before the
// file's start, or a message that is not text.
func checkDiags(t *testing.T, raw string, diags *diag.List, file string) {
	t.Helper()
	for _, d := range diags.Sorted() {
		if d.File != file || d.Line < 0 || d.Col < 0 || d.Msg == "" || !utf8.ValidString(d.Msg) {
			t.Fatalf("%q: a bad diagnostic %+v", raw, d)
		}
		// A lone carriage return ends a line too, as editors show it.
		if d.Line > strings.Count(raw, "\n")+strings.Count(raw, "\r")-strings.Count(raw, "\r\n")+2 {
			t.Fatalf("%q: a diagnostic past the end of the file: %+v", raw, d)
		}
	}
}

// checkText fails when a value read without errors holds a control
// character.
func checkText(t *testing.T, raw, what, s string) {
	t.Helper()
	for _, r := range s {
		if urls.IsControl(r) {
			t.Fatalf("%q: the %s %q holds %U, and no error says so", raw, what, s, r)
		}
	}
}

func TestTOMLNesting(t *testing.T) {
	for _, tt := range []struct {
		raw       string
		ok        bool
		line, col int
	}{
		{"tags = [[\"a\"], [\"b\"]]\nawards = [{year = 2021}]", true, 0, 0},
		{"title = \"" + strings.Repeat("[", 100) + "\"\n# " + strings.Repeat("[", 100), true, 0, 0},
		{"title = '''\n" + strings.Repeat("{", 100) + "'''", true, 0, 0},
		{"title = \"a\\\"[[[\"", true, 0, 0},
		{"x = 1\ntags = " + strings.Repeat("[", 40), false, 2, 40},
		{"t = " + strings.Repeat("{a = ", 40), false, 1, 5 + 5*32},
	} {
		line, col, ok := tomlNestingOK([]byte(tt.raw))
		if ok != tt.ok || line != tt.line || col != tt.col {
			t.Errorf("%.40q: %d:%d %v, want %d:%d %v", tt.raw, line, col, ok, tt.line, tt.col, tt.ok)
		}
	}
}

func TestLooksGBK(t *testing.T) {
	for _, tt := range []struct {
		line string
		want bool
	}{
		{"\xa1\xb0\xb1\xa3\xb0\xb2\xa1\xb1", true},                 // “保安”
		{"title: \xb1\xea\xcc\xe2", true},                          // title: 标题
		{"\xb4", false},                                            // a lone lead byte
		{"志愿者\xff敲门", false},                                       // UTF-8 with a stray byte
		{"\xff\xfe\x07h\x98\x98", false},                           // UTF-16 with its byte order mark
		{"\x07h\x98\x98\x00\x00", false},                           // UTF-16 without
		{"\xd6\xd0\xce\xc4\xd5\xfd\xd4\xda\xb2\xe2\xca\xd4", true}, // 中文正在测试
	} {
		if got := looksGBK([]byte(tt.line)); got != tt.want {
			t.Errorf("looksGBK(%q) = %v", tt.line, got)
		}
	}
}

// TestOldMacLineEnds: a file whose lines end in a lone carriage return
// (found by FuzzYAMLFrontMatter) has its problems on the lines an editor
// shows, not past the end of the file.
func TestOldMacLineEnds(t *testing.T) {
	raw := "---\rtitle: 加装电梯\rstreet: 水塔街道\rtopics: [居民自治]\rdate: 2023-02-30\r---\r\r## 问题\r\r一\r\r## 解决方案\r\r二\r"
	diags := &diag.List{}
	if e := Page(Source{Kind: model.Cases, Slug: "lift", Rel: "content/cases/lift.md"}, []byte(raw), &model.Config{}, diags); e == nil {
		t.Fatalf("not read: %v", diags.Sorted())
	}
	got := diags.Sorted()
	if len(got) != 1 || got[0].Line != 5 || got[0].Col != 7 {
		t.Errorf("want the date's error at 5:7, got %v", got)
	}
	if s := string(lineEnds([]byte("a\r\nb\rc\r"))); s != "a\r\nb\nc\n" {
		t.Errorf("lineEnds: %q", s)
	}
}
