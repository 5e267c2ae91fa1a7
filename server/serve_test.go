package server

import (
	"bufio"
	"context"
	"encoding/json"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The authoring loop end to end: serve runs on a free port with a copy of
// the sample library, a browser's event stream is open, and the test edits
// files the ways editors do.

// patience bounds every wait; it guards against a hang, it measures nothing.
const patience = 30 * time.Second

// stream is one browser's event stream.
type stream struct {
	events chan event
}

// listen opens the event stream the dev script opens.
func listen(t testing.TB, base string) *stream {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	req, err := http.NewRequestWithContext(ctx, "GET", base+EventsPath, nil)
	if err != nil {
		t.Fatal(err)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/event-stream") {
		t.Fatalf("event stream Content-Type %q", ct)
	}
	s := &stream{events: make(chan event, 256)}
	go func() {
		defer res.Body.Close()
		defer close(s.events)
		sc := bufio.NewScanner(res.Body)
		var e event
		for sc.Scan() {
			line := sc.Text()
			switch {
			case line == "":
				if e.name != "" {
					s.events <- e
				}
				e = event{}
			case strings.HasPrefix(line, "event: "):
				e.name = strings.TrimPrefix(line, "event: ")
			case strings.HasPrefix(line, "data: "):
				e.data = []byte(strings.TrimPrefix(line, "data: "))
			}
		}
	}()
	return s
}

// waitFor reads events until one named name arrives.
func (s *stream) waitFor(t testing.TB, name string) event {
	t.Helper()
	deadline := time.After(patience)
	for {
		select {
		case e, ok := <-s.events:
			if !ok {
				t.Fatalf("the event stream closed while waiting for %q", name)
			}
			if e.name == name {
				return e
			}
		case <-deadline:
			t.Fatalf("no %q event", name)
		}
	}
}

// until waits, event by event, for cond to hold; it fails the test if it
// does not within patience.
func (s *stream) until(t testing.TB, what string, cond func() bool) {
	t.Helper()
	deadline := time.After(patience)
	tick := time.NewTicker(100 * time.Millisecond)
	defer tick.Stop()
	for !cond() {
		select {
		case <-s.events:
		case <-tick.C:
		case <-deadline:
			t.Fatalf("gave up waiting: %s", what)
		}
	}
}

// devServer is serve running in the test.
type devServer struct {
	url    string
	addr   string       // where it listens
	opts   Options      // as it was started
	client *http.Client // a client that reaches it (over HTTPS, by name)
	logs   *lockedBuffer
	stop   func() error
}

// startDev runs serve on a free loopback port and waits for the first build.
func startDev(t *testing.T, root string) *devServer {
	t.Helper()
	t.Setenv("JIANGHAN_CACHE_DIR", t.TempDir())
	return startServe(t, Options{Root: root})
}

// startServe runs serve with o on a free loopback port and waits until it
// answers the home page.
func startServe(t *testing.T, o Options) *devServer {
	t.Helper()
	return startServeAt(t, o, "/")
}

// startServeAt is startServe for a site under the base path base. With a
// certificate in o, the server is reached over HTTPS as siteHost.
func startServeAt(t *testing.T, o Options, base string) *devServer {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	logs := &lockedBuffer{}
	ready := make(chan string, 1)
	done := make(chan error, 1)
	o.Addr = "127.0.0.1:0"
	o.Stdout, o.Stderr = logs, logs
	o.Ready = func(addr string) { ready <- addr }
	go func() { done <- Run(ctx, o) }()
	var addr string
	select {
	case addr = <-ready:
	case err := <-done:
		cancel()
		t.Fatalf("serve ended before listening: %v\n%s", err, logs)
	case <-time.After(patience):
		cancel()
		t.Fatal("serve did not listen")
	}
	d := &devServer{url: "http://" + addr, addr: addr, opts: o, client: http.DefaultClient, logs: logs}
	if o.TLSCert != "" {
		_, port, _ := net.SplitHostPort(addr)
		d.url, d.client = "https://"+siteHost+":"+port, tlsClient(addr)
	}
	stopped := false
	d.stop = func() error {
		if stopped {
			return nil
		}
		stopped = true
		cancel()
		select {
		case err := <-done:
			return err
		case <-time.After(patience):
			t.Fatal("serve did not stop")
			return nil
		}
	}
	t.Cleanup(func() { d.stop() })
	deadline := time.Now().Add(patience)
	for {
		res, err := d.client.Get(d.url + base)
		if err == nil {
			res.Body.Close()
			if res.StatusCode == 200 {
				break
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("the first build did not finish (%v)\n%s", err, logs)
		}
		time.Sleep(50 * time.Millisecond)
	}
	if !strings.Contains(logs.String(), "正在提供 ") || !strings.Contains(logs.String(), addr) {
		t.Errorf("the address was not printed at start:\n%s", logs)
	}
	return d
}

// page GETs a path and returns its status and body.
func (d *devServer) page(t *testing.T, path string) (int, string) {
	t.Helper()
	r := fetch(t, d.client, "GET", d.url+path)
	return r.status, r.body
}

// listsAll reports whether any page of a paginated list contains text.
func (d *devServer) listsAll(t *testing.T, list, text string) bool {
	t.Helper()
	for n := 1; ; n++ {
		p := list
		if n > 1 {
			p += "page/" + itoa(n) + "/"
		}
		status, body := d.page(t, p)
		if status != 200 {
			return false
		}
		if strings.Contains(body, text) {
			return true
		}
	}
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}

const pocketCase = `---
title: 口袋公园里的议事角
date: 2025-05-20
street: 水塔街道
community: 三眼桥社区
topics: [社区环境治理]
methods: [议事协商]
summary: 一块闲置空地变成了居民自己设计、自己管护的口袋公园。
---

## 问题
小区角落的空地常年堆放杂物，下雨天污水横流。

## 解决方案
居民画出了设计图：

![设计图](plan.svg)
`

const planSVG = `<svg xmlns="http://www.w3.org/2000/svg" width="320" height="200"><rect width="320" height="200" fill="#0b5d4b"/></svg>`

func TestServe(t *testing.T) {
	root := copySite(t)
	d := startDev(t, root)
	browser := listen(t, d.url)
	if e := browser.waitFor(t, "hello"); !strings.Contains(string(e.data), `"gen":1`) {
		t.Errorf("hello %s: want the first build's generation", e.data)
	}
	const casePage = "/cases/noise-dispute/"
	const caseFile = "content/cases/noise-dispute.md"

	t.Run("编辑后页面更新并收到刷新事件", func(t *testing.T) {
		editFile(t, root, caseFile, "## 问题\n", "## 问题\n夏老师说，她只想睡个好觉。\n\n")
		browser.waitFor(t, "reload")
		status, body := d.page(t, casePage)
		if status != 200 || !strings.Contains(body, "她只想睡个好觉") {
			t.Fatalf("status %d; the edit is not on the page", status)
		}
		if !strings.Contains(body, EventsPath) {
			t.Error("the page does not carry the live-reload script")
		}
		if status, sw := d.page(t, "/sw.js"); status == 200 && !strings.Contains(sw, "unregister") {
			t.Error("serve hands out the offline service worker, whose cache would hide edits")
		}
	})

	t.Run("写临时文件再改名覆盖", func(t *testing.T) {
		b, err := os.ReadFile(filepath.Join(root, caseFile))
		if err != nil {
			t.Fatal(err)
		}
		tmp := filepath.Join(root, "content", "cases", ".noise-dispute.md.swp")
		text := strings.Replace(string(b), "她只想睡个好觉", "她只想安安稳稳睡个好觉", 1)
		if err := os.WriteFile(tmp, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(tmp, filepath.Join(root, caseFile)); err != nil {
			t.Fatal(err)
		}
		browser.until(t, "the rename-save is on the page", func() bool {
			_, body := d.page(t, casePage)
			return strings.Contains(body, "安安稳稳")
		})
	})

	t.Run("新建页面包文件夹", func(t *testing.T) {
		dir := filepath.Join(root, "content", "cases", "pocket-corner")
		if err := os.Mkdir(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		writeFile(t, root, "content/cases/pocket-corner/plan.svg", planSVG)
		writeFile(t, root, "content/cases/pocket-corner/index.md", pocketCase)
		browser.until(t, "the new bundle is served and listed", func() bool {
			status, body := d.page(t, "/cases/pocket-corner/")
			return status == 200 && strings.Contains(body, "口袋公园里的议事角") && d.listsAll(t, "/cases/", "口袋公园里的议事角")
		})
		r := fetch(t, http.DefaultClient, "GET", d.url+"/cases/pocket-corner/plan.svg")
		if r.status != 200 || r.header.Get("Content-Type") != "image/svg+xml" {
			t.Fatalf("the bundle's image: status %d, %s", r.status, r.header.Get("Content-Type"))
		}
	})

	t.Run("删除页面后从列表中消失", func(t *testing.T) {
		const title = "背街小巷"
		status, body := d.page(t, "/cases/market-street-order/")
		if status != 200 || !strings.Contains(body, title) {
			t.Fatalf("the case to delete is not there: %d", status)
		}
		if !d.listsAll(t, "/cases/", "/cases/market-street-order/") {
			t.Fatal("the case to delete is not listed")
		}
		if err := os.Remove(filepath.Join(root, "content", "cases", "market-street-order.md")); err != nil {
			t.Fatal(err)
		}
		// A reload event from the step before may still be on its way, so
		// wait for what the reader would see rather than for one event.
		browser.until(t, "the deleted page is gone from its page, the list and the home page", func() bool {
			status, _ := d.page(t, "/cases/market-street-order/")
			_, home := d.page(t, "/")
			return status == 404 && !d.listsAll(t, "/cases/", "/cases/market-street-order/") &&
				!strings.Contains(home, "/cases/market-street-order/")
		})
	})

	t.Run("内容错误显示浮层，改正后消失", func(t *testing.T) {
		editFile(t, root, caseFile, "street: 花楼街道", "street: 花楼街")
		e := browser.waitFor(t, "overlay")
		var o struct {
			Lines []string
			Title string
		}
		if err := json.Unmarshal(e.data, &o); err != nil {
			t.Fatal(err)
		}
		// The browser says the place in words, the terminal as a jump target.
		want := caseFile + " 第 4 行第 9 列：街道「花楼街」不在 site.yaml 的街道列表里，是不是「花楼街道」？"
		if len(o.Lines) != 1 || o.Lines[0] != want {
			t.Fatalf("overlay lines %q, want %q", o.Lines, want)
		}
		if o.Title != "内容有 1 处错误，页面仍是上次成功生成的版本。改正后会自动刷新：" {
			t.Errorf("overlay heading %q", o.Title)
		}
		for _, line := range []string{
			caseFile + ":4:9: 街道「花楼街」不在 site.yaml 的街道列表里，是不是「花楼街道」？",
			"✗ 1 个错误，0 条提醒：改好后保存就行，浏览器里也会显示这些错误；现在仍在提供上次生成成功的网站",
		} {
			if !strings.Contains(d.logs.String(), line) {
				t.Errorf("the terminal does not show %q:\n%s", line, d.logs)
			}
		}
		if status, body := d.page(t, casePage); status != 200 || !strings.Contains(body, "安安稳稳") {
			t.Errorf("the last good page is not served: %d", status)
		}
		late := listen(t, d.url)
		late.waitFor(t, "overlay") // a page opened now shows the errors too
		editFile(t, root, caseFile, "street: 花楼街", "street: 花楼街道")
		browser.waitFor(t, "clear")
		browser.waitFor(t, "reload")
		late.waitFor(t, "clear")
	})

	t.Run("样式表替换而不刷新", func(t *testing.T) {
		editFile(t, root, "themes/default/assets/css/site.css", "}", "}\n/* 手机上字大一点 */")
		e := browser.waitFor(t, "css")
		var c struct{ Name, Href string }
		if err := json.Unmarshal(e.data, &c); err != nil {
			t.Fatal(err)
		}
		if c.Name != "css/site.css" || !strings.HasPrefix(c.Href, "/assets/css/site.") {
			t.Fatalf("css event %s", e.data)
		}
		r := fetch(t, http.DefaultClient, "GET", d.url+c.Href)
		if r.status != 200 || !strings.Contains(r.body, "手机上字大一点") || r.header.Get("Content-Type") != "text/css; charset=utf-8" {
			t.Fatalf("the new stylesheet: status %d", r.status)
		}
		browser.until(t, "pages name the new stylesheet", func() bool {
			_, body := d.page(t, casePage)
			return strings.Contains(body, c.Href)
		})
	})

	t.Run("api/search 返回 JSON", func(t *testing.T) {
		var res struct {
			Query  string
			Total  int
			Hits   []struct{ URL, Title, Kind string }
			Facets map[string]map[string]int
		}
		browser.until(t, "the search index answers", func() bool {
			r := fetch(t, http.DefaultClient, "GET", d.url+"/api/search?q=口袋公园")
			if r.status != 200 {
				return false
			}
			if ct := r.header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
				t.Fatalf("Content-Type %q", ct)
			}
			if err := json.Unmarshal([]byte(r.body), &res); err != nil {
				t.Fatal(err)
			}
			// the sample library finds 口袋花园 by its synonym at once: wait
			// for the new page to be indexed
			for _, h := range res.Hits {
				if h.URL == "/cases/pocket-corner/" {
					return true
				}
			}
			return false
		})
		if res.Query != "口袋公园" || res.Hits[0].URL != "/cases/pocket-corner/" || res.Facets["kind"] == nil {
			t.Fatalf("search answered %+v", res)
		}
	})

	t.Run("Ctrl-C 干净退出", func(t *testing.T) {
		if err := d.stop(); err != nil {
			t.Fatalf("serve ended with %v", err)
		}
		if _, err := http.Get(d.url + "/"); err == nil {
			t.Fatal("the server still answers after stopping")
		}
		if !strings.Contains(d.logs.String(), "已停止") {
			t.Error("no word that serve stopped")
		}
	})
}

// TestServeStartsWithErrors starts serve on a library with an error: the
// page shows the problem, and fixing it brings the site.
func TestServeStartsWithErrors(t *testing.T) {
	root := copySite(t)
	editFile(t, root, "content/cases/noise-dispute.md", "topics: [邻里纠纷调解]", "topics: [邻里纠纷]")
	t.Setenv("JIANGHAN_CACHE_DIR", t.TempDir())
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ready := make(chan string, 1)
	done := make(chan error, 1)
	go func() {
		done <- Run(ctx, Options{Root: root, Addr: "127.0.0.1:0", Ready: func(a string) { ready <- a }})
	}()
	url := "http://" + <-ready
	browser := listen(t, url)
	browser.until(t, "the error page", func() bool {
		r := fetch(t, http.DefaultClient, "GET", url+"/", "Accept", "text/html")
		return r.status == 500 && strings.Contains(r.body, "<h1 style=\"font-size:1.3rem\">内容有错误，网站还不能生成</h1>") &&
			strings.Contains(r.body, "content/cases/noise-dispute.md 第 6 行第 10 列：主题「邻里纠纷」不在 site.yaml 的主题列表里，是不是「邻里纠纷调解」？")
	})
	editFile(t, root, "content/cases/noise-dispute.md", "topics: [邻里纠纷]", "topics: [邻里纠纷调解]")
	browser.until(t, "the site after the fix", func() bool {
		r := fetch(t, http.DefaultClient, "GET", url+"/cases/noise-dispute/")
		return r.status == 200
	})
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}
