package sitetest

import (
	"context"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/jianghan-district/jianghan/generator"
	"github.com/jianghan-district/jianghan/themes"
)

// swReady waits until the service worker controls the page.
func swReady(t *testing.T, ctx context.Context) {
	t.Helper()
	ok := js[bool](t, ctx, `navigator.serviceWorker.ready.then(() => navigator.serviceWorker.controller ? true :
		new Promise((resolve) => navigator.serviceWorker.addEventListener("controllerchange", () => resolve(true))))`)
	if !ok {
		t.Fatal("no service worker took control")
	}
}

// offlineNote reports whether the page shows the offline notice.
func offlineNote(t *testing.T, ctx context.Context) bool {
	return js[bool](t, ctx, `(() => { const n = document.querySelector(".offline-note");
		return !!n && !n.hidden && getComputedStyle(n).display !== "none" && n.getBoundingClientRect().height > 0; })()`)
}

// TestOffline reads pages and a search online, then takes the server down:
// the pages read, the shell and the search come from the service worker's
// store with the offline notice; a page never read says it is not stored.
func TestOffline(t *testing.T) {
	srv := serve(t, site.out)
	ctx := phone(t)
	casePath := firstPage(t, "cases")
	searchURL := srv.URL + "/search/?q=" + url.QueryEscape("加装电梯")

	open(t, ctx, srv.URL+"/")
	swReady(t, ctx)
	if offlineNote(t, ctx) {
		t.Error("offline notice shown while online")
	}
	// The shell was stored on install.
	shell := js[[]string](t, ctx, `caches.keys().then((names) => Promise.all(names.filter((n) => n.startsWith("jianghan-shell-"))
		.map((n) => caches.open(n).then((c) => c.keys())))).then((lists) => lists.flat().map((r) => new URL(r.url).pathname))`)
	for _, want := range []string{"/", "/search/"} {
		if !contains(shell, want) {
			t.Errorf("shell cache lacks %s: %v", want, shell)
		}
	}
	if !containsSuffix(shell, ".css") || !containsSuffix(shell, ".js") {
		t.Errorf("shell cache lacks the CSS or JS: %v", shell)
	}

	open(t, ctx, srv.URL+casePath)
	title := js[string](t, ctx, `document.querySelector("h1").textContent`)
	open(t, ctx, searchURL)
	waitJS(t, ctx, `document.querySelectorAll("#results li[data-url]").length > 0`)
	results := js[[]string](t, ctx, `Array.from(document.querySelectorAll("#results li[data-url]")).map((li) => li.dataset.url)`)

	srv.down.Store(true)

	open(t, ctx, srv.URL+casePath)
	if got := js[string](t, ctx, `document.querySelector("h1").textContent`); got != title {
		t.Errorf("offline, the case reads %q, want %q", got, title)
	}
	if !offlineNote(t, ctx) {
		t.Error("offline, the case does not show the offline notice")
	}
	if !js[bool](t, ctx, `getComputedStyle(document.body).fontFamily !== "" && getComputedStyle(document.querySelector(".site-header")).backgroundColor !== "rgba(0, 0, 0, 0)"`) {
		t.Error("offline, the case page has no style")
	}
	run(t, ctx, chromedp.Reload())
	waitJS(t, ctx, `document.readyState === "complete"`)
	if got := js[string](t, ctx, `document.querySelector("h1").textContent`); got != title || !offlineNote(t, ctx) {
		t.Errorf("offline reload: %q, notice %v", got, offlineNote(t, ctx))
	}

	open(t, ctx, searchURL)
	waitJS(t, ctx, `document.querySelectorAll("#results li[data-url]").length > 0 || /失败/.test(document.querySelector("#search-status").textContent)`)
	again := js[[]string](t, ctx, `Array.from(document.querySelectorAll("#results li[data-url]")).map((li) => li.dataset.url)`)
	if strings.Join(again, " ") != strings.Join(results, " ") {
		t.Errorf("offline search for the same words found %v, online %v (status %q)", again, results,
			js[string](t, ctx, `document.querySelector("#search-status").textContent`))
	}

	open(t, ctx, srv.URL+"/guides/")
	if got := js[string](t, ctx, `document.querySelector("h1").textContent`); got != "此页未保存到本机" {
		t.Errorf("an unread page offline shows %q", got)
	}

	// Back online, pages come from the network again and the notice goes.
	srv.down.Store(false)
	open(t, ctx, srv.URL+casePath)
	if offlineNote(t, ctx) {
		t.Error("back online, the offline notice still shows")
	}
}

// TestOfflineNotice checks the notice follows the browser's own online
// state while a page is open.
func TestOfflineNotice(t *testing.T) {
	srv := serve(t, site.out)
	ctx := phone(t)
	open(t, ctx, srv.URL+"/")
	if offlineNote(t, ctx) {
		t.Fatal("notice shown online")
	}
	set := func(off bool) {
		if _, err := chromedp.Call(ctx, network.OverrideNetworkState, network.OverrideNetworkStateParams{
			Offline: off, DownloadThroughput: -1, UploadThroughput: -1}); err != nil {
			t.Fatal(err)
		}
	}
	set(true)
	waitJS(t, ctx, `!document.querySelector(".offline-note").hidden`)
	set(false)
	waitJS(t, ctx, `document.querySelector(".offline-note").hidden`)
}

// TestSaveCourse saves a course with its button and reads its lessons,
// never opened, with the server down: text, notice and pictures (the course
// holds the case with the fixture photos).
func TestSaveCourse(t *testing.T) {
	srv := serve(t, site.out)
	ctx := phone(t)
	open(t, ctx, srv.URL+"/courses/consultation-practice/")
	swReady(t, ctx)
	if js[bool](t, ctx, `document.querySelector(".offline-save").hidden`) {
		t.Fatal("the save button is hidden where a service worker runs")
	}
	lessons := js[[]string](t, ctx, `Array.from(document.querySelectorAll(".lessons li[data-lesson] a")).map((a) => new URL(a.href).pathname)`)
	titles := js[[]string](t, ctx, `Array.from(document.querySelectorAll(".lessons li[data-lesson] a")).map((a) => a.textContent)`)
	run(t, ctx, chromedp.Click(chromedp.CSS(".save-course")))
	waitJS(t, ctx, `!document.querySelector(".save-course").disabled && /已保存/.test(document.querySelector(".save-status").textContent)`)
	if got := js[string](t, ctx, `document.querySelector(".save-status").textContent`); !strings.HasPrefix(got, "全部") {
		t.Fatalf("after saving: %q", got)
	}
	for _, l := range lessons {
		if srv.hit(l) == 0 {
			t.Errorf("lesson %s was never fetched", l)
		}
	}

	srv.down.Store(true)
	for i, l := range lessons {
		open(t, ctx, srv.URL+l)
		if got := js[string](t, ctx, `document.querySelector("h1").textContent`); got != titles[i] {
			t.Errorf("offline lesson %s reads %q, want %q", l, got, titles[i])
		}
		if !offlineNote(t, ctx) {
			t.Errorf("offline lesson %s has no offline notice", l)
		}
		js[any](t, ctx, `document.querySelectorAll("main img").forEach((i) => i.scrollIntoView())`)
		waitJS(t, ctx, `Array.from(document.querySelectorAll("main img")).every((i) => i.complete)`)
		for _, src := range js[[]string](t, ctx, `Array.from(document.querySelectorAll("main img")).filter((i) => !i.naturalWidth).map((i) => i.currentSrc || i.src)`) {
			t.Errorf("offline lesson %s: picture %s did not load", l, src)
		}
	}
	if srv.hit("/"+photoCase+"/meeting.720w.jpg") == 0 {
		t.Error("saving the course did not store the photo in the size this phone shows")
	}
	if n := srv.hit("/" + photoCase + "/meeting.jpg"); n != 0 {
		t.Errorf("saving the course fetched the full-size photo %d times; the phone's size is enough", n)
	}
	// The course page itself, and its saved state, offline.
	open(t, ctx, srv.URL+"/courses/consultation-practice/")
	waitJS(t, ctx, `/全部 \d+ 课已保存/.test(document.querySelector(".save-status").textContent)`)
}

func contains(l []string, s string) bool {
	for _, x := range l {
		if x == s {
			return true
		}
	}
	return false
}

func containsSuffix(l []string, s string) bool {
	for _, x := range l {
		if strings.HasSuffix(x, s) {
			return true
		}
	}
	return false
}

// TestOfflineAfterRebuild reads a case, lets the site be rebuilt with a new
// stylesheet (a new service worker replaces the shell), then reads the old
// stored copy of the case offline: it still has a stylesheet.
func TestOfflineAfterRebuild(t *testing.T) {
	srv := serve(t, site.out)
	ctx := phone(t)
	casePath := firstPage(t, "cases")
	open(t, ctx, srv.URL+"/")
	swReady(t, ctx)
	open(t, ctx, srv.URL+casePath)
	oldCSS := js[string](t, ctx, `document.querySelector("link[rel=stylesheet]").getAttribute("href")`)

	// Build 2: the same content with a changed stylesheet, from a site theme.
	root := t.TempDir()
	if err := os.CopyFS(filepath.Join(root, "content"), os.DirFS(filepath.Join(site.root, "content"))); err != nil {
		t.Fatal(err)
	}
	theme := filepath.Join(root, filepath.FromSlash(themes.Dir))
	if err := os.CopyFS(theme, themes.Default()); err != nil {
		t.Fatal(err)
	}
	css := filepath.Join(theme, "assets", "css", "site.css")
	b, err := os.ReadFile(css)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(css, append(b, "\n/* build 2 */\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	out2 := filepath.Join(t.TempDir(), "out")
	if _, err := generator.Build(generator.Options{Root: root, Out: out2}); err != nil {
		t.Fatal(err)
	}
	sw2, err := os.ReadFile(filepath.Join(out2, "sw.js"))
	if err != nil {
		t.Fatal(err)
	}
	version := regexp.MustCompile(`const VERSION = "([0-9a-f]+)"`).FindSubmatch(sw2)[1]
	srv.setDir(out2)

	open(t, ctx, srv.URL+"/")
	js[any](t, ctx, `navigator.serviceWorker.getRegistration().then((r) => r.update())`)
	waitJS(t, ctx, `caches.keys().then((k) => k.filter((n) => n.startsWith("jianghan-shell-")))
		.then((k) => k.length === 1 && k[0].startsWith("jianghan-shell-`+string(version)+`@"))`)
	if newCSS := js[string](t, ctx, `document.querySelector("link[rel=stylesheet]").getAttribute("href")`); newCSS == oldCSS {
		t.Fatalf("build 2 has the same stylesheet %s", newCSS)
	}

	// The browser's HTTP cache, which could still hold the old stylesheet,
	// is small on a phone and soon evicted; only the worker's store counts.
	if _, err := chromedp.Call(ctx, network.ClearBrowserCache, cdp.Empty{}); err != nil {
		t.Fatal(err)
	}
	srv.down.Store(true)
	open(t, ctx, srv.URL+casePath)
	if got := js[string](t, ctx, `document.querySelector("link[rel=stylesheet]").getAttribute("href")`); got != oldCSS {
		t.Fatalf("offline, the case is not the copy stored from build 1 (stylesheet %s)", got)
	}
	if bg := js[string](t, ctx, `getComputedStyle(document.querySelector(".site-header")).backgroundColor`); bg == "rgba(0, 0, 0, 0)" {
		t.Error("offline, the case stored before the rebuild has no stylesheet", js[any](t, ctx, `caches.keys().then((ks) => Promise.all(ks.map((k) => caches.open(k).then((c) => c.keys()).then((rs) => k.slice(0, 28) + ": " + rs.map((r) => new URL(r.url).pathname).join(" "))))).then((l) => l.join(" | "))`),
			js[any](t, ctx, `navigator.serviceWorker.getRegistration().then((r) => [!!navigator.serviceWorker.controller, r && r.active && r.active.state, r && !!r.waiting, r && !!r.installing, JSON.stringify(performance.getEntriesByType("resource").map(e => [e.name, e.responseStatus, e.deliveryType]))])`))
	}
	if !offlineNote(t, ctx) {
		t.Error("no offline notice")
	}
}
