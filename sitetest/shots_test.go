package sitetest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/jianghan-district/jianghan/internal/browsertest"
)

// TestScreenshots saves screenshots of every page kind, at the phone's
// 360×640 and the desktop's 1280×900, into JIANGHAN_SCREENSHOT_DIR for a
// person to look at (bench/screenshots.sh runs it): NAME-phone.png is the
// first screen as a reader sees it on opening the page, NAME-phone-full.png
// the whole page, and the same for desktop; menu-phone.png is the phone's
// menu, open. It is skipped when that variable is not set.
func TestScreenshots(t *testing.T) {
	dir := os.Getenv("JIANGHAN_SCREENSHOT_DIR")
	if dir == "" {
		t.Skip("set JIANGHAN_SCREENSHOT_DIR to save screenshots")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	srv := serve(t, site.out)
	for _, v := range []struct {
		name     string
		viewport chromedp.Action[chromedp.Void]
	}{{"phone", browsertest.Phone}, {"desktop", browsertest.Desktop}} {
		ctx := browsertest.Tab(t)
		run(t, ctx, v.viewport)
		for name, path := range pageKinds(t) {
			open(t, ctx, srv.URL+path)
			if strings.HasPrefix(path, "/search/") {
				waitJS(t, ctx, `document.querySelectorAll("#results li[data-url]").length > 0`)
			}
			name = strings.NewReplacer("/", "-", " ", "-", "+", "-").Replace(name) + "-" + v.name
			shot, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
			if err != nil {
				t.Fatal(err)
			}
			full, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, name+".png"), shot, 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, name+"-full.png"), full, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		if v.name == "phone" {
			// The phone's menu, open.
			open(t, ctx, srv.URL+firstPage(t, "cases"))
			run(t, ctx, chromedp.Click(chromedp.CSS(".menu-button")))
			shot, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, "menu-phone.png"), shot, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}
