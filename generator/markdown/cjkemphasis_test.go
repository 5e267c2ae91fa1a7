package markdown

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/renderer/html"
)

func TestCJKEmphasis(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		// Chinese: CommonMark leaves all of these literal.
		{"strong around corner brackets", "这是**「重点」**内容", "<p>这是<strong>「重点」</strong>内容</p>\n"},
		{"strong ending in full-width colon", "**重点：**然后", "<p><strong>重点：</strong>然后</p>\n"},
		{"em around corner brackets", "*「强调」*文字", "<p><em>「强调」</em>文字</p>\n"},
		{"strong ending in full stop", "居民代表**签字同意。**随后开工。", "<p>居民代表<strong>签字同意。</strong>随后开工。</p>\n"},
		{"strong around parentheses", "加装电梯**（试点项目）**已完成", "<p>加装电梯<strong>（试点项目）</strong>已完成</p>\n"},
		{"strong around curly quotes", "大家称他为**“老娘舅”**调解员", "<p>大家称他为<strong>“老娘舅”</strong>调解员</p>\n"},
		{"strong around a link", "详见**[议事规则](rules.md)**一节", "<p>详见<strong><a href=\"rules.md\">议事规则</a></strong>一节</p>\n"},
		{"strong Latin inside Chinese", "使用**GitHub**管理", "<p>使用<strong>GitHub</strong>管理</p>\n"},
		{"strong half-width parens after Chinese", "楼栋议事会**(每月一次)**制度", "<p>楼栋议事会<strong>(每月一次)</strong>制度</p>\n"},
		{"underscore strong between Chinese", "社区__下划线__强调", "<p>社区<strong>下划线</strong>强调</p>\n"},
		{"underscore em between Chinese", "社区_居委会_牵头", "<p>社区<em>居委会</em>牵头</p>\n"},
		{"underscore strong before full-width colon", "__注意__：事项", "<p><strong>注意</strong>：事项</p>\n"},
		{"underscore after full-width colon", "注意：__注意事项__", "<p>注意：<strong>注意事项</strong></p>\n"},
		{"underscore in a file name stays", "文件名_v2_最终版.docx", "<p>文件名_v2_最终版.docx</p>\n"},
		{"strikethrough before full-width comma", "这是~~「删除」~~，然后", "<p>这是<del>「删除」</del>，然后</p>\n"},
		{"strikethrough between Chinese", "原计划~~「三月开工」~~推迟", "<p>原计划<del>「三月开工」</del>推迟</p>\n"},
		{"strikethrough around colon", "~~旧方案~~：~~新方案~~", "<p><del>旧方案</del>：<del>新方案</del></p>\n"},
		{"three tildes stay", "这是~~~删除~~~内容", "<p>这是~~~删除~~~内容</p>\n"},
		{"variation selector after ideograph", "葛󠄀**(正式写法)**城市", "<p>葛󠄀<strong>(正式写法)</strong>城市</p>\n"},

		// CommonMark behaviour without CJK text must not change.
		{"intraword star", "a*b*c", "<p>a<em>b</em>c</p>\n"},
		{"strong then word", "**foo**bar", "<p><strong>foo</strong>bar</p>\n"},
		{"intraword underscore", "foo_bar_baz", "<p>foo_bar_baz</p>\n"},
		{"underscore open inside word", "_foo_bar", "<p>_foo_bar</p>\n"},
		{"star before punctuation", "a**\"foo\"**", "<p>a**&quot;foo&quot;**</p>\n"},
		{"underscore before punctuation", "a__\"foo\"__", "<p>a__&quot;foo&quot;__</p>\n"},
		{"space inside", "** foo**", "<p>** foo**</p>\n"},
		{"nested strong", "__foo, __bar__, baz__", "<p><strong>foo, <strong>bar</strong>, baz</strong></p>\n"},
		{"rule of three", "*foo**bar**baz*", "<p><em>foo<strong>bar</strong>baz</em></p>\n"},
		{"strikethrough English", "~~gone~~ here", "<p><del>gone</del> here</p>\n"},
	}
	c := New(Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := string(c.Convert([]byte(tt.src), nil).HTML)
			if got != tt.want {
				t.Errorf("Convert(%q)\n got %q\nwant %q", tt.src, got, tt.want)
			}
		})
	}
}

func TestCJKUnderscoreOff(t *testing.T) {
	md := goldmark.New(goldmark.WithExtensions(NewCJKEmphasis(WithCJKUnderscore(false))))
	tests := []struct{ name, src, want string }{
		{"spec keeps intraword underscore", "社区__下划线__强调", "<p>社区__下划线__强调</p>\n"},
		{"punctuation side still works", "__注意__：事项", "<p><strong>注意</strong>：事项</p>\n"},
		{"stars unaffected", "这是**「重点」**内容", "<p>这是<strong>「重点」</strong>内容</p>\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := md.Convert([]byte(tt.src), &b); err != nil {
				t.Fatal(err)
			}
			if b.String() != tt.want {
				t.Errorf("got %q, want %q", b.String(), tt.want)
			}
		})
	}
}

// TestCommonMarkSpecUnchanged runs every example of the CommonMark spec that
// goldmark ships through goldmark with and without the CJK emphasis
// extension: the extension must not change any output for them.
func TestCommonMarkSpecUnchanged(t *testing.T) {
	if testing.Short() {
		t.Skip("reads the spec from the module cache")
	}
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/yuin/goldmark").Output()
	if err != nil {
		t.Skipf("cannot locate goldmark: %v", err)
	}
	raw, err := os.ReadFile(filepath.Join(strings.TrimSpace(string(out)), "_test", "spec.json"))
	if err != nil {
		t.Skipf("no spec examples: %v", err)
	}
	var examples []struct {
		Markdown string `json:"markdown"`
		Example  int    `json:"example"`
	}
	if err := json.Unmarshal(raw, &examples); err != nil {
		t.Fatal(err)
	}
	unsafe := goldmark.WithRendererOptions(html.WithUnsafe())
	plain := goldmark.New(unsafe, goldmark.WithExtensions(extension.Strikethrough))
	cjk := goldmark.New(unsafe, goldmark.WithExtensions(extension.Strikethrough, NewCJKEmphasis(WithCJKStrikethrough(true))))
	for _, ex := range examples {
		var a, b bytes.Buffer
		_ = plain.Convert([]byte(ex.Markdown), &a)
		_ = cjk.Convert([]byte(ex.Markdown), &b)
		if a.String() != b.String() {
			t.Errorf("example %d %q:\n goldmark %q\n cjk      %q", ex.Example, ex.Markdown, a.String(), b.String())
		}
	}
	if len(examples) < 600 {
		t.Errorf("only %d examples read", len(examples))
	}
}
