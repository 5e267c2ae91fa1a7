package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jianghan-district/jianghan/server"
)

// TestDayOne walks a new trainer's first day, from an empty folder to a
// mistake made and fixed under serve, and reads what jianghan says on the
// way, in Chinese.
func TestDayOne(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "江汉案例库")
	say := func(want int, args ...string) (string, string) {
		t.Helper()
		code, stdout, stderr := jianghan(t, args...)
		if code != want {
			t.Fatalf("jianghan %s: exit %d, want %d\n%s%s", strings.Join(args, " "), code, want, stdout, stderr)
		}
		return stdout, stderr
	}
	expect := func(what, text string, wants ...string) {
		t.Helper()
		for _, w := range wants {
			if !strings.Contains(text, w) {
				t.Errorf("%s lacks %q:\n%s", what, w, text)
			}
		}
	}

	// 1. A new library.
	out, _ := say(0, "init", lib)
	expect("init", out, "已在 "+lib+" 新建案例库", "jianghan serve      在浏览器里预览")
	out, errs := say(0, "check", "-s", lib)
	expect("check of the new library", out+errs, "检查通过：6 页；0 个错误，0 条提醒")

	// 2. A page of each kind, from the archetypes.
	kinds := map[string]string{"cases": "lift-grove", "lectures": "mediation", "guides": "door-visits", "workers": "li-jing", "courses": "first-month", "handbook": "records"}
	for kind, slug := range kinds {
		out, _ := say(0, "new", kind, slug+".md", "-s", lib)
		expect("new "+kind, out, "已新建 "+filepath.Join(lib, "content", kind, slug+".md"), "下一步：打开它，把「待填写」换成真实的内容")
	}
	out, errs = say(0, "check", "-s", lib)
	expect("check with fresh pages", out+errs,
		"content/cases/lift-grove.md:3:8: 提醒：这一页还有 5 处待填写（title、street、topics、summary和正文第 26 行）：填好后这条提醒就会消失",
		"检查通过：12 页；0 个错误，6 条提醒")

	// 3. The case written, the other fresh pages put aside for now.
	for kind, slug := range kinds {
		if kind != "cases" {
			os.Remove(filepath.Join(lib, "content", kind, slug+".md"))
		}
	}
	casePath := filepath.Join(lib, "content", "cases", "lift-grove.md")
	writeCase(t, casePath, "水塔街道")
	out, errs = say(0, "check", "-s", lib)
	if errs != "" || out != "检查通过：7 页；0 个错误，0 条提醒\n" {
		t.Errorf("check of the written case:\n%s%s", out, errs)
	}
	out, _ = say(0, "build", "-s", lib)
	expect("build", out, "已生成 7 页（", "个文件）到 "+filepath.Join(lib, "public")+"，用时 ", "；0 个错误，0 条提醒")
	page, err := os.ReadFile(filepath.Join(lib, "public", "cases", "lift-grove", "index.html"))
	if err != nil || !bytes.Contains(page, []byte("梧桐小区加装电梯")) {
		t.Fatalf("the built case page: %v", err)
	}

	// 4. serve, a save with a mistake, and its fix.
	sv := startServe(t, lib)
	expect("serve's first lines", sv.out.String(), "正在提供 "+lib+"：http://127.0.0.1:", "（按 Ctrl-C 停止）", "已生成 7 页（")
	events := sv.listen(t)
	events.next(t, "hello")
	writeCase(t, casePath, "民族街")
	o := events.next(t, "overlay")
	var ov struct {
		Title string
		Lines []string
	}
	json.Unmarshal(o, &ov)
	if ov.Title != "内容有 1 处错误，页面仍是上次成功生成的版本。改正后会自动刷新：" ||
		len(ov.Lines) != 1 || ov.Lines[0] != "content/cases/lift-grove.md 第 4 行第 9 列：街道「民族街」不在 site.yaml 的街道列表里，是不是「民族街道」？" {
		t.Errorf("the overlay: %s", o)
	}
	sv.waitLog(t, "✗ 1 个错误，0 条提醒：改好后保存就行，浏览器里也会显示这些错误；现在仍在提供上次生成成功的网站")
	expect("serve's terminal", sv.out.String(), "content/cases/lift-grove.md:4:9: 街道「民族街」不在 site.yaml 的街道列表里，是不是「民族街道」？")
	if body := sv.get(t, "/cases/lift-grove/"); !strings.Contains(body, "梧桐小区加装电梯") {
		t.Error("the last good page is not served while the content has an error")
	}
	writeCase(t, casePath, "民族街道")
	events.next(t, "clear")
	sv.waitLog(t, "✓ content/cases/lift-grove.md：重新生成了 ")
	if body := sv.get(t, "/streets/"); !strings.Contains(body, "民族街道") {
		t.Error("the fixed street is not on the site")
	}
	sv.stop(t)
	expect("serve's last line", sv.out.String(), "已停止")
}

// writeCase writes the trainer's case, with the street given.
func writeCase(t *testing.T, path, street string) {
	t.Helper()
	text := "---\ntitle: 梧桐小区加装电梯\ndate: 2025-03-01\nstreet: " + street + "\ncommunity: 梧桐社区\ntopics: [老旧小区改造与加装电梯]\nmethods: [议事协商]\nworkers: [zhang-min]\nsummary: 六层老楼用三次楼栋议事定下了出资办法。\n---\n\n## 问题\n\n低层住户不愿出资。\n\n## 解决方案\n\n三次楼栋议事，按楼层系数分摊。\n"
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// serving is a jianghan serve run by a test.
type serving struct {
	out    *syncBuffer
	url    string
	cancel context.CancelFunc
	done   chan int
}

func startServe(t *testing.T, lib string) *serving {
	t.Helper()
	t.Setenv("JIANGHAN_CACHE_DIR", t.TempDir())
	ctx, cancel := context.WithCancel(context.Background())
	sv := &serving{out: &syncBuffer{}, cancel: cancel, done: make(chan int, 1)}
	c := &cli{stdout: sv.out, stderr: sv.out, stop: ctx}
	go func() { sv.done <- c.run([]string{"serve", "-s", lib, "--addr", "127.0.0.1:0"}) }()
	t.Cleanup(func() { cancel() })
	addr := regexp.MustCompile(`http://127\.0\.0\.1:[0-9]+/`)
	deadline := time.Now().Add(30 * time.Second)
	for !strings.Contains(sv.out.String(), "已生成 ") {
		if time.Now().After(deadline) {
			t.Fatalf("serve did not start:\n%s", sv.out)
		}
		time.Sleep(20 * time.Millisecond)
	}
	sv.url = strings.TrimSuffix(addr.FindString(sv.out.String()), "/")
	return sv
}

func (sv *serving) get(t *testing.T, path string) string {
	t.Helper()
	res, err := http.Get(sv.url + path)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return string(b)
}

func (sv *serving) waitLog(t *testing.T, line string) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for !strings.Contains(sv.out.String(), line) {
		if time.Now().After(deadline) {
			t.Fatalf("serve never said %q:\n%s", line, sv.out)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func (sv *serving) stop(t *testing.T) {
	t.Helper()
	sv.cancel()
	select {
	case code := <-sv.done:
		if code != 0 {
			t.Errorf("serve ended with %d:\n%s", code, sv.out)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("serve did not stop")
	}
}

// eventStream reads the server's events as the page's script does.
type eventStream struct {
	events chan [2]string // name, data
}

func (sv *serving) listen(t *testing.T) *eventStream {
	t.Helper()
	res, err := http.Get(sv.url + server.EventsPath)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { res.Body.Close() })
	es := &eventStream{events: make(chan [2]string, 64)}
	go func() {
		sc := bufio.NewScanner(res.Body)
		var name string
		for sc.Scan() {
			line := sc.Text()
			switch {
			case strings.HasPrefix(line, "event: "):
				name = strings.TrimPrefix(line, "event: ")
			case strings.HasPrefix(line, "data: "):
				es.events <- [2]string{name, strings.TrimPrefix(line, "data: ")}
			}
		}
		close(es.events)
	}()
	return es
}

// next waits for the next event of that name, passing over others.
func (es *eventStream) next(t *testing.T, name string) []byte {
	t.Helper()
	timeout := time.After(30 * time.Second)
	for {
		select {
		case e, ok := <-es.events:
			if !ok {
				t.Fatalf("the event stream ended before %q", name)
			}
			if e[0] == name {
				return []byte(e[1])
			}
		case <-timeout:
			t.Fatalf("no %q event", name)
		}
	}
}

// syncBuffer is a buffer serve's goroutines may write to while the test
// reads it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
