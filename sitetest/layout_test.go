package sitetest

import (
	"context"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/jianghan-district/jianghan/generator/model"
	"github.com/jianghan-district/jianghan/internal/browsertest"
	"github.com/jianghan-district/jianghan/internal/msg"
)

// Helpers for the tests that measure the layout as the browser laid it out:
// the boxes of elements (getBoundingClientRect, in CSS pixels), at the
// phone's 360×640 and the desktop's 1280×900.

// box is an element's box. Top and Bottom are from the top of the page,
// Left and Right from the left of the window; Y is Top as seen in the
// window, after scrolling. Shown is false for an element that is missing,
// hidden or has no size.
type box struct {
	Top, Bottom, Left, Right, Width, Height, Y float64
	Shown                                      bool
	Text                                       string
}

// boxJS is a script function that measures an element as a box.
const boxJS = `((el) => {
  if (!el) return {Shown: false};
  const r = el.getBoundingClientRect(), s = getComputedStyle(el);
  // checkVisibility also sees what a closed <details> folds away.
  const shown = !el.closest("[hidden]") && s.display !== "none" && s.visibility !== "hidden" && r.width > 0 && r.height > 0 &&
    (!el.checkVisibility || el.checkVisibility());
  return {Top: r.top + scrollY, Bottom: r.bottom + scrollY, Left: r.left, Right: r.right, Width: r.width, Height: r.height, Y: r.top,
    Shown: shown, Text: (el.textContent || "").trim().replace(/\s+/g, " ").slice(0, 80)};
})`

// measure returns the box of the first element that sel matches.
func measure(t *testing.T, ctx context.Context, sel string) box {
	t.Helper()
	return js[box](t, ctx, boxJS+`(document.querySelector(`+quote(sel)+`))`)
}

// quote writes s as a JavaScript string.
func quote(s string) string {
	b := []byte{'"'}
	for _, r := range s {
		switch r {
		case '"', '\\':
			b = append(b, '\\', byte(r))
		case '\n':
			b = append(b, '\\', 'n')
		default:
			b = append(b, string(r)...)
		}
	}
	return string(append(b, '"'))
}

// viewport is a width and height the tests lay pages out at.
type viewport struct {
	name          string
	width, height float64
	set           chromedp.Action[chromedp.Void]
}

var (
	phoneView   = viewport{"360×640", 360, 640, browsertest.Phone}
	desktopView = viewport{"1280×900", 1280, 900, browsertest.Desktop}
)

// tab opens a tab at the viewport.
func (v viewport) tab(t *testing.T) context.Context {
	t.Helper()
	needSite(t)
	ctx := browsertest.Tab(t)
	run(t, ctx, v.set)
	return ctx
}

// noScripts turns the page's scripts off from the next navigation on, as a
// browser with JavaScript disabled.
func noScripts(t *testing.T, ctx context.Context) {
	t.Helper()
	run(t, ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
		return err
	}))
}

// kindLabels are the names of the six sections in the order of the main
// menu, from the catalogue: the one vocabulary of the interface.
func kindLabels() []string {
	var out []string
	for _, k := range []model.Kind{model.Cases, model.Lectures, model.Courses, model.Guides, model.Workers, model.Handbook} {
		out = append(out, msg.Zh.T(k.Key()))
	}
	return out
}

// scrollTo scrolls the window to y and waits for the next frame, so that
// sticky boxes and scroll-driven styles have moved.
func scrollTo(t *testing.T, ctx context.Context, y string) {
	t.Helper()
	js[bool](t, ctx, `new Promise((ok) => { scrollTo(0, `+y+`); requestAnimationFrame(() => requestAnimationFrame(() => ok(true))); })`)
}
