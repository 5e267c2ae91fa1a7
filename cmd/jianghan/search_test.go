package main

import (
	"fmt"
	"strings"
	"testing"
)

// elevenCases are eleven cases about lifts, one more than a page of hits.
func elevenCases() map[string]string {
	files := map[string]string{}
	for i := range 11 {
		files[fmt.Sprintf("content/cases/lift-%02d.md", i)] = fmt.Sprintf(
			"---\ntitle: 第%d栋楼加装电梯\nstreet: 水塔街道\ntopics: [居民自治]\nmethods: [议事协商]\nsummary: 加装电梯的议事。\n---\n\n## 问题\n\n加装电梯有分歧。\n\n## 解决方案\n\n楼栋议事。\n", i+1)
	}
	return files
}

func TestSearch(t *testing.T) {
	files := elevenCases()
	runCLI(t, []cliCase{
		{"says how many of how many", files, func(d string) []string { return []string{"search", "-s", d, "电梯"} }, 0, nil,
			[]string{"「电梯」：显示前 10 条，共 11 条；用 -n 显示更多\n", "  [案例]\n"}},
		{"all of them", files, func(d string) []string { return []string{"search", "-s", d, "-n", "20", "电梯"} }, 0, nil,
			[]string{"「电梯」共 11 条结果：\n", "\n11. "}},
		{"nothing", files, func(d string) []string { return []string{"search", "-s", d, "火箭"} }, 0, nil,
			[]string{"没有找到与「火箭」相关的内容。"}},
		{"kind by its Chinese name", files, func(d string) []string { return []string{"search", "-s", d, "--kind", "案例", "电梯"} }, 0, nil,
			[]string{"共 11 条"}},
		{"-n 0", files, func(d string) []string { return []string{"search", "-s", d, "-n", "0", "电梯"} }, 2,
			[]string{"jianghan search：-n 要在 1 到 100 之间，不能是 0\n运行 jianghan search -h 查看用法\n"}, nil},
		{"-n 1000", files, func(d string) []string { return []string{"search", "-s", d, "-n", "1000", "电梯"} }, 2,
			[]string{"-n 要在 1 到 100 之间，不能是 1000"}, nil},
		{"a kind that is not one", files, func(d string) []string { return []string{"search", "-s", d, "--kind", "bogus", "电梯"} }, 2,
			[]string{"jianghan search：没有「bogus」这个栏目：栏目有 cases, lectures, guides, workers, courses, handbook\n"}, nil},
		{"a street with did-you-mean", files, func(d string) []string { return []string{"search", "-s", d, "--street", "民族街", "电梯"} }, 2,
			[]string{"jianghan search：街道「民族街」不在 site.yaml 的街道列表里，是不是「民族街道」？\n"}, nil},
		{"a topic", files, func(d string) []string { return []string{"search", "-s", d, "--topic", "自治", "电梯"} }, 2,
			[]string{"jianghan search：主题「自治」不在 site.yaml 的主题列表里"}, nil},
		{"a method", files, func(d string) []string { return []string{"search", "-s", d, "--method", "协商", "电梯"} }, 2,
			[]string{"jianghan search：方法「协商」不在 site.yaml 的方法列表里"}, nil},
		{"filters that are there", files, func(d string) []string {
			return []string{"search", "-s", d, "--street", "水塔街道", "--topic", "居民自治", "--method", "议事协商", "电梯"}
		}, 0, nil, []string{"共 11 条"}},
	})
	// A site that declares no list takes the values its pages use.
	open := map[string]string{"content/site.yaml": "title: 测试库\n", "content/cases/a.md": goodCase}
	runCLI(t, []cliCase{
		{"no list declared, a value the pages use", open, func(d string) []string { return []string{"search", "-s", d, "--street", "水塔街道", "楼道"} }, 0, nil,
			[]string{"共 1 条结果"}},
		{"no list declared, a value none uses", open, func(d string) []string { return []string{"search", "-s", d, "--street", "水塔", "楼道"} }, 2,
			[]string{"街道「水塔」不在 site.yaml 的街道列表里，是不是「水塔街道」？"}, nil},
	})
}

// A library of many lectures without summaries prints twenty of the
// warning and a count, not one line each; --all prints them all.
func TestWarningsFold(t *testing.T) {
	files := map[string]string{}
	for i := range 60 {
		files[fmt.Sprintf("content/lectures/l-%03d.md", i)] = "---\ntitle: 微课\n---\n\n正文。\n"
	}
	dir := site(t, files)
	for _, cmd := range []string{"check", "build"} {
		code, _, stderr := jianghan(t, cmd, "-s", dir)
		lines := strings.Split(strings.TrimSpace(stderr), "\n")
		if code != 0 || len(lines) != 20+1 {
			t.Errorf("%s: exit %d, %d lines:\n%s", cmd, code, len(lines), stderr)
		}
		if !strings.Contains(stderr, "content/lectures/l-019.md:3:1: 提醒：没有摘要") || strings.Contains(stderr, "l-020.md") ||
			!strings.Contains(stderr, "……还有 40 条同类提醒，用 --all 查看全部\n") {
			t.Errorf("%s did not fold the warnings:\n%s", cmd, stderr)
		}
		_, stdout, _ := jianghan(t, cmd, "-s", dir)
		if !strings.Contains(stdout, "0 个错误，60 条提醒") {
			t.Errorf("%s: the summary does not count them all: %s", cmd, stdout)
		}
		_, _, stderr = jianghan(t, cmd, "-s", dir, "--all")
		if n := strings.Count(stderr, "提醒：没有摘要"); n != 60 {
			t.Errorf("%s --all printed %d of 60", cmd, n)
		}
	}
}
