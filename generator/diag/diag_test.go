package diag

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/jianghan-district/jianghan/internal/msg"
)

func TestString(t *testing.T) {
	tests := []struct {
		name string
		d    Diagnostic
		want string
	}{
		{"line and column", Diagnostic{File: "content/cases/lift.md", Line: 7, Col: 9, Msg: "街道「民族街」不在 site.yaml 的街道列表里，是不是「民族街道」？"},
			"content/cases/lift.md:7:9: 街道「民族街」不在 site.yaml 的街道列表里，是不是「民族街道」？"},
		{"line only", Diagnostic{File: "content/cases/lift.md", Line: 7, Msg: "m"}, "content/cases/lift.md:7: m"},
		{"whole file", Diagnostic{File: "content/case", Col: 3, Msg: "m"}, "content/case: m"},
		{"warning", Diagnostic{File: "content/cases/lift.md", Line: 5, Col: 1, Severity: Warning, Msg: "没有摘要"},
			"content/cases/lift.md:5:1: 提醒：没有摘要"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.d.String(); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

func TestPlain(t *testing.T) {
	tests := []struct {
		d    Diagnostic
		want string
	}{
		{Diagnostic{File: "content/cases/lift.md", Line: 7, Col: 9, Msg: "街道「民族街」不在 site.yaml 的街道列表里"},
			"content/cases/lift.md 第 7 行第 9 列：街道「民族街」不在 site.yaml 的街道列表里"},
		{Diagnostic{File: "content/cases/lift.md", Line: 7, Severity: Warning, Msg: "没有摘要"}, "content/cases/lift.md 第 7 行：提醒：没有摘要"},
		{Diagnostic{File: "content/site.yaml", Msg: "m"}, "content/site.yaml：m"},
	}
	for _, tt := range tests {
		if got := tt.d.Plain(); got != tt.want {
			t.Errorf("got  %s\nwant %s", got, tt.want)
		}
	}
}

func TestEnglish(t *testing.T) {
	msg.SetLang(msg.En)
	defer msg.SetLang(msg.Zh)
	var l List
	l.Warn("content/cases/lift.md", 5, 1, msg.NoSummary)
	l.Error("content/cases/lift.md", 3, 9, msg.StreetNotIn, "民族街", DidYouMean("民族街", []string{"民族街道"}))
	got := []string{}
	for _, d := range l.Sorted() {
		got = append(got, d.String())
	}
	want := []string{
		`content/cases/lift.md:3:9: street "民族街" is not in site.yaml streets (did you mean "民族街道"?)`,
		"content/cases/lift.md:5:1: warning: no summary: add `summary: 一句话概括` so lists and search results can describe this page",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestSortedAndCounts(t *testing.T) {
	var l List
	l.Error("content/cases/b.md", 2, 1, msg.CaseNoProblem)
	l.Warn("content/cases/a.md", 10, 1, msg.NoSummary)
	l.Error("content/cases/a.md", 9, 12, msg.FieldTwice, "title")
	l.Error("content/cases/a.md", 9, 3, msg.FieldTwice, "street")
	l.Error("content/cases/a.md", 9, 3, msg.FieldTwice, "date")
	l.Err("content/cases/a.md", 0, 0, msg.Errorf(msg.CannotRead, errors.New("permission denied")))
	var got []string
	for _, d := range l.Sorted() {
		got = append(got, d.String())
	}
	want := []string{
		"content/cases/a.md: 读不了这个文件：permission denied",
		"content/cases/a.md:9:3: 字段「date」写了两次：只留一个",
		"content/cases/a.md:9:3: 字段「street」写了两次：只留一个",
		"content/cases/a.md:9:12: 字段「title」写了两次：只留一个",
		"content/cases/a.md:10:1: 提醒：没有摘要：加一行 `summary: 一句话概括`，列表和搜索结果会用它介绍这一页",
		"content/cases/b.md:2:1: 案例要写出问题：加一节，标题是 `## 问题`",
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
	if d := l.Sorted()[0]; d.Key != msg.CannotRead {
		t.Errorf("an error from the catalogue lost its key: %v", d.Key)
	}
	var warnOnly List
	warnOnly.Warn("content/cases/a.md", 1, 1, msg.NoSummary)
	if warnOnly.HasErrors() {
		t.Error("a warning stops publication")
	}
	if got := (&Failed{Diagnostics: l.Sorted()}).Error(); got != "内容有 5 个错误" {
		t.Errorf("Failed.Error() = %q", got)
	}
}

func TestFolded(t *testing.T) {
	var l List
	for i := range 500 {
		l.Warn(fmt.Sprintf("content/lectures/l-%03d.md", i), 3, 1, msg.NoSummary)
	}
	l.Warn("content/workers/wang.md", 1, 1, msg.WorkerUnnamed, "王磊", "wang")
	l.Error("content/cases/lift.md", 3, 9, msg.StreetNotIn, "民族街", "")
	lines := Folded(l.Sorted(), 20)
	if len(lines) != 23 {
		t.Fatalf("%d lines, want 20 of one kind, its count, one other warning and the error:\n%s", len(lines), strings.Join(lines, "\n"))
	}
	if lines[1] != "content/lectures/l-000.md:3:1: 提醒：没有摘要：加一行 `summary: 一句话概括`，列表和搜索结果会用它介绍这一页" {
		t.Errorf("first warning %q", lines[1])
	}
	if lines[21] != "……还有 480 条同类提醒，用 --all 查看全部" {
		t.Errorf("the fold says %q", lines[21])
	}
	if !strings.Contains(lines[0], "民族街") || !strings.Contains(lines[22], "王磊") {
		t.Errorf("an error or another kind's warning was folded:\n%s", strings.Join(lines, "\n"))
	}
	if all := Folded(l.Sorted(), 0); len(all) != 502 {
		t.Errorf("--all gives %d lines, want 502", len(all))
	}
	few := Folded(l.Sorted()[:21], 20)
	for _, line := range few {
		if strings.Contains(line, "还有") {
			t.Errorf("folded when there were only 20: %s", line)
		}
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
	if got := DidYouMean("民族街", streets); got != "，是不是「民族街道」？" {
		t.Errorf("DidYouMean = %q", got)
	}
	if got := DidYouMean("汉口", streets); got != "" {
		t.Errorf("DidYouMean with nothing close = %q", got)
	}
}
