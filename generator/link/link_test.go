package link_test

import (
	"strings"
	"testing"

	"github.com/jianghan-district/jianghan/generator/load"
	"github.com/jianghan-district/jianghan/generator/model"
	"github.com/jianghan-district/jianghan/internal/checktest"
)

// The fixtures and the check runner are shared with the other checks' tests.
var (
	file      = checktest.File
	writeSite = checktest.WriteSite
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
			got, _, diags := check(t, load.Options{}, tt.files)
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
				lift + `:7:5: workers names "li-jin", but there is no content/workers/li-jin.md (did you mean "li-jing"?)`,
				lift + `:8:12: lectures names "consultation-step", but there is no content/lectures/consultation-step.md (did you mean "consultation-steps"?)`,
				"content/workers/li-jing.md:1:1: warning: no case, lecture or guide names 李静: add `workers: [li-jing]` to the pages they led",
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
				`content/lectures/steps.md:4:15: cases names "加装电梯", but there is no content/cases/加装电梯.md`,
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
				`content/courses/basics.md:5:5: lesson "cases/lfit" does not exist: there is no content/cases/lfit.md (did you mean "cases/lift"?)`,
				`content/courses/basics.md:6:5: lesson "workers/zhang-min" must name a case, lecture or guide as cases/SLUG, lectures/SLUG or guides/SLUG`,
				`content/courses/basics.md:7:5: lesson "lift" must name a case, lecture or guide as cases/SLUG, lectures/SLUG or guides/SLUG`,
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
				`content/lectures/steps/index.md:4:8: video "steps.mp4" is not in the bundle: put the file at content/lectures/steps/steps.mp4 (did you mean "step.mp4"?)`,
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
				`content/workers/zhang-min.md:3:8: photo "张敏.jpg" needs a page bundle: move this page to content/workers/zhang-min/index.md and put 张敏.jpg beside it`,
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
				lift + `:10:12: link target "parking.md" does not exist: there is no file content/cases/parking.md`,
				lift + `:14:12: link target "../handbook/rules.md#议事" does not exist: there is no file content/handbook/rules.md (did you mean "../handbook/roles.md"?)`,
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
				`content/cases/garden/index.md:10:8: image target "before.jpg" does not exist: there is no file content/cases/garden/before.jpg (did you mean "before.png"?)`,
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
				lift + ":7:1: a case must tell its problem: add a section headed `## 问题`",
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
				lift + ":7:1: a case must tell its solution: add a section headed `## 解决方案`",
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
	got, site, _ := check(t, load.Options{}, map[string]string{
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
				"content/cases/lift.md:5:1: warning: no summary: add `summary: 一句话概括` so lists and search results can describe this page",
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
				"content/workers/li-jing.md:1:1: warning: no case, lecture or guide names 李静: add `workers: [li-jing]` to the pages they led",
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
		got, site, diags := check(t, load.Options{}, files)
		sameLines(t, got, []string{
			`content/cases/lift.md:5:22: workers names "li-jing", but content/workers/li-jing.md is a draft and is not published: set draft: false there, or take "li-jing" out of workers`,
			`content/courses/basics.md:3:23: lessons names "cases/garden", but content/cases/garden.md is a draft and is not published: set draft: false there, or take "cases/garden" out of lessons`,
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
		got, site, _ := check(t, load.Options{Drafts: true}, files)
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
