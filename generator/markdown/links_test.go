package markdown

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"testing"
)

// siteResolver stands in for the generator: it knows the pages and the files
// of the bundle being rendered (cases/lift/index.md) and records its calls.
type siteResolver struct {
	mu    sync.Mutex
	calls []string
}

func (s *siteResolver) resolve(dest string, image bool) (string, error) {
	s.mu.Lock()
	s.calls = append(s.calls, fmt.Sprintf("%s %v", dest, image))
	s.mu.Unlock()
	path, frag, _ := strings.Cut(dest, "#")
	if frag != "" {
		frag = "#" + frag
	}
	switch path {
	case "consultation.md", "../lectures/consultation.md":
		return "/lectures/consultation/" + frag, nil
	case "zhang-min.md":
		return "/workers/zhang-min/" + frag, nil
	case "photo.jpg", "plan.pdf":
		return "/cases/lift/" + path, nil
	}
	return "", errNotFound(path)
}

// errNotFound is the test resolver's error: a value, so that problems can
// be compared whole.
type errNotFound string

func (e errNotFound) Error() string {
	return fmt.Sprintf("%q 找不到对应的页面或文件", string(e))
}

func TestLinkResolution(t *testing.T) {
	tests := []struct {
		name     string
		src      string
		html     string
		problems []Problem
		calls    []string
	}{
		{
			name:  "relative .md link rewritten",
			src:   "参见[议事协商](consultation.md)微课。",
			html:  "<p>参见<a href=\"/lectures/consultation/\">议事协商</a>微课。</p>\n",
			calls: []string{"consultation.md false"},
		},
		{
			name:  "fragment is passed and kept",
			src:   "参见[第二步](../lectures/consultation.md#第二步)。",
			html:  "<p>参见<a href=\"/lectures/consultation/#%E7%AC%AC%E4%BA%8C%E6%AD%A5\">第二步</a>。</p>\n",
			calls: []string{"../lectures/consultation.md#第二步 false"},
		},
		{
			name:  "image in the bundle",
			src:   "![加装后的电梯](photo.jpg \"新电梯\")",
			html:  "<p><img src=\"/cases/lift/photo.jpg\" alt=\"加装后的电梯\" title=\"新电梯\"></p>\n",
			calls: []string{"photo.jpg true"},
		},
		{
			name:  "reference-style link",
			src:   "由[张敏][zm]负责。\n\n[zm]: zhang-min.md\n",
			html:  "<p>由<a href=\"/workers/zhang-min/\">张敏</a>负责。</p>\n",
			calls: []string{"zhang-min.md false"},
		},
		{
			name: "external, fragment and absolute destinations are left alone",
			src:  "[官网](https://example.com/a.md) [邮件](mailto:a@example.com) [本节](#问题) [首页](/) [协议相对](//cdn.example.com/x.js)",
			html: "<p><a href=\"https://example.com/a.md\">官网</a> <a href=\"mailto:a@example.com\">邮件</a> " +
				"<a href=\"#%E9%97%AE%E9%A2%98\">本节</a> <a href=\"/\">首页</a> <a href=\"//cdn.example.com/x.js\">协议相对</a></p>\n",
		},
		{
			name: "unresolved link on line 3 after Chinese text",
			src:  "## 问题\n\n居民反映：详见[电梯事故](accident.md)。\n",
			html: "<h2 id=\"问题\">问题</h2>\n<p>居民反映：详见<a href=\"accident.md\">电梯事故</a>。</p>\n",
			problems: []Problem{
				{Line: 3, Col: 8, Err: errNotFound("accident.md")},
			},
			calls: []string{"accident.md false"},
		},
		{
			name: "unresolved image reported at its '!'",
			src:  "第一段。\n\n> 引用：![现场照片](missing.png)\n",
			html: "<p>第一段。</p>\n<blockquote>\n<p>引用：<img src=\"missing.png\" alt=\"现场照片\"></p>\n</blockquote>\n",
			problems: []Problem{
				{Line: 3, Col: 6, Err: errNotFound("missing.png")},
			},
			calls: []string{"missing.png true"},
		},
		{
			name: "problems in table and footnote",
			src:  "| 材料 | 链接 |\n|---|---|\n| 方案 | [下载](plan.pdf) |\n| 记录 | [会议纪要](minutes.md) |\n\n正文[^1]\n\n[^1]: 出处：[报告](report.md)\n",
			problems: []Problem{
				{Line: 4, Col: 8, Err: errNotFound("minutes.md")},
				{Line: 8, Col: 10, Err: errNotFound("report.md")},
			},
			calls: []string{"plan.pdf false", "minutes.md false", "report.md false"},
		},
	}
	c := New(Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var s siteResolver
			res := c.Convert([]byte(tt.src), s.resolve)
			if tt.html != "" && string(res.HTML) != tt.html {
				t.Errorf("HTML\n got %q\nwant %q", res.HTML, tt.html)
			}
			if !reflect.DeepEqual(res.Problems, tt.problems) {
				t.Errorf("Problems\n got %+v\nwant %+v", res.Problems, tt.problems)
			}
			if !reflect.DeepEqual(s.calls, tt.calls) {
				t.Errorf("resolver calls\n got %q\nwant %q", s.calls, tt.calls)
			}
		})
	}
}

func TestNilResolverLeavesLinks(t *testing.T) {
	res := New(Options{}).Convert([]byte("[议事协商](consultation.md) ![图](photo.jpg)"), nil)
	want := "<p><a href=\"consultation.md\">议事协商</a> <img src=\"photo.jpg\" alt=\"图\"></p>\n"
	if string(res.HTML) != want {
		t.Errorf("got %q, want %q", res.HTML, want)
	}
	if len(res.Problems) != 0 {
		t.Errorf("problems %+v", res.Problems)
	}
}

func TestResolverErrorKeepsDestination(t *testing.T) {
	notThere := errors.New("不存在")
	fail := func(string, bool) (string, error) { return "", notThere }
	res := New(Options{}).Convert([]byte("第一行\n第二行[链接](x.md)"), fail)
	if want := "<p>第一行第二行<a href=\"x.md\">链接</a></p>\n"; string(res.HTML) != want {
		t.Errorf("got %q, want %q", res.HTML, want)
	}
	if want := []Problem{{Line: 2, Col: 4, Err: notThere}}; !reflect.DeepEqual(res.Problems, want) {
		t.Errorf("got %+v, want %+v", res.Problems, want)
	}
}

func TestIsLocalDestination(t *testing.T) {
	tests := []struct {
		dest string
		want bool
	}{
		{"lift.md", true},
		{"../cases/lift.md#问题", true},
		{"photo.jpg", true},
		{"./plan.pdf", true},
		{"?page=2", true},
		{"", false},
		{"#问题", false},
		{"/cases/", false},
		{"//cdn.example.com/x", false},
		{"https://example.com", false},
		{"HTTP://EXAMPLE.COM", false},
		{"mailto:a@example.com", false},
		{"tel:12345", false},
		{"data:image/png;base64,xx", false},
	}
	for _, tt := range tests {
		t.Run(tt.dest, func(t *testing.T) {
			if got := IsLocalDestination([]byte(tt.dest)); got != tt.want {
				t.Errorf("IsLocalDestination(%q) = %v, want %v", tt.dest, got, tt.want)
			}
		})
	}
}
