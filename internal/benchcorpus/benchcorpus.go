// Package benchcorpus writes the synthetic library every benchmark measures:
// N cases, and workers, lectures, guides, courses and handbook chapters in
// proportion (about one worker for ten cases, one lecture for twenty, one
// guide for fifty, one course for a hundred, twelve chapters), in the site
// format of docs/参考.md. With Hugo set it writes the same pages as a Hugo
// site (hugo.toml, content/, layouts/), so that bench/hugo.sh times both
// generators on the same text. The output is the same for the same N.
//
// Benchmarks call Site; scripts run `go run ./bench/corpus N OUT [--hugo]`.
package benchcorpus

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The vocabulary of the corpus, from the district's own account of how it
// trains its workers.
var (
	streets = []string{"民族街道", "花楼街道", "水塔街道", "民权街道", "满春街道", "民益街道",
		"前进街道", "汉兴街道", "新华街道", "万松街道", "唐家墩街道", "北湖街道"}
	topics = []string{"住宅小区综合治理", "业主委员会建设", "物业服务", "居民自治", "社区社会组织培育",
		"志愿者队伍建设", "养老服务", "青少年服务", "困难群体帮扶", "邻里纠纷调解",
		"社区环境整治", "公益创投"}
	methods  = []string{"个案工作", "小组工作", "社区工作", "三社联动", "议事协商", "赋权增能"}
	surnames = []rune("王李张刘陈杨黄赵周吴徐孙胡朱高林何郭马罗")
	given    = []string{"敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英", "华", "平", "刚", "桂英", "红"}
	clauses  = []string{
		"社区工作者以问题为导向组织居民议事", "通过入户走访了解居民的真实需求", "引导居民共同参与社区公共事务",
		"物业服务企业与业主之间长期存在矛盾", "老旧小区缺乏专业化的物业管理", "业主委员会迟迟未能依法成立",
		"社区社会组织停留在自娱自乐的阶段", "居民志愿者缺乏必要的培训与协作", "社工室以专业方法介入社区治理",
		"三社联动机制为项目提供了资源保障", "持证社工担任项目经理负责全程运营", "专家导师与实践导师共同开展督导",
		"议事会按照提出议题、协商讨论、形成决议的程序运行", "楼栋长与网格员配合开展信息收集", "居民从旁观者转变为参与者",
		"项目在区级公益创投大赛中获得资助", "社区形成了可复制的特色工作法", "居民满意度在回访中明显提升",
		"老年人的助餐与照护需求得到回应", "青少年课后托管服务缓解了双职工家庭的压力", "困难家庭获得了持续的个案跟进",
		"邻里纠纷在调解小组的介入下得到化解", "小区环境整治方案经过多轮协商后确定", "停车难问题通过共建共治得到缓解",
		"社区工作者运用助人自助的理念向居民赋权增能", "项目经验被汇编进实务操作手册", "督导团队定期复盘项目进展",
		"街道社会工作服务中心提供了场地与培训支持", "居民骨干在过程中成长为社区领袖", "社区公益基金撬动了辖区单位的资源",
	}
	descriptors = []string{"加装电梯", "楼道堆物", "垃圾分类", "停车管理", "独居老人", "流动儿童", "物业交接",
		"业委会换届", "公共空间改造", "志愿服务积分", "邻里节", "社区食堂", "四点半课堂", "雨污分流"}
)

// Site writes a library of n cases into a temporary folder and returns it.
func Site(tb testing.TB, n int) string {
	tb.Helper()
	dir := tb.TempDir()
	if err := Write(dir, n, false); err != nil {
		tb.Fatal(err)
	}
	return dir
}

// Write writes the library of n cases into dir: as a jianghan site, or
// with hugo set as the same pages for Hugo.
func Write(dir string, n int, hugo bool) error {
	g := &gen{rng: rand.New(rand.NewPCG(uint64(n), 0x6a69616e6768616e)), dir: filepath.Join(dir, "content")}
	g.library(n)
	if g.err != nil {
		return g.err
	}
	if hugo {
		return writeHugo(dir)
	}
	return writeFile(filepath.Join(dir, "content", "site.yaml"), "title: 江汉区社区工作案例课程库\nlanguage: zh-CN\nbase_url: /\n")
}

// gen writes pages from one random stream, keeping the first error.
type gen struct {
	rng *rand.Rand
	dir string
	err error
}

func (g *gen) pick(xs []string) string { return xs[g.rng.IntN(len(xs))] }

// between is a whole number from lo to hi, both included.
func (g *gen) between(lo, hi int) int { return lo + g.rng.IntN(hi-lo+1) }

// sample picks k different items in random order.
func (g *gen) sample(xs []string, k int) []string {
	k = min(k, len(xs))
	idx := g.rng.Perm(len(xs))[:k]
	out := make([]string, k)
	for i, j := range idx {
		out[i] = xs[j]
	}
	return out
}

func (g *gen) para(n int) string {
	parts := make([]string, n)
	for i := range parts {
		parts[i] = g.pick(clauses)
	}
	return strings.Join(parts, "，") + "。"
}

func (g *gen) body(paras int) string {
	parts := make([]string, paras)
	for i := range parts {
		parts[i] = g.para(g.between(3, 6))
	}
	return strings.Join(parts, "\n\n")
}

func (g *gen) person() string {
	return string(surnames[g.rng.IntN(len(surnames))]) + g.pick(given)
}

func list(xs []string) string { return "[" + strings.Join(xs, ", ") + "]" }

func (g *gen) write(rel, text string) {
	if g.err == nil {
		g.err = writeFile(filepath.Join(g.dir, filepath.FromSlash(rel)), text)
	}
}

func writeFile(path, text string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, []byte(text), 0o644)
}

// library writes every page of a library of n cases.
func (g *gen) library(n int) {
	nworkers, nlect, nguides, ncourses := max(3, n/10), max(2, n/20), max(2, n/50), max(1, n/100)
	workers := g.workers(nworkers)
	lectures := g.lectures(nlect)
	cases := g.cases(n, workers, lectures)
	for i := range nguides {
		g.write(fmt.Sprintf("guides/guide-%05d.md", i), fmt.Sprintf("---\ntitle: 社区社会工作室运营指南（%d）\naudience: 专职社工\n---\n", i)+
			"\n## 步骤\n\n- [ ] "+g.para(2)+"\n- [ ] "+g.para(2)+"\n\n"+g.body(4)+"\n")
	}
	for i := range ncourses {
		var refs []string
		for _, s := range g.sample(lectures, 3) {
			refs = append(refs, "lectures/"+s)
		}
		for _, s := range g.sample(cases, 5) {
			refs = append(refs, "cases/"+s)
		}
		g.write(fmt.Sprintf("courses/course-%05d.md", i), fmt.Sprintf("---\ntitle: 培训课程（%d）\nlessons: %s\n---\n", i, list(refs))+"\n"+g.body(2)+"\n")
	}
	for i := range 12 {
		g.write(fmt.Sprintf("handbook/chapter-%02d.md", i+1), fmt.Sprintf("---\ntitle: 第%d章 实务操作\nweight: %d\n---\n", i+1, i+1)+"\n## 要点\n\n"+g.body(5)+"\n")
	}
}

func (g *gen) workers(n int) []string {
	var slugs []string
	for i := range n {
		slug := fmt.Sprintf("worker-%05d", i)
		slugs = append(slugs, slug)
		street := g.pick(streets)
		fm := fmt.Sprintf("---\ntitle: \"%s\"\nstreet: %s\ncommunity: %s第%d社区\nrole: 社区社会工作室专职社工\ncertificate: %s\nmethod: %s工作法\nawards:\n  - year: %d\n    title: 江汉区优秀社区工作者\n---\n",
			g.person(), street, string([]rune(street)[0:2]), g.between(1, 9), g.pick([]string{"初级", "中级", "高级"}), g.pick(descriptors), g.between(2016, 2024))
		g.write("workers/"+slug+".md", fm+"\n## 工作经历\n\n"+g.body(3)+"\n\n## 特色工作法\n\n"+g.body(2)+"\n")
	}
	return slugs
}

func (g *gen) lectures(n int) []string {
	var slugs []string
	for i := range n {
		slug := fmt.Sprintf("lecture-%05d", i)
		slugs = append(slugs, slug)
		fm := fmt.Sprintf("---\ntitle: 微课堂：%s中的%s\nspeaker: %s\nduration: %dm\ntopics: %s\nobjectives:\n  - 理解%s的基本理念\n  - 掌握%s问题的处理流程\n---\n",
			g.pick(topics), g.pick(methods), g.person(), []int{10, 15, 20, 30}[g.rng.IntN(4)], list(g.sample(topics, 2)), g.pick(methods), g.pick(descriptors))
		g.write("lectures/"+slug+".md", fm+"\n## 课程要点\n\n"+g.body(4)+"\n")
	}
	return slugs
}

func (g *gen) cases(n int, workers, lectures []string) []string {
	var slugs []string
	for i := range n {
		slug := fmt.Sprintf("case-%05d", i)
		slugs = append(slugs, slug)
		street := g.pick(streets)
		d := g.pick(descriptors)
		short := string([]rune(street)[0:2])
		fm := fmt.Sprintf("---\ntitle: %s%s问题的协商解决（%d）\ndate: %d-%02d-%02d\nstreet: %s\ncommunity: %s第%d社区\ntopics: %s\nmethods: %s\ntags: %s\nworkers: %s\nlectures: %s\nsummary: %s\n---\n",
			short, d, i, g.between(2016, 2025), g.between(1, 12), g.between(1, 28), street, short, g.between(1, 9),
			list(g.sample(topics, g.between(1, 3))), list(g.sample(methods, g.between(1, 2))), list([]string{d}),
			list(g.sample(workers, 1)), list(g.sample(lectures, 1)), g.para(2))
		md := fm + "\n## 问题\n\n" + g.body(g.between(2, 4)) +
			"\n\n## 解决方案\n\n" + g.body(g.between(2, 5)) +
			"\n\n1. " + g.para(2) + "\n2. " + g.para(2) + "\n3. " + g.para(2) +
			"\n\n## 成效\n\n" + g.body(2) +
			fmt.Sprintf("\n\n| 指标 | 实施前 | 实施后 |\n|---|---|---|\n| 居民参与人次 | %d | %d |\n", g.between(10, 80), g.between(80, 400)) +
			"\n## 反思\n\n" + g.body(1) + "\n"
		g.write("cases/"+slug+".md", md)
	}
	return slugs
}

// writeHugo writes the Hugo configuration and layouts that show the same
// pages much as jianghan's theme does, for a fair comparison of the work.
func writeHugo(dir string) error {
	files := map[string]string{
		"hugo.toml": `baseURL = "/"
title = "江汉区社区工作案例课程库"
languageCode = "zh-CN"
hasCJKLanguage = true
disableKinds = ["RSS"]
[taxonomies]
  topic = "topics"
  street = "street"
  method = "methods"
  tag = "tags"
[markup.goldmark.extensions]
  table = true
`,
		"layouts/_default/baseof.html": `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>{{ .Title }} · {{ site.Title }}</title></head><body><header><a href="{{ "/" | relURL }}">{{ site.Title }}</a></header><main>{{ block "main" . }}{{ end }}</main></body></html>` + "\n",
		"layouts/_default/single.html": `{{ define "main" }}<article><h1>{{ .Title }}</h1>{{ with .Params.street }}<p>{{ . }}</p>{{ end }}{{ range .GetTerms "topics" }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a> {{ end }}{{ .Content }}</article>{{ end }}` + "\n",
		"layouts/_default/list.html":   `{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Paginator.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Summary }}</li>{{ end }}</ul>{{ end }}` + "\n",
		"layouts/index.html":           `{{ define "main" }}<ul>{{ range first 20 (where site.RegularPages "Section" "cases") }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}` + "\n",
	}
	for name, text := range files {
		if err := writeFile(filepath.Join(dir, filepath.FromSlash(name)), text); err != nil {
			return err
		}
	}
	return nil
}

// The vocabulary again, exported for tests that make the same kind of pages
// in memory rather than on disk (search/internal/testcorpus).
var (
	Streets     = streets
	Topics      = topics
	Methods     = methods
	Clauses     = clauses
	Descriptors = descriptors
	Surnames    = surnames
	Given       = given
)
