package sitetest

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/jianghan-district/jianghan/generator"
	"github.com/jianghan-district/jianghan/internal/browsertest"
)

// The built sample library, shared by every test of the binary.
var site struct {
	root     string // the fixture site (a copy of ../content plus images)
	out      string // jianghan build
	portable string // jianghan build --portable
	err      error
}

// The case that gets the fixture images, and their file names.
const (
	photoCase = "cases/lift-seven-floors"
	photoJPEG = "meeting.jpg" // 700×1120 stored, EXIF orientation 6: shown 1120×700
	photoPNG  = "floor-plan.png"
)

func TestMain(m *testing.M) {
	tmp, err := os.MkdirTemp("", "jianghan-sitetest-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	os.Setenv("JIANGHAN_CACHE_DIR", filepath.Join(tmp, "cache"))
	site.root = filepath.Join(tmp, "site")
	site.out = filepath.Join(tmp, "out")
	site.portable = filepath.Join(tmp, "portable")
	site.err = buildFixture()
	code := browsertest.Main(m)
	os.RemoveAll(tmp)
	os.Exit(code)
}

// buildFixture copies the sample content, adds two raster images to one
// case, and builds it both ways.
func buildFixture() error {
	if err := os.CopyFS(filepath.Join(site.root, "content"), os.DirFS("../content")); err != nil {
		return err
	}
	dir := filepath.Join(site.root, "content", filepath.FromSlash(photoCase))
	if err := os.WriteFile(filepath.Join(dir, photoJPEG), fixtureJPEG(), 0o644); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, photoPNG), fixturePNG(), 0o644); err != nil {
		return err
	}
	md := filepath.Join(dir, "index.md")
	b, err := os.ReadFile(md)
	if err != nil {
		return err
	}
	b = bytes.Replace(b, []byte("\n## 成效\n"), []byte("\n![楼栋议事会现场（测试用照片）](meeting.jpg)\n\n![8号楼平面示意（测试用图）](floor-plan.png)\n\n## 成效\n"), 1)
	if err := os.WriteFile(md, b, 0o644); err != nil {
		return err
	}
	// Precompressed, as the district publishes it: the servers of the tests
	// that send the copies (serve --no-watch, nginx) send them to Chromium.
	if _, err := generator.Build(generator.Options{Root: site.root, Out: site.out, Precompress: true}); err != nil {
		return fmt.Errorf("build: %w", err)
	}
	if _, err := generator.Build(generator.Options{Root: site.root, Out: site.portable, Portable: true}); err != nil {
		return fmt.Errorf("build --portable: %w", err)
	}
	return nil
}

// fixtureJPEG is a 700×1120 photo as a phone held sideways stores it, with
// EXIF orientation 6 (turn 90° clockwise to show): shown, it is 1120×700,
// and the red corner stored at the top left is at the top right. Shown, it
// is wider than the widest copy (1080 pixels), so every copy is made; a
// larger photo proves nothing more, and every build of the fixture turns
// and resizes it under the race detector.
func fixtureJPEG() []byte {
	img := image.NewRGBA(image.Rect(0, 0, 700, 1120))
	for y := 0; y < 1120; y++ {
		for x := 0; x < 700; x++ {
			c := color.RGBA{uint8(x / 4), uint8(y / 7), 160, 255}
			if x < 200 && y < 200 {
				c = color.RGBA{255, 0, 0, 255}
			}
			img.Set(x, y, c)
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 90}); err != nil {
		panic(err)
	}
	b := buf.Bytes()
	// APP1 Exif, big-endian TIFF, one IFD entry: Orientation (0x0112) SHORT 6.
	tiff := []byte{'M', 'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, 0, 0, 0, 0}
	seg := append([]byte("Exif\x00\x00"), tiff...)
	app1 := append([]byte{0xFF, 0xE1, byte((len(seg) + 2) >> 8), byte(len(seg) + 2)}, seg...)
	return append(append(append([]byte{}, b[:2]...), app1...), b[2:]...)
}

// fixturePNG is an 800×500 drawing with a transparent border.
func fixturePNG() []byte {
	img := image.NewNRGBA(image.Rect(0, 0, 800, 500))
	for y := 20; y < 480; y++ {
		for x := 20; x < 780; x++ {
			img.Set(x, y, color.NRGBA{uint8(x % 256), 120, uint8(y % 256), 255})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

// needSite stops a test when the fixture did not build.
func needSite(t *testing.T) {
	t.Helper()
	if site.err != nil {
		t.Fatalf("building the sample library: %v", site.err)
	}
}

// server serves a built site on 127.0.0.1. Down makes it drop every
// connection unanswered, as a server that is gone; the browser then sees a
// network error.
type server struct {
	*httptest.Server
	down atomic.Bool
	dir  atomic.Pointer[string] // the folder served; setDir swaps it, as a new build

	mu   sync.Mutex
	hits map[string]int
}

func serve(t *testing.T, dir string) *server {
	t.Helper()
	needSite(t)
	s := &server{hits: map[string]int{}}
	s.dir.Store(&dir)
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if s.down.Load() {
			if hj, ok := w.(http.Hijacker); ok {
				if c, _, err := hj.Hijack(); err == nil {
					c.Close()
					return
				}
			}
			http.Error(w, "down", http.StatusServiceUnavailable)
			return
		}
		s.mu.Lock()
		s.hits[r.URL.Path]++
		s.mu.Unlock()
		http.FileServer(http.Dir(*s.dir.Load())).ServeHTTP(w, r)
	}))
	t.Cleanup(s.Close)
	return s
}

// setDir serves another build from now on.
func (s *server) setDir(dir string) { s.dir.Store(&dir) }

// hit reports how often path was asked for.
func (s *server) hit(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[path]
}

// phone opens a tab at the phone viewport.
func phone(t *testing.T) context.Context {
	t.Helper()
	needSite(t)
	ctx := browsertest.Tab(t)
	run(t, ctx, browsertest.Phone)
	return ctx
}

// run runs browser actions, failing the test on error.
func run(t *testing.T, ctx context.Context, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatal(err)
	}
}

// open navigates to url and waits for the page and its deferred scripts.
func open(t *testing.T, ctx context.Context, url string) {
	t.Helper()
	run(t, ctx, chromedp.Navigate(url))
	waitJS(t, ctx, `document.readyState === "complete"`)
}

// js evaluates expr in the page (awaiting a promise) and decodes its value.
func js[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("evaluating %s: %v", abbrev(expr), err)
	}
	return v
}

// waitJS waits until expr is true in the page, across navigations.
func waitJS(t *testing.T, ctx context.Context, expr string) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	var last error
	for time.Now().Before(deadline) {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool]("!!("+expr+")"))
		if err == nil && ok {
			return
		}
		last = err
		select {
		case <-ctx.Done():
			t.Fatalf("waiting for %s: %v", abbrev(expr), ctx.Err())
		case <-time.After(50 * time.Millisecond):
		}
	}
	t.Fatalf("waiting for %s: still false after 20s (last error: %v)", abbrev(expr), last)
}

// waitFor reports whether expr becomes true in the page within 20 s, for a
// test that then says itself what is wrong.
func waitFor(ctx context.Context, expr string) bool {
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool]("!!("+expr+")")); err == nil && ok {
			return true
		}
		select {
		case <-ctx.Done():
			return false
		case <-time.After(50 * time.Millisecond):
		}
	}
	return false
}

func abbrev(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 120 {
		return s[:120] + "…"
	}
	return s
}

// firstPage returns the site path of the first page of a kind in the built
// output ("/cases/after-school-class/").
func firstPage(t *testing.T, kind string) string {
	t.Helper()
	entries, err := os.ReadDir(filepath.Join(site.out, kind))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.IsDir() && e.Name() != "page" {
			return "/" + kind + "/" + e.Name() + "/"
		}
	}
	t.Fatalf("no %s page in the output", kind)
	return ""
}
