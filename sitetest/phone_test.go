package sitetest

import (
	"bytes"
	"context"
	"image"
	_ "image/jpeg"
	_ "image/png"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/jianghan-district/jianghan/internal/browsertest"
)

// layoutProbeAt is a script function that lists what breaks the layout of
// the page: sideways scroll, images or tables wider than the screen, text
// under 16 px and, given touch, tap targets under 44×44 px. Links inside
// the running text of a body (.prose, a case's sections) are exempt from
// the tap size, as WCAG exempts inline links.
const layoutProbeAt = `((touch) => {
  // A phone browser widens the layout viewport (innerWidth) to fit content
  // that overflows, and zooms out; the screen's width does not change.
  const vw = touch ? screen.width : document.documentElement.clientWidth, out = [];
  const de = document.documentElement;
  if (de.scrollWidth > vw || innerWidth > vw) out.push("page is " + Math.max(de.scrollWidth, innerWidth) + "px wide on a " + vw + "px screen");
  const desc = (el) => el.tagName.toLowerCase() + (el.className && typeof el.className === "string" ? "." + el.className.trim().split(/\s+/).join(".") : "") +
    " «" + (el.textContent || el.value || el.getAttribute("aria-label") || el.getAttribute("src") || "").trim().slice(0, 24) + "»";
  const shown = (el) => {
    if (el.closest("[hidden]")) return false;
    const s = getComputedStyle(el);
    if (s.display === "none" || s.visibility === "hidden") return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  };
  for (const el of document.querySelectorAll("img, svg, video, iframe, pre")) {
    if (!shown(el)) continue;
    const r = el.getBoundingClientRect();
    if (r.left < -0.5 || r.right > vw + 0.5) out.push("overflows the screen: " + desc(el) + " " + Math.round(r.left) + "…" + Math.round(r.right));
  }
  const seen = new Set();
  const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walk.nextNode()) {
    const el = walk.currentNode.parentElement;
    if (!walk.currentNode.textContent.trim() || seen.has(el)) continue;
    seen.add(el);
    if (!shown(el) || el.closest(".vh, .skip, sup, sub, script, style, noscript")) continue;
    const fs = parseFloat(getComputedStyle(el).fontSize);
    if (fs < 15.95) out.push("text at " + fs + "px: " + desc(el));
  }
  for (const el of touch ? document.querySelectorAll("a[href], button, input:not([type=hidden]), select, textarea, summary") : []) {
    if (!shown(el) || el.disabled || el.closest(".skip, .vh")) continue;
    if (el.matches("a") && el.closest(".prose, .case-section, .objectives, .search-snippet")) continue;
    if (el.matches("a") && getComputedStyle(el).display === "inline" && el.parentElement.textContent.trim().length > el.textContent.trim().length + 6) continue; // a link in a sentence
    const r = el.getBoundingClientRect();
    if (r.height < 43.5 || r.width < 43.5) out.push("tap target " + Math.round(r.width) + "×" + Math.round(r.height) + ": " + desc(el));
  }
  for (const t of document.querySelectorAll("main table")) {
    const box = t.closest(".table-scroll");
    if (!box) { out.push("table outside a scrolling box: " + desc(t)); continue; }
    const r = box.getBoundingClientRect(), ox = getComputedStyle(box).overflowX;
    if (r.right > vw + 0.5) out.push("table box overflows: " + desc(t));
    if (ox !== "auto" && ox !== "scroll") out.push("table box does not scroll: overflow-x " + ox);
  }
  return out;
})`

// shiftProbe sums the layout shifts of the page so far (CLS without its
// windows): what moved on the screen while the page loaded.
const shiftProbe = `new Promise((ok) => { let sum = 0;
  new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) sum += e.value; }).observe({type: "layout-shift", buffered: true});
  setTimeout(() => ok(sum), 150); })`

// layoutProbe checks the phone layout of the page (see layoutProbeAt).
const layoutProbe = layoutProbeAt + `(true)`

// pageKinds are one page of every kind the site has.
func pageKinds(t *testing.T) map[string]string {
	return map[string]string{
		"home":           "/",
		"case list":      "/cases/",
		"case list p2":   "/cases/page/2/",
		"case":           firstPage(t, "cases"),
		"case+table":     "/cases/volunteer-points/",
		"case+images":    "/" + photoCase + "/",
		"case+course":    "/cases/needs-survey-redo/",
		"lecture":        "/lectures/consultation-steps/",
		"guide":          firstPage(t, "guides"),
		"worker":         "/workers/zhang-min/",
		"course":         "/courses/new-worker-basics/",
		"chapter":        "/handbook/roles/",
		"handbook":       "/handbook/",
		"handbook/print": "/handbook/print/",
		"taxonomy":       "/topics/",
		"term":           "/topics/" + url.PathEscape("居民自治") + "/",
		"tag":            firstPage(t, "tags"),
		"search":         "/search/?q=" + url.QueryEscape("加装电梯"),
		"404":            "/404.html",
	}
}

// TestPhoneLayout loads every page kind at 360×640, at the normal and at
// the largest text size, and checks the layout; it also checks that no
// page asks for anything outside the site.
func TestPhoneLayout(t *testing.T) {
	srv := serve(t, site.out)
	ctx := phone(t)
	var mu sync.Mutex
	var outside []string
	if err := chromedp.Listen(ctx, func(ev any) {
		if e, ok := ev.(*network.EventRequestWillBeSent); ok {
			u := e.Request.URL
			if !strings.HasPrefix(u, srv.URL+"/") && !strings.HasPrefix(u, "data:") {
				mu.Lock()
				outside = append(outside, u)
				mu.Unlock()
			}
		}
	}); err != nil {
		t.Fatal(err)
	}
	probeEveryKind(t, ctx, srv.URL, "360×640", layoutProbe)
	// The body text itself, at the normal size.
	js[any](t, ctx, `localStorage.removeItem("jianghan:scale")`)
	open(t, ctx, srv.URL+firstPage(t, "cases"))
	if fs := js[float64](t, ctx, `parseFloat(getComputedStyle(document.querySelector(".case-section p")).fontSize)`); fs < 16 {
		t.Errorf("case body text is %vpx, want at least 16", fs)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(outside) > 0 {
		t.Errorf("pages asked for things outside the site: %v", outside)
	}
}

// probeEveryKind loads every page kind from base at the normal and the
// largest text size and reports what probe finds wrong with each.
func probeEveryKind(t *testing.T, ctx context.Context, base, where, probe string) {
	t.Helper()
	kinds := pageKinds(t)
	for _, scale := range []string{"1", "2"} {
		open(t, ctx, base+"/")
		js[any](t, ctx, `localStorage.setItem("jianghan:scale", "`+scale+`")`)
		for name, path := range kinds {
			open(t, ctx, base+path)
			if path == kinds["search"] {
				waitJS(t, ctx, `document.querySelectorAll("#results li[data-url]").length > 0`)
			}
			if got := js[string](t, ctx, `getComputedStyle(document.documentElement).getPropertyValue("--scale").trim()`); got != scale {
				t.Errorf("%s: --scale is %q, want %q", name, got, scale)
			}
			for _, p := range js[[]string](t, ctx, probe) {
				t.Errorf("%s (%s) at %s, text scale %s: %s", name, path, where, scale, p)
			}
			if cls := js[float64](t, ctx, shiftProbe); cls > 0.001 {
				t.Errorf("%s (%s) at %s, text scale %s: the layout shifts by %.4f while loading", name, path, where, scale, cls)
			}
		}
	}
}

// TestTableScrollsInItsBox checks that a wide table scrolls sideways in its
// own box, which a keyboard can reach, while the page does not.
func TestTableScrollsInItsBox(t *testing.T) {
	srv := serve(t, site.out)
	ctx := phone(t)
	open(t, ctx, srv.URL+"/cases/volunteer-points/")
	type box struct {
		Client, Scroll, Tab int
		Label               string
		Page                int
	}
	b := js[box](t, ctx, `(() => { const b = document.querySelector(".table-scroll"); return {
		Client: b.clientWidth, Scroll: b.scrollWidth, Tab: b.tabIndex, Label: b.getAttribute("aria-label") || "",
		Page: Math.max(document.documentElement.scrollWidth, innerWidth) - screen.width }; })()`)
	if b.Scroll <= b.Client {
		t.Logf("the table fits at 360 px (%d ≤ %d): nothing to scroll", b.Scroll, b.Client)
	}
	if b.Tab != 0 || b.Label == "" {
		t.Errorf("the table box should be focusable and labelled: tabIndex %d, label %q", b.Tab, b.Label)
	}
	if b.Page > 0 {
		t.Errorf("the page scrolls sideways by %d px", b.Page)
	}
}

// TestImages checks the resized bundle images: attributes on the page, the
// copy a 360 px phone at 2× picks, and that the copies are upright.
func TestImages(t *testing.T) {
	srv := serve(t, site.out)
	ctx := phone(t)
	open(t, ctx, srv.URL+"/"+photoCase+"/")
	type img struct {
		Src, Srcset, Sizes, Loading, Width, Height, Current string
		Natural, Shown                                      float64
	}
	probe := `Array.from(document.querySelectorAll("main img")).map((i) => ({Src: i.getAttribute("src"), Srcset: i.getAttribute("srcset") || "",
		Sizes: i.getAttribute("sizes") || "", Loading: i.getAttribute("loading") || "", Width: i.getAttribute("width") || "",
		Height: i.getAttribute("height") || "", Current: i.currentSrc, Natural: i.naturalWidth, Shown: i.getBoundingClientRect().width}))`
	// Before scrolling, the lazy photos below the screen are not loaded.
	if n := srv.hit("/" + photoCase + "/meeting.720w.jpg"); n != 0 {
		t.Errorf("the lazy photo was loaded before it came near the screen (%d times)", n)
	}
	js[any](t, ctx, `document.querySelectorAll("main img").forEach((i) => i.scrollIntoView())`)
	waitJS(t, ctx, `Array.from(document.querySelectorAll("main img")).every((i) => i.complete && i.naturalWidth > 0)`)
	got := map[string]img{}
	for _, i := range js[[]img](t, ctx, probe) {
		got[i.Src[strings.LastIndex(i.Src, "/")+1:]] = i
	}
	photo, ok := got[photoJPEG]
	if !ok {
		t.Fatalf("no <img> of %s on the page: %+v", photoJPEG, got)
	}
	if photo.Width != "1120" || photo.Height != "700" {
		t.Errorf("photo width×height = %s×%s, want 1120×700 (upright, after EXIF)", photo.Width, photo.Height)
	}
	for _, w := range []string{"meeting.360w.jpg 360w", "meeting.720w.jpg 720w", "meeting.1080w.jpg 1080w", "meeting.jpg 1120w"} {
		if !strings.Contains(photo.Srcset, w) {
			t.Errorf("photo srcset %q lacks %q", photo.Srcset, w)
		}
	}
	if photo.Sizes == "" || photo.Loading != "lazy" {
		t.Errorf("photo sizes %q loading %q", photo.Sizes, photo.Loading)
	}
	if !strings.HasSuffix(photo.Current, "meeting.720w.jpg") {
		t.Errorf("a 360 px phone at 2× should load the 720 px copy, got %s", photo.Current)
	}
	if srv.hit("/"+photoCase+"/meeting.jpg") != 0 || srv.hit("/"+photoCase+"/meeting.1080w.jpg") != 0 {
		t.Error("the phone also loaded a bigger copy of the photo")
	}
	if photo.Shown > 360 {
		t.Errorf("photo shown %v px wide on a 360 px screen", photo.Shown)
	}
	plan := got[photoPNG]
	if plan.Width != "800" || plan.Height != "500" || !strings.Contains(plan.Srcset, "floor-plan.720w.png 720w") {
		t.Errorf("PNG: %+v", plan)
	}
	chart := got["chart.svg"]
	if chart.Width != "640" || chart.Height != "400" || chart.Srcset != "" || chart.Loading != "lazy" {
		t.Errorf("SVG chart: %+v, want width 640 height 400, no srcset, lazy", chart)
	}

	// The copy is upright: the stored top-left red corner shows top right.
	f, err := os.ReadFile(filepath.Join(site.out, filepath.FromSlash(photoCase), "meeting.720w.jpg"))
	if err != nil {
		t.Fatal(err)
	}
	m, _, err := image.Decode(bytes.NewReader(f))
	if err != nil {
		t.Fatal(err)
	}
	if b := m.Bounds(); b.Dx() != 720 || b.Dy() != 450 {
		t.Errorf("720w copy is %v", b)
	}
	red := func(x, y int) bool { r, g, b, _ := m.At(x, y).RGBA(); return r > 0xc000 && g < 0x4000 && b < 0x4000 }
	if !red(710, 10) || red(10, 10) {
		t.Errorf("720w copy is not upright: top right red %v, top left red %v", red(710, 10), red(10, 10))
	}
}

// TestTextSize presses A+ and A−, and checks the size is kept on the next
// page and after a reload.
func TestTextSize(t *testing.T) {
	srv := serve(t, site.out)
	ctx := phone(t)
	page := srv.URL + firstPage(t, "cases")
	open(t, ctx, page)
	size := func() float64 {
		return js[float64](t, ctx, `parseFloat(getComputedStyle(document.querySelector(".case-section p")).fontSize)`)
	}
	base := size()
	if js[bool](t, ctx, `!document.querySelector("[data-scale-step='-1']").disabled`) {
		t.Error("A− is enabled at the smallest size")
	}
	run(t, ctx, chromedp.Click(chromedp.CSS("[data-scale-step='1']")), chromedp.Click(chromedp.CSS("[data-scale-step='1']")))
	bigger := size()
	if bigger < base*1.25 {
		t.Fatalf("after A+ twice the text is %vpx, was %vpx", bigger, base)
	}
	open(t, ctx, srv.URL+"/courses/new-worker-basics/")
	open(t, ctx, page)
	if got := size(); got != bigger {
		t.Errorf("on returning, text is %vpx, want %vpx as set", got, bigger)
	}
	if p := js[int](t, ctx, `Math.max(document.documentElement.scrollWidth, innerWidth) - screen.width`); p > 0 {
		t.Errorf("larger text makes the page scroll sideways by %d px", p)
	}
	run(t, ctx, chromedp.Click(chromedp.CSS("[data-scale-step='-1']")), chromedp.Click(chromedp.CSS("[data-scale-step='-1']")))
	run(t, ctx, chromedp.Reload())
	waitJS(t, ctx, `document.readyState === "complete"`)
	if got := size(); got != base {
		t.Errorf("after A− twice and a reload, text is %vpx, want %vpx", got, base)
	}
}

// TestCourseProgress marks lessons done and reads the course page.
func TestCourseProgress(t *testing.T) {
	srv := serve(t, site.out)
	ctx := phone(t)
	course := srv.URL + "/courses/new-worker-basics/"
	open(t, ctx, course)
	total := js[int](t, ctx, `document.querySelectorAll(".lessons li[data-lesson]").length`)
	if total < 2 {
		t.Fatalf("course has %d lessons", total)
	}
	if got := js[string](t, ctx, `document.querySelector(".course-progress").textContent`); !strings.Contains(got, "0 / ") {
		t.Errorf("fresh progress reads %q", got)
	}
	lessons := js[[]string](t, ctx, `Array.from(document.querySelectorAll(".lessons li[data-lesson] a")).map((a) => a.href)`)
	for _, l := range lessons[:2] {
		open(t, ctx, l)
		sel := chromedp.CSS(`.lesson-nav[data-course="new-worker-basics"] .lesson-done`)
		run(t, ctx, chromedp.Click(sel))
		if got := js[string](t, ctx, `document.querySelector('.lesson-nav[data-course="new-worker-basics"] .lesson-done').getAttribute("aria-pressed")`); got != "true" {
			t.Errorf("%s: after marking, aria-pressed=%s", l, got)
		}
	}
	// Unmark and mark again the second one: still counted once.
	run(t, ctx, chromedp.Click(chromedp.CSS(`.lesson-nav[data-course="new-worker-basics"] .lesson-done`)),
		chromedp.Click(chromedp.CSS(`.lesson-nav[data-course="new-worker-basics"] .lesson-done`)))
	open(t, ctx, course)
	want := "已学完 2 / " + strconv.Itoa(total) + " 课"
	if got := js[string](t, ctx, `document.querySelector(".course-progress").textContent`); got != want {
		t.Errorf("course progress reads %q, want %q", got, want)
	}
	if got := js[bool](t, ctx, `!document.querySelector(".course-progress").hidden`); !got {
		t.Error("course progress is hidden")
	}
	done := js[[]bool](t, ctx, `Array.from(document.querySelectorAll(".lessons li[data-lesson]")).map((li) => li.classList.contains("done") && !!li.querySelector(".done-mark"))`)
	for i, d := range done {
		if d != (i < 2) {
			t.Errorf("lesson %d shown done=%v", i+1, d)
		}
	}
	if v := js[float64](t, ctx, `document.querySelector(".course-progress progress").value`); v != 2 {
		t.Errorf("progress bar at %v", v)
	}
}

// TestPlainHTTP opens the site where the browser refuses service workers
// (plain HTTP on a host that is not this machine's name): pages work, the
// offline controls stay hidden, and no script fails.
func TestPlainHTTP(t *testing.T) {
	srv := serve(t, site.out)
	ctx := phone(t)
	var mu sync.Mutex
	var errs []string
	if err := chromedp.Listen(ctx, func(ev any) {
		if e, ok := ev.(*runtime.EventExceptionThrown); ok {
			mu.Lock()
			errs = append(errs, e.ExceptionDetails.Text)
			mu.Unlock()
		}
	}); err != nil {
		t.Fatal(err)
	}
	plain := strings.Replace(srv.URL, "127.0.0.1", browsertest.PlainHost, 1)
	open(t, ctx, plain+"/courses/new-worker-basics/")
	if js[bool](t, ctx, `window.isSecureContext`) {
		t.Fatalf("%s counts as a secure context; the test needs plain HTTP", plain)
	}
	if js[bool](t, ctx, `"serviceWorker" in navigator && !!navigator.serviceWorker`) {
		t.Log("navigator.serviceWorker exists on plain HTTP")
	}
	if !js[bool](t, ctx, `document.querySelector(".offline-save").hidden`) {
		t.Error("the save-for-offline button shows where no service worker can run")
	}
	if js[bool](t, ctx, `!document.querySelector(".offline-note").hidden`) {
		t.Error("the offline notice shows while online")
	}
	// Progress and text size still work.
	if got := js[string](t, ctx, `document.querySelector(".course-progress").textContent`); !strings.Contains(got, "已学完 0 /") {
		t.Errorf("progress on plain HTTP reads %q", got)
	}
	run(t, ctx, chromedp.Click(chromedp.CSS("[data-scale-step='1']")))
	if s := js[string](t, ctx, `document.documentElement.style.getPropertyValue("--scale")`); s != "1.15" {
		t.Errorf("A+ on plain HTTP set --scale %q", s)
	}
	open(t, ctx, plain+"/search/?q="+url.QueryEscape("电梯"))
	waitJS(t, ctx, `document.querySelectorAll("#results li[data-url]").length > 0`)
	mu.Lock()
	defer mu.Unlock()
	if len(errs) > 0 {
		t.Errorf("script errors on plain HTTP: %v", errs)
	}
}
