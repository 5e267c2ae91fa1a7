package markdown

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestComplexityRefusals: each shape that makes the parser work far beyond
// the text's length is refused where it starts, before it is converted.
func TestComplexityRefusals(t *testing.T) {
	conv := New(Options{})
	intro := "## 问题\n\n七楼的宋爹爹两年没有下过楼。\n\n"
	for _, tt := range []struct {
		name, src string
		line      int
		want      string
	}{
		{"quotes in quotes", intro + strings.Repeat(">", 33) + " 引用\n", 5, "嵌套超过了 32 层"},
		{"lists in lists", intro + strings.Repeat("- ", 33) + "项\n", 5, "嵌套超过了 32 层"},
		{"quotes and lists", intro + strings.Repeat("- > ", 17) + "项\n", 5, "嵌套超过了 32 层"},
		{"ordered lists", intro + strings.Repeat("1. ", 33) + "项\n", 5, "嵌套超过了 32 层"},
		{"indentation", intro + "- 项\n" + strings.Repeat(" ", 4*33) + "- 项\n", 6, "嵌套超过了 32 层"},
		{"links never closed", intro + strings.Repeat("[a](", 3000), 5, "这一段有 3000 个"},
		{"images never closed", intro + strings.Repeat("![a](", 3000), 5, "这一段有 3000 个"},
		{"brackets", intro + "正文\n\n" + strings.Repeat("[", 6000), 7, "这一段有 6000 个"},
		{"links in a quote", intro + strings.Repeat("> [a](\n", 3000), 5, "这一段有 3000 个"},
		{"numbers that continue a paragraph", intro + "正文\n" + strings.Repeat("2. [a](\n", 3000), 5, "这一段有 3000 个"},
		{"emphasis", intro + strings.Repeat("*a", 100_001), 1, "100001 个 * _ ~ [ < `"},
		{"strikethrough and CJK emphasis", intro + strings.Repeat("~~「重点」~~", 25_001), 1, "100004 个"},
		{"autolinks", intro + strings.Repeat("www.a.cn ", 50_001) + strings.Repeat("http://a ", 50_000), 1, "100001 个"},
		{"raw HTML", intro + strings.Repeat("<b>x</b>", 50_001), 1, "100002 个"},
		{"code spans", intro + strings.Repeat("`a``", 33_334), 1, "100002 个"},
		{"footnote references", intro + strings.Repeat("[^1]", 100_001) + "\n\n[^1]: 注\n", 1, "100002 个"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res := conv.Convert([]byte(tt.src), nil)
			if !res.Refused || len(res.Problems) != 1 || res.Problems[0].Line != tt.line || !strings.Contains(res.Problems[0].Err.Error(), tt.want) {
				t.Errorf("refused %v, problems %+v; want one at line %d holding %q", res.Refused, res.Problems, tt.line, tt.want)
			}
		})
	}
	for _, tt := range []struct{ name, src string }{
		{"32 levels", strings.Repeat(">", 32) + " 引用\n"},
		{"code", "```\n" + strings.Repeat("[a](", 20000) + "\n```\n"},
		{"a long list of links", strings.Repeat("- [案例](../cases/lift.md)\n", 5000)},
		{"a long table of links", "| 案例 | 说明 |\n|---|---|\n" + strings.Repeat("| [加装电梯](../cases/lift.md) | <b>x</b> |\n", 5000)},
		{"many paragraphs with links", strings.Repeat("社区工作者在[议事](a.md)中听取了居民的意见，形成了方案。\n\n", 20000)},
		{"one long paragraph with links", strings.Repeat("社区工作者在[议事协商](../lectures/steps.md)之后形成了方案（第二稿）。\n", 20000)},
		{"brackets escaped", strings.Repeat("\\[a](", 20000)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if res := conv.Convert([]byte(tt.src), nil); res.Refused {
				t.Errorf("refused: %+v", res.Problems)
			}
		})
	}
}

// TestComplexityOfTheLibrary: no page of the sample library comes near a
// limit.
func TestComplexityOfTheLibrary(t *testing.T) {
	n := 0
	filepath.WalkDir(filepath.Join("..", "..", "content"), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		n++
		if pr := tooComplex(b); pr != nil {
			t.Errorf("%s: %+v", p, pr)
		}
		return nil
	})
	if n < 50 {
		t.Fatalf("read %d pages of the sample library", n)
	}
}
