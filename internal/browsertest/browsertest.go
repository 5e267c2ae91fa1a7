// Package browsertest starts the headless Chromium that browser tests drive
// with chromedp: one browser per test binary, started on first use, with a
// fresh profile, and one isolated browser context (its own storage, caches
// and service workers) per test.
//
// When no Chromium is installed the tests are skipped with a message,
// unless JIANGHAN_REQUIRE_BROWSER=1 (as in .ci/run), when they fail.
// JIANGHAN_CHROMIUM names the binary when it is not /usr/bin/chromium or on
// the PATH.
//
// A test binary that uses it ends with the browser closed:
//
//	func TestMain(m *testing.M) { os.Exit(browsertest.Main(m)) }
package browsertest

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/jianghan-district/jianghan/internal/testcert"
)

// RequireEnv is the environment variable that turns a missing browser from
// a skip into a failure.
const RequireEnv = "JIANGHAN_REQUIRE_BROWSER"

// PlainHost is a host name the browser resolves to 127.0.0.1 without
// treating it as a secure context, as it does 127.0.0.1 and localhost: a
// page served at http://PlainHost:PORT/ is plain HTTP as a browser on the
// intranet sees it, where service workers are refused.
const PlainHost = "jianghan.test"

// SecureHost is the intranet name of the HTTPS tests: the browser resolves
// it to 127.0.0.1 and trusts the certificates internal/testcert issues (by
// their key, --ignore-certificate-errors-spki-list, which unlike
// --ignore-certificate-errors makes a secure context where service workers
// register). A site at https://SecureHost:PORT/ is what a phone on the
// intranet gets from a server with a certificate of the district's own CA.
const SecureHost = "kb.jianghan.test"

// Phone is the viewport of the phone tests: 360×640 CSS pixels at twice
// the density, with touch, as a small Android phone.
var Phone = chromedp.EmulateViewport(360, 640, chromedp.EmulateScale(2), chromedp.EmulateMobile, chromedp.EmulateTouch)

// Desktop is the viewport of the desktop tests: a 1280×900 window of a
// laptop or an office screen, with a mouse.
var Desktop = chromedp.EmulateViewport(1280, 900)

// Timeout bounds the work of one test in the browser.
const Timeout = 2 * time.Minute

// ExecPath returns the Chromium binary to drive, or "" when there is none.
func ExecPath() string {
	if p := os.Getenv("JIANGHAN_CHROMIUM"); p != "" {
		return p
	}
	if st, err := os.Stat("/usr/bin/chromium"); err == nil && !st.IsDir() {
		return "/usr/bin/chromium"
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// Flags are the command-line switches the browser runs with, besides
// chromedp's defaults and a fresh user-data-dir.
var Flags = map[string]any{
	"headless":                      true,
	"no-sandbox":                    true,
	"disable-gpu":                   true,
	"disable-background-networking": true,
	"disable-component-update":      true,
	"no-first-run":                  true,
	"hide-scrollbars":               true,
	"no-proxy-server":               true,
	"host-resolver-rules":           "MAP " + PlainHost + " 127.0.0.1, MAP " + SecureHost + " 127.0.0.1",
}

var shared struct {
	sync.Mutex
	ctx    context.Context // a chromedp context that has started the browser
	cancel func()
	dir    string
	err    error
}

// start launches the shared browser once.
func start() (context.Context, error) {
	shared.Lock()
	defer shared.Unlock()
	if shared.ctx != nil || shared.err != nil {
		return shared.ctx, shared.err
	}
	path := ExecPath()
	if path == "" {
		shared.err = errNoBrowser
		return nil, shared.err
	}
	dir, err := os.MkdirTemp("", "jianghan-chromium-")
	if err != nil {
		shared.err = err
		return nil, err
	}
	opts := append([]chromedp.ExecAllocatorOption(nil), chromedp.DefaultExecAllocatorOptions[:]...)
	opts = append(opts, chromedp.ExecPath(path), chromedp.UserDataDir(dir))
	for k, v := range Flags {
		opts = append(opts, chromedp.Flag(k, v))
	}
	opts = append(opts, chromedp.Flag("ignore-certificate-errors-spki-list", testcert.SPKI()))
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(alloc)
	if err := chromedp.Do(ctx); err != nil {
		cancelCtx()
		cancelAlloc()
		os.RemoveAll(dir)
		shared.err = err
		return nil, err
	}
	shared.ctx, shared.dir = ctx, dir
	shared.cancel = func() { cancelCtx(); cancelAlloc() }
	return ctx, nil
}

var errNoBrowser = errors.New("no Chromium found (install Debian's chromium, or set JIANGHAN_CHROMIUM)")

// Available reports whether a browser can be started, skipping t when not
// and failing it when RequireEnv is set.
func Available(t testing.TB) {
	t.Helper()
	if _, err := start(); err != nil {
		if os.Getenv(RequireEnv) == "1" {
			t.Fatalf("browser tests are required (%s=1): %v", RequireEnv, err)
		}
		t.Skipf("skipping browser test: %v", err)
	}
}

// Tab opens a tab in a new browser context of the shared browser and
// returns its chromedp context, which ends with the test or after Timeout.
func Tab(t testing.TB) context.Context {
	t.Helper()
	Available(t)
	parent, _ := start()
	ctx, cancel := chromedp.NewContext(parent, chromedp.WithNewBrowserContext())
	t.Cleanup(cancel)
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("opening a tab: %v", err)
	}
	tctx, tcancel := context.WithTimeout(ctx, Timeout)
	t.Cleanup(tcancel)
	return tctx
}

// Close stops the shared browser, if it was started, and removes its
// profile.
func Close() {
	shared.Lock()
	defer shared.Unlock()
	if shared.cancel != nil {
		shared.cancel()
		os.RemoveAll(shared.dir)
	}
	shared.ctx, shared.cancel, shared.err = nil, nil, nil
}

// Main runs the tests of m and then closes the browser; use it in TestMain.
func Main(m *testing.M) int {
	code := m.Run()
	Close()
	return code
}
