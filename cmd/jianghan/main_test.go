package main

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/jianghan-district/jianghan/internal/msg"
)

// site writes a minimal site and returns its folder.
func site(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	base := map[string]string{
		"content/site.yaml": "title: 测试库\nstreets: [民族街道, 水塔街道]\ntopics: [居民自治]\nmethods: [议事协商]\n",
	}
	for k, v := range files {
		base[k] = v
	}
	for name, body := range base {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

const goodCase = "---\ntitle: 楼道堆物清理\nstreet: 水塔街道\ntopics: [居民自治]\nsummary: 居民自管楼道。\n---\n\n## 问题\n\n楼道堆满杂物。\n\n## 解决方案\n\n居民自己定公约。\n"

// jianghan runs the command line as a person would, in a fresh process
// language, and returns the exit status and both outputs.
func jianghan(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	t.Setenv("JIANGHAN_CACHE_DIR", t.TempDir())
	defer msg.SetLang(msg.Zh)
	var stdout, stderr bytes.Buffer
	code := run(args, &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

type cliCase struct {
	name       string
	files      map[string]string
	args       func(dir string) []string
	want       int
	wantStderr []string
	wantStdout []string
}

func runCLI(t *testing.T, tests []cliCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := site(t, tt.files)
			code, stdout, stderr := jianghan(t, tt.args(dir)...)
			if code != tt.want {
				t.Errorf("exit %d, want %d\nstdout: %s\nstderr: %s", code, tt.want, stdout, stderr)
			}
			for _, w := range tt.wantStderr {
				if !strings.Contains(stderr, strings.ReplaceAll(w, "DIR", dir)) {
					t.Errorf("stderr lacks %q:\n%s", w, stderr)
				}
			}
			for _, w := range tt.wantStdout {
				if !strings.Contains(stdout, strings.ReplaceAll(w, "DIR", dir)) {
					t.Errorf("stdout lacks %q:\n%s", w, stdout)
				}
			}
		})
	}
}

func TestExitStatus(t *testing.T) {
	good := map[string]string{"content/cases/corridor.md": goodCase}
	bad := map[string]string{"content/cases/lift.md": "---\ntitle: 加装电梯\nstreet: 民族街\ntopics: [居民自治]\n---\n\n## 问题\n\n一\n\n## 解决方案\n\n二\n"}
	runCLI(t, []cliCase{
		{"no command", nil, func(string) []string { return nil }, 2, []string{"用法：", "jianghan init "}, nil},
		{"unknown command: one line and the hint", nil, func(string) []string { return []string{"biuld"} }, 2,
			[]string{"jianghan：没有「biuld」这个命令（jianghan -h 列出所有命令），是不是「build」？\n"}, nil},
		{"unknown option", good, func(d string) []string { return []string{"build", "-s", d, "--fast"} }, 2,
			[]string{"jianghan build：没有 --fast 这个选项", "运行 jianghan build -h 查看用法"}, nil},
		{"option without its value", good, func(d string) []string { return []string{"check", "-s"} }, 2,
			[]string{"jianghan check：选项 -s 后面要写一个值"}, nil},
		{"option with a bad value", good, func(d string) []string { return []string{"search", "-s", d, "-n", "十", "电梯"} }, 2,
			[]string{"jianghan search：选项 -n 的值「十」不对"}, nil},
		{"an argument too many", good, func(d string) []string { return []string{"check", "-s", d, "more"} }, 2,
			[]string{"jianghan check：多了一个参数「more」"}, nil},
		{"build ok", good, func(d string) []string { return []string{"build", "-s", d} }, 0, nil,
			[]string{"已生成 1 页（", "个文件）到 DIR/public，用时 ", "；0 个错误，0 条提醒"}},
		{"check ok", good, func(d string) []string { return []string{"check", "-s", d} }, 0, nil, []string{"检查通过：1 页；0 个错误，0 条提醒"}},
		{"check errors", bad, func(d string) []string { return []string{"check", "-s", d} }, 1,
			[]string{"content/cases/lift.md:3:9: 街道「民族街」不在 site.yaml 的街道列表里，是不是「民族街道」？", "检查没有通过：1 个错误，1 条提醒"}, nil},
		{"build errors", bad, func(d string) []string { return []string{"build", "-s", d} }, 1,
			[]string{"生成失败：1 个错误，1 条提醒；什么都没有发布，原来的网站没有动"}, nil},
		{"search needs a query", good, func(d string) []string { return []string{"search", "-s", d} }, 2,
			[]string{"jianghan search：要写搜索的内容，例如 jianghan search 加装电梯", "运行 jianghan search -h 查看用法"}, nil},
	})
}

// A folder that is not there, is a file, or holds no content/ is the same
// slip for every command: exit 2, one line, the absolute path.
func TestSiteFolder(t *testing.T) {
	empty := t.TempDir()
	missing := filepath.Join(empty, "没有这个文件夹")
	file := filepath.Join(empty, "一个文件.txt")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, cmd := range [][]string{{"check"}, {"build"}, {"serve", "--addr", "127.0.0.1:0"}, {"search", "电梯"}, {"new", "cases", "lift"}} {
		for _, tt := range []struct{ dir, want string }{
			{missing, "网站文件夹 " + missing + " 不存在：用 -s 指定放 content/ 的文件夹\n"},
			{file, file + " 不是文件夹：用 -s 指定放 content/ 的网站文件夹\n"},
			{empty, "网站文件夹 " + empty + " 里没有 content/：在网站文件夹里运行 jianghan，或者用 -s 指定它；要新建一个案例库，用 jianghan init\n"},
		} {
			if cmd[0] == "new" && tt.dir == empty {
				continue // new says what a folder without a library lacks: see TestNew
			}
			t.Run(cmd[0]+" "+filepath.Base(tt.dir), func(t *testing.T) {
				code, _, stderr := jianghan(t, append(cmd, "-s", tt.dir)...)
				if code != 2 || stderr != "jianghan "+cmd[0]+"："+tt.want {
					t.Errorf("exit %d, stderr %q; want 2, %q", code, stderr, tt.want)
				}
			})
		}
	}
	// A relative -s is named by its absolute path.
	wd, _ := os.Getwd()
	code, _, stderr := jianghan(t, "check", "-s", "没有这个文件夹")
	if want := filepath.Join(wd, "没有这个文件夹"); code != 2 || !strings.Contains(stderr, want) {
		t.Errorf("exit %d: %s; want the absolute path %s", code, stderr, want)
	}
}

// -h and --help on every command print its help to stdout and exit 0.
func TestHelp(t *testing.T) {
	for _, args := range [][]string{{"-h"}, {"--help"}, {"help"}} {
		code, stdout, stderr := jianghan(t, args...)
		if code != 0 || stderr != "" || !strings.Contains(stdout, "jianghan check    检查内容，一次列出所有错误和提醒") {
			t.Errorf("%v: exit %d\n%s%s", args, code, stdout, stderr)
		}
	}
	for _, c := range commands {
		for _, h := range []string{"-h", "--help"} {
			t.Run(c.name+" "+h, func(t *testing.T) {
				code, stdout, stderr := jianghan(t, c.name, h)
				if code != 0 || stderr != "" {
					t.Fatalf("exit %d, stderr %q", code, stderr)
				}
				for _, want := range []string{"jianghan " + c.name + "：" + msg.T(c.about), "用法：\n  jianghan " + c.name, "-h, --help", "--lang 语言"} {
					if !strings.Contains(stdout, want) {
						t.Errorf("help lacks %q:\n%s", want, stdout)
					}
				}
			})
		}
	}
	_, stdout, _ := jianghan(t, "new", "-h")
	for _, want := range []string{"jianghan new [-s 网站] 栏目 名字", "栏目：\n  cases     案例\n  lectures  微课\n"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("new -h lacks %q:\n%s", want, stdout)
		}
	}
	_, stdout, _ = jianghan(t, "help", "search")
	if !strings.Contains(stdout, "--kind 栏目") || !strings.Contains(stdout, "只搜这个栏目：cases, lectures") {
		t.Errorf("help search:\n%s", stdout)
	}
}

// --lang en, anywhere on the line, or JIANGHAN_LANG=en gives English.
func TestEnglish(t *testing.T) {
	bad := map[string]string{"content/cases/lift.md": "---\ntitle: 加装电梯\nstreet: 民族街\ntopics: [居民自治]\nsummary: 一句话。\n---\n\n## 问题\n\n一\n\n## 解决方案\n\n二\n"}
	dir := site(t, bad)
	for _, args := range [][]string{
		{"--lang", "en", "check", "-s", dir},
		{"check", "--lang=en", "-s", dir},
		{"check", "-s", dir, "--lang", "en"},
	} {
		code, _, stderr := jianghan(t, args...)
		want := `content/cases/lift.md:3:9: street "民族街" is not in site.yaml streets (did you mean "民族街道"?)` + "\ncheck failed: 1 error(s), 0 warning(s)\n"
		if code != 1 || stderr != want {
			t.Errorf("%v: exit %d\n%s", args, code, stderr)
		}
	}
	t.Setenv("JIANGHAN_LANG", "en")
	msg.SetLang(msg.En) // as the process starts with it
	code, stdout, _ := jianghan(t, "build", "-h")
	if code != 0 || !strings.Contains(stdout, "Usage:\n  jianghan build [-s SITE] [-o OUT] [--base-url URL]") {
		t.Errorf("JIANGHAN_LANG=en build -h:\n%s", stdout)
	}
	code, _, stderr := jianghan(t, "--lang", "fr", "check")
	if code != 2 || stderr != "jianghan：不认识语言「fr」：用 --lang zh 或 --lang en\n" {
		t.Errorf("--lang fr: exit %d %q", code, stderr)
	}
}

func TestVersion(t *testing.T) {
	for _, args := range [][]string{{"version"}, {"--version"}} {
		code, stdout, _ := jianghan(t, args...)
		if code != 0 || !strings.HasPrefix(stdout, "jianghan 版本 ") || !strings.Contains(stdout, "提交 ") {
			t.Errorf("%v: exit %d\n%s", args, code, stdout)
		}
	}
	v := versionOf(&debug.BuildInfo{Main: debug.Module{Version: "v1.2.0"}, Settings: []debug.BuildSetting{
		{Key: "vcs.revision", Value: "416c58c0"}, {Key: "vcs.time", Value: "2026-12-02T04:43:00Z"}, {Key: "vcs.modified", Value: "true"},
	}})
	if v.module != "v1.2.0" || v.revision != "416c58c0" || v.time != "2026-12-02T04:43:00Z" || !v.dirty {
		t.Errorf("read %+v", v)
	}
	if v := versionOf(nil); v.module != "未知" || v.revision != "未知" {
		t.Errorf("without build info: %+v", v)
	}
}
func TestBuildPrecompress(t *testing.T) {
	t.Setenv("JIANGHAN_CACHE_DIR", t.TempDir())
	dir := site(t, map[string]string{"content/cases/corridor.md": goodCase})
	var stdout, stderr bytes.Buffer
	if code := run([]string{"build", "-s", dir, "--precompress"}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d\n%s", code, &stderr)
	}
	for _, name := range []string{"index.html.gz", "index.html.br", "cases/corridor/index.html.gz", "sitemap.xml.gz"} {
		if _, err := os.Stat(filepath.Join(dir, "public", filepath.FromSlash(name))); err != nil {
			t.Errorf("--precompress wrote no %s", name)
		}
	}
	if code := run([]string{"build", "-s", dir}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d\n%s", code, &stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "public", "index.html.gz")); err == nil {
		t.Error("a build without --precompress kept the compressed copies")
	}
}
