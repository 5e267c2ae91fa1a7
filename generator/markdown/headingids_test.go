package markdown

import (
	"reflect"
	"testing"

	"github.com/yuin/goldmark/ast"
)

func TestHeadingIDs(t *testing.T) {
	tests := []struct {
		name string
		src  string
		html string
		want []Heading
	}{
		{
			name: "all Chinese",
			src:  "## 问题\n",
			html: "<h2 id=\"问题\">问题</h2>\n",
			want: []Heading{{Level: 2, ID: "问题", Text: "问题", Line: 1}},
		},
		{
			name: "mixed Chinese and English",
			src:  "## 解决方案 Solution 2\n",
			html: "<h2 id=\"解决方案-solution-2\">解决方案 Solution 2</h2>\n",
			want: []Heading{{Level: 2, ID: "解决方案-solution-2", Text: "解决方案 Solution 2", Line: 1}},
		},
		{
			name: "duplicates get a suffix",
			src:  "## 问题\n\n正文\n\n## 问题\n\n### 问题\n",
			html: "<h2 id=\"问题\">问题</h2>\n<p>正文</p>\n<h2 id=\"问题-1\">问题</h2>\n<h3 id=\"问题-2\">问题</h3>\n",
			want: []Heading{
				{Level: 2, ID: "问题", Text: "问题", Line: 1},
				{Level: 2, ID: "问题-1", Text: "问题", Line: 5},
				{Level: 3, ID: "问题-2", Text: "问题", Line: 7},
			},
		},
		{
			name: "full-width and ASCII punctuation dropped",
			src:  "## 第一步：「摸底」，走访。\n\n## Q&A: why?\n",
			html: "<h2 id=\"第一步摸底走访\">第一步：「摸底」，走访。</h2>\n<h2 id=\"qa-why\">Q&amp;A: why?</h2>\n",
			want: []Heading{
				{Level: 2, ID: "第一步摸底走访", Text: "第一步：「摸底」，走访。", Line: 1},
				{Level: 2, ID: "qa-why", Text: "Q&A: why?", Line: 3},
			},
		},
		{
			name: "markup and link destinations are not part of the id",
			src:  "## 见**[电梯案例](lift.md)**\n",
			html: "<h2 id=\"见电梯案例\">见<strong><a href=\"lift.md\">电梯案例</a></strong></h2>\n",
			want: []Heading{{Level: 2, ID: "见电梯案例", Text: "见电梯案例", Line: 1}},
		},
		{
			name: "h1 gets an id but is not listed",
			src:  "# 标题\n\n## 成效\n",
			html: "<h1 id=\"标题\">标题</h1>\n<h2 id=\"成效\">成效</h2>\n",
			want: []Heading{{Level: 2, ID: "成效", Text: "成效", Line: 3}},
		},
		{
			name: "only punctuation",
			src:  "## ……\n",
			html: "<h2 id=\"heading\">……</h2>\n",
			want: []Heading{{Level: 2, ID: "heading", Text: "……", Line: 1}},
		},
	}
	c := New(Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := c.Convert([]byte(tt.src), nil)
			if got := string(res.HTML); got != tt.html {
				t.Errorf("HTML\n got %q\nwant %q", got, tt.html)
			}
			if !reflect.DeepEqual(res.Headings, tt.want) {
				t.Errorf("Headings\n got %+v\nwant %+v", res.Headings, tt.want)
			}
		})
	}
}

func TestSlug(t *testing.T) {
	tests := []struct{ in, want string }{
		{"问题", "问题"},
		{"解决方案 Solution 2", "解决方案-solution-2"},
		{"  成效  ", "成效"},
		{"反思：下一步？", "反思下一步"},
		{"「楼栋议事」三步法", "楼栋议事三步法"},
		{"A -- B", "a-b"},
		{"２０２３年 ＡＢＣ", "2023年-abc"},
		{"step_one", "step_one"},
		{"电梯 🚀 加装", "电梯-加装"},
		{"？！", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := Slug(tt.in); got != tt.want {
				t.Errorf("Slug(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestIDsPutReserves(t *testing.T) {
	ids := NewIDs()
	ids.Put([]byte("问题"))
	if got := string(ids.Generate([]byte("问题"), ast.KindHeading)); got != "问题-1" {
		t.Errorf("after Put, Generate = %q, want 问题-1", got)
	}
	if got := string(ids.Generate([]byte("？"), ast.KindParagraph)); got != "id" {
		t.Errorf("empty non-heading id = %q, want id", got)
	}
}
