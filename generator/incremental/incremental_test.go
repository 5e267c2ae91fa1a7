package incremental_test

import (
	"bytes"
	"fmt"
	"io/fs"
	"math/rand"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/jianghan-district/jianghan/generator"
	"github.com/jianghan-district/jianghan/generator/diag"
	"github.com/jianghan-district/jianghan/generator/render"
	"github.com/jianghan-district/jianghan/internal/msg"
	"github.com/jianghan-district/jianghan/themes"
)

// The incremental state must always be what a fresh build of the same files
// gives, byte for byte: every step below edits the sample library the way a
// trainer would, applies the change, runs the jobs Apply returns, and
// compares the whole output and every diagnostic with a full build.

// devOptions are the render options serve uses, with a stand-in script.
var devOptions = render.Options{DevScript: "<script>/* 实时刷新 */</script>"}

// copySite copies the repository's sample library, with the built-in theme
// written out so that template and stylesheet edits can be tried too.
func copySite(t testing.TB) string {
	t.Helper()
	root := t.TempDir()
	if err := os.CopyFS(filepath.Join(root, "content"), os.DirFS(filepath.Join("..", "..", "content"))); err != nil {
		t.Fatal(err)
	}
	if err := os.CopyFS(filepath.Join(root, filepath.FromSlash(themes.Dir)), themes.Default()); err != nil {
		t.Fatal(err)
	}
	return root
}

// runJobs produces the bytes of each job; copy jobs are read from their source.
func runJobs(t testing.TB, root string, theme fs.FS, jobs []render.Job, out map[string][]byte) {
	t.Helper()
	for _, j := range jobs {
		var b []byte
		var err error
		switch {
		case j.Render != nil:
			b, err = j.Render()
		case strings.HasPrefix(j.Source, "theme:"):
			b, err = fs.ReadFile(theme, strings.TrimPrefix(j.Source, "theme:"))
		case j.Source != "":
			b, err = os.ReadFile(filepath.Join(root, filepath.FromSlash(j.Source)))
		default:
			continue // folders (the search index) are not incremental jobs
		}
		if err != nil {
			t.Fatalf("job %s: %v", j.Path, err)
		}
		out[j.Path] = b
	}
}

// fullBuild renders the site from scratch, as jianghan build would.
func fullBuild(t testing.TB, root string) (map[string][]byte, []diag.Diagnostic) {
	t.Helper()
	p, err := generator.Load(generator.Options{Root: root})
	if err != nil {
		t.Fatal(err)
	}
	diags := p.Diags.Sorted()
	if p.Diags.HasErrors() {
		return nil, diags
	}
	r, err := p.Renderer(devOptions)
	if err != nil {
		return nil, diags // a broken theme: Apply reports it too
	}
	out := map[string][]byte{}
	runJobs(t, root, r.Theme(), r.Jobs(), out)
	return out, diags
}

// sameOutput reports the first difference between two outputs.
func sameOutput(t testing.TB, got, want map[string][]byte) {
	t.Helper()
	var missing, extra, differ []string
	for p, w := range want {
		g, ok := got[p]
		switch {
		case !ok:
			missing = append(missing, p)
		case !bytes.Equal(g, w):
			differ = append(differ, p)
		}
	}
	for p := range got {
		if _, ok := want[p]; !ok {
			extra = append(extra, p)
		}
	}
	sort.Strings(missing)
	sort.Strings(extra)
	sort.Strings(differ)
	if len(missing)+len(extra)+len(differ) > 0 {
		msg := fmt.Sprintf("incremental output differs from a full build: missing %v, extra %v, different %v", missing, extra, differ)
		if len(differ) > 0 {
			msg += "\n" + firstDifference(string(got[differ[0]]), string(want[differ[0]]))
		}
		t.Fatal(msg)
	}
}

func firstDifference(got, want string) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	lo := max(0, i-80)
	return fmt.Sprintf("at byte %d:\n got: …%s…\nwant: …%s…", i, got[lo:min(len(got), i+80)], want[lo:min(len(want), i+80)])
}

func diagLines(ds []diag.Diagnostic) []string {
	out := make([]string, len(ds))
	for i, d := range ds {
		out[i] = d.String()
	}
	return out
}

// edit is one change a trainer makes to the site's files.
type edit func(t testing.TB, root string) []string

func write(rel, text string) edit {
	return func(t testing.TB, root string) []string {
		p := filepath.Join(root, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return []string{rel}
	}
}

// replace edits a file in place, failing if old is not in it.
func replace(rel, old, new string) edit {
	return func(t testing.TB, root string) []string {
		p := filepath.Join(root, filepath.FromSlash(rel))
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(b, []byte(old)) {
			t.Fatalf("%s does not contain %q", rel, old)
		}
		if err := os.WriteFile(p, bytes.Replace(b, []byte(old), []byte(new), 1), 0o644); err != nil {
			t.Fatal(err)
		}
		return []string{rel}
	}
}

// renameSave saves the way many editors do: write a temporary file beside
// the page, then rename it over the page.
func renameSave(rel, old, new string) edit {
	return func(t testing.TB, root string) []string {
		p := filepath.Join(root, filepath.FromSlash(rel))
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		tmp := filepath.Join(filepath.Dir(p), "."+filepath.Base(p)+".tmp")
		if err := os.WriteFile(tmp, bytes.Replace(b, []byte(old), []byte(new), 1), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(tmp, p); err != nil {
			t.Fatal(err)
		}
		return []string{path.Join(path.Dir(rel), "."+path.Base(rel)+".tmp"), rel}
	}
}

func remove(rel string) edit {
	return func(t testing.TB, root string) []string {
		if err := os.RemoveAll(filepath.Join(root, filepath.FromSlash(rel))); err != nil {
			t.Fatal(err)
		}
		return []string{rel}
	}
}

func move(from, to string) edit {
	return func(t testing.TB, root string) []string {
		if err := os.Rename(filepath.Join(root, filepath.FromSlash(from)), filepath.Join(root, filepath.FromSlash(to))); err != nil {
			t.Fatal(err)
		}
		return []string{from, to}
	}
}

func both(edits ...edit) edit {
	return func(t testing.TB, root string) []string {
		var out []string
		for _, e := range edits {
			out = append(out, e(t, root)...)
		}
		return out
	}
}

const newCase = `---
title: 社区食堂的第二个春天
date: 2025-03-02
street: 民族街道
community: 西园社区
topics: [养老服务, 居民自治]
methods: [资源链接]
workers: [chen-xiuying]
summary: 老年食堂一度只剩十几位老人用餐，社区请老人们自己定菜单、排值日，半年后每天一百多人。
---

## 问题
西园社区的老年食堂开了两年，用餐人数从八十多人降到十几人。

## 解决方案
陈秀英请用餐的老人组成“膳食小组”，每周议一次菜单，详见[楼上楼下的噪音纠纷](noise-dispute.md)里用过的议事方法。
`

const bundleCase = `---
title: 口袋公园里的议事角
date: 2025-05-20
street: 水塔街道
topics: [社区环境治理]
methods: [议事协商]
summary: 一块闲置空地变成了居民自己设计、自己管护的口袋公园。
---

## 问题
小区角落的空地常年堆放杂物。

## 解决方案
居民画出了设计图：

![设计图](plan.svg)
`

const planSVG = `<svg xmlns="http://www.w3.org/2000/svg" width="320" height="200"><rect width="320" height="200" fill="#0b5d4b"/></svg>`

// TestIncrementalMatchesFullBuild applies a trainer's day of edits one by
// one and checks after each that serve's state is a fresh build's.
func TestIncrementalMatchesFullBuild(t *testing.T) {
	root := copySite(t)
	p, d, err := generator.LoadIncremental(generator.Options{Root: root}, devOptions)
	if err != nil {
		t.Fatal(err)
	}
	if d.Failed {
		t.Fatalf("the sample library has errors: %v", diagLines(d.Diagnostics))
	}
	out := map[string][]byte{}
	runJobs(t, root, themes.ForSite(root), d.Jobs, out)
	d.Commit()
	want, _ := fullBuild(t, root)
	sameOutput(t, out, want)

	steps := []struct {
		name   string
		edit   edit
		failed bool
		// must lists outputs the delta has to re-render, not outputs it
		// must leave alone; atMost bounds how many jobs it may run (0: no
		// bound).
		must, not []string
		atMost    int
		styles    bool
	}{
		{name: "编辑案例正文", edit: replace("content/cases/noise-dispute.md", "## 问题\n", "## 问题\n夏老师说，她只想睡个好觉。\n\n"),
			must: []string{"cases/noise-dispute/index.html"}, atMost: 3},
		{name: "改标题", edit: replace("content/cases/noise-dispute.md", "title: 楼上楼下的噪音纠纷", "title: 楼上楼下的噪音之争"),
			must: []string{"cases/noise-dispute/index.html", "cases/index.html", "workers/chen-xiuying/index.html"}},
		{name: "改摘要", edit: replace("content/cases/noise-dispute.md", "summary: 楼下退休教师失眠", "summary: 楼下的退休教师失眠"),
			must: []string{"cases/noise-dispute/index.html", "cases/index.html", "index.xml"}},
		{name: "改微课标题", edit: replace("content/lectures/mediation-skills.md", "title: 邻里纠纷调解的沟通技巧", "title: 邻里纠纷调解中的沟通技巧"),
			must: []string{"lectures/mediation-skills/index.html", "cases/noise-dispute/index.html", "lectures/index.html"}},
		{name: "删掉摘要", edit: replace("content/lectures/mediation-skills.md", "summary: 噪音、漏水、养犬、囤物……邻里纠纷里，怎样听、怎样问、怎样安排见面，又怎样让协议真正落地。\n", "")},
		{name: "改主题", edit: replace("content/cases/noise-dispute.md", "topics: [邻里纠纷调解]", "topics: [邻里纠纷调解, 居民自治]"),
			must: []string{"topics/居民自治/index.html"}},
		{name: "改日期", edit: replace("content/cases/noise-dispute.md", "date: 2024-04-09", "date: 2019-04-09")},
		// A case that moves within the second page of the case list leaves
		// the first page as it was.
		{name: "日期只在第二页里挪动", edit: replace("content/cases/lift-ground-floor.md", "date: 2022-06-20", "date: 2022-01-15"),
			must: []string{"cases/page/2/index.html"}, not: []string{"cases/index.html"}},
		{name: "保存后重命名", edit: renameSave("content/cases/noise-dispute.md", "夏老师说", "夏老师笑着说"),
			must: []string{"cases/noise-dispute/index.html"}, atMost: 3},
		{name: "新增案例", edit: write("content/cases/canteen-spring.md", newCase),
			must: []string{"cases/canteen-spring/index.html", "cases/index.html", "workers/chen-xiuying/index.html"}},
		{name: "新增页面包", edit: both(write("content/cases/pocket-corner/plan.svg", planSVG), write("content/cases/pocket-corner/index.md", bundleCase)),
			must: []string{"cases/pocket-corner/index.html", "cases/pocket-corner/plan.svg"}},
		{name: "修改页面包里的图片", edit: write("content/cases/pocket-corner/plan.svg", strings.Replace(planSVG, "200", "240", -1)),
			must: []string{"cases/pocket-corner/plan.svg"}},
		{name: "删除案例", edit: remove("content/cases/market-street-order.md")},
		{name: "删除页面包", edit: remove("content/cases/pocket-corner")},
		{name: "改文件名", edit: move("content/cases/canteen-spring.md", "content/cases/canteen-again.md"),
			must: []string{"cases/canteen-again/index.html"}},
		{name: "改 slug", edit: replace("content/cases/canteen-again.md", "title:", "slug: canteen-spring\ntitle:"),
			must: []string{"cases/canteen-spring/index.html", "workers/chen-xiuying/index.html"}},
		{name: "写错街道", edit: replace("content/cases/owners-committee-trust.md", "street: ", "street: 不存在的"), failed: true},
		{name: "错误未改时再改别处", edit: replace("content/cases/noise-dispute.md", "夏老师笑着说", "夏老师说"), failed: true},
		{name: "改正街道", edit: replace("content/cases/owners-committee-trust.md", "street: 不存在的", "street: "),
			must: []string{"cases/noise-dispute/index.html"}},
		{name: "删除被引用的工作者", edit: move("content/workers/chen-xiuying.md", "content/workers/.chen-xiuying.md.bak"), failed: true},
		{name: "恢复工作者", edit: move("content/workers/.chen-xiuying.md.bak", "content/workers/chen-xiuying.md")},
		{name: "设为草稿", edit: replace("content/cases/old-estate-drainage.md", "title:", "draft: true\ntitle:")},
		{name: "重复的 slug", edit: replace("content/cases/owners-committee-trust.md", "title:", "slug: noise-dispute\ntitle:"), failed: true},
		{name: "去掉重复", edit: replace("content/cases/owners-committee-trust.md", "slug: noise-dispute\n", "")},
		{name: "课程换顺序", edit: replace("content/courses/new-worker-basics.md", "  - cases/needs-survey-redo\n  - cases/lonely-elderly-visits\n", "  - cases/lonely-elderly-visits\n  - cases/needs-survey-redo\n"),
			must: []string{"courses/new-worker-basics/index.html", "cases/needs-survey-redo/index.html", "cases/lonely-elderly-visits/index.html"}},
		{name: "手册章节", edit: replace("content/handbook/roles.md", "\n## ", "\n补充一段说明。\n\n## "),
			must: []string{"handbook/roles/index.html", "handbook/print/index.html"}},
		// Every chapter lists the chapters beside its text, and links the
		// one before and after it.
		{name: "改章名", edit: replace("content/handbook/needs.md", "title: 第二章　走进居民：需求调查与评估", "title: 第二章　走进居民：需求调查"),
			must: []string{"handbook/needs/index.html", "handbook/roles/index.html", "handbook/casework/index.html", "handbook/index.html"}},
		{name: "换章序", edit: replace("content/handbook/needs.md", "weight: 2", "weight: 20"),
			must: []string{"handbook/needs/index.html", "handbook/roles/index.html", "handbook/consultation/index.html", "handbook/evaluation/index.html"}},
		{name: "改模板", edit: replace("themes/default/templates/case.html", "<article class=\"doc case\">", "<article class=\"doc case\" data-edited>"),
			must: []string{"cases/noise-dispute/index.html"}},
		{name: "模板写错", edit: replace("themes/default/templates/case.html", "{{.Title}}", "{{.Title"), failed: true},
		{name: "模板改正", edit: replace("themes/default/templates/case.html", "{{.Title", "{{.Title}}")},
		{name: "改样式", edit: replace("themes/default/assets/css/site.css", "}", "}\n/* 手机上字大一点 */"), styles: true},
		{name: "新增静态文件", edit: write("content/static/robots.txt", "User-agent: *\n"), must: []string{"robots.txt"}},
		{name: "原样保存", edit: replace("content/cases/noise-dispute.md", "title:", "title:"), atMost: -1},
		{name: "编辑器临时文件", edit: write("content/cases/4913", ""), atMost: -1},
		{name: "改站点设置", edit: replace("content/site.yaml", "title: 江汉区社区工作案例课程库", "title: 江汉区案例课程库")},
	}
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			changes := st.edit(t, root)
			var cs []generator.Change
			for _, c := range changes {
				cs = append(cs, generator.Change{Path: c})
			}
			d, err := p.Apply(cs)
			if err != nil {
				t.Fatal(err)
			}
			want, wantDiags := fullBuild(t, root)
			sameContentDiagnostics(t, d.Diagnostics, wantDiags)
			if d.Failed != st.failed {
				t.Fatalf("failed = %v, want %v (diagnostics %q)", d.Failed, st.failed, diagLines(d.Diagnostics))
			}
			if d.Failed {
				if len(d.Jobs) > 0 {
					t.Fatalf("a failed delta has %d jobs", len(d.Jobs))
				}
				return
			}
			checkJobs(t, d, st.must, st.not, st.atMost)
			if st.styles != (len(d.Styles) > 0 && d.StylesOnly) {
				t.Errorf("styles = %v, only %v; want a stylesheet swap: %v", d.Styles, d.StylesOnly, st.styles)
			}
			runJobs(t, root, themes.ForSite(root), d.Jobs, out)
			for _, r := range d.Removed {
				delete(out, r)
			}
			d.Commit()
			sameOutput(t, out, want)
		})
	}
}

// sameContentDiagnostics checks an incremental delta's diagnostics against
// a full check's, leaving out the theme's, which Load does not read.
func sameContentDiagnostics(t *testing.T, got, want []diag.Diagnostic) {
	t.Helper()
	var content []diag.Diagnostic
	for _, x := range got {
		if !strings.HasPrefix(x.File, "themes/") {
			content = append(content, x)
		}
	}
	if g, w := diagLines(content), diagLines(want); strings.Join(g, "\n") != strings.Join(w, "\n") {
		t.Fatalf("diagnostics differ from a full check:\n got: %q\nwant: %q", g, w)
	}
}

// checkJobs checks that a delta re-renders every output of must and none
// of not, and runs at most atMost jobs (none when it is negative, any
// number when 0).
func checkJobs(t *testing.T, d *generator.Delta, must, not []string, atMost int) {
	t.Helper()
	ran := map[string]bool{}
	var paths []string
	for _, j := range d.Jobs {
		ran[j.Path] = true
		paths = append(paths, j.Path)
	}
	for _, m := range must {
		if !ran[m] {
			t.Errorf("%s was not re-rendered", m)
		}
	}
	for _, m := range not {
		if ran[m] {
			t.Errorf("%s was re-rendered, though nothing it shows changed", m)
		}
	}
	switch {
	case atMost < 0 && len(d.Jobs) > 0:
		t.Errorf("nothing changed, yet %d jobs ran: %v", len(d.Jobs), paths)
	case atMost > 0 && len(d.Jobs) > atMost:
		t.Errorf("%d jobs ran, want at most %d: %v", len(d.Jobs), atMost, paths)
	}
}

// TestLoadIncrementalDiagnostics checks that the incremental load finds
// exactly the problems Load finds, on a site with many of them.
func TestLoadIncrementalDiagnostics(t *testing.T) {
	root := copySite(t)
	for _, e := range []edit{
		write("content/cases/bad-street.md", strings.Replace(newCase, "street: 民族街道", "street: 民族街", 1)),
		write("content/cases/no-sections.md", "---\ntitle: 没有分节\ndate: 2025-01-01\nstreet: 民族街道\ntopics: [居民自治]\n---\n\n只有一段话。\n"),
		write("content/cases/broken/readme.txt", "没有 index.md 的文件夹\n"),
		write("content/cases/notes.txt", "不是页面\n"),
		write("content/cases/dup.md", strings.Replace(newCase, "title:", "slug: noise-dispute\ntitle:", 1)),
		write("content/lectures/unclosed.md", "---\ntitle: 没有结束的前言\n"),
		write("content/guides/bad-link.md", "---\ntitle: 链接写错的指南\n---\n\n见[噪音](../cases/noise-dispte.md)。\n"),
	} {
		e(t, root)
	}
	p, d, err := generator.LoadIncremental(generator.Options{Root: root}, devOptions)
	if err != nil {
		t.Fatal(err)
	}
	ref, err := generator.Load(generator.Options{Root: root})
	if err != nil {
		t.Fatal(err)
	}
	got, want := diagLines(d.Diagnostics), diagLines(ref.Diags.Sorted())
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("diagnostics differ:\n got: %q\nwant: %q", got, want)
	}
	if !d.Failed || len(d.Jobs) != 0 {
		t.Fatalf("a site with errors gave failed=%v and %d jobs", d.Failed, len(d.Jobs))
	}
	if len(p.Site.Pages) != len(ref.Site.Pages) {
		t.Fatalf("%d pages, want %d", len(p.Site.Pages), len(ref.Site.Pages))
	}
}

// TestIncrementalRandomEdits makes many random front matter edits, new and
// deleted cases, some at once, and compares with a full build after each:
// related cases, term pages and lists must follow every change.
func TestIncrementalRandomEdits(t *testing.T) {
	root := copySite(t)
	p, d, err := generator.LoadIncremental(generator.Options{Root: root}, devOptions)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	runJobs(t, root, themes.ForSite(root), d.Jobs, out)
	d.Commit()
	rng := rand.New(rand.NewSource(7))
	cfg := p.Site.Config
	var workers []string
	for _, w := range p.Site.Workers {
		workers = append(workers, w.Slug)
	}
	pick := func(xs []string, n int) string {
		var out []string
		for i := 0; i < n; i++ {
			out = append(out, xs[rng.Intn(len(xs))])
		}
		return "[" + strings.Join(out, ", ") + "]"
	}
	caseFile := func(title string) string {
		return fmt.Sprintf("---\ntitle: %s\ndate: 2024-%02d-%02d\nstreet: %s\ntopics: %s\nmethods: %s\nworkers: %s\nsummary: 随机生成的案例摘要。\n---\n\n## 问题\n居民反映的问题。\n\n## 解决方案\n社区的做法。\n",
			title, 1+rng.Intn(12), 1+rng.Intn(28), cfg.Streets[rng.Intn(len(cfg.Streets))],
			pick(cfg.Topics, 1+rng.Intn(2)), pick(cfg.Methods, rng.Intn(3)), pick(workers, 1+rng.Intn(2)))
	}
	var made []string
	for step := 0; step < 40; step++ {
		var changes []generator.Change
		for n := 1 + rng.Intn(3); n > 0; n-- {
			switch op := rng.Intn(4); {
			case op == 0 || len(made) == 0:
				slug := fmt.Sprintf("random-%02d-%d", step, n)
				rel := "content/cases/" + slug + ".md"
				write(rel, caseFile(fmt.Sprintf("随机案例%d", rng.Intn(5))))(t, root)
				made = append(made, rel)
				changes = append(changes, generator.Change{Path: rel})
			case op == 1:
				i := rng.Intn(len(made))
				remove(made[i])(t, root)
				changes = append(changes, generator.Change{Path: made[i]})
				made = append(made[:i], made[i+1:]...)
			default:
				rel := made[rng.Intn(len(made))]
				write(rel, caseFile(fmt.Sprintf("随机案例%d", rng.Intn(5))))(t, root)
				changes = append(changes, generator.Change{Path: rel})
			}
		}
		d, err := p.Apply(changes)
		if err != nil {
			t.Fatal(err)
		}
		if d.Failed {
			t.Fatalf("step %d: %q", step, diagLines(d.Diagnostics))
		}
		runJobs(t, root, themes.ForSite(root), d.Jobs, out)
		for _, r := range d.Removed {
			delete(out, r)
		}
		d.Commit()
		want, _ := fullBuild(t, root)
		sameOutput(t, out, want)
	}
}

// TestIncrementalRandomDrafts turns pages into drafts and back, renames
// drafts, and adds cases that name them in front matter and link to them
// in their text, comparing every diagnostic and, when there are no errors,
// the whole output with a full build after each step: a reference to a
// draft reads the same from check and from serve.
func TestIncrementalRandomDrafts(t *testing.T) {
	root := copySite(t)
	p, d, err := generator.LoadIncremental(generator.Options{Root: root}, devOptions)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	runJobs(t, root, themes.ForSite(root), d.Jobs, out)
	d.Commit()
	var pages, lectures []string // page files that may turn draft, lecture slugs
	for _, pg := range p.Site.Pages {
		if pg.Kind == "lectures" || pg.Kind == "cases" || pg.Kind == "workers" {
			pages = append(pages, pg.Source)
		}
		if pg.Kind == "lectures" {
			lectures = append(lectures, pg.Slug)
		}
	}
	sort.Strings(pages)
	ds := &drafts{root: root, pages: pages, lectures: lectures, rng: rand.New(rand.NewSource(11)), drafted: map[string]bool{}, broken: map[string]bool{}}
	failed, draftRefs, draftLinks := 0, 0, 0
	for step := 0; step < 40; step++ {
		var changes []generator.Change
		if ds.rng.Intn(2) == 0 {
			changes = ds.publishAll(t)
		}
		for n := ds.rng.Intn(3); n > 0; n-- {
			changes = append(changes, generator.Change{Path: ds.edit(t, step, n)})
		}
		d, err := p.Apply(changes)
		if err != nil {
			t.Fatal(err)
		}
		want, wantDiags := fullBuild(t, root)
		sameContentDiagnostics(t, d.Diagnostics, wantDiags)
		for _, x := range d.Diagnostics {
			switch {
			case x.Key == msg.DraftRef:
				draftRefs++
			case x.Key == msg.LinkToDraft:
				draftLinks++
			}
		}
		if d.Failed {
			failed++
			continue
		}
		runJobs(t, root, themes.ForSite(root), d.Jobs, out)
		for _, r := range d.Removed {
			delete(out, r)
		}
		d.Commit()
		sameOutput(t, out, want)
	}
	// The steps must have tried what they are for.
	if failed == 0 || failed == 40 || draftRefs == 0 || draftLinks == 0 {
		t.Errorf("%d of 40 steps failed, %d references and %d links to drafts: the edits do not test drafts", failed, draftRefs, draftLinks)
	}
	t.Logf("%d of 40 steps failed; %d references and %d links to drafts reported", failed, draftRefs, draftLinks)
}

// drafts are the random edits of TestIncrementalRandomDrafts and what they
// left in the library.
type drafts struct {
	root            string
	pages, lectures []string
	rng             *rand.Rand
	made            []string        // cases written that name a lecture
	drafted, broken map[string]bool // pages made drafts, with broken front matter
}

// toggle makes a page a draft, or publishes it again.
func (ds *drafts) toggle(t *testing.T, rel string) {
	b, err := os.ReadFile(filepath.Join(ds.root, filepath.FromSlash(rel)))
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	if strings.Contains(s, "\ndraft: true\n") {
		s = strings.Replace(s, "\ndraft: true\n", "\n", 1)
	} else {
		s = strings.Replace(s, "---\n", "---\ndraft: true\n", 1)
	}
	write(rel, s)(t, ds.root)
}

// publishAll publishes every draft again, mends every broken page and
// drops the cases written: the site builds, and its output is compared too.
func (ds *drafts) publishAll(t *testing.T) []generator.Change {
	var changes []generator.Change
	for rel := range ds.drafted {
		ds.toggle(t, rel)
		changes = append(changes, generator.Change{Path: rel})
	}
	for rel, b := range ds.broken {
		if b {
			b, _ := os.ReadFile(filepath.Join(ds.root, filepath.FromSlash(rel)))
			write(rel, strings.Replace(string(b), "\ntitle: [", "\ntitle: ", 1))(t, ds.root)
			changes = append(changes, generator.Change{Path: rel})
		}
	}
	for _, rel := range ds.made {
		remove(rel)(t, ds.root)
		changes = append(changes, generator.Change{Path: rel})
	}
	ds.drafted, ds.broken, ds.made = map[string]bool{}, map[string]bool{}, nil
	return changes
}

// edit makes one random edit and returns the path it changed.
func (ds *drafts) edit(t *testing.T, step, n int) string {
	root := ds.root
	switch op := ds.rng.Intn(6); {
	case op == 5:
		// Front matter broken, or mended.
		rel := ds.pages[ds.rng.Intn(len(ds.pages))]
		b, _ := os.ReadFile(filepath.Join(root, filepath.FromSlash(rel)))
		s := string(b)
		if strings.Contains(s, "\ntitle: [") {
			s = strings.Replace(s, "\ntitle: [", "\ntitle: ", 1)
		} else {
			s = strings.Replace(s, "\ntitle: ", "\ntitle: [", 1)
		}
		write(rel, s)(t, root)
		ds.broken[rel] = !ds.broken[rel]
		return rel
	case op <= 1:
		rel := ds.pages[ds.rng.Intn(len(ds.pages))]
		ds.toggle(t, rel)
		ds.drafted[rel] = !ds.drafted[rel]
		if !ds.drafted[rel] {
			delete(ds.drafted, rel)
		}
		return rel
	case op == 2 || len(ds.made) == 0:
		lec := ds.lectures[ds.rng.Intn(len(ds.lectures))]
		rel := fmt.Sprintf("content/cases/draft-ref-%02d-%d.md", step, n)
		text := fmt.Sprintf("---\ntitle: 引用微课的案例%d\ndate: 2024-05-%02d\nstreet: 民族街道\ntopics: [居民自治]\nlectures: [%s]\nsummary: 引用一门微课。\n---\n\n## 问题\n见[微课](../lectures/%s.md)。\n\n## 解决方案\n社区的做法。\n",
			step, 1+ds.rng.Intn(28), lec, lec)
		write(rel, text)(t, root)
		ds.made = append(ds.made, rel)
		return rel
	case op == 3:
		i := ds.rng.Intn(len(ds.made))
		rel := ds.made[i]
		remove(rel)(t, root)
		ds.made = append(ds.made[:i], ds.made[i+1:]...)
		return rel
	default:
		// A draft given another slug, or its slug taken back.
		rel := ds.pages[ds.rng.Intn(len(ds.pages))]
		b, _ := os.ReadFile(filepath.Join(root, filepath.FromSlash(rel)))
		s := string(b)
		if strings.Contains(s, "\nslug: renamed-draft\n") {
			s = strings.Replace(s, "\nslug: renamed-draft\n", "\n", 1)
		} else if strings.Contains(s, "\ndraft: true\n") {
			s = strings.Replace(s, "\ndraft: true\n", "\ndraft: true\nslug: renamed-draft\n", 1)
		}
		write(rel, s)(t, root)
		return rel
	}
}
