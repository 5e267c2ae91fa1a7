package sitetest

import (
	"html"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

var refAttr = regexp.MustCompile(`\s(?:href|src|srcset|action)="([^"]*)"`)

// TestPortableLinks opens every HTML file of the --portable build as a
// file browser would and follows every link, image and form target: each
// must be relative, must name a file (…/index.html, not a folder), and the
// file must exist.
func TestPortableLinks(t *testing.T) {
	needSite(t)
	pages := 0
	err := filepath.WalkDir(site.portable, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		pages++
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(site.portable, p)
		for _, m := range refAttr.FindAllStringSubmatch(string(b), -1) {
			for _, ref := range splitRefs(m[0], html.UnescapeString(m[1])) {
				if problem := checkPortableRef(filepath.Dir(p), ref); problem != "" {
					t.Errorf("%s: %q: %s", filepath.ToSlash(rel), ref, problem)
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if pages < 50 {
		t.Errorf("only %d pages in the portable build", pages)
	}
}

// splitRefs returns the URLs of one attribute: a srcset holds several.
func splitRefs(attr, v string) []string {
	if !strings.Contains(attr, "srcset=") {
		return []string{v}
	}
	var out []string
	for _, c := range strings.Split(v, ",") {
		if f := strings.Fields(c); len(f) > 0 {
			out = append(out, f[0])
		}
	}
	return out
}

func checkPortableRef(dir, ref string) string {
	switch {
	case ref == "" || strings.HasPrefix(ref, "#") || strings.HasPrefix(ref, "data:"):
		return ""
	case strings.Contains(ref, "://") || strings.HasPrefix(ref, "mailto:"):
		return "" // a link out of the site, written by an author
	case strings.HasPrefix(ref, "/"):
		return "absolute path: it points at the root of the disk"
	}
	u, err := url.Parse(ref)
	if err != nil {
		return err.Error()
	}
	if strings.HasSuffix(u.Path, "/") || u.Path == "" || u.Path == "." || u.Path == ".." {
		return "names a folder; opened from disk it shows a listing, not the page"
	}
	target := filepath.Join(dir, filepath.FromSlash(path.Clean(u.Path)))
	if _, err := os.Stat(target); err != nil {
		return "no such file"
	}
	return ""
}

// TestPortableInBrowser opens the --portable build from file:// at the
// phone viewport: styled pages, links between them, search through script
// tags, progress, and no service worker or script error.
func TestPortableInBrowser(t *testing.T) {
	needSite(t)
	ctx := phone(t)
	var mu sync.Mutex
	var errs []string
	if err := chromedp.Listen(ctx, func(ev any) {
		if e, ok := ev.(*runtime.EventExceptionThrown); ok {
			mu.Lock()
			errs = append(errs, e.ExceptionDetails.Text+" "+descException(e))
			mu.Unlock()
		}
	}); err != nil {
		t.Fatal(err)
	}
	root := (&url.URL{Scheme: "file", Path: filepath.ToSlash(site.portable) + "/"}).String()
	open(t, ctx, root+"index.html")
	if bg := js[string](t, ctx, `getComputedStyle(document.querySelector(".site-header")).backgroundColor`); bg == "rgba(0, 0, 0, 0)" {
		t.Error("the stylesheet did not load from disk")
	}
	if !js[bool](t, ctx, `typeof document.querySelector("[data-scale-step]").onclick !== "undefined" && document.documentElement.classList.contains("js")`) {
		t.Error("scripts did not run from disk")
	}
	// Follow the first case card, then its course link, as a reader taps.
	run(t, ctx, chromedp.Click(chromedp.CSS(".cards .card h3 a")))
	waitJS(t, ctx, `/\/cases\/[^/]+\/index\.html$/.test(location.pathname) && document.readyState === "complete"`)
	if h1 := js[string](t, ctx, `document.querySelector("h1").textContent`); h1 == "" {
		t.Error("the case opened from disk has no title")
	}
	for _, kind := range []string{"cases", "lectures", "guides", "workers", "courses", "handbook"} {
		js[any](t, ctx, `Array.from(document.querySelectorAll(".site-nav a")).find((a) => a.href.endsWith("/`+kind+`/index.html")).click()`)
		waitJS(t, ctx, `location.pathname.endsWith("/`+kind+`/index.html") && document.readyState === "complete"`)
		if n := js[int](t, ctx, `document.querySelectorAll("main a[href]").length`); n == 0 {
			t.Errorf("%s opened from disk lists nothing", kind)
		}
	}

	// Search from the header box, from disk.
	open(t, ctx, root+"courses/index.html")
	run(t, ctx, chromedp.SendKeys(chromedp.CSS("#site-q"), "电梯\n"))
	waitJS(t, ctx, `location.pathname.endsWith("/search/index.html") && document.querySelectorAll("#results li[data-url] a").length > 0`)
	hit := js[string](t, ctx, `document.querySelector("#results li[data-url] a").href`)
	if !strings.HasPrefix(hit, "file://") || !strings.HasSuffix(hit, "/index.html") {
		t.Errorf("a search hit from disk links to %s", hit)
	}
	open(t, ctx, hit)
	if js[string](t, ctx, `document.querySelector("h1").textContent`) == "" {
		t.Errorf("the search hit %s did not open", hit)
	}

	// Course progress from disk.
	open(t, ctx, root+"courses/new-worker-basics/index.html")
	if !js[bool](t, ctx, `document.querySelector(".offline-save").hidden`) {
		t.Error("the save-for-offline button shows on file://")
	}
	first := js[string](t, ctx, `document.querySelector(".lessons li[data-lesson] a").href`)
	// Start from no progress, whatever an earlier test left on file://.
	js[bool](t, ctx, `(localStorage.clear(), true)`)
	open(t, ctx, first)
	// site.js is deferred: click only once it has wired the button, and
	// leave only once the click has been recorded.
	done := `.lesson-nav[data-course="new-worker-basics"] .lesson-done`
	waitJS(t, ctx, `document.querySelector('`+done+`').hasAttribute("aria-pressed")`)
	js[bool](t, ctx, `(document.querySelector('`+done+`').click(), true)`)
	waitJS(t, ctx, `document.querySelector('`+done+`').getAttribute("aria-pressed") === "true"`)
	open(t, ctx, root+"courses/new-worker-basics/index.html")
	// The browser stores the click for the next page a moment after the
	// click (on a busy machine, after the next page has read its progress,
	// which then follows the storage event): wait for what the reader sees.
	progress := `document.querySelector(".course-progress").textContent`
	if !waitFor(ctx, progress+`.startsWith("已学完 1 / ")`) {
		t.Errorf("progress from disk reads %q", js[string](t, ctx, progress))
	}
	if js[bool](t, ctx, `"serviceWorker" in navigator && navigator.serviceWorker.controller !== null`) {
		t.Error("a service worker controls a file:// page")
	}
	mu.Lock()
	defer mu.Unlock()
	if len(errs) > 0 {
		t.Errorf("script errors from disk: %v", errs)
	}
}

func descException(e *runtime.EventExceptionThrown) string {
	d := e.ExceptionDetails
	s := d.URL
	if d.Exception != nil && d.Exception.Description != "" {
		s += " " + d.Exception.Description
	}
	return s
}
