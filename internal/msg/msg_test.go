package msg

import (
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// verbs lists a format's verbs in order, so a translation cannot drop or
// reorder an argument by accident.
var verb = regexp.MustCompile(`%[-+# 0]*[0-9]*(?:\.[0-9]+)?[a-zA-Z%]`)

func verbs(s string) []string { return verb.FindAllString(s, -1) }

func TestEveryKeyHasBothLanguages(t *testing.T) {
	for lang, cat := range catalogues {
		for other, oc := range catalogues {
			for k := range cat {
				if _, ok := oc[k]; !ok {
					t.Errorf("%s: %q has a %s text but no %s text", k.id, cat[k], lang, other)
				}
			}
		}
	}
	for k, text := range zh {
		if text == "" || en[k] == "" {
			t.Errorf("%s: empty text", k.id)
		}
		z, e := verbs(text), verbs(en[k])
		if len(z) != len(e) {
			t.Errorf("%s: zh has verbs %v, en %v", k.id, z, e)
			continue
		}
		for i := range z {
			// %q and %s may differ between languages (「%s」 against %q); the
			// kind of argument may not.
			if kind(z[i]) != kind(e[i]) {
				t.Errorf("%s: verb %d is %s in zh, %s in en", k.id, i, z[i], e[i])
			}
		}
	}
}

func kind(v string) byte {
	switch c := v[len(v)-1]; c {
	case 'q', 's', 'v':
		return 's'
	default:
		return c
	}
}

func TestKeyIDsAreUnique(t *testing.T) {
	seen := map[string]bool{}
	for k := range zh {
		if seen[k.id] {
			t.Errorf("two keys named %q", k.id)
		}
		seen[k.id] = true
	}
}

func TestLanguages(t *testing.T) {
	tests := []struct {
		in   string
		want Lang
		ok   bool
	}{
		{"", Zh, true}, {"zh-CN", Zh, true}, {"中文", Zh, true}, {"en", En, true},
		{"EN_us", En, true}, {"fr", Zh, false},
	}
	for _, tt := range tests {
		got, ok := Parse(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Parse(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
	if got := Zh.T(CountErrors, 3); got != "3 个错误" {
		t.Errorf("Zh.T = %q", got)
	}
	if got := En.T(CountErrors, 3); got != "3 error(s)" {
		t.Errorf("En.T = %q", got)
	}
	if k, ok := Lookup("count.errors"); !ok || k != CountErrors {
		t.Errorf("Lookup(count.errors) = %v, %v", k, ok)
	}
	if _, ok := Lookup("no.such"); ok {
		t.Error("Lookup found a name the catalogue lacks")
	}
}

// TestEveryDeclaredKeyHasTexts reads the key declarations, so that a key
// declared but given no text at all is caught too.
func TestEveryDeclaredKeyHasTexts(t *testing.T) {
	files, err := filepath.Glob("keys*.go")
	if err != nil || len(files) == 0 {
		t.Fatalf("no key files: %v", err)
	}
	fset := token.NewFileSet()
	n := 0
	for _, f := range files {
		af, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(af, func(node ast.Node) bool {
			vs, ok := node.(*ast.ValueSpec)
			if !ok || len(vs.Values) != 1 {
				return true
			}
			cl, ok := vs.Values[0].(*ast.CompositeLit)
			if !ok || fmt.Sprint(cl.Type) != "Key" || len(cl.Elts) != 1 {
				return true
			}
			lit, ok := cl.Elts[0].(*ast.BasicLit)
			if !ok {
				t.Errorf("%s: a key's name must be a literal", vs.Names[0])
				return true
			}
			id, _ := strconv.Unquote(lit.Value)
			n++
			k, found := Lookup(id)
			if !found {
				t.Errorf("%s (%s) has no Chinese text", vs.Names[0], id)
				return true
			}
			if en[k] == "" {
				t.Errorf("%s (%s) has no English text", vs.Names[0], id)
			}
			return true
		})
	}
	if n != len(zh) {
		t.Errorf("%d keys declared, %d in the Chinese catalogue", n, len(zh))
	}
}

func TestJoin(t *testing.T) {
	tests := []struct {
		lang  Lang
		items []string
		want  string
	}{
		{Zh, nil, ""},
		{Zh, []string{"案例"}, "案例"},
		{Zh, []string{"案例", "微课", "操作指南"}, "案例、微课和操作指南"},
		{En, []string{"cases", "lectures", "guides"}, "cases, lectures and guides"},
	}
	for _, tt := range tests {
		if got := tt.lang.Join(tt.items); got != tt.want {
			t.Errorf("%s.Join(%q) = %q, want %q", tt.lang, tt.items, got, tt.want)
		}
	}
}

func TestError(t *testing.T) {
	cause := errors.New("磁盘坏了")
	sentinel := errors.New("sentinel")
	err := Wrap(sentinel, CannotRead, cause)
	if got := Zh.T(CannotRead, cause); !strings.Contains(got, "磁盘坏了") {
		t.Errorf("text %q", got)
	}
	if !errors.Is(err, cause) || !errors.Is(err, sentinel) {
		t.Error("errors.Is does not see the cause or the sentinel")
	}
	if k, ok := KeyOf(fmt.Errorf("外层：%w", err)); !ok || k != CannotRead {
		t.Errorf("KeyOf = %v, %v", k, ok)
	}
}

// An English text is punctuated as English is: a Chinese comma or corner
// bracket in it is a text copied from zh and left half-translated.
func TestEnglishPunctuation(t *testing.T) {
	for k, text := range en {
		if strings.ContainsAny(text, "「」，；") {
			t.Errorf("%s: English text with Chinese punctuation: %q", k.id, text)
		}
	}
}

// TestOneVocabulary checks that the Chinese catalogue names each part of
// the library one way, wherever a person reads it: 微课 (not 微课堂),
// 课程 (not 培训课程), 操作指南 (not 指南 alone), 优秀社区工作者 (not
// 优秀社工), as the district's own account and the sample library write
// them.
func TestOneVocabulary(t *testing.T) {
	drift := []struct{ word, use string }{
		{"微课堂", "微课"}, {"培训课程", "课程"}, {"优秀社工", "优秀社区工作者"},
	}
	for k, text := range zh {
		for _, d := range drift {
			if strings.Contains(text, d.word) {
				t.Errorf("%s: %q says %s; the interface says %s", k.id, text, d.word, d.use)
			}
		}
		if strings.Count(text, "指南") != strings.Count(text, "操作指南") {
			t.Errorf("%s: %q says 指南; the interface says 操作指南", k.id, text)
		}
	}
	labels := map[Key]string{KindCases: "案例", KindLectures: "微课", KindGuides: "操作指南",
		KindWorkers: "优秀社区工作者", KindCourses: "课程", KindHandbook: "实务手册"}
	for k, want := range labels {
		if zh[k] != want {
			t.Errorf("%s is %q, want %q", k.id, zh[k], want)
		}
	}
}
