package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestNew(t *testing.T) {
	good := map[string]string{"content/cases/corridor.md": goodCase}
	runCLI(t, []cliCase{
		{"writes, says where and what next", good, func(d string) []string { return []string{"new", "cases", "noise", "-s", d} }, 0, nil,
			[]string{"已新建 DIR/content/cases/noise.md\n", "下一步：打开它，把「待填写」换成真实的内容；运行 jianghan serve 在浏览器里预览，保存即刷新\n"}},
		{"strips .md", good, func(d string) []string { return []string{"new", "cases", "my-case.md", "-s", d} }, 0, nil,
			[]string{"DIR/content/cases/my-case.md\n"}},
		{"takes the kind's Chinese name", good, func(d string) []string { return []string{"new", "案例", "lift", "-s", d} }, 0, nil,
			[]string{"DIR/content/cases/lift.md\n"}},
		{"wants two arguments", good, func(d string) []string { return []string{"new", "cases", "-s", d} }, 2,
			[]string{"jianghan new：要写栏目和名字，例如 jianghan new cases lift-seven-floors"}, nil},
		{"unknown kind with did-you-mean", good, func(d string) []string { return []string{"new", "case", "x", "-s", d} }, 2,
			[]string{"jianghan new：没有「case」这个栏目：栏目有 cases, lectures, guides, workers, courses, handbook，是不是「cases」？"}, nil},
		{"never overwrites", good, func(d string) []string { return []string{"new", "cases", "corridor", "-s", d} }, 2,
			[]string{"jianghan new：DIR/content/cases/corridor.md 已经有了：换一个名字，或者直接编辑那个文件"}, nil},
		{"a slug that cannot be a URL", good, func(d string) []string { return []string{"new", "cases", "a b", "-s", d} }, 2,
			[]string{"jianghan new：名字「a b」不能用在网址里"}, nil},
		{"no site.yaml names init", map[string]string{"content/site.yaml": ""}, func(d string) []string {
			os.Remove(filepath.Join(d, "content", "site.yaml"))
			return []string{"new", "cases", "lift", "-s", d}
		}, 2, []string{"jianghan new：DIR 里没有 content/site.yaml，还不是案例库：先用 jianghan init 新建一个"}, nil},
	})
	dir := t.TempDir()
	missing := filepath.Join(dir, "nope")
	code, _, stderr := jianghan(t, "new", "cases", "lift", "-s", missing)
	if code != 2 || !strings.Contains(stderr, "网站文件夹 "+missing+" 不存在") {
		t.Errorf("missing -s folder: exit %d %s", code, stderr)
	}
	if _, err := os.Stat(missing); err == nil {
		t.Error("new made the folder -s named")
	}
}

// A fresh page from every archetype passes check with at most its one
// 待填写 warning, the course included.
func TestArchetypesPassCheck(t *testing.T) {
	dir := t.TempDir()
	if code, _, stderr := jianghan(t, "init", dir); code != 0 {
		t.Fatalf("init: %s", stderr)
	}
	kinds := []string{"cases", "lectures", "guides", "workers", "courses", "handbook"}
	for _, k := range kinds {
		if code, _, stderr := jianghan(t, "new", k, "fresh-"+k, "-s", dir); code != 0 {
			t.Fatalf("new %s: %s", k, stderr)
		}
	}
	code, stdout, stderr := jianghan(t, "check", "-s", dir)
	if code != 0 {
		t.Fatalf("check: exit %d\n%s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(stderr), "\n")
	if len(lines) != len(kinds) {
		t.Errorf("want one warning for each fresh page, got:\n%s", stderr)
	}
	for _, k := range kinds {
		prefix := "content/" + k + "/fresh-" + k + ".md:3:8: 提醒：这一页还有 "
		found := false
		for _, l := range lines {
			if strings.HasPrefix(l, prefix) && strings.Contains(l, "处待填写（title") {
				found = true
			}
		}
		if !found {
			t.Errorf("no 待填写 warning for the fresh %s:\n%s", k, stderr)
		}
	}
	if want := fmt.Sprintf("检查通过：%d 页；0 个错误，%d 条提醒", 6+len(kinds), len(kinds)); !strings.Contains(stdout, want) {
		t.Errorf("stdout %q, want %q", stdout, want)
	}
	// The archetype lists the site's own values where the field takes them.
	b, err := os.ReadFile(filepath.Join(dir, "content", "cases", "fresh-cases.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"# 街道（必填）：从这些里选一个：民族街道、花楼街道、水塔街道",
		"title: 待填写：这个案例的标题",
		"；现有：zhang-min\n",
	} {
		if !strings.Contains(string(b), want) {
			t.Errorf("the fresh case lacks %q:\n%s", want, b)
		}
	}
}

func TestInit(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "我们的案例库")
	code, stdout, stderr := jianghan(t, "init", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"已在 " + dir + " 新建案例库", "下一步：先读 写作说明.md，然后\n  cd " + dir + "\n  jianghan serve"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, stdout)
		}
	}
	for _, f := range []string{".gitignore", "写作说明.md", "content/site.yaml", "content/cases/lift-seven-floors.md",
		"content/lectures/consultation-steps.md", "content/guides/resident-meeting.md", "content/workers/zhang-min/index.md",
		"content/courses/new-worker-basics.md", "content/handbook/roles.md"} {
		if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(f))); err != nil {
			t.Errorf("init did not write %s", f)
		}
	}
	code, stdout, stderr = jianghan(t, "check", "-s", dir)
	if code != 0 || stderr != "" || stdout != "检查通过：6 页；0 个错误，0 条提醒\n" {
		t.Errorf("a new library does not pass check at once: exit %d\n%s%s", code, stdout, stderr)
	}
	ignore, _ := os.ReadFile(filepath.Join(dir, ".gitignore"))
	for _, want := range []string{"/public/", "/.public.jianghan-prev/", "/.public.new-*/"} {
		if !strings.Contains(string(ignore), want) {
			t.Errorf(".gitignore lacks %s", want)
		}
	}
	code, _, stderr = jianghan(t, "init", dir)
	if code != 2 || stderr != "jianghan init："+dir+" 不是空文件夹：jianghan init 只在空文件夹里新建案例库，换一个新文件夹名吧\n" {
		t.Errorf("init over a library: exit %d %q", code, stderr)
	}
	file := filepath.Join(dir, "写作说明.md")
	if code, _, stderr := jianghan(t, "init", file); code != 2 || !strings.Contains(stderr, "已经是一个文件，不是文件夹") {
		t.Errorf("init on a file: exit %d %q", code, stderr)
	}
	wd, _ := os.Getwd()
	defer os.Chdir(wd)
	here := t.TempDir()
	os.Chdir(here)
	if code, _, stderr := jianghan(t, "init"); code != 0 {
		t.Errorf("init in the current, empty folder: %s", stderr)
	}
	if _, err := os.Stat(filepath.Join(here, "content", "site.yaml")); err != nil {
		t.Error("init with no folder did not write into the current one")
	}
}
