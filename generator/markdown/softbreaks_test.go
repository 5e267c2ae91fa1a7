package markdown

import "testing"

func TestSoftLineBreaks(t *testing.T) {
	tests := []struct {
		name, src, want, text string
	}{
		{"between Chinese characters", "第一行\n第二行", "<p>第一行第二行</p>\n", "第一行第二行"},
		{"English keeps the break", "hello\nworld", "<p>hello\nworld</p>\n", "hello world"},
		{"after an English comma", "hello,\nworld", "<p>hello,\nworld</p>\n", "hello, world"},
		{"after a full-width comma", "高低楼层住户意见对立，\n社区组织楼栋议事。", "<p>高低楼层住户意见对立，社区组织楼栋议事。</p>\n", "高低楼层住户意见对立，社区组织楼栋议事。"},
		{"after full-width punctuation before Latin", "我们使用了，\nWeChat 群", "<p>我们使用了，WeChat 群</p>\n", "我们使用了，WeChat 群"},
		{"Chinese then Latin", "使用\nGitHub", "<p>使用\nGitHub</p>\n", "使用 GitHub"},
		{"before strong", "第一行\n**第二行**", "<p>第一行<strong>第二行</strong></p>\n", "第一行第二行"},
		{"after strong", "**第一行**\n第二行", "<p><strong>第一行</strong>第二行</p>\n", "第一行第二行"},
		{"before a link", "详见\n[议事规则](rules.md)", "<p>详见<a href=\"rules.md\">议事规则</a></p>\n", "详见议事规则"},
		{"English before code keeps the break", "run\n`go build`", "<p>run\n<code>go build</code></p>\n", "run go build"},
		{"English before emphasis keeps the break", "see\n*this*", "<p>see\n<em>this</em></p>\n", "see this"},
		{"hard break stays", "第一行\\\n第二行", "<p>第一行<br>\n第二行</p>\n", "第一行\n第二行"},
		{"three lines", "社区\n居民\n代表", "<p>社区居民代表</p>\n", "社区居民代表"},
	}
	c := New(Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := c.Convert([]byte(tt.src), nil)
			if got := string(res.HTML); got != tt.want {
				t.Errorf("HTML of %q\n got %q\nwant %q", tt.src, got, tt.want)
			}
			if res.Text != tt.text {
				t.Errorf("Text of %q\n got %q\nwant %q", tt.src, res.Text, tt.text)
			}
		})
	}
}

func TestJoinsLines(t *testing.T) {
	tests := []struct {
		a, b      rune
		punctJoin bool
		want      bool
	}{
		{'行', '第', true, true},
		{'，', '社', false, true}, // full-width comma is CJK itself
		{'，', 'E', true, true},
		{'，', 'E', false, false},
		{'o', 'w', true, false},
		{',', 'w', true, false},
		{'문', '장', true, false}, // Korean separates words with spaces
		{'a', '\u200b', true, true},
	}
	for _, tt := range tests {
		if got := joinsLines(tt.a, tt.b, tt.punctJoin); got != tt.want {
			t.Errorf("joinsLines(%q, %q, %v) = %v, want %v", tt.a, tt.b, tt.punctJoin, got, tt.want)
		}
	}
}
