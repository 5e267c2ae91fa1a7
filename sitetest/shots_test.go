package sitetest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestScreenshots saves a full-page phone screenshot of every page kind
// into JIANGHAN_SCREENSHOT_DIR, for a person to look at; it is skipped
// when that is not set.
func TestScreenshots(t *testing.T) {
	dir := os.Getenv("JIANGHAN_SCREENSHOT_DIR")
	if dir == "" {
		t.Skip("set JIANGHAN_SCREENSHOT_DIR to save phone screenshots")
	}
	srv := serve(t, site.out)
	ctx := phone(t)
	for name, path := range pageKinds(t) {
		open(t, ctx, srv.URL+path)
		if strings.HasPrefix(path, "/search/") {
			waitJS(t, ctx, `document.querySelectorAll("#results li[data-url]").length > 0`)
		}
		png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
		if err != nil {
			t.Fatal(err)
		}
		name = strings.NewReplacer("/", "-", " ", "-", "+", "-").Replace(name)
		if err := os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
