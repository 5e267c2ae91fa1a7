package load_test

import (
	"strings"
	"testing"

	"github.com/jianghan-district/jianghan/generator/load"
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
			got, _, _ := check(t, load.Options{}, tt.files)
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
				lift + ":1:1: a case needs at least one topic: add `topics: [居民自治]` from site.yaml topics",
				lift + `:4:1: unknown field "topic" in cases front matter (did you mean "topics"?)`,
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
				lift + `:5:1: unknown field "speaker" in cases front matter: only lectures use it, remove it from this page`,
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
				`content/handbook/roles.md:3:1: unknown field "topics" in handbook front matter: only cases, lectures and guides use it, remove it from this page`,
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
				`content/guides/meeting.md:3:1: unknown field "colour" in guides front matter: remove it, or use one of title, slug, date, draft, summary, tags, weight, workers, audience, topics`,
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
				lift + `:6:1: field "title" is given twice: keep one`,
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
				lift + ":1:1: missing title: add a line `title: the page's title` to the front matter",
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
				lift + ":2:8: title is empty: write the page's title after `title:`",
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
				lift + ":2:1: title is empty: write the page's title after `title:`",
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
				lift + `:6:1: front matter is not valid YAML: mapping values are not allowed in this context (a value that holds ": " must be in quotes, e.g. title: "甲: 乙")`,
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
				lift + ":4:1: front matter is not valid YAML: did not find expected ',' or ']' (a list opened with [ is not closed: end it with ] on the same line)",
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
				lift + ":6:1: front matter is not valid YAML: did not find expected key (check the indentation: every field starts at the left edge, list items under it are indented alike)",
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
				lift + ":5:1: front matter is not valid YAML: found unexpected end of stream (a quote is opened but not closed: end the value with the same quote)",
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
				lift + ":5:1: front matter is not valid YAML: could not find expected ':' (each line is a field, `name: value`; continue a long value on the next line, indented)",
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
				lift + ":2:1: front matter must be a list of `name: value` lines",
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
				lift + ":3:1: front matter is not valid YAML: found a tab character that violates indentation (indent with spaces, not tabs)",
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
				lift + ":2:1: front matter opened with --- is never closed: add a line with only --- after the last field",
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
				lift + ":1:1: the file has no front matter: start it with a line ---, then title: …, then another line ---",
			},
		},
		{
			name:  "empty file",
			files: map[string]string{lift: ""},
			want: []string{
				lift + ":1:1: the file has no front matter: start it with a line ---, then title: …, then another line ---",
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
				lift + `:5:9: street "民族街" is not in site.yaml streets (did you mean "民族街道"?)`,
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
				lift + `:5:11: front matter is not valid TOML: expected value but found "高低层住户达成一致" instead`,
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
				lift + ":4:1: front matter is not valid TOML: expected a comma (',') or array terminator (']'), but got 's'",
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
				lift + `:3:10: street "民族街" is not in site.yaml streets (did you mean "民族街道"?)`,
				lift + `:5:1: unknown field "topic" in cases front matter (did you mean "topics"?)`,
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
			got, site, _ := check(t, load.Options{}, map[string]string{"content/cases/lift.md": tt.text})
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
				lift + `:5:7: date "2023-13-45" is not a day of the calendar: check the month (01 to 12) and the day`,
			},
		},
		{
			name:  "date with slashes",
			files: map[string]string{lift: aCase("date: 2023/04/18")},
			want: []string{
				lift + `:5:7: date "2023/04/18" is not a date: write it as YYYY-MM-DD, e.g. 2023-04-18`,
			},
		},
		{
			name:  "date in Chinese",
			files: map[string]string{lift: aCase("date: 2023年4月18日")},
			want: []string{
				lift + `:5:7: date "2023年4月18日" is not a date: write it as YYYY-MM-DD, e.g. 2023-04-18`,
			},
		},
		{
			name:  "draft not a boolean",
			files: map[string]string{lift: aCase("draft: 是")},
			want: []string{
				lift + `:5:8: draft must be true or false, not "是"`,
			},
		},
		{
			name:  "weight not a number",
			files: map[string]string{lift: aCase("weight: 第一")},
			want: []string{
				lift + `:5:9: weight must be a whole number, not "第一"`,
			},
		},
		{
			name:  "weight given as a list",
			files: map[string]string{lift: aCase("weight: [1, 2]")},
			want: []string{
				lift + `:5:9: weight must be a single value, not a list`,
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
				lift + `:3:9: street "民族街" is not in site.yaml streets (did you mean "民族街道"?)`,
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
				lift + `:3:9: street "汉口" is not in site.yaml streets (use one of: 民族街道, 水塔街道)`,
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
				lift + `:4:16: topic "养老服" is not in site.yaml topics (did you mean "养老服务"?)`,
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
				lift + `:6:5: topic "老年服务" is not in site.yaml topics (did you mean "养老服务"?)`,
				lift + `:7:11: method "议事" is not in site.yaml methods (did you mean "议事协商"?)`,
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
				lift + ":4:1: a case needs at least one topic: add `topics: [居民自治]` from site.yaml topics",
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
				lift + ":1:1: missing street: add a line `street: the street, one of site.yaml streets` to the front matter",
			},
		},
		{
			name:  "certificate not a level",
			files: aWorker("certificate: 高级社工师"),
			want: []string{
				worker + `:3:14: certificate "高级社工师" is not a level: use 初级, 中级 or 高级`,
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
				`content/lectures/steps.md:3:11: duration "十五分钟" is not a length of time: write minutes like 15m, or 1h10m`,
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
				worker + `:4:12: award year "二〇二一" is not a year: write it like 2021`,
				worker + ":5:5: award has no title: add title: 江汉区优秀社区工作者",
				worker + ":6:5: award has no title: add title: 江汉区优秀社区工作者",
				worker + `:7:5: unknown award field "titel": an award has year and title (did you mean "title"?)`,
				worker + ":8:5: award has no year: add year: 2021",
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
				"content/courses/basics.md:1:1: a course needs lessons: add `lessons: [lectures/SLUG, cases/SLUG]` in the order to study them",
			},
		},
		{
			name:  "slug with a slash",
			files: map[string]string{lift: aCase("slug: lift/seven")},
			want: []string{
				lift + `:5:7: slug "lift/seven" cannot be used in a URL: use letters, digits and hyphens, e.g. lift-seven-floors`,
			},
		},
		{
			name:  "slug with a space",
			files: map[string]string{lift: aCase("slug: lift seven")},
			want: []string{
				lift + `:5:7: slug "lift seven" cannot be used in a URL: use letters, digits and hyphens, e.g. lift-seven-floors`,
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
				"content/cases/lift/index.md: content/cases/lift.md and content/cases/lift/index.md both publish /cases/lift/: rename one file or give it another slug",
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
				"content/cases/lift.md: content/cases/elevator.md and content/cases/lift.md both publish /cases/lift/: rename one file or give it another slug",
			},
		},
		{
			name: "unknown content folder",
			files: map[string]string{
				"content/case/lift.md": okCase,
			},
			want: []string{
				`content/case: unknown content folder "case" (did you mean "cases"?): the kinds are cases, lectures, guides, workers, courses, handbook, and static/ for files copied as they are`,
			},
		},
		{
			name: "bundle folder without index.md",
			files: map[string]string{
				"content/cases/lift/lift.md":   okCase,
				"content/cases/lift/photo.jpg": "jpg",
			},
			want: []string{
				"content/cases/lift: folder has no index.md: a page bundle is cases/lift/index.md with its files beside it",
			},
		},
		{
			name: "missing site.yaml",
			files: map[string]string{
				"content/site.yaml":     absent,
				"content/cases/lift.md": okCase,
			},
			want: []string{
				"content/site.yaml: no site settings: create content/site.yaml with at least `title: 站点名称` (is -s pointing at the site folder?)",
			},
		},
		{
			name: "unknown key in site.yaml",
			files: map[string]string{
				"content/site.yaml":     siteYAML + "titel: 江汉\nbaseurl: /jianghan/\n",
				"content/cases/lift.md": okCase,
			},
			want: []string{
				`content/site.yaml:5:1: unknown field "titel" in site.yaml (did you mean "title"?)`,
				`content/site.yaml:6:1: unknown field "baseurl" in site.yaml (did you mean "base_url"?)`,
			},
		},
		{
			name: "site.yaml without a title",
			files: map[string]string{
				"content/site.yaml":     "streets: [民族街道, 水塔街道]\ntopics: [居民自治, 养老服务]\n",
				"content/cases/lift.md": okCase,
			},
			want: []string{
				"content/site.yaml:1:1: missing title: add a line `title: 站点名称` to site.yaml",
			},
		},
		{
			name: "invalid YAML in site.yaml",
			files: map[string]string{
				"content/site.yaml":     "title: 江汉测试站\nstreets: [民族街道, 水塔街道\n",
				"content/cases/lift.md": okCase,
			},
			want: []string{
				"content/site.yaml:2:1: site.yaml is not valid YAML: did not find expected ',' or ']' (a list opened with [ is not closed: end it with ] on the same line)",
			},
		},
	})
}
