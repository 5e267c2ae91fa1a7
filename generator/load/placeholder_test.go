package load_test

import (
	"testing"

	"github.com/jianghan-district/jianghan/generator"
	"github.com/jianghan-district/jianghan/generator/load"
	"github.com/jianghan-district/jianghan/internal/msg"
)

// A page fresh from an archetype says 待填写 where a trainer has still to
// write; check gives it one warning, not an error for each field.
func TestPlaceholders(t *testing.T) {
	runChecks(t, []checkCase{
		{
			name: "a fresh case",
			files: map[string]string{"content/cases/lift.md": file(
				"---",
				"# 街道（必填）：从这些里选一个：民族街道、水塔街道",
				"title: 待填写：这个案例的标题",
				"street: 待填写",
				"topics: [待填写]",
				"methods: []",
				"summary: 待填写",
				"---",
				"",
				"## 问题",
				"",
				"（待填写：居民遇到了什么问题？）",
				"",
				"## 解决方案",
				"",
				"（社区工作者做了什么？）",
			)},
			want: []string{
				"content/cases/lift.md:3:8: 提醒：这一页还有 5 处待填写（title、street、topics、summary和正文第 12 行）：填好后这条提醒就会消失",
			},
		},
		{
			name: "a fresh course",
			files: map[string]string{"content/courses/basics.md": file(
				"---",
				"title: 待填写：这门课程的名称",
				"lessons:",
				"  - 待填写：lectures/微课的名字",
				"  - 待填写：cases/案例的名字",
				"---",
				"",
				"课程介绍。",
			)},
			want: []string{
				"content/courses/basics.md:2:8: 提醒：这一页还有 3 处待填写（title和lessons）：填好后这条提醒就会消失",
			},
		},
		{
			name: "a fresh lecture keeps the values that must be right unwritten",
			files: map[string]string{"content/lectures/steps.md": file(
				"---",
				"title: 议事协商的六个步骤",
				"duration: 待填写",
				"date: 待填写",
				"summary: 六个步骤。",
				"---",
				"",
				"正文。",
			)},
			want: []string{
				"content/lectures/steps.md:3:11: 提醒：这一页还有 2 处待填写（duration和date）：填好后这条提醒就会消失",
			},
		},
		{
			name: "a filled-in page has no warning, and a wrong value is still an error",
			files: map[string]string{"content/cases/lift.md": file(
				"---",
				"title: 加装电梯",
				"street: 民族街",
				"topics: [居民自治]",
				"summary: 高低层住户达成一致。",
				"---",
			) + caseBody},
			want: []string{
				"content/cases/lift.md:3:9: 街道「民族街」不在 site.yaml 的街道列表里，是不是「民族街道」？",
			},
		},
	})
	got, site, _ := check(t, generator.Options{}, map[string]string{"content/cases/lift.md": file(
		"---",
		"title: 待填写：这个案例的标题",
		"street: 待填写",
		"topics: [待填写, 居民自治]",
		"summary: 待填写",
		"---",
	) + caseBody})
	if len(got) != 1 {
		t.Errorf("want one warning, got %q", got)
	}
	c := site.Cases[0]
	if c.Title != "待填写：这个案例的标题" || c.Street != "" || len(c.Topics) != 1 || c.Topics[0] != "居民自治" || c.Unfilled != 4 {
		t.Errorf("a placeholder made its way into a value that files the page: %q %q %q (%d unfilled)", c.Title, c.Street, c.Topics, c.Unfilled)
	}
}

func TestDurations(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"15m", "15m", true}, {"1h10m", "1h10m", true},
		{"15分钟", "15m", true}, {"15 分钟", "15m", true}, {"1小时10分钟", "1h10m", true},
		{"1小时", "1h", true}, {"90分", "90m", true},
		{"十五分钟", "十五分钟", false}, {"0分钟", "0分钟", false}, {"-5m", "-5m", false}, {"", "", false},
	}
	for _, tt := range tests {
		got, ok := load.ParseDuration(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("ParseDuration(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

// The theme block of site.yaml: each value checked where it is written.
func TestThemeBlock(t *testing.T) {
	okCase := file(
		"---",
		"title: 加装电梯",
		"street: 水塔街道",
		"topics: [居民自治]",
		"summary: 高低层住户达成一致。",
		"---",
	) + caseBody
	runChecks(t, []checkCase{
		{
			name: "a good theme block",
			files: map[string]string{
				"content/site.yaml":           siteYAML + "theme:\n  color: \"#8B1A1A\"\n  logo: img/logo.svg\n  footer: 江汉区民政局 主办\n",
				"content/static/img/logo.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
				"content/cases/lift.md":       okCase,
			},
		},
		{
			name: "mistakes in the theme block",
			files: map[string]string{
				"content/site.yaml": siteYAML + file(
					"theme:",
					"  color: 红色",
					"  logo: logo.pdf",
					"  colour: \"#000\"",
				),
				"content/cases/lift.md": okCase,
			},
			want: []string{
				"content/site.yaml:6:10: 颜色「红色」看不懂：写成 # 加 6 位十六进制数字，例如 \"#0b5d4b\"（要加引号）",
				"content/site.yaml:7:9: logo「logo.pdf」要是一张图片（.svg、.png、.jpg 或 .webp）",
				"content/site.yaml:8:3: theme 里没有「colour」这项设置：可用的有 color, logo, footer，是不是「color」？",
			},
		},
		{
			name: "a logo that is not there and a colour too light",
			files: map[string]string{
				"content/site.yaml":       siteYAML + "theme:\n  color: \"#ffe58a\"\n  logo: logo.png\n",
				"content/static/logo.svg": "<svg/>",
				"content/cases/lift.md":   okCase,
			},
			want: []string{
				"content/site.yaml:6:10: 提醒：颜色「#ffe58a」太浅，标题栏上的白字会看不清：选一个深一点的颜色",
				"content/site.yaml:7:9: logo「logo.png」不在 content/static/ 里：把图片放到 content/static/logo.png，是不是「logo.svg」？",
			},
		},
		{
			name: "theme that is not a block",
			files: map[string]string{
				"content/site.yaml":     siteYAML + "theme: 红色\n",
				"content/cases/lift.md": okCase,
			},
			want: []string{
				"content/site.yaml:5:8: theme 下面要写设置，例如 `color: \"#0b5d4b\"`",
			},
		},
	})
	_, site, _ := check(t, generator.Options{}, map[string]string{
		"content/site.yaml":     siteYAML + "theme:\n  color: \"#8B1A1A\"\n  footer: 江汉区民政局 主办\n",
		"content/cases/lift.md": okCase,
	})
	if th := site.Config.Theme; th.Color != "#8b1a1a" || th.Footer != "江汉区民政局 主办" || th.Dark() == "" {
		t.Errorf("theme read as %+v", th)
	}
}

// The same checks speak English on request, with the same places.
func TestEnglishDiagnostics(t *testing.T) {
	msg.SetLang(msg.En)
	defer msg.SetLang(msg.Zh)
	runChecks(t, []checkCase{{
		name: "street and unknown field",
		files: map[string]string{"content/cases/lift.md": file(
			"---",
			"title: 加装电梯",
			"street: 民族街",
			"topic: [居民自治]",
			"summary: 高低层住户达成一致。",
			"---",
		) + caseBody},
		want: []string{
			"content/cases/lift.md:1:1: a case needs at least one topic: add `topics: [居民自治]` from site.yaml topics",
			`content/cases/lift.md:3:9: street "民族街" is not in site.yaml streets (did you mean "民族街道"?)`,
			`content/cases/lift.md:4:1: Cases front matter has no field "topic" (did you mean "topics"?)`,
		},
	}, {
		name: "placeholder",
		files: map[string]string{"content/cases/lift.md": file(
			"---",
			"title: 加装电梯",
			"street: 待填写",
			"topics: [居民自治]",
			"summary: 高低层住户达成一致。",
			"---",
		) + caseBody},
		want: []string{
			"content/cases/lift.md:3:9: warning: this page still has 1 places marked 待填写 (street): fill them in and this warning goes",
		},
	}})
}
