package sitetest

import (
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// pagesOf returns the site paths of every page of a kind in the built
// output.
func pagesOf(t *testing.T, kind string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(site.out, kind, "*", "index.html"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no %s pages: %v", kind, err)
	}
	var out []string
	for _, f := range files {
		if name := filepath.Base(filepath.Dir(f)); name != "page" && name != "print" {
			out = append(out, "/"+kind+"/"+name+"/")
		}
	}
	sort.Strings(out)
	return out
}

// caseHead is what a case shows before its text, measured.
type caseHead struct {
	H1, Bar, Facts, Dl, Summary, Problem, LastSection, PrevNext box
}

const caseHeadJS = `(() => { const B = ` + boxJS + `, q = (s) => document.querySelector(s);
  return {H1: B(q("main h1")), Bar: B(q(".course-bar")), Facts: B(q(".facts > summary")), Dl: B(q(".facts dl")),
    Summary: B(q(".doc-head .summary")), Problem: B(q(".case-problem h2")),
    LastSection: B(q(".doc-body > :last-child")), PrevNext: B(q(".lesson-nav .prevnext"))}; })()`

// TestCaseReadsProblemFirst opens every case at 360×640 and checks that
// its 问题 heading stands whole on the first screen, after the title, the
// one-line facts and the summary; that a lesson's course is a one-line bar
// above the title and its previous and next lessons come after the text;
// and, at 1280×900, that 问题 is on the first screen with the facts open.
func TestCaseReadsProblemFirst(t *testing.T) {
	srv := serve(t, site.out)
	cases := pagesOf(t, "cases")
	for _, v := range []viewport{phoneView, desktopView} {
		t.Run(v.name, func(t *testing.T) {
			ctx := v.tab(t)
			worst, worstPath := 0.0, ""
			lessons, plain := 0.0, 0.0
			for _, path := range cases {
				open(t, ctx, srv.URL+path)
				m := js[caseHead](t, ctx, caseHeadJS)
				if !m.Problem.Shown {
					t.Errorf("%s: no 问题 heading shown", path)
					continue
				}
				if m.Problem.Bottom > v.height {
					t.Errorf("%s: 问题 ends at y=%.0f, below the first screen (%.0f px)", path, m.Problem.Bottom, v.height)
				}
				if m.Problem.Top > worst {
					worst, worstPath = m.Problem.Top, path
				}
				if m.Bar.Shown {
					lessons = max(lessons, m.Problem.Top)
				} else {
					plain = max(plain, m.Problem.Top)
				}
				// Title, facts, summary, then the text.
				order := []struct {
					name string
					b    box
				}{{"title", m.H1}, {"facts", m.Facts}, {"summary", m.Summary}, {"问题", m.Problem}}
				last := order[0]
				for _, o := range order[1:] {
					if !o.b.Shown {
						continue
					}
					if o.b.Top < last.b.Bottom-0.5 {
						t.Errorf("%s: the %s (y=%.0f) is not below the %s (ends y=%.0f)", path, o.name, o.b.Top, last.name, last.b.Bottom)
					}
					last = o
				}
				if v.width < 640 {
					if !m.Facts.Shown || m.Facts.Height > 60 {
						t.Errorf("%s: the facts should fold to one line on a phone: %+v", path, m.Facts)
					}
					if m.Dl.Shown {
						t.Errorf("%s: the facts are open before the text on a phone", path)
					}
				} else if !m.Dl.Shown || m.Facts.Shown {
					t.Errorf("%s: at %s the facts should stand open: list %+v, folded line %+v", path, v.name, m.Dl, m.Facts)
				}
				if m.Bar.Shown {
					if m.Bar.Height > 50 {
						t.Errorf("%s: the course bar takes %.0f px, more than one line", path, m.Bar.Height)
					}
					if m.Bar.Bottom > m.H1.Top+0.5 {
						t.Errorf("%s: the course bar (ends y=%.0f) is not above the title (y=%.0f)", path, m.Bar.Bottom, m.H1.Top)
					}
					if !m.PrevNext.Shown || m.PrevNext.Top < m.LastSection.Bottom {
						t.Errorf("%s: the previous and next lessons should follow the text: %+v after %+v", path, m.PrevNext, m.LastSection)
					}
				}
			}
			t.Logf("%d cases: 问题 starts at most at y=%.0f (%s); on a course's lesson at most y=%.0f, elsewhere y=%.0f",
				len(cases), worst, worstPath, lessons, plain)
		})
	}
}

// TestFactsOpenOnTap taps a case's folded facts on a phone: they open to
// the street, topics, methods and workers, with links, and chips that fit
// side by side share a row.
func TestFactsOpenOnTap(t *testing.T) {
	srv := serve(t, site.out)
	ctx := phoneView.tab(t)
	for _, path := range []string{"/cases/after-school-class/", "/cases/needs-survey-redo/"} {
		open(t, ctx, srv.URL+path)
		run(t, ctx, chromedp.Click(chromedp.CSS(".facts > summary")))
		if dl := measure(t, ctx, ".facts dl"); !dl.Shown {
			t.Fatalf("%s: tapping the facts did not open them", path)
		}
		if n := js[int](t, ctx, `document.querySelectorAll(".facts dl a[href*='/streets/'], .facts dl a[href*='/topics/']").length`); n < 2 {
			t.Errorf("%s: the open facts link %d streets and topics", path, n)
		}
		for _, row := range js[[][]box](t, ctx, `Array.from(document.querySelectorAll(".facts dd.tags")).map((dd) => [`+boxJS+`(dd)].concat(Array.from(dd.children).map(`+boxJS+`)))`) {
			dd, chips := row[0], row[1:]
			for i := 1; i < len(chips); i++ {
				a, b := chips[i-1], chips[i]
				if a.Right+4+b.Width <= dd.Right && b.Top != a.Top {
					t.Errorf("%s: chip «%s» goes to a new line though it fits beside «%s» (%.0f + %.0f ≤ %.0f)", path, b.Text, a.Text, a.Right, b.Width, dd.Right)
				}
			}
		}
	}
}

// TestTextFirst checks that lectures, guides and handbook chapters start
// their text on the first screen of a phone: at least two lines of it
// above y=640.
func TestTextFirst(t *testing.T) {
	srv := serve(t, site.out)
	ctx := phoneView.tab(t)
	for _, kind := range []string{"lectures", "guides", "handbook"} {
		worst := 0.0
		for _, path := range pagesOf(t, kind) {
			open(t, ctx, srv.URL+path)
			body := measure(t, ctx, ".doc-body")
			if !body.Shown {
				t.Errorf("%s: no text", path)
				continue
			}
			worst = max(worst, body.Top)
			if body.Top+60 > phoneView.height {
				t.Errorf("%s: the text starts at y=%.0f; two lines of it do not fit on the first screen", path, body.Top)
			}
			if toc := measure(t, ctx, ".toc"); toc.Shown && (toc.Height > 50 || toc.Top > body.Top) {
				t.Errorf("%s: the contents should be one folded line before the text: %+v", path, toc)
			}
		}
		t.Logf("%s: the text starts at most at y=%.0f", kind, worst)
	}
}

// TestHandbookChapters checks that chapters are numbered once (their
// titles carry the number; the lists add none) and that each chapter links
// the one before and after it with rel=prev and rel=next, after its text.
func TestHandbookChapters(t *testing.T) {
	srv := serve(t, site.out)
	ctx := phoneView.tab(t)
	type item struct {
		Marker, Text, Href string
		Indent             float64
	}
	const itemsJS = `Array.from(document.querySelectorAll(%q)).map((li) => { const a = li.querySelector("a"), ol = li.parentElement;
	  return {Marker: getComputedStyle(li).listStyleType, Text: a.textContent.trim(), Href: a.href,
	    Indent: a.getBoundingClientRect().left - ol.getBoundingClientRect().left}; })`
	var order []string
	for _, page := range []struct{ path, sel string }{
		{"/handbook/", "main ol.chapters > li"},
		{"/", "#h-handbook ~ ol.chapters > li"},
		{"/handbook/print/", ".print-book > .toc li"},
	} {
		open(t, ctx, srv.URL+page.path)
		items := js[[]item](t, ctx, strings.Replace(itemsJS, "%q", quote(page.sel), 1))
		if len(items) < 5 {
			t.Fatalf("%s: %d chapters listed", page.path, len(items))
		}
		for _, it := range items {
			if !strings.HasPrefix(it.Text, "第") {
				t.Errorf("%s: chapter %q does not carry its number", page.path, it.Text)
			}
			if it.Marker != "none" || it.Indent > 1 {
				t.Errorf("%s: %q is numbered again by the list (list-style %s, indented %.0f px)", page.path, it.Text, it.Marker, it.Indent)
			}
		}
		if page.path == "/handbook/" {
			for _, it := range items {
				order = append(order, strings.TrimPrefix(it.Href, srv.URL))
			}
		}
	}
	type link struct {
		Rel, Href string
		B         box
	}
	for i, path := range order {
		open(t, ctx, srv.URL+path)
		links := js[[]link](t, ctx, `Array.from(document.querySelectorAll(".chapter-nav a[rel]")).map((a) => ({Rel: a.rel, Href: a.href, B: `+boxJS+`(a)}))`)
		body := measure(t, ctx, ".doc-body")
		want := map[string]string{}
		if i > 0 {
			want["prev"] = order[i-1]
		}
		if i+1 < len(order) {
			want["next"] = order[i+1]
		}
		got := map[string]string{}
		for _, l := range links {
			got[l.Rel] = strings.TrimPrefix(l.Href, srv.URL)
			if l.B.Top < body.Bottom || l.B.Height < 44 {
				t.Errorf("%s: the %s chapter link should follow the text, 44 px tall: %+v (text ends y=%.0f)", path, l.Rel, l.B, body.Bottom)
			}
		}
		if len(got) != len(want) || got["prev"] != want["prev"] || got["next"] != want["next"] {
			t.Errorf("%s: chapter links %v, want %v", path, got, want)
		}
	}
}

// TestBesideTheText checks the desktop at 1280×900: the page's contents in
// a column to the right of the text that stays in view while reading, the
// lessons of the course or the chapters of the handbook to its left with
// the current one marked, and the text kept to a reading width. At 1024 px
// the contents still stand beside the text; on a phone neither column
// shows.
func TestBesideTheText(t *testing.T) {
	srv := serve(t, site.out)
	ctx := desktopView.tab(t)
	pages := []struct {
		path string
		side bool // a column of lessons or chapters
	}{
		{"/handbook/needs/", true},
		{"/cases/needs-survey-redo/", true},
		{firstPage(t, "cases"), false},
		{"/lectures/consultation-steps/", true},
	}
	for _, p := range pages {
		open(t, ctx, srv.URL+p.path)
		text, toc, side := measure(t, ctx, ".doc-body"), measure(t, ctx, ".doc > .toc"), measure(t, ctx, ".side-nav")
		if !toc.Shown {
			t.Errorf("%s: no contents beside the text", p.path)
			continue
		}
		if toc.Left < text.Right+16 {
			t.Errorf("%s: the contents (x=%.0f) are not to the right of the text (ends x=%.0f)", p.path, toc.Left, text.Right)
		}
		if text.Width < 560 || text.Width > 760 {
			t.Errorf("%s: the text is %.0f px wide; keep it to a reading width (560–760 px)", p.path, text.Width)
		}
		left := text.Left
		if p.side {
			if !side.Shown || side.Right+16 > text.Left || side.Left < 0 {
				t.Errorf("%s: the lessons or chapters should stand left of the text: %+v, text from x=%.0f", p.path, side, text.Left)
			}
			if cur := measure(t, ctx, ".side-nav a[aria-current=page]"); !cur.Shown || measure(t, ctx, "main h1").Text != cur.Text {
				t.Errorf("%s: the side column does not mark this page: %+v", p.path, cur)
			}
			left = side.Left
		} else if side.Shown {
			t.Errorf("%s: a side column shows on a page that is no lesson or chapter", p.path)
		}
		if span := toc.Right - left; span < 0.7*desktopView.width {
			t.Errorf("%s: the page uses %.0f of %.0f px", p.path, span, desktopView.width)
		}
		scrollTo(t, ctx, "document.documentElement.scrollHeight * 0.6")
		for name, sel := range map[string]string{"contents": ".doc > .toc", "side column": ".side-nav"} {
			if name == "side column" && !p.side {
				continue
			}
			if b := measure(t, ctx, sel); !b.Shown || b.Y < -1 || b.Y > 100 {
				t.Errorf("%s: the %s did not stay in view while reading: y=%.0f", p.path, name, b.Y)
			}
		}
		t.Logf("%s: side column x=%.0f–%.0f, text x=%.0f–%.0f (%.0f px), contents x=%.0f–%.0f", p.path, side.Left, side.Right, text.Left, text.Right, text.Width, toc.Left, toc.Right)
	}

	run(t, ctx, chromedp.EmulateViewport(1024, 768))
	open(t, ctx, srv.URL+"/handbook/needs/")
	if text, toc := measure(t, ctx, ".doc-body"), measure(t, ctx, ".doc > .toc"); !toc.Shown || toc.Left < text.Right || text.Width < 520 {
		t.Errorf("at 1024 px the contents should stand beside a text of reading width: text %+v, contents %+v", text, toc)
	}

	ph := phoneView.tab(t)
	open(t, ph, srv.URL+"/handbook/needs/")
	if side := measure(t, ph, ".side-nav"); side.Shown {
		t.Error("the chapter column shows on a phone")
	}
}

// TestLayoutDesktop loads every page kind at 1280×900, at the normal and
// the largest text size: nothing scrolls sideways or overflows, text is at
// least 16 px.
func TestLayoutDesktop(t *testing.T) {
	srv := serve(t, site.out)
	probeEveryKind(t, desktopView.tab(t), srv.URL, "1280×900", layoutProbeAt+`(false)`)
}
