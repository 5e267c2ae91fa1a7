package link_test

import (
	"strings"
	"testing"

	"github.com/jianghan-district/jianghan/generator"
	"github.com/jianghan-district/jianghan/generator/model"
	"github.com/jianghan-district/jianghan/internal/checktest"
)

// The fixtures and the check runner are shared with the other checks' tests.
var (
	file      = checktest.File
	check     = checktest.Check
	sameLines = checktest.SameLines
)

const (
	siteYAML = checktest.SiteYAML
	caseBody = checktest.CaseBody
)

// The checks that need the whole site — references, Markdown links and
// images, a case's sections, warnings, drafts — each with a tiny site holding
// the bad input and the exact diagnostics `jianghan check` prints for it: a
// test fails if the line, the column or the wording changes.

// aCase is a valid case with extra front matter lines from line 5 on.
func aCase(extra ...string) string {
	lines := append([]string{
		"---",
		"title: 加装电梯",
		"street: 水塔街道",
		"topics: [居民自治]",
	}, extra...)
	lines = append(lines, "summary: 高低层住户达成一致。", "---")
	return file(lines...) + caseBody
}

// page is a page of any kind with the given front matter lines (from line 2
// on) and a one-line body.
func page(fm ...string) string {
	return file(append(append([]string{"---"}, fm...), "---", "", "正文。")...)
}

type checkCase struct {
	name  string
	files map[string]string
	want  []string
	// errors is whether the diagnostics stop publication.
	errors bool
}

func runChecks(t *testing.T, tests []checkCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _, diags := check(t, generator.Options{}, tt.files)
			sameLines(t, got, tt.want)
			if diags.HasErrors() != tt.errors {
				t.Errorf("HasErrors() = %v, want %v", diags.HasErrors(), tt.errors)
			}
		})
	}
}

func TestReferences(t *testing.T) {
	const lift = "content/cases/lift.md"
	zhangMin := page("title: 张敏")
	steps := page("title: 议事协商五步法", "summary: 五个步骤。")
	runChecks(t, []checkCase{
		{
			name: "workers and lectures slugs that do not exist",
			files: map[string]string{
				"content/workers/zhang-min.md":           zhangMin,
				"content/workers/li-jing.md":             page("title: 李静", "weight: 2"),
				"content/lectures/consultation-steps.md": steps,
				lift: aCase(
					"workers:",
					"  - zhang-min",
					"  - li-jin",
					"lectures: [consultation-step]",
				),
			},
			want: []string{
				"content/cases/lift.md:7:5: workers 里写了「li-jin」，但是没有 content/workers/li-jin.md，是不是「li-jing」？",
				"content/cases/lift.md:8:12: lectures 里写了「consultation-step」，但是没有 content/lectures/consultation-step.md，是不是「consultation-steps」？",
				"content/workers/li-jing.md:1:1: 提醒：还没有哪个案例、微课或操作指南提到李静：在他们参与的页面上加 `workers: [li-jing]`",
			},
			errors: true,
		},
		{
			name: "a lecture's cases slug that does not exist",
			files: map[string]string{
				lift: aCase(),
				"content/lectures/steps.md": page(
					"title: 议事协商五步法",
					"summary: 五个步骤。",
					"cases: [lift, 加装电梯]",
				),
			},
			want: []string{
				"content/lectures/steps.md:4:15: cases 里写了「加装电梯」，但是没有 content/cases/加装电梯.md",
			},
			errors: true,
		},
		{
			name: "course lessons that do not exist or are of the wrong kind",
			files: map[string]string{
				lift:                           aCase("workers: [zhang-min]"),
				"content/workers/zhang-min.md": zhangMin,
				"content/lectures/steps.md":    steps,
				"content/courses/basics.md": page(
					"title: 新任社区工作者入门",
					"lessons:",
					"  - lectures/steps",
					"  - cases/lfit",
					"  - workers/zhang-min",
					"  - lift",
					"  - cases/lift.md",
				),
			},
			want: []string{
				"content/courses/basics.md:5:5: 课程里的「cases/lfit」不存在：没有 content/cases/lfit.md，是不是「cases/lift」？",
				"content/courses/basics.md:6:5: 课程里的「workers/zhang-min」要写成 cases/SLUG、lectures/SLUG 或 guides/SLUG",
				"content/courses/basics.md:7:5: 课程里的「lift」要写成 cases/SLUG、lectures/SLUG 或 guides/SLUG",
			},
			errors: true,
		},
		{
			name: "video not in the bundle",
			files: map[string]string{
				"content/lectures/steps/index.md": page(
					"title: 议事协商五步法",
					"summary: 五个步骤。",
					"video: steps.mp4",
				),
				"content/lectures/steps/step.mp4": "video",
			},
			want: []string{
				"content/lectures/steps/index.md:4:8: video「steps.mp4」不在页面的文件夹里：把文件放到 content/lectures/steps/steps.mp4，是不是「step.mp4」？",
			},
			errors: true,
		},
		{
			name: "photo on a single-file page",
			files: map[string]string{
				lift: aCase("workers: [zhang-min]"),
				"content/workers/zhang-min.md": page(
					"title: 张敏",
					"photo: 张敏.jpg",
				),
			},
			want: []string{
				"content/workers/zhang-min.md:3:8: photo「张敏.jpg」要和页面放在一个文件夹里：把这一页移到 content/workers/zhang-min/index.md，把 张敏.jpg 放在它旁边",
			},
			errors: true,
		},
		{
			name: "video and photo in their bundles",
			files: map[string]string{
				lift: aCase("workers: [zhang-min]", "lectures: [steps]"),
				"content/lectures/steps/index.md": page(
					"title: 议事协商五步法",
					"summary: 五个步骤。",
					"video: steps.mp4",
				),
				"content/lectures/steps/steps.mp4": "video",
				"content/workers/zhang-min/index.md": page(
					"title: 张敏",
					"photo: 张敏.jpg",
				),
				"content/workers/zhang-min/张敏.jpg": "jpg",
			},
		},
	})
}

func TestMarkdown(t *testing.T) {
	const lift = "content/cases/lift.md"
	runChecks(t, []checkCase{
		{
			name: "links to missing files, at their file line and column",
			files: map[string]string{
				"content/handbook/roles.md": page("title: 社区工作者的角色"),
				lift: file(
					"---",
					"title: 加装电梯",
					"street: 水塔街道",
					"topics: [居民自治]",
					"summary: 高低层住户达成一致。",
					"---",
					"",
					"## 问题",
					"",
					"七层老楼没有电梯，参见[停车难](parking.md)。",
					"",
					"## 解决方案",
					"",
					"- 第一步：见《手册》[议事规则](../handbook/rules.md#议事)",
				),
			},
			want: []string{
				"content/cases/lift.md:10:12: 链接「parking.md」指向的文件不存在：没有 content/cases/parking.md",
				"content/cases/lift.md:14:12: 链接「../handbook/rules.md#议事」指向的文件不存在：没有 content/handbook/rules.md，是不是「../handbook/roles.md」？",
			},
			errors: true,
		},
		{
			name: "missing image in a bundle",
			files: map[string]string{
				"content/cases/garden/index.md": file(
					"---",
					"title: 口袋花园",
					"street: 民族街道",
					"topics: [居民自治]",
					"summary: 居民把空地变成花园。",
					"---",
					"",
					"## 问题",
					"",
					"空地堆满垃圾。![空地](before.jpg)",
					"",
					"## 解决方案",
					"",
					"居民认领花池。",
				),
				"content/cases/garden/before.png": "png",
			},
			want: []string{
				"content/cases/garden/index.md:10:8: 图片「before.jpg」不存在：没有 content/cases/garden/before.jpg，是不是「before.png」？",
			},
			errors: true,
		},
		{
			name: "case without a problem section",
			files: map[string]string{lift: file(
				"---",
				"title: 加装电梯",
				"street: 水塔街道",
				"topics: [居民自治]",
				"summary: 高低层住户达成一致。",
				"---",
				"",
				"## 背景",
				"",
				"七层老楼。",
				"",
				"## 解决方案",
				"",
				"方案比选。",
			)},
			want: []string{
				"content/cases/lift.md:7:1: 案例要写出问题：加一节，标题是 `## 问题`",
			},
			errors: true,
		},
		{
			name: "case without a solution section",
			files: map[string]string{lift: file(
				"---",
				"title: 加装电梯",
				"street: 水塔街道",
				"topics: [居民自治]",
				"summary: 高低层住户达成一致。",
				"---",
				"",
				"## 问题",
				"",
				"七层老楼。",
				"",
				"### 解决方案",
				"",
				"方案比选。",
			)},
			want: []string{
				"content/cases/lift.md:7:1: 案例要写出解决方案：加一节，标题是 `## 解决方案`",
			},
			errors: true,
		},
		{
			name: "English section names",
			files: map[string]string{lift: file(
				"---",
				"title: 加装电梯",
				"street: 水塔街道",
				"topics: [居民自治]",
				"summary: 高低层住户达成一致。",
				"---",
				"",
				"## Problem",
				"",
				"七层老楼。",
				"",
				"## Solution",
				"",
				"方案比选。",
				"",
				"## Outcome",
				"",
				"全体签字。",
			)},
		},
	})
}

// TestBundleLinks checks that a bundle may be linked as its folder, its
// index.md or as if it were a single file, and that all three reach the page.
func TestBundleLinks(t *testing.T) {
	got, site, _ := check(t, generator.Options{}, map[string]string{
		"content/cases/garden/index.md": aCase(),
		"content/cases/lift.md": file(
			"---",
			"title: 加装电梯",
			"street: 水塔街道",
			"topics: [居民自治]",
			"summary: 高低层住户达成一致。",
			"---",
			"",
			"## 问题",
			"",
			"见[花园一](garden/)、[花园二](garden/index.md)、[花园三](garden.md)。",
			"",
			"## 解决方案",
			"",
			"见[花园四](../cases/garden/#问题)。",
		),
	})
	sameLines(t, got, nil)
	p := site.Lookup("cases/lift")
	if p == nil {
		t.Fatal("cases/lift not loaded")
	}
	html := string(p.HTML)
	for _, want := range []string{
		`<a href="/cases/garden/">花园一</a>`,
		`<a href="/cases/garden/">花园二</a>`,
		`<a href="/cases/garden/">花园三</a>`,
		`<a href="/cases/garden/#%E9%97%AE%E9%A2%98">花园四</a>`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("page HTML lacks %s:\n%s", want, html)
		}
	}
}

func TestWarnings(t *testing.T) {
	runChecks(t, []checkCase{
		{
			name: "case with no summary",
			files: map[string]string{"content/cases/lift.md": file(
				"---",
				"title: 加装电梯",
				"street: 水塔街道",
				"topics: [居民自治]",
				"---",
			) + caseBody},
			want: []string{
				"content/cases/lift.md:5:1: 提醒：没有摘要：加一行 `summary: 一句话概括`，列表和搜索结果会用它介绍这一页",
			},
		},
		{
			name: "worker no page names",
			files: map[string]string{
				"content/cases/lift.md":        aCase("workers: [zhang-min]"),
				"content/workers/zhang-min.md": page("title: 张敏"),
				"content/workers/li-jing.md":   page("title: 李静"),
			},
			want: []string{
				"content/workers/li-jing.md:1:1: 提醒：还没有哪个案例、微课或操作指南提到李静：在他们参与的页面上加 `workers: [li-jing]`",
			},
		},
	})
}

func TestDrafts(t *testing.T) {
	files := map[string]string{
		"content/cases/lift.md": aCase("workers: [zhang-min, li-jing]"),
		"content/cases/garden.md": file(
			"---",
			"title: 口袋花园",
			"draft: true",
			"street: 民族街道",
			"topics: [居民自治]",
			"summary: 居民把空地变成花园。",
			"---",
		) + caseBody,
		"content/workers/zhang-min.md": page("title: 张敏"),
		"content/workers/li-jing.md":   page("title: 李静", "draft: true"),
		"content/courses/basics.md": page(
			"title: 新任社区工作者入门",
			"lessons: [cases/lift, cases/garden]",
		),
	}
	t.Run("excluded by default", func(t *testing.T) {
		got, site, diags := check(t, generator.Options{}, files)
		sameLines(t, got, []string{
			"content/cases/lift.md:5:22: workers 里写了「li-jing」，但 content/workers/li-jing.md 是草稿（draft），不会发布：把那一页改成 draft: false，或者把「li-jing」从 workers 里去掉",
			"content/courses/basics.md:3:23: lessons 里写了「cases/garden」，但 content/cases/garden.md 是草稿（draft），不会发布：把那一页改成 draft: false，或者把「cases/garden」从 lessons 里去掉",
		})
		if !diags.HasErrors() {
			t.Error("a reference to a draft does not stop publication")
		}
		if site.Lookup("cases/garden") != nil || site.Lookup("workers/li-jing") != nil {
			t.Error("drafts are loaded without Drafts")
		}
		if site.Lookup("cases/lift") == nil {
			t.Error("published page not loaded")
		}
	})
	t.Run("included with Drafts", func(t *testing.T) {
		got, site, _ := check(t, generator.Options{Drafts: true}, files)
		sameLines(t, got, nil)
		if site.Lookup("cases/garden") == nil || site.Lookup("workers/li-jing") == nil {
			t.Error("drafts are not loaded with Drafts")
		}
		c := site.Lookup("courses/basics").Entry.(*model.Course)
		if len(c.LessonPages) != 2 {
			t.Errorf("course has %d lessons, want 2", len(c.LessonPages))
		}
	})
}
