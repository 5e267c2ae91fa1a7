package sitetest

import (
	"context"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// navLink is a link of the main menu, measured, with the style that marks
// the current section.
type navLink struct {
	B       box
	Current string // aria-current
	Mark    string // background and box-shadow, as computed
}

const navLinksJS = `Array.from(document.querySelectorAll(".site-nav a")).map((a) => ({B: ` + boxJS + `(a),
  Current: a.getAttribute("aria-current") || "", Mark: getComputedStyle(a).backgroundColor + " " + getComputedStyle(a).boxShadow + " " + getComputedStyle(a).fontWeight}))`

// checkNav checks that the menu shows every section, in the vocabulary and
// order of the catalogue, each inside the window and tall enough to tap,
// and marks the current one (want) apart from the others.
func checkNav(t *testing.T, ctx context.Context, where string, width float64, want string) []navLink {
	t.Helper()
	links := js[[]navLink](t, ctx, navLinksJS)
	labels := kindLabels()
	if len(links) != len(labels) {
		t.Fatalf("%s: %d sections in the menu, want %d", where, len(links), len(labels))
	}
	var current []navLink
	for i, l := range links {
		if l.B.Text != labels[i] {
			t.Errorf("%s: section %d reads %q, want %q", where, i+1, l.B.Text, labels[i])
		}
		if !l.B.Shown || l.B.Left < 0 || l.B.Right > width+0.5 || l.B.Height < 44 {
			t.Errorf("%s: section %q is not whole on the screen, 44 px tall: %+v", where, l.B.Text, l.B)
		}
		if l.Current != "" {
			current = append(current, l)
		}
	}
	if want == "" {
		if len(current) != 0 {
			t.Errorf("%s: a section is marked current: %+v", where, current)
		}
		return links
	}
	if len(current) != 1 || current[0].B.Text != want {
		t.Fatalf("%s: current section %+v, want %q", where, current, want)
	}
	for _, l := range links {
		if l.Current == "" && l.Mark == current[0].Mark {
			t.Errorf("%s: the current section %q looks like %q (%s)", where, want, l.B.Text, l.Mark)
		}
	}
	return links
}

// TestMainNavigation checks that every section can be reached on a phone:
// behind a menu button on the first screen that opens to all six at once,
// at the normal and the largest text size; without scripts all six show
// wrapped; on a desktop all six stand in one row of the header. The
// current section is marked each time.
func TestMainNavigation(t *testing.T) {
	srv := serve(t, site.out)
	casePath := firstPage(t, "cases")
	cases := kindLabels()[0]

	t.Run("360×640 menu", func(t *testing.T) {
		ctx := phoneView.tab(t)
		for _, scale := range []string{"1", "2"} {
			open(t, ctx, srv.URL+"/")
			js[any](t, ctx, `localStorage.setItem("jianghan:scale", "`+scale+`")`)
			open(t, ctx, srv.URL+casePath)
			btn := measure(t, ctx, ".menu-button")
			if !btn.Shown || btn.Bottom > phoneView.height || btn.Height < 44 || btn.Right > phoneView.width {
				t.Fatalf("scale %s: the menu button is not on the first screen: %+v", scale, btn)
			}
			if nav := measure(t, ctx, ".site-nav"); nav.Shown {
				t.Errorf("scale %s: the menu is open before it is tapped", scale)
			}
			run(t, ctx, chromedp.Click(chromedp.CSS(".menu-button")))
			if got := js[string](t, ctx, `document.querySelector(".menu-button").getAttribute("aria-expanded")`); got != "true" {
				t.Errorf("scale %s: aria-expanded=%s after a tap", scale, got)
			}
			links := checkNav(t, ctx, "phone menu at text scale "+scale, phoneView.width, cases)
			if scale == "1" {
				for _, l := range links {
					if l.B.Bottom > phoneView.height {
						t.Errorf("the open menu's %q ends at y=%.0f, below the first screen", l.B.Text, l.B.Bottom)
					}
				}
			}
			run(t, ctx, chromedp.KeyEvent(kb.Escape))
			if nav := measure(t, ctx, ".site-nav"); nav.Shown {
				t.Errorf("scale %s: Escape did not close the menu", scale)
			}
		}
		js[any](t, ctx, `localStorage.removeItem("jianghan:scale")`)
		open(t, ctx, srv.URL+"/search/?q="+url.QueryEscape("电梯"))
		run(t, ctx, chromedp.Click(chromedp.CSS(".menu-button")))
		checkNav(t, ctx, "phone menu on the search page", phoneView.width, "")
		open(t, ctx, srv.URL+"/handbook/")
		run(t, ctx, chromedp.Click(chromedp.CSS(".menu-button")))
		checkNav(t, ctx, "phone menu on the handbook", phoneView.width, kindLabels()[5])
	})

	t.Run("360×640 without scripts", func(t *testing.T) {
		ctx := phoneView.tab(t)
		noScripts(t, ctx)
		run(t, ctx, chromedp.Navigate(srv.URL+casePath))
		if measure(t, ctx, ".menu-button").Shown {
			t.Error("without scripts the menu button shows, which cannot work")
		}
		links := checkNav(t, ctx, "phone without scripts", phoneView.width, cases)
		rows := map[float64]bool{}
		for _, l := range links {
			rows[l.B.Top] = true
		}
		if len(rows) > 3 {
			t.Errorf("without scripts the sections take %d rows", len(rows))
		}
	})

	t.Run("1280×900", func(t *testing.T) {
		ctx := desktopView.tab(t)
		open(t, ctx, srv.URL+casePath)
		if measure(t, ctx, ".menu-button").Shown {
			t.Error("the menu button shows on a desktop")
		}
		header := measure(t, ctx, ".site-header")
		links := checkNav(t, ctx, "desktop", desktopView.width, cases)
		for _, l := range links {
			if l.B.Top != links[0].B.Top || l.B.Bottom > header.Bottom {
				t.Errorf("the section %q is not in the header's one row: %+v (header ends y=%.0f)", l.B.Text, l.B, header.Bottom)
			}
		}
		t.Logf("desktop header: %.0f px tall, sections x=%.0f–%.0f", header.Height, links[0].B.Left, links[len(links)-1].B.Right)
	})
}

// TestOneVocabulary checks that the interface names each section with the
// catalogue's one word wherever a page names it: the menu, the home page's
// sections, the breadcrumbs and list titles, the kind on cards, the lessons
// of a course, the kind filter of the search.
func TestOneVocabulary(t *testing.T) {
	srv := serve(t, site.out)
	ctx := phoneView.tab(t)
	labels := kindLabels()
	isLabel := map[string]bool{}
	for _, l := range labels {
		isLabel[l] = true
	}
	open(t, ctx, srv.URL+"/")
	if got := js[[]string](t, ctx, `Array.from(document.querySelectorAll(".sections a")).map((a) => a.firstChild.textContent.trim())`); strings.Join(got, " ") != strings.Join(labels, " ") {
		t.Errorf("home page sections %q, want %q", got, labels)
	}
	for i, kind := range []string{"cases", "lectures", "courses", "guides", "workers"} {
		open(t, ctx, srv.URL+"/"+kind+"/")
		if h1 := measure(t, ctx, "main h1").Text; h1 != labels[i] {
			t.Errorf("/%s/ is titled %q, want %q", kind, h1, labels[i])
		}
		open(t, ctx, srv.URL+firstPage(t, kind))
		if crumb := js[string](t, ctx, `document.querySelector(".crumbs li:nth-child(2)").textContent.trim()`); crumb != labels[i] {
			t.Errorf("a page of /%s/ has the crumb %q, want %q", kind, crumb, labels[i])
		}
	}
	check := func(where string, got []string) {
		t.Helper()
		if len(got) == 0 {
			t.Errorf("%s: no kind shown", where)
		}
		for _, g := range got {
			if !isLabel[g] {
				t.Errorf("%s: kind %q is not one of %q", where, g, labels)
			}
		}
	}
	open(t, ctx, srv.URL+"/courses/new-worker-basics/")
	check("course lessons", js[[]string](t, ctx, `Array.from(document.querySelectorAll(".lessons .meta")).map((m) => m.textContent.trim())`))
	open(t, ctx, srv.URL+"/topics/"+url.PathEscape("居民自治")+"/")
	check("topic page cards", js[[]string](t, ctx, `Array.from(document.querySelectorAll(".card .meta span:first-child")).map((m) => m.textContent.trim())`))
	open(t, ctx, srv.URL+"/search/?q="+url.QueryEscape("议事"))
	waitJS(t, ctx, `document.querySelectorAll("#results li[data-url]").length > 0`)
	count := regexp.MustCompile(`\s*\(.*\)$`)
	// The first filter is the kind; its first chip is "all".
	var kinds []string
	for _, s := range js[[]string](t, ctx, `Array.from(document.querySelectorAll(".search-facet")[0].querySelectorAll("button")).slice(1).map((b) => b.textContent.trim())`) {
		kinds = append(kinds, count.ReplaceAllString(s, ""))
	}
	check("search kind filter", kinds)
}
