package sitetest

import (
	"context"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/jianghan-district/jianghan/generator"
)

// TestDatesDoNotBreak checks every date shown on lists, cards and pages
// stays on one line, at both widths and at the largest text size.
func TestDatesDoNotBreak(t *testing.T) {
	srv := serve(t, site.out)
	pages := []string{"/", "/cases/", "/cases/page/2/", "/topics/" + url.PathEscape("居民自治") + "/",
		"/streets/" + url.PathEscape("常青街道") + "/", firstPage(t, "cases"), "/cases/needs-survey-redo/", "/workers/zhang-min/"}
	type date struct {
		Text  string
		Lines int
	}
	for _, v := range []viewport{phoneView, desktopView} {
		ctx := v.tab(t)
		for _, scale := range []string{"1", "2"} {
			open(t, ctx, srv.URL+"/")
			js[any](t, ctx, `localStorage.setItem("jianghan:scale", "`+scale+`")`)
			seen := 0
			for _, p := range pages {
				open(t, ctx, srv.URL+p)
				dates := js[[]date](t, ctx, `Array.from(document.querySelectorAll("time")).filter((el) => el.checkVisibility() && el.getClientRects().length)
				  .map((el) => ({Text: el.textContent, Lines: new Set(Array.from(el.getClientRects()).map((r) => Math.round(r.top))).size}))`)
				seen += len(dates)
				for _, d := range dates {
					if d.Lines != 1 {
						t.Errorf("%s at %s, text scale %s: the date %s breaks over %d lines", p, v.name, scale, d.Text, d.Lines)
					}
				}
			}
			if seen < 20 {
				t.Errorf("%s, text scale %s: only %d dates shown on %d pages", v.name, scale, seen, len(pages))
			}
		}
	}
}

// TestSearchFilters checks the search page's rows of filter chips: on a
// phone a row that does not fit scrolls, and its far edge fades while there
// is more to see, and no longer once scrolled to the end; on a desktop the
// chips wrap, every one inside the column.
func TestSearchFilters(t *testing.T) {
	srv := serve(t, site.out)
	type row struct {
		Legend             string
		Client, Scroll     float64
		FadeStart, FadeEnd float64
		B                  box
		Chips              []box
	}
	const rowsJS = `(async () => {
	  const frame = () => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
	  const out = [];
	  for (const f of document.querySelectorAll(".search-facet")) {
	    f.scrollLeft = 0; await frame();
	    const start = parseFloat(getComputedStyle(f).getPropertyValue("--fade")) || 0;
	    f.scrollLeft = f.scrollWidth; await frame();
	    const end = parseFloat(getComputedStyle(f).getPropertyValue("--fade")) || 0;
	    f.scrollLeft = 0; await frame();
	    out.push({Legend: f.querySelector("legend").textContent, Client: f.clientWidth, Scroll: f.scrollWidth, FadeStart: start, FadeEnd: end,
	      B: ` + boxJS + `(f), Chips: Array.from(f.querySelectorAll("button")).map(` + boxJS + `)});
	  }
	  return out; })()`
	for _, v := range []viewport{phoneView, desktopView} {
		ctx := v.tab(t)
		open(t, ctx, srv.URL+"/search/?q="+url.QueryEscape("加装电梯"))
		waitJS(t, ctx, `document.querySelectorAll(".search-facet").length > 0`)
		rows := js[[]row](t, ctx, rowsJS)
		if len(rows) < 2 {
			t.Fatalf("%s: %d rows of filters", v.name, len(rows))
		}
		scrolling := 0
		for _, r := range rows {
			if r.B.Right > v.width+0.5 {
				t.Errorf("%s: the %s row overflows the window: %+v", v.name, r.Legend, r.B)
			}
			if r.Scroll > r.Client+1 {
				scrolling++
				if v.width > 640 {
					t.Errorf("%s: the %s row scrolls (%.0f of %.0f px shown); on a desktop its chips should wrap", v.name, r.Legend, r.Client, r.Scroll)
				}
				if r.FadeStart < 16 || r.FadeEnd > 1 {
					t.Errorf("%s: the %s row scrolls but does not show it: fade %.0f px at the start, %.0f px at the end", v.name, r.Legend, r.FadeStart, r.FadeEnd)
				}
				continue
			}
			if r.FadeStart > 1 {
				t.Errorf("%s: the %s row fits yet its edge fades (%.0f px)", v.name, r.Legend, r.FadeStart)
			}
			for _, c := range r.Chips {
				if c.Right > r.B.Right+0.5 {
					t.Errorf("%s: chip %q of the %s row is cut at x=%.0f (row ends x=%.0f)", v.name, c.Text, r.Legend, c.Right, r.B.Right)
				}
			}
		}
		t.Logf("%s: %d rows of filters, %d of them scroll", v.name, len(rows), scrolling)
		if v.width < 640 && scrolling == 0 {
			t.Log("no row of filters scrolls on the phone: the fade is not exercised")
		}
	}
}

// TestNotFoundSearch checks that the 404 page's search box and its button
// stand on one row inside the window.
func TestNotFoundSearch(t *testing.T) {
	srv := serve(t, site.out)
	for _, v := range []viewport{phoneView, desktopView} {
		ctx := v.tab(t)
		open(t, ctx, srv.URL+"/404.html")
		in, btn := measure(t, ctx, "main input[type=search]"), measure(t, ctx, "main form button")
		if !in.Shown || !btn.Shown {
			t.Fatalf("%s: no search box on the 404 page", v.name)
		}
		if d := btn.Top - in.Top; d < -2 || d > 2 || btn.Left < in.Right-1 || btn.Right > v.width {
			t.Errorf("%s: the search button is not beside the box: box %+v, button %+v", v.name, in, btn)
		}
		if in.Width < 150 {
			t.Errorf("%s: the search box is %.0f px wide", v.name, in.Width)
		}
	}
}

// TestCardsSayWhatTheListDoesNot checks that cards leave out what the
// list around them says already: no worker card repeats the workers'
// section name, no card on a street's page repeats the street; and that on
// a list of every kind a card does name its kind.
func TestCardsSayWhatTheListDoesNot(t *testing.T) {
	srv := serve(t, site.out)
	ctx := phoneView.tab(t)
	metas := func(path string) []string {
		t.Helper()
		open(t, ctx, srv.URL+path)
		m := js[[]string](t, ctx, `Array.from(document.querySelectorAll("main .card .meta")).map((m) => m.textContent.trim())`)
		if len(m) == 0 {
			t.Fatalf("%s: no cards", path)
		}
		return m
	}
	workers := kindLabels()[4]
	for _, m := range metas("/workers/") {
		if strings.Contains(m, workers) || m == "" {
			t.Errorf("/workers/: a card reads %q", m)
		}
	}
	for _, street := range []string{"常青街道", "民族街道"} {
		for _, m := range metas("/streets/" + url.PathEscape(street) + "/") {
			if strings.Contains(m, street) {
				t.Errorf("%s: a card repeats the street: %q", street, m)
			}
		}
	}
	cases := kindLabels()[0]
	for _, m := range metas("/cases/") {
		if strings.HasPrefix(m, cases) {
			t.Errorf("/cases/: a card repeats %q: %q", cases, m)
		}
	}
	named := 0
	ms := metas("/topics/" + url.PathEscape("居民自治") + "/")
	for _, m := range ms {
		for _, l := range kindLabels() {
			if strings.HasPrefix(m, l) {
				named++
			}
		}
	}
	if named != len(ms) {
		t.Errorf("a topic's page lists every kind, but only %d of %d cards name theirs", named, len(ms))
	}
	// On the home page, a worker's card names street and method, once each.
	open(t, ctx, srv.URL+"/")
	for _, s := range js[[]string](t, ctx, `Array.from(document.querySelectorAll(".people-grid span")).map((s) => s.textContent)`) {
		if strings.Contains(s, workers) || strings.Count(s, "·") != 1 {
			t.Errorf("home page worker card reads %q", s)
		}
	}
	t.Logf("checked %s cards", strconv.Itoa(len(ms)))
}

// TestThemeColour builds the sample library with a main colour in
// site.yaml's theme block: the header and the links take it, over the
// stylesheet's own.
func TestThemeColour(t *testing.T) {
	needSite(t)
	root := t.TempDir()
	// The sample library as it is in the repository, without the fixture's
	// photos: the colour needs no images, and resizing them is most of a
	// build under the race detector.
	if err := os.CopyFS(filepath.Join(root, "content"), os.DirFS(filepath.Join("..", "content"))); err != nil {
		t.Fatal(err)
	}
	cfg := filepath.Join(root, "content", "site.yaml")
	b, err := os.ReadFile(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(cfg, append(b, "theme:\n  color: \"#8B1A1A\"\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "out")
	if _, err := generator.Build(generator.Options{Root: root, Out: out}); err != nil {
		t.Fatal(err)
	}
	srv := serve(t, out)
	ctx := phoneView.tab(t)
	open(t, ctx, srv.URL+firstPage(t, "cases"))
	header := js[string](t, ctx, `getComputedStyle(document.querySelector(".site-header")).backgroundColor`)
	link := js[string](t, ctx, `getComputedStyle(document.querySelector(".crumbs a")).color`)
	if header != "rgb(139, 26, 26)" || link != "rgb(139, 26, 26)" {
		t.Errorf("with color #8B1A1A the header is %s and links are %s", header, link)
	}
}

// TestNothingMovesWhileLoading loads pages with the processor slowed ten
// times, as on a cheap phone: the browser then paints pages while it is
// still reading them, and a layout that depends on what comes later (the
// A−/A+ buttons after the search box, the contents after the text) moves
// what the reader already sees. Nothing may move.
func TestNothingMovesWhileLoading(t *testing.T) {
	srv := serve(t, site.out)
	pages := []string{"/", firstPage(t, "cases"), "/cases/needs-survey-redo/", "/handbook/needs/", "/workers/zhang-min/", "/guides/case-records/"}
	for _, v := range []viewport{phoneView, desktopView} {
		ctx := v.tab(t)
		run(t, ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := chromedp.Call(ctx, emulation.SetCPUThrottlingRate, emulation.SetCPUThrottlingRateParams{Rate: 10})
			return err
		}))
		for _, p := range pages {
			open(t, ctx, srv.URL+p)
			if cls := js[float64](t, ctx, shiftProbe); cls > 0.001 {
				t.Errorf("%s at %s on a slow processor: the layout shifts by %.4f while loading", p, v.name, cls)
			}
		}
	}
}
