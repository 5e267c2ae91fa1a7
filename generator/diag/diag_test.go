package diag

import (
	"strings"
	"testing"
)

func TestString(t *testing.T) {
	tests := []struct {
		name string
		d    Diagnostic
		want string
	}{
		{"line and column", Diagnostic{File: "content/cases/lift.md", Line: 7, Col: 9, Msg: `street "民族街" is not in site.yaml streets (did you mean "民族街道"?)`},
			`content/cases/lift.md:7:9: street "民族街" is not in site.yaml streets (did you mean "民族街道"?)`},
		{"line only", Diagnostic{File: "content/cases/lift.md", Line: 7, Msg: "m"}, "content/cases/lift.md:7: m"},
		{"whole file", Diagnostic{File: "content/case", Col: 3, Msg: "m"}, "content/case: m"},
		{"warning", Diagnostic{File: "content/cases/lift.md", Line: 5, Col: 1, Severity: Warning, Msg: "no summary"},
			"content/cases/lift.md:5:1: warning: no summary"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.d.String(); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

func TestSortedAndCounts(t *testing.T) {
	var l List
	l.Errorf("content/cases/b.md", 2, 1, "b")
	l.Warnf("content/cases/a.md", 10, 1, "w")
	l.Errorf("content/cases/a.md", 9, 12, "z")
	l.Errorf("content/cases/a.md", 9, 3, "y")
	l.Errorf("content/cases/a.md", 9, 3, "x")
	l.Errorf("content/cases/a.md", 0, 0, "file")
	var got []string
	for _, d := range l.Sorted() {
		got = append(got, d.String())
	}
	want := []string{
		"content/cases/a.md: file",
		"content/cases/a.md:9:3: x",
		"content/cases/a.md:9:3: y",
		"content/cases/a.md:9:12: z",
		"content/cases/a.md:10:1: warning: w",
		"content/cases/b.md:2:1: b",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if e, w := l.Counts(); e != 5 || w != 1 {
		t.Errorf("Counts() = %d, %d; want 5, 1", e, w)
	}
	if !l.HasErrors() {
		t.Error("HasErrors() = false")
	}
	var warnOnly List
	warnOnly.Warnf("content/cases/a.md", 1, 1, "w")
	if warnOnly.HasErrors() {
		t.Error("a warning stops publication")
	}
}

func TestSuggest(t *testing.T) {
	streets := []string{"民族街道", "水塔街道", "民权街道"}
	tests := []struct {
		s    string
		from []string
		want string
	}{
		{"民族街", streets, "民族街道"}, // one character, not three bytes
		{"水塔", streets, "水塔街道"},
		{"汉口", streets, ""},
		{"topic", []string{"title", "topics", "tags"}, "topics"},
		{"colour", []string{"title", "topics", "tags"}, ""},
		{"x", nil, ""},
	}
	for _, tt := range tests {
		if got := Suggest(tt.s, tt.from); got != tt.want {
			t.Errorf("Suggest(%q) = %q, want %q", tt.s, got, tt.want)
		}
	}
	if got := DidYouMean("民族街", streets); got != ` (did you mean "民族街道"?)` {
		t.Errorf("DidYouMean = %q", got)
	}
}
