package markdown

import (
	"bytes"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"
)

func TestRender(t *testing.T) {
	tests := []struct {
		name   string
		unsafe bool
		src    string
		want   string
	}{
		{
			name: "raw HTML block omitted",
			src:  "<div class=\"note\">提示</div>\n\n正文",
			want: "<!-- raw HTML omitted -->\n<p>正文</p>\n",
		},
		{
			name: "inline raw HTML omitted",
			src:  "居民<script>alert(1)</script>代表",
			want: "<p>居民<!-- raw HTML omitted -->alert(1)<!-- raw HTML omitted -->代表</p>\n",
		},
		{
			name:   "raw HTML passed with Unsafe",
			unsafe: true,
			src:    "<div class=\"note\">提示</div>\n\n居民<kbd>Ctrl</kbd>代表",
			want:   "<div class=\"note\">提示</div>\n<p>居民<kbd>Ctrl</kbd>代表</p>\n",
		},
		{
			name: "javascript URL dropped when safe",
			src:  "[点我](javascript:alert(1))",
			want: "<p><a href=\"\">点我</a></p>\n",
		},
		{
			name: "task list",
			src:  "- [ ] 摸底走访\n- [x] 召开楼栋议事会\n",
			want: "<ul>\n<li><input disabled=\"\" type=\"checkbox\"> 摸底走访</li>\n" +
				"<li><input checked=\"\" disabled=\"\" type=\"checkbox\"> 召开楼栋议事会</li>\n</ul>\n",
		},
		{
			name: "table",
			src:  "| 楼层 | 同意户数 |\n|:---|---:|\n| 一至三层 | 4 |\n| 四至七层 | **12** |\n",
			want: "<table>\n<thead>\n<tr>\n<th style=\"text-align:left\">楼层</th>\n<th style=\"text-align:right\">同意户数</th>\n</tr>\n</thead>\n" +
				"<tbody>\n<tr>\n<td style=\"text-align:left\">一至三层</td>\n<td style=\"text-align:right\">4</td>\n</tr>\n" +
				"<tr>\n<td style=\"text-align:left\">四至七层</td>\n<td style=\"text-align:right\"><strong>12</strong></td>\n</tr>\n</tbody>\n</table>\n",
		},
		{
			name: "footnote",
			src:  "费用由居民分摊[^1]。\n\n[^1]: 按楼层系数计算。\n",
			want: "<p>费用由居民分摊<sup id=\"fnref:1\"><a href=\"#fn:1\" class=\"footnote-ref\" role=\"doc-noteref\">1</a></sup>。</p>\n" +
				"<div class=\"footnotes\" role=\"doc-endnotes\">\n<hr>\n<ol>\n<li id=\"fn:1\">\n" +
				"<p>按楼层系数计算。&#160;<a href=\"#fnref:1\" class=\"footnote-backref\" role=\"doc-backlink\">&#x21a9;&#xfe0e;</a></p>\n" +
				"</li>\n</ol>\n</div>\n",
		},
		{
			name: "quotes stay as written (no typographer)",
			src:  "他说：\"可以\"，她说：“不行”。--- 'ok'...",
			want: "<p>他说：&quot;可以&quot;，她说：“不行”。--- 'ok'...</p>\n",
		},
		{
			name: "autolink",
			src:  "访问 https://example.com/a 或 www.example.org 了解",
			want: "<p>访问 <a href=\"https://example.com/a\">https://example.com/a</a> 或 <a href=\"http://www.example.org\">www.example.org</a> 了解</p>\n",
		},
		{
			name: "escaped space vanishes",
			src:  "中文\\ **强调**",
			want: "<p>中文<strong>强调</strong></p>\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := string(New(Options{Unsafe: tt.unsafe}).Convert([]byte(tt.src), nil).HTML)
			if got != tt.want {
				t.Errorf("Convert(%q)\n got %q\nwant %q", tt.src, got, tt.want)
			}
		})
	}
}

const caseBody = `社区共有七层老楼十二栋，均无电梯。

## 问题

高低楼层住户意见对立：
低层住户担心**采光与噪音**，高层住户急需出行便利。

## 解决方案

1. 方案比选：设计单位提供三套方案。
2. 楼栋议事：每栋楼召开[议事会](consultation.md)。

## 成效

- [x] 十二栋全部签字
`

func TestSections(t *testing.T) {
	res := New(Options{}).Convert([]byte(caseBody), nil)

	type sec struct {
		Heading Heading
		HTML    string
		Text    string
	}
	want := []sec{
		{
			HTML: "<p>社区共有七层老楼十二栋，均无电梯。</p>\n",
			Text: "社区共有七层老楼十二栋，均无电梯。",
		},
		{
			Heading: Heading{Level: 2, ID: "问题", Text: "问题", Line: 3},
			HTML:    "<p>高低楼层住户意见对立：低层住户担心<strong>采光与噪音</strong>，高层住户急需出行便利。</p>\n",
			Text:    "高低楼层住户意见对立：低层住户担心采光与噪音，高层住户急需出行便利。",
		},
		{
			Heading: Heading{Level: 2, ID: "解决方案", Text: "解决方案", Line: 8},
			HTML: "<ol>\n<li>方案比选：设计单位提供三套方案。</li>\n" +
				"<li>楼栋议事：每栋楼召开<a href=\"consultation.md\">议事会</a>。</li>\n</ol>\n",
			Text: "方案比选：设计单位提供三套方案。\n楼栋议事：每栋楼召开议事会。",
		},
		{
			Heading: Heading{Level: 2, ID: "成效", Text: "成效", Line: 13},
			HTML:    "<ul>\n<li><input checked=\"\" disabled=\"\" type=\"checkbox\"> 十二栋全部签字</li>\n</ul>\n",
			Text:    "十二栋全部签字",
		},
	}
	var got []sec
	for _, s := range res.Sections {
		got = append(got, sec{s.Heading, string(s.HTML), s.Text})
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Sections\n got %+v\nwant %+v", got, want)
	}

	t.Run("whole body is the sections with their headings", func(t *testing.T) {
		var b strings.Builder
		for _, s := range res.Sections {
			if s.Heading.ID != "" {
				fmt.Fprintf(&b, "<h2 id=\"%s\">%s</h2>\n", s.Heading.ID, s.Heading.Text)
			}
			b.WriteString(s.HTML)
		}
		if b.String() != string(res.HTML) {
			t.Errorf("joined sections\n%q\n!= HTML\n%q", b.String(), res.HTML)
		}
	})
	t.Run("whole text", func(t *testing.T) {
		want := "社区共有七层老楼十二栋，均无电梯。\n问题\n高低楼层住户意见对立：低层住户担心采光与噪音，高层住户急需出行便利。\n" +
			"解决方案\n方案比选：设计单位提供三套方案。\n楼栋议事：每栋楼召开议事会。\n成效\n十二栋全部签字"
		if res.Text != want {
			t.Errorf("Text\n got %q\nwant %q", res.Text, want)
		}
	})
}

func TestSectionsEdgeCases(t *testing.T) {
	tests := []struct {
		name  string
		src   string
		count int
		lead  string
	}{
		{"empty body", "", 1, ""},
		{"no level-2 heading", "只有一段。\n\n### 小节\n", 1, "<p>只有一段。</p>\n<h3 id=\"小节\">小节</h3>\n"},
		{"starts with a heading", "## 问题\n\n内容\n", 2, ""},
		{"h2 in a blockquote does not split", "> ## 引用标题\n\n正文\n", 1, "<blockquote>\n<h2 id=\"引用标题\">引用标题</h2>\n</blockquote>\n<p>正文</p>\n"},
		{"footnotes go in the last section", "## 甲\n\n一[^a]\n\n## 乙\n\n二\n\n[^a]: 注。\n", 3, ""},
	}
	c := New(Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := c.Convert([]byte(tt.src), nil)
			if len(res.Sections) != tt.count {
				t.Fatalf("%d sections, want %d", len(res.Sections), tt.count)
			}
			if got := string(res.Sections[0].HTML); got != tt.lead {
				t.Errorf("lead %q, want %q", got, tt.lead)
			}
			if res.Sections[0].Heading != (Heading{}) {
				t.Errorf("lead heading %+v, want zero", res.Sections[0].Heading)
			}
		})
	}
	t.Run("footnote list placement", func(t *testing.T) {
		res := c.Convert([]byte("## 甲\n\n一[^a]\n\n## 乙\n\n二\n\n[^a]: 注。\n"), nil)
		if !strings.Contains(res.Sections[2].HTML, `<div class="footnotes"`) {
			t.Errorf("last section lacks the footnotes: %q", res.Sections[2].HTML)
		}
		if res.Sections[2].Text != "二\n注。" {
			t.Errorf("last section text %q", res.Sections[2].Text)
		}
	})
}

func TestText(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"entities and escapes", "A&amp;B \\*不是强调\\* &#20013;", "A&B *不是强调* 中"},
		{"code span and block", "运行 `make  build`\n\n```\n第一行\n第二行\n```\n", "运行 make  build\n第一行\n第二行"},
		{"image alt text", "![加装后的电梯](photo.jpg)", "加装后的电梯"},
		{"raw HTML dropped", "居民<b>代表</b>", "居民代表"},
		{"thematic break", "上\n\n---\n\n下", "上\n下"},
		{"nested list", "- 一\n  - 二\n- 三", "一\n二\n三"},
	}
	c := New(Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := c.Convert([]byte(tt.src), nil).Text; got != tt.want {
				t.Errorf("Text of %q\n got %q\nwant %q", tt.src, got, tt.want)
			}
		})
	}
}

func TestPosition(t *testing.T) {
	src := []byte("第一行\n\n居民反映：详见[x](y)\r\nabc")
	var li lineIndex
	tests := []struct{ off, line, col int }{
		{0, 1, 1},
		{len("第一"), 1, 3},
		{len("第一行\n"), 2, 1},
		{bytes.IndexByte(src, '['), 3, 8},
		{bytes.IndexByte(src, 'b'), 4, 2},
		{len(src), 4, 4},
	}
	for _, tt := range tests {
		line, col := li.position(src, tt.off)
		if line != tt.line || col != tt.col {
			t.Errorf("position(%d) = %d:%d, want %d:%d", tt.off, line, col, tt.line, tt.col)
		}
	}
}

func TestConcurrentConvert(t *testing.T) {
	c := New(Options{})
	docs := []string{caseBody, benchBody, "这是**「重点」**内容\n\n## 问题\n\n## 问题\n", "[坏链接](missing.md)"}
	resolve := func(dest string, image bool) (string, error) {
		if strings.HasPrefix(dest, "missing") {
			return "", fmt.Errorf("%s 不存在", dest)
		}
		return "/x/" + dest, nil
	}
	want := make([]*Result, len(docs))
	for i, d := range docs {
		want[i] = c.Convert([]byte(d), resolve)
	}
	var wg sync.WaitGroup
	errs := make(chan string, 64)
	for g := range 32 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 20 {
				k := (g + i) % len(docs)
				got := c.Convert([]byte(docs[k]), resolve)
				if !reflect.DeepEqual(got, want[k]) {
					select {
					case errs <- fmt.Sprintf("goroutine %d doc %d differs", g, k):
					default:
					}
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

// benchBody is a case of about 1500 characters (runes) with the usual mix: headings,
// emphasis next to full-width punctuation, links, a list, a table.
var benchBody = func() string {
	var b strings.Builder
	b.WriteString("水塔街道某某社区有七层老楼十二栋，建于上世纪八十年代，均未安装电梯。\n老年居民占比超过三成，**出行难**成为居民反映最集中的问题。\n\n")
	b.WriteString("## 问题\n\n")
	for i := range 4 {
		fmt.Fprintf(&b, "第%d次走访中，高层住户表示**「每天上下楼都是负担」**，低层住户则担心采光、噪音和费用分摊。\n", i+1)
		b.WriteString("双方在楼栋群里争执不下，*“加装电梯”*一度成为敏感话题，社区工作者[张敏](zhang-min.md)多次上门沟通。\n\n")
	}
	b.WriteString("## 解决方案\n\n")
	for i := range 5 {
		fmt.Fprintf(&b, "%d. 第%d步：召开楼栋议事会，邀请设计单位讲解方案，由居民投票比选；详见[议事协商](../lectures/consultation.md#第%d步)。\n", i+1, i+1, i+1)
	}
	b.WriteString("\n| 楼层 | 分摊系数 | 同意户数 |\n|---|---|---|\n| 一层 | 0 | 2 |\n| 二至四层 | 0.8 | 6 |\n| 五至七层 | 1.2 | 6 |\n\n")
	b.WriteString("## 成效\n\n")
	for range 4 {
		b.WriteString("十二栋楼全部完成签字，首批四部电梯已于去年年底投入使用，居民满意度明显提升。~~原定的三月开工~~推迟到五月，但没有一户反对。\n")
	}
	b.WriteString("\n![电梯投入使用](photo.jpg)\n\n## 反思\n\n")
	b.WriteString("回头看，分歧的根源不在电梯本身，而在于**信息不对称**：低层住户不了解补偿办法，高层住户不了解低层的顾虑。\n")
	b.WriteString("社区把方案、费用和时间表公开在楼道公告栏和[居民群](https://example.com/group)里，\n让每一户都能算清自己的账，这是议事能够达成一致的前提。[^1]\n\n")
	b.WriteString("[^1]: 参见《老旧小区加装电梯工作指引》。\n")
	return b.String()
}()

func BenchmarkConvert(b *testing.B) {
	c := New(Options{})
	src := []byte(benchBody)
	resolve := func(dest string, image bool) (string, error) { return "/x/" + dest, nil }
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		c.Convert(src, resolve)
	}
	b.ReportMetric(float64(utf8.RuneCount(src)), "chars/doc")
}
