package render

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/jianghan-district/jianghan/generator/model"
	"github.com/jianghan-district/jianghan/generator/urls"
	"github.com/jianghan-district/jianghan/internal/fingerprint"
)

// withExif puts an APP1 Exif segment with the given orientation after the
// SOI marker of a JPEG; little-endian when le.
func withExif(b []byte, o int, le bool) []byte {
	var tiff []byte
	if le {
		tiff = []byte{'I', 'I', 42, 0, 8, 0, 0, 0, 1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, byte(o), 0, 0, 0, 0, 0, 0, 0}
	} else {
		tiff = []byte{'M', 'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, byte(o), 0, 0, 0, 0, 0, 0}
	}
	seg := append([]byte("Exif\x00\x00"), tiff...)
	app1 := append([]byte{0xFF, 0xE1, byte((len(seg) + 2) >> 8), byte(len(seg) + 2)}, seg...)
	return append(append(append([]byte{}, b[:2]...), app1...), b[2:]...)
}

func testJPEG(t *testing.T, w, h int) []byte {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			c := color.RGBA{40, 80, 200, 255}
			if x < w/5 && y < h/5 {
				c = color.RGBA{255, 0, 0, 255} // marks the stored top left
			}
			img.Set(x, y, c)
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 90}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestJPEGOrientation(t *testing.T) {
	b := testJPEG(t, 40, 20)
	if o := jpegOrientation(b); o != 1 {
		t.Errorf("no EXIF: orientation %d, want 1", o)
	}
	for o := 1; o <= 8; o++ {
		if got := jpegOrientation(withExif(b, o, false)); got != o {
			t.Errorf("big-endian EXIF %d: got %d", o, got)
		}
		if got := jpegOrientation(withExif(b, o, true)); got != o {
			t.Errorf("little-endian EXIF %d: got %d", o, got)
		}
	}
	if o := jpegOrientation([]byte("not a jpeg")); o != 1 {
		t.Errorf("garbage: %d", o)
	}
	if o := jpegOrientation(withExif(b, 6, false)[:30]); o != 1 {
		t.Errorf("truncated: %d", o)
	}
}

func TestOrient(t *testing.T) {
	src := image.NewNRGBA(image.Rect(0, 0, 3, 2))
	src.Set(0, 0, color.NRGBA{255, 0, 0, 255})
	red := func(m image.Image, x, y int) bool { r, _, _, _ := m.At(x, y).RGBA(); return r > 0x8000 }
	// Where the stored top-left pixel shows, for each orientation.
	want := map[int][2]int{1: {0, 0}, 2: {2, 0}, 3: {2, 1}, 4: {0, 1}, 5: {0, 0}, 6: {1, 0}, 7: {1, 2}, 8: {0, 2}}
	for o, at := range want {
		m := orient(src, o)
		b := m.Bounds()
		if (o >= 5) != (b.Dx() == 2 && b.Dy() == 3) {
			t.Errorf("orientation %d: size %v", o, b)
		}
		if !red(m, at[0], at[1]) {
			t.Errorf("orientation %d: red pixel not at %v", o, at)
		}
	}
}

func TestSVGSize(t *testing.T) {
	for _, c := range []struct {
		svg  string
		w, h int
	}{
		{`<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="640" height="400"></svg>`, 640, 400},
		{`<svg width="640px" height="400.4px" viewBox="0 0 10 10"/>`, 640, 400},
		{`<svg viewBox="0 0 720 290"/>`, 720, 290},
		{`<!-- a chart --><svg viewBox="0,0,300,150" width="600"/>`, 600, 300},
		{`<svg width="100%" viewBox="0 0 50 25"/>`, 50, 25},
		{`<svg width="100%"/>`, 0, 0},
	} {
		w, h, err := svgSize(strings.NewReader(c.svg))
		if err != nil || w != c.w || h != c.h {
			t.Errorf("%s: %d×%d %v, want %d×%d", c.svg, w, h, err, c.w, c.h)
		}
	}
	if _, _, err := svgSize(strings.NewReader(`<html></html>`)); err == nil {
		t.Error("an HTML file passed as SVG")
	}
}

func TestParseTag(t *testing.T) {
	name, attrs := parseTag([]byte(`<img src="a &amp; b.png" alt='x "y"' hidden data-x=1>`))
	if name != "img" || len(attrs) != 4 {
		t.Fatalf("%s %+v", name, attrs)
	}
	if attrs[0].Raw != "a &amp; b.png" || attrs[1].Raw != `x "y"` || attrs[2].HasValue || attrs[3].Raw != "1" {
		t.Errorf("%+v", attrs)
	}
}

// testRenderer makes a renderer over a site with one bundle holding a
// photo, a picture and a chart.
func testRenderer(t *testing.T, portable bool) *Renderer {
	t.Helper()
	root := t.TempDir()
	dir := filepath.Join(root, "content", "cases", "lift")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	write := func(name string, b []byte) {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("photo.jpg", withExif(testJPEG(t, 800, 1200), 6, false)) // shown 1200×800
	var p bytes.Buffer
	png.Encode(&p, image.NewNRGBA(image.Rect(0, 0, 300, 200)))
	write("small.png", p.Bytes())
	write("chart.svg", []byte(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 400"></svg>`))
	write("broken.jpg", []byte("not a jpeg"))
	write("bomb.png", pngHeader(60000, 60000))
	c := &model.Case{}
	c.Kind, c.Slug, c.BundleDir = model.Cases, "lift", "content/cases/lift"
	c.Files = []string{"bomb.png", "broken.jpg", "chart.svg", "photo.jpg", "small.png"}
	site := &model.Site{Cases: []*model.Case{c}}
	site.Index()
	theme := fstest.MapFS{
		"templates/base.html": {Data: []byte(`{{block "main" .}}{{end}}`)},
		"assets/css/site.css": {Data: []byte("body{}")},
		"assets/js/site.js":   {Data: []byte("1")},
		"assets/js/sw.js":     {Data: []byte("self.x = PRECACHE;\n")},
	}
	for _, l := range layouts {
		theme["templates/"+l+".html"] = &fstest.MapFile{Data: []byte(`{{define "main"}}{{end}}`)}
	}
	r, err := New(site, theme, Options{Linker: urls.Linker{Base: "/jh/", Portable: portable}, Root: root})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// pngHeader is the start of a PNG that claims to be w×h pixels: what a
// decompression bomb shows before its pixels, which the resizer must not
// try to decode (60000×60000 is 14 GB of pixels).
func pngHeader(w, h uint32) []byte {
	ihdr := []byte("IHDR\x00\x00\x00\x00\x00\x00\x00\x00\x08\x06\x00\x00\x00")
	binary.BigEndian.PutUint32(ihdr[4:], w)
	binary.BigEndian.PutUint32(ihdr[8:], h)
	b := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\x0d")
	b = append(b, ihdr...)
	return binary.BigEndian.AppendUint32(b, crc32.ChecksumIEEE(ihdr))
}

func TestFinishImages(t *testing.T) {
	r := testRenderer(t, false)
	in := `<p>x</p><img src="/jh/cases/lift/photo.jpg" alt="照片"><IMG src="/jh/cases/lift/chart.svg" alt="图">` +
		`<img src="/jh/cases/lift/small.png" alt="" loading="eager"><img src="/jh/cases/lift/broken.jpg" alt="">` +
		`<img src="https://example.org/x.png" alt=""><img class="portrait" src="/jh/cases/lift/photo.jpg" width="96" height="96" alt="">`
	got := string(r.finish("/cases/lift/", []byte(in)))
	for _, want := range []string{
		`<img src="/jh/cases/lift/photo.jpg" alt="照片" width="1200" height="800" srcset="/jh/cases/lift/photo.360w.jpg 360w, /jh/cases/lift/photo.720w.jpg 720w, /jh/cases/lift/photo.1080w.jpg 1080w, /jh/cases/lift/photo.jpg 1200w" sizes="` + contentSizes + `" loading="lazy" decoding="async">`,
		`<img src="/jh/cases/lift/chart.svg" alt="图" width="640" height="400" loading="lazy" decoding="async">`,
		`<img src="/jh/cases/lift/small.png" alt="" loading="eager" width="300" height="200" decoding="async">`,
		`<img src="/jh/cases/lift/broken.jpg" alt="">`,
		`<img src="https://example.org/x.png" alt="">`,
		`<img class="portrait" src="/jh/cases/lift/photo.jpg" width="96" height="96" alt="" srcset="/jh/cases/lift/photo.360w.jpg 360w, /jh/cases/lift/photo.720w.jpg 720w, /jh/cases/lift/photo.1080w.jpg 1080w, /jh/cases/lift/photo.jpg 1200w" sizes="96px" loading="lazy" decoding="async">`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing\n%s\nin\n%s", want, got)
		}
	}
	if again := string(r.finish("/cases/lift/", []byte(got))); again != got {
		t.Errorf("finishing twice changes the page:\n%s\n%s", got, again)
	}

	p := testRenderer(t, true)
	got = string(p.finish("/cases/lift/", []byte(`<img src="photo.jpg" alt="">`)))
	if !strings.Contains(got, `srcset="photo.360w.jpg 360w, photo.720w.jpg 720w, photo.1080w.jpg 1080w, photo.jpg 1200w"`) {
		t.Errorf("portable: %s", got)
	}
	got = string(p.finish("/cases/", []byte(`<img src="lift/chart.svg" alt="">`)))
	if !strings.Contains(got, `width="640"`) {
		t.Errorf("portable from another page: %s", got)
	}
}

func TestFinishTables(t *testing.T) {
	r := testRenderer(t, false)
	in := `<p>a</p><table><tr><td>1</td></tr></table><p>b</p><table class="x"><tr><td>2</td></tr></table><p>tables</p>`
	got := string(r.finish("/cases/lift/", []byte(in)))
	want := `<p>a</p><div class="table-scroll" role="region" tabindex="0" aria-label="表格 1（可左右滑动）"><table><tr><td>1</td></tr></table></div><p>b</p>` +
		`<div class="table-scroll" role="region" tabindex="0" aria-label="表格 2（可左右滑动）"><table class="x"><tr><td>2</td></tr></table></div><p>tables</p>`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if plain := `<p>no tables, no images: <tablet></p>`; string(r.finish("/", []byte(plain))) != plain {
		t.Error("a page without tables or images changed")
	}
}

func TestImageJobs(t *testing.T) {
	r := testRenderer(t, false)
	var paths []string
	var first [][]byte
	for _, j := range r.imageJobs() {
		paths = append(paths, j.Path)
		b, err := j.Render()
		if err != nil {
			t.Fatalf("%s: %v", j.Path, err)
		}
		first = append(first, b)
		m, format, err := image.Decode(bytes.NewReader(b))
		if err != nil || format != "jpeg" {
			t.Fatalf("%s: %s %v", j.Path, format, err)
		}
		var w int
		switch {
		case strings.Contains(j.Path, ".360w."):
			w = 360
		case strings.Contains(j.Path, ".720w."):
			w = 720
		default:
			w = 1080
		}
		if b := m.Bounds(); b.Dx() != w || b.Dy() != (w*800+600)/1200 {
			t.Errorf("%s is %v", j.Path, b)
		}
		// Upright: the stored top-left red corner shows at the top right.
		red := func(x, y int) bool { r, g, _, _ := m.At(x, y).RGBA(); return r > 0xc000 && g < 0x4000 }
		if !red(m.Bounds().Dx()-5, 5) || red(5, 5) {
			t.Errorf("%s is not turned upright", j.Path)
		}
	}
	if strings.Join(paths, " ") != "cases/lift/photo.360w.jpg cases/lift/photo.720w.jpg cases/lift/photo.1080w.jpg" {
		t.Errorf("image jobs: %v", paths)
	}
	// The same input gives the same bytes, from a fresh renderer too.
	r2 := testRenderer(t, false)
	for i, j := range r2.imageJobs() {
		b, err := j.Render()
		if err != nil || !bytes.Equal(b, first[i]) {
			t.Errorf("%s differs between builds (%v)", j.Path, err)
		}
	}
}

func TestServiceWorker(t *testing.T) {
	r := testRenderer(t, false)
	if _, ok := r.AssetPath("js/sw.js"); ok {
		t.Error("sw.js is fingerprinted like an asset")
	}
	var sw *Job
	for _, j := range r.Jobs() {
		if j.Path == "sw.js" {
			j := j
			sw = &j
		}
	}
	if sw == nil {
		t.Fatal("no sw.js job")
	}
	b, err := sw.Render()
	if err != nil {
		t.Fatal(err)
	}
	css, _ := r.AssetPath("css/site.css")
	js, _ := r.AssetPath("js/site.js")
	pattern, _ := json.Marshal(fingerprint.Pattern)
	for _, want := range []string{`const VERSION = "`, `const PRECACHE = ["./","search/","` + css + `","` + js + `"];`,
		"const FINGERPRINTED = new RegExp(" + string(pattern) + ");", "self.x = PRECACHE;"} {
		if !bytes.Contains(b, []byte(want)) {
			t.Errorf("sw.js lacks %s:\n%s", want, b)
		}
	}
	b2, _ := testRenderer(t, false).ServiceWorker()
	if !bytes.Equal(b, b2) {
		t.Error("sw.js differs between builds")
	}
}
