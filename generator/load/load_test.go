package load_test

import (
	"strings"
	"testing"

	"github.com/jianghan-district/jianghan/generator"
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
	absent   = checktest.Absent
)

// The checks a single file can fail, each with a tiny site holding the bad
// input and the exact diagnostics `jianghan check` prints for it: a test
// fails if the line, the column or the wording changes.

type checkCase struct {
	name  string
	files map[string]string
	want  []string
}

func runChecks(t *testing.T, tests []checkCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _, _ := check(t, generator.Options{}, tt.files)
			sameLines(t, got, tt.want)
		})
	}
}

func TestFrontMatter(t *testing.T) {
	const lift = "content/cases/lift.md"
	runChecks(t, []checkCase{
		{
			name: "unknown key with did-you-mean",
			files: map[string]string{lift: file(
				"---",
				"title: 加装电梯",
				"street: 水塔街道",
				"topic: [居民自治]",
				"summary: 高低层住户达成一致。",
				"---",
			) + caseBody},
			want: []string{
				"content/cases/lift.md:1:1: 案例至少要有一个主题：加一行 `topics: [居民自治]`，从 site.yaml 的主题列表里选",
				"content/cases/lift.md:4:1: 案例的 front matter 里没有「topic」这个字段，是不是「topics」？",
			},
		},
		{
			name: "a field of another kind",
			files: map[string]string{lift: file(
				"---",
				"title: 加装电梯",
				"street: 水塔街道",
				"topics: [居民自治]",
				"speaker: 张敏",
				"summary: 高低层住户达成一致。",
				"---",
			) + caseBody},
			want: []string{
				"content/cases/lift.md:5:1: 案例的 front matter 里不用「speaker」：只有微课用它，从这一页删掉",
			},
		},
		{
			name: "a field of several other kinds",
			files: map[string]string{"content/handbook/roles.md": file(
				"---",
				"title: 社区工作者的角色",
				"topics: [居民自治]",
				"---",
				"",
				"正文。",
			)},
			want: []string{
				"content/handbook/roles.md:3:1: 实务手册的 front matter 里不用「topics」：只有案例、微课和操作指南用它，从这一页删掉",
			},
		},
		{
			name: "a field no kind has",
			files: map[string]string{"content/guides/meeting.md": file(
				"---",
				"title: 居民议事会",
				"colour: 红",
				"---",
				"",
				"步骤。",
			)},
			want: []string{
				"content/guides/meeting.md:3:1: 操作指南的 front matter 里没有「colour」这个字段：删掉它，或者用这些字段之一：title, slug, date, draft, summary, tags, weight, workers, audience, topics",
			},
		},
		{
			name: "key given twice",
			files: map[string]string{lift: file(
				"---",
				"title: 加装电梯",
				"street: 水塔街道",
				"topics: [居民自治]",
				"summary: 高低层住户达成一致。",
				"title: 七层老楼加装电梯",
				"---",
			) + caseBody},
			want: []string{
				"content/cases/lift.md:6:1: 字段「title」写了两次：只留一个",
			},
		},
		{
			name: "missing title",
			files: map[string]string{lift: file(
				"---",
				"street: 水塔街道",
				"topics: [居民自治]",
				"summary: 高低层住户达成一致。",
				"---",
			) + caseBody},
			want: []string{
				"content/cases/lift.md:1:1: 缺少 title：在 front matter 里加一行 `title: `，后面写上页面标题",
			},
		},
		{
			name: "empty title",
			files: map[string]string{lift: file(
				"---",
				`title: ""`,
				"street: 水塔街道",
				"topics: [居民自治]",
				"summary: 高低层住户达成一致。",
				"---",
			) + caseBody},
			want: []string{
				"content/cases/lift.md:2:8: title 是空的：在 `title:` 后面写上页面标题",
			},
		},
		{
			name: "title with nothing after it",
			files: map[string]string{lift: file(
				"---",
				"title:",
				"street: 水塔街道",
				"topics: [居民自治]",
				"summary: 高低层住户达成一致。",
				"---",
			) + caseBody},
			want: []string{
				"content/cases/lift.md:2:1: title 是空的：在 `title:` 后面写上页面标题",
			},
		},
		{
			name: "invalid YAML at its file line",
			files: map[string]string{lift: file(
				"",
				"",
				"---",
				"title: 加装电梯",
				"street: 水塔街道",
				"summary: 结论: 全体签字",
				"topics: [居民自治]",
				"---",
			) + caseBody},
			want: []string{
				"content/cases/lift.md:6:1: front matter 的写法有误：值里有「: 」的要加引号，例如 title: \"甲: 乙\"（YAML 的原话：mapping values are not allowed in this context）",
			},
		},
		{
			name: "unclosed list in YAML at its file line",
			files: map[string]string{lift: file(
				"---",
				"title: 加装电梯",
				"street: 水塔街道",
				"topics: [居民自治, 养老服务",
				"summary: 高低层住户达成一致。",
				"---",
			) + caseBody},
			want: []string{
				"content/cases/lift.md:4:1: front matter 的写法有误：用 [ 开头的列表没有结束：在同一行末尾加上 ]（YAML 的原话：did not find expected ',' or ']'）",
			},
		},
		{
			name: "badly indented list in YAML at its file line",
			files: map[string]string{lift: file(
				"---",
				"title: 加装电梯",
				"street: 水塔街道",
				"topics:",
				"  - 居民自治",
				" - 养老服务",
				"summary: 高低层住户达成一致。",
				"---",
			) + caseBody},
			want: []string{
				"content/cases/lift.md:6:1: front matter 的写法有误：检查缩进：每个字段从最左边开始写，它下面的列表项缩进要一样（YAML 的原话：did not find expected key）",
			},
		},
		{
			name: "unclosed quote in YAML",
			files: map[string]string{lift: file(
				"---",
				"title: 加装电梯",
				"street: 水塔街道",
				"topics: [居民自治]",
				`summary: "高低层住户达成一致。`,
				"---",
			) + caseBody},
			want: []string{
				"content/cases/lift.md:5:1: front matter 的写法有误：引号开了没有关：值的末尾补上同样的引号（YAML 的原话：found unexpected end of stream）",
			},
		},
		{
			name: "a line with no colon",
			files: map[string]string{lift: file(
				"---",
				"title: 加装电梯",
				"street: 水塔街道",
				"topics: [居民自治]",
				"高低层住户达成一致",
				"summary: 高低层住户达成一致。",
				"---",
			) + caseBody},
			want: []string{
				"content/cases/lift.md:5:1: front matter 的写法有误：每行是一个字段，`名称: 值`；很长的值可以换到下一行接着写，前面缩进（YAML 的原话：could not find expected ':'）",
			},
		},
		{
			name: "front matter that is not fields",
			files: map[string]string{lift: file(
				"---",
				"- 加装电梯",
				"- 水塔街道",
				"---",
			) + caseBody},
			want: []string{
				"content/cases/lift.md:2:1: front matter 要写成一行一个 `名称: 值`",
			},
		},
		{
			name: "tab in YAML",
			files: map[string]string{lift: file(
				"---",
				"title: 加装电梯",
				"\tstreet: 水塔街道",
				"---",
			) + caseBody},
			want: []string{
				"content/cases/lift.md:3:1: front matter 的写法有误：用空格缩进，不要用 Tab（YAML 的原话：found a tab character that violates indentation）",
			},
		},
		{
			name: "unclosed front matter",
			files: map[string]string{lift: file(
				"",
				"---",
				"title: 加装电梯",
				"street: 水塔街道",
				"topics: [居民自治]",
				"",
				"## 问题",
			)},
			want: []string{
				"content/cases/lift.md:2:1: front matter 用 --- 开头却没有结束：在最后一个字段后面加一行 ---",
			},
		},
		{
			name: "no front matter",
			files: map[string]string{lift: file(
				"# 加装电梯",
				"",
				"## 问题",
			)},
			want: []string{
				"content/cases/lift.md:1:1: 这个文件没有 front matter：第一行写 ---，接着写 title: 标题，再写一行 ---",
			},
		},
		{
			name:  "empty file",
			files: map[string]string{lift: ""},
			want: []string{
				"content/cases/lift.md:1:1: 这个文件没有 front matter：第一行写 ---，接着写 title: 标题，再写一行 ---",
			},
		},
		{
			name: "blank lines before the opening ---",
			files: map[string]string{lift: file(
				"",
				"  ",
				"---",
				"title: 加装电梯",
				"street: 民族街",
				"topics: [居民自治]",
				"summary: 高低层住户达成一致。",
				"---",
			) + caseBody},
			want: []string{
				"content/cases/lift.md:5:9: 街道「民族街」不在 site.yaml 的街道列表里，是不是「民族街道」？",
			},
		},
		{
			name: "TOML syntax error at its file line and column",
			files: map[string]string{lift: file(
				"",
				"+++",
				`title = "加装电梯"`,
				`street = "水塔街道"`,
				`summary = 高低层住户达成一致`,
				"+++",
			) + caseBody},
			want: []string{
				"content/cases/lift.md:5:11: front matter 不是正确的 TOML：expected value but found \"高低层住户达成一致\" instead",
			},
		},
		{
			name: "TOML error at the start of a line",
			files: map[string]string{lift: file(
				"+++",
				`title = "加装电梯"`,
				`topics = ["居民自治"`,
				`street = "水塔街道"`,
				"+++",
			) + caseBody},
			want: []string{
				"content/cases/lift.md:4:1: front matter 不是正确的 TOML：expected a comma (',') or array terminator (']'), but got 's'",
			},
		},
		{
			name: "TOML values checked at their place",
			files: map[string]string{lift: file(
				"+++",
				`title = "加装电梯"`,
				`street = "民族街"`,
				`topics = ["居民自治"]`,
				`topic = "养老服务"`,
				`summary = "高低层住户达成一致。"`,
				"+++",
			) + caseBody},
			want: []string{
				"content/cases/lift.md:3:10: 街道「民族街」不在 site.yaml 的街道列表里，是不是「民族街道」？",
				"content/cases/lift.md:5:1: 案例的 front matter 里没有「topic」这个字段，是不是「topics」？",
			},
		},
	})
}

// TestFrontMatterLoadsFine covers front matter the library alone would get
// wrong or that authors' editors produce, which must load with no problem.
func TestFrontMatterLoadsFine(t *testing.T) {
	tests := []struct {
		name string
		text string
	}{
		{"UTF-8 BOM before ---", "\uFEFF" + file(
			"---",
			"title: 加装电梯",
			"date: 2023-04-18",
			"street: 水塔街道",
			"topics: [居民自治]",
			"summary: 高低层住户达成一致。",
			"---",
		) + caseBody},
		{"TOML front matter", file(
			"+++",
			`title = "加装电梯"`,
			"date = 2023-04-18",
			`street = "水塔街道"`,
			`topics = ["居民自治", "养老服务"]`,
			`methods = ["议事协商"]`,
			`summary = "高低层住户达成一致。"`,
			"+++",
		) + caseBody},
		{"Windows line ends", strings.ReplaceAll(file(
			"---",
			"title: 加装电梯",
			"date: 2023-04-18",
			"street: 水塔街道",
			"topics:",
			"  - 居民自治",
			"  - 养老服务",
			"summary: 高低层住户达成一致。",
			"---",
		)+caseBody, "\n", "\r\n")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, site, _ := check(t, generator.Options{}, map[string]string{"content/cases/lift.md": tt.text})
			sameLines(t, got, nil)
			if len(site.Cases) != 1 {
				t.Fatalf("%d cases loaded, want 1", len(site.Cases))
			}
			c := site.Cases[0]
			if c.Title != "加装电梯" || c.Street != "水塔街道" || c.DateString() != "2023-04-18" || len(c.Topics) == 0 || c.Topics[0] != "居民自治" {
				t.Errorf("loaded %q %q %q %q", c.Title, c.Street, c.DateString(), c.Topics)
			}
			if c.Section("problem") == nil || c.Section("solution") == nil {
				t.Errorf("body sections not found: %+v", c.Sections)
			}
		})
	}
}

func TestValues(t *testing.T) {
	const lift = "content/cases/lift.md"
	// aCase is a valid case with extra front matter lines from line 5 on.
	aCase := func(extra ...string) string {
		lines := append([]string{
			"---",
			"title: 加装电梯",
			"street: 水塔街道",
			"topics: [居民自治]",
		}, extra...)
		lines = append(lines, "summary: 高低层住户达成一致。", "---")
		return file(lines...) + caseBody
	}
	const worker = "content/workers/zhang-min.md"
	// aWorker is a worker every test site's case names, with extra front
	// matter lines from line 3 on.
	aWorker := func(extra ...string) map[string]string {
		lines := append([]string{"---", "title: 张敏"}, extra...)
		lines = append(lines, "---", "", "她的故事。")
		return map[string]string{
			worker: file(lines...),
			lift:   aCase("workers: [zhang-min]"),
		}
	}
	runChecks(t, []checkCase{
		{
			name:  "date that does not exist",
			files: map[string]string{lift: aCase("date: 2023-13-45")},
			want: []string{
				"content/cases/lift.md:5:7: 日期「2023-13-45」不是日历上的日子：检查月份（01 到 12）和日",
			},
		},
		{
			name:  "date with slashes",
			files: map[string]string{lift: aCase("date: 2023/04/18")},
			want: []string{
				"content/cases/lift.md:5:7: 日期「2023/04/18」的写法不对：按 年-月-日 写，例如 2023-04-18",
			},
		},
		{
			name:  "date in Chinese",
			files: map[string]string{lift: aCase("date: 2023年4月18日")},
			want: []string{
				"content/cases/lift.md:5:7: 日期「2023年4月18日」的写法不对：按 年-月-日 写，例如 2023-04-18",
			},
		},
		{
			name:  "draft not a boolean",
			files: map[string]string{lift: aCase("draft: 是")},
			want: []string{
				"content/cases/lift.md:5:8: draft 只能写 true 或 false，不能写「是」",
			},
		},
		{
			name:  "weight not a number",
			files: map[string]string{lift: aCase("weight: 第一")},
			want: []string{
				"content/cases/lift.md:5:9: weight 要写整数，不能写「第一」",
			},
		},
		{
			name:  "weight given as a list",
			files: map[string]string{lift: aCase("weight: [1, 2]")},
			want: []string{
				"content/cases/lift.md:5:9: weight 只能写一个值，不能写成列表",
			},
		},
		{
			name: "street not in the vocabulary",
			files: map[string]string{lift: file(
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
		{
			name: "street far from every term",
			files: map[string]string{lift: file(
				"---",
				"title: 加装电梯",
				"street: 汉口",
				"topics: [居民自治]",
				"summary: 高低层住户达成一致。",
				"---",
			) + caseBody},
			want: []string{
				"content/cases/lift.md:3:9: 街道「汉口」不在 site.yaml 的街道列表里，要从民族街道和水塔街道里选",
			},
		},
		{
			name: "topic not in the vocabulary, after Chinese in a flow list",
			files: map[string]string{lift: file(
				"---",
				"title: 加装电梯",
				"street: 水塔街道",
				"topics: [居民自治, 养老服]",
				"summary: 高低层住户达成一致。",
				"---",
			) + caseBody},
			want: []string{
				"content/cases/lift.md:4:16: 主题「养老服」不在 site.yaml 的主题列表里，是不是「养老服务」？",
			},
		},
		{
			name: "topic not in the vocabulary, in a block list",
			files: map[string]string{lift: file(
				"---",
				"title: 加装电梯",
				"street: 水塔街道",
				"topics:",
				"  - 居民自治",
				"  - 老年服务",
				"methods: [议事, 议事协商]",
				"summary: 高低层住户达成一致。",
				"---",
			) + caseBody},
			want: []string{
				"content/cases/lift.md:6:5: 主题「老年服务」不在 site.yaml 的主题列表里，是不是「养老服务」？",
				"content/cases/lift.md:7:11: 方法「议事」不在 site.yaml 的方法列表里，是不是「议事协商」？",
			},
		},
		{
			name: "case with no topics",
			files: map[string]string{lift: file(
				"---",
				"title: 加装电梯",
				"street: 水塔街道",
				"topics: []",
				"summary: 高低层住户达成一致。",
				"---",
			) + caseBody},
			want: []string{
				"content/cases/lift.md:4:1: 案例至少要有一个主题：加一行 `topics: [居民自治]`，从 site.yaml 的主题列表里选",
			},
		},
		{
			name: "case with no street",
			files: map[string]string{lift: file(
				"---",
				"title: 加装电梯",
				"topics: [居民自治]",
				"summary: 高低层住户达成一致。",
				"---",
			) + caseBody},
			want: []string{
				"content/cases/lift.md:1:1: 缺少 street：在 front matter 里加一行 `street: `，后面写上街道名（从 site.yaml 的街道列表里选一个）",
			},
		},
		{
			name:  "certificate not a level",
			files: aWorker("certificate: 高级社工师"),
			want: []string{
				"content/workers/zhang-min.md:3:14: certificate「高级社工师」不是证书等级：写 初级、中级 或 高级",
			},
		},
		{
			name: "duration in Chinese",
			files: map[string]string{"content/lectures/steps.md": file(
				"---",
				"title: 议事协商五步法",
				"duration: 十五分钟",
				"summary: 五个步骤。",
				"---",
				"",
				"讲义。",
			)},
			want: []string{
				"content/lectures/steps.md:3:11: 时长「十五分钟」看不懂：写分钟数，例如 15m、1h10m 或 15分钟",
			},
		},
		{
			name: "awards: bad year, no title, unknown field, no year",
			files: aWorker(
				"awards:",
				"  - {year: 二〇二一, title: 江汉区优秀社区工作者}",
				"  - {year: 2022}",
				"  - year: 2023",
				"    titel: 武汉市优秀社区工作者",
				"  - title: 湖北省优秀社区工作者",
			),
			want: []string{
				"content/workers/zhang-min.md:4:12: 荣誉的年份「二〇二一」不是年份：写成 2021 这样",
				"content/workers/zhang-min.md:5:5: 这项荣誉没有名称：加上 title: 江汉区优秀社区工作者",
				"content/workers/zhang-min.md:6:5: 这项荣誉没有名称：加上 title: 江汉区优秀社区工作者",
				"content/workers/zhang-min.md:7:5: 荣誉里没有「titel」这一项：一项荣誉只写 year 和 title，是不是「title」？",
				"content/workers/zhang-min.md:8:5: 这项荣誉没有年份：加上 year: 2021",
			},
		},
		{
			name: "course with no lessons",
			files: map[string]string{"content/courses/basics.md": file(
				"---",
				"title: 新任社区工作者入门",
				"---",
				"",
				"课程简介。",
			)},
			want: []string{
				"content/courses/basics.md:1:1: 课程要有 lessons：按学习的顺序加上 `lessons: [lectures/SLUG, cases/SLUG]`",
			},
		},
		{
			name:  "slug with a slash",
			files: map[string]string{lift: aCase("slug: lift/seven")},
			want: []string{
				"content/cases/lift.md:5:7: slug「lift/seven」不能用在网址里：只用字母、数字和连字符，例如 lift-seven-floors",
			},
		},
		{
			name:  "slug with a space",
			files: map[string]string{lift: aCase("slug: lift seven")},
			want: []string{
				"content/cases/lift.md:5:7: slug「lift seven」不能用在网址里：只用字母、数字和连字符，例如 lift-seven-floors",
			},
		},
	})
}

func TestSiteChecks(t *testing.T) {
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
			name: "two files publish one URL",
			files: map[string]string{
				"content/cases/lift.md":       okCase,
				"content/cases/lift/index.md": okCase,
			},
			want: []string{
				"content/cases/lift/index.md: content/cases/lift.md 和 content/cases/lift/index.md 都发布到 /cases/lift/：给其中一个文件改名，或者换一个 slug",
			},
		},
		{
			name: "a slug that takes another page's URL",
			files: map[string]string{
				"content/cases/lift.md": okCase,
				"content/cases/elevator.md": file(
					"---",
					"title: 加装电梯二",
					"slug: lift",
					"street: 水塔街道",
					"topics: [居民自治]",
					"summary: 高低层住户达成一致。",
					"---",
				) + caseBody,
			},
			want: []string{
				"content/cases/lift.md: content/cases/elevator.md 和 content/cases/lift.md 都发布到 /cases/lift/：给其中一个文件改名，或者换一个 slug",
			},
		},
		{
			name: "unknown content folder",
			files: map[string]string{
				"content/case/lift.md": okCase,
			},
			want: []string{
				"content/case: content/ 里没有「case」这个栏目：栏目有 cases, lectures, guides, workers, courses, handbook，另外 static/ 放原样复制的文件，是不是「cases」？",
			},
		},
		{
			name: "bundle folder without index.md",
			files: map[string]string{
				"content/cases/lift/lift.md":   okCase,
				"content/cases/lift/photo.jpg": "jpg",
			},
			want: []string{
				"content/cases/lift: 文件夹里没有 index.md：带附件的页面写成 cases/lift/index.md，附件放在它旁边",
			},
		},
		{
			name: "missing site.yaml",
			files: map[string]string{
				"content/site.yaml":     absent,
				"content/cases/lift.md": okCase,
			},
			want: []string{
				"content/site.yaml: 没有网站设置：新建 content/site.yaml，至少写一行 `title: 站点名称`（-s 指的是网站文件夹吗？新建案例库用 jianghan init）",
			},
		},
		{
			name: "unknown key in site.yaml",
			files: map[string]string{
				"content/site.yaml":     siteYAML + "titel: 江汉\nbaseurl: /jianghan/\n",
				"content/cases/lift.md": okCase,
			},
			want: []string{
				"content/site.yaml:5:1: site.yaml 里没有「titel」这项设置，是不是「title」？",
				"content/site.yaml:6:1: site.yaml 里没有「baseurl」这项设置，是不是「base_url」？",
			},
		},
		{
			name: "site.yaml without a title",
			files: map[string]string{
				"content/site.yaml":     "streets: [民族街道, 水塔街道]\ntopics: [居民自治, 养老服务]\n",
				"content/cases/lift.md": okCase,
			},
			want: []string{
				"content/site.yaml:1:1: 缺少 title：在 site.yaml 里加一行 `title: `，后面写上站点名称",
			},
		},
		{
			name: "invalid YAML in site.yaml",
			files: map[string]string{
				"content/site.yaml":     "title: 江汉测试站\nstreets: [民族街道, 水塔街道\n",
				"content/cases/lift.md": okCase,
			},
			want: []string{
				"content/site.yaml:2:1: site.yaml 的写法有误：用 [ 开头的列表没有结束：在同一行末尾加上 ]（YAML 的原话：did not find expected ',' or ']'）",
			},
		},
	})
}
