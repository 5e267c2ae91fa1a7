package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// What the commands print of untrusted content, and what they do when a
// build is killed.

// TestSearchPrintsNoTerminalEscapes is the use side of finding 9: a title
// holding `ESC ]0;PWNED BEL ESC [2J` passed check, and `jianghan search`
// printed the raw sequence to the trainer's terminal, retitling the window
// and clearing the screen. Check refuses it now; search, which works on a
// library with errors, prints it as visible escapes.
func TestSearchPrintsNoTerminalEscapes(t *testing.T) {
	evil := "---\ntitle: \"敲门行动\\e]0;PWNED\\a\\e[2J\"\nstreet: 水塔街道\ntopics: [居民自治]\nsummary: 志愿者\u202e每天敲门。\n---\n\n## 问题\n\n独居老人\x1b[31m无人照看\x1b[0m。\n\n## 解决方案\n\n志愿者每天敲门\x07。\n"
	dir := site(t, map[string]string{"content/cases/knock.md": evil})
	t.Setenv("JIANGHAN_CACHE_DIR", t.TempDir())
	var stdout, stderr bytes.Buffer
	if code := run([]string{"check", "-s", dir}, &stdout, &stderr); code != exitContent {
		t.Errorf("check: exit %d, want %d\n%s", code, exitContent, &stderr)
	}
	if !strings.Contains(stderr.String(), `content/cases/knock.md:2:8: title 里有控制字符 U+001B`) {
		t.Errorf("check does not name the control character:\n%s", &stderr)
	}
	for _, args := range [][]string{{"search", "-s", dir, "敲门"}, {"search", "-s", dir, "无人照看"}, {"check", "-s", dir}} {
		stdout.Reset()
		stderr.Reset()
		run(args, &stdout, &stderr)
		for name, b := range map[string]*bytes.Buffer{"stdout": &stdout, "stderr": &stderr} {
			for _, c := range []string{"\x1b", "\x07", "\u202e"} {
				if strings.Contains(b.String(), c) {
					t.Errorf("%v: %s holds %q:\n%q", args, name, c, b)
				}
			}
		}
		if args[len(args)-1] == "敲门" && !strings.Contains(stdout.String(), `敲门行动\x1b]0;PWNED\x07\x1b[2J`) {
			t.Errorf("the title is not shown as escapes:\n%s", &stdout)
		}
	}
}

// TestNoStackTraces is finding 3 as the trainer saw it: a body holding one
// line saved in GBK ended build and check with exit 2 and a Go stack trace.
func TestNoStackTraces(t *testing.T) {
	gbk := "---\ntitle: 保安巡逻\nstreet: 水塔街道\ntopics: [居民自治]\nsummary: 夜间巡逻。\n---\n\n## 问题\n\n\xa1\xb0\xb1\xa3\xb0\xb2\xa1\xb1\n\n## 解决方案\n\n\xb4\n0\n"
	dir := site(t, map[string]string{"content/cases/patrol.md": gbk})
	for _, cmd := range []string{"check", "build"} {
		var stdout, stderr bytes.Buffer
		code := run([]string{cmd, "-s", dir}, &stdout, &stderr)
		if code != exitContent {
			t.Errorf("%s: exit %d, want %d", cmd, code, exitContent)
		}
		want := "content/cases/patrol.md:10:1: 该文件不是 UTF-8 编码，看起来是 GBK：请另存为 UTF-8"
		if !strings.Contains(stderr.String(), want) || strings.Contains(stderr.String(), "goroutine") {
			t.Errorf("%s printed:\n%s\nwant %q", cmd, &stderr, want)
		}
	}
}

// TestHelperBuild is not a test: TestKilledBuildsLeaveNothing runs the test
// binary as `jianghan build` through it, to kill it.
func TestHelperBuild(t *testing.T) {
	args := os.Getenv("JIANGHAN_HELPER_ARGS")
	if args == "" {
		t.Skip("runs only as a helper process")
	}
	os.Exit(run(strings.Split(args, "\x1f"), os.Stdout, os.Stderr))
}

// TestKilledBuildsLeaveNothing is finding 5 for real: builds killed with
// kill -9 while they write, then one build that finishes. Nothing the
// killed builds made is left beside the output.
func TestKilledBuildsLeaveNothing(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a large library several times")
	}
	files := map[string]string{}
	for i := 0; i < 1500; i++ {
		files[fmt.Sprintf("content/cases/case-%04d.md", i)] = strings.Replace(goodCase, "楼道堆物清理", fmt.Sprintf("楼道堆物清理之%d", i), 1)
	}
	dir := site(t, files)
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	t.Setenv("JIANGHAN_CACHE_DIR", t.TempDir())
	killed := 0
	for try := 0; try < 8 && killed < 3; try++ {
		cmd := exec.Command(os.Args[0], "-test.run=^TestHelperBuild$")
		cmd.Env = append(os.Environ(), "JIANGHAN_HELPER_ARGS="+strings.Join([]string{"build", "-s", dir, "-o", out}, "\x1f"))
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// Kill it once it writes into a side folder of its own.
		before := sideFolders(parent)
		for {
			if writing(parent, before) {
				cmd.Process.Signal(syscall.SIGKILL)
				break
			}
			if cmd.ProcessState != nil {
				break
			}
			time.Sleep(time.Millisecond)
		}
		cmd.Wait()
		if writing(parent, before) {
			killed++
		}
	}
	if killed == 0 {
		t.Skip("no build was killed while it wrote; the machine is too fast for this test")
	}
	var stdout, stderr bytes.Buffer
	if code := run([]string{"build", "-s", dir, "-o", out}, &stdout, &stderr); code != exitOK {
		t.Fatalf("build after %d killed: exit %d\n%s", killed, code, &stderr)
	}
	entries, _ := os.ReadDir(parent)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".new-") {
			t.Errorf("%d killed builds left %s beside the output", killed, e.Name())
		}
	}
}

// sideFolders lists the side folders beside the output in parent.
func sideFolders(parent string) map[string]bool {
	m := map[string]bool{}
	entries, _ := os.ReadDir(parent)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".new-") {
			m[e.Name()] = true
		}
	}
	return m
}

// writing reports whether a build is writing pages into a side folder of
// parent that was not there before.
func writing(parent string, before map[string]bool) bool {
	for name := range sideFolders(parent) {
		if _, err := os.Stat(filepath.Join(parent, name, "cases")); err == nil && !before[name] {
			return true
		}
	}
	return false
}

// TestNewRefusesSlugsThatCannotBeURLs: `jianghan new` makes a path from
// its SLUG, and refuses one that load would refuse.
func TestNewRefusesSlugsThatCannotBeURLs(t *testing.T) {
	dir := site(t, nil)
	for _, slug := range []string{"a\x1b[2Jb", "lift\x00", "<b>", `a"b`, ".."} {
		var stdout, stderr bytes.Buffer
		if code := run([]string{"new", "cases", slug, "-s", dir}, &stdout, &stderr); code == exitOK {
			t.Errorf("new %q: exit 0\n%s", slug, &stdout)
		}
		if !strings.Contains(stderr.String(), "网址") {
			t.Errorf("new %q: %s", slug, &stderr)
		}
	}
	entries, _ := os.ReadDir(filepath.Join(dir, "content", "cases"))
	if len(entries) != 0 {
		t.Errorf("new made %v", entries)
	}
}
