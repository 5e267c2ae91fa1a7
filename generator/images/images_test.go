package images

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
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

// testJPEG is a blue w×h photo whose stored top left is red.
func testJPEG(t testing.TB, w, h int) []byte {
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

// TestUpright checks every pixel of every turn against where EXIF says the
// stored pixel (x, y) of a w×h image shows.
func TestUpright(t *testing.T) {
	const w, h = 3, 2
	shown := map[int]func(x, y int) (int, int){
		1: func(x, y int) (int, int) { return x, y },
		2: func(x, y int) (int, int) { return w - 1 - x, y },
		3: func(x, y int) (int, int) { return w - 1 - x, h - 1 - y },
		4: func(x, y int) (int, int) { return x, h - 1 - y },
		5: func(x, y int) (int, int) { return y, x },
		6: func(x, y int) (int, int) { return h - 1 - y, x },
		7: func(x, y int) (int, int) { return h - 1 - y, w - 1 - x },
		8: func(x, y int) (int, int) { return y, w - 1 - x },
	}
	// The source starts away from (0, 0), as a sub-image does.
	src := image.NewNRGBA(image.Rect(10, 20, 10+w, 20+h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			src.Set(10+x, 20+y, color.NRGBA{uint8(40 * x), uint8(100 * y), 7, 255})
		}
	}
	for o, at := range shown {
		m := upright(src, o)
		b := m.Bounds()
		if (o >= 5) != (b.Dx() == h && b.Dy() == w) {
			t.Errorf("orientation %d: size %v", o, b)
		}
		for y := 0; y < h; y++ {
			for x := 0; x < w; x++ {
				dx, dy := at(x, y)
				r1, g1, b1, _ := src.At(10+x, 20+y).RGBA()
				r2, g2, b2, _ := m.At(b.Min.X+dx, b.Min.Y+dy).RGBA()
				if r1 != r2 || g1 != g2 || b1 != b2 {
					t.Errorf("orientation %d: stored (%d,%d) should show at (%d,%d)", o, x, y, dx, dy)
				}
			}
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
		{`<svg viewBox="0 0 300 150" height="75"/>`, 150, 75},
		{`<svg width="100%" viewBox="0 0 50 25"/>`, 50, 25},
		{`<svg width="100%"/>`, 0, 0},
		{`<svg viewBox="0 0 -5 x"/>`, 0, 0},
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

// testBundle writes a bundle of a photo, a picture, a chart and bad files,
// and reads it.
func testBundle(t *testing.T) map[string]*Image {
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
	write("楼道.jpg", testJPEG(t, 400, 300))
	write("楼道.360w.jpg", testJPEG(t, 360, 270)) // the author's own copy
	var p bytes.Buffer
	png.Encode(&p, image.NewNRGBA(image.Rect(0, 0, 300, 200)))
	write("small.png", p.Bytes())
	write("chart.svg", []byte(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 400"></svg>`))
	write("broken.jpg", []byte("not a jpeg"))
	write("bomb.png", pngHeader(60000, 60000))
	files := []string{"bomb.png", "broken.jpg", "chart.svg", "missing.png", "notes.txt", "photo.jpg", "small.png", "楼道.360w.jpg", "楼道.jpg"}
	got := map[string]*Image{}
	for _, im := range Bundle(root, "content/cases/lift", "/cases/lift/", files) {
		got[im.Site] = im
	}
	return got
}

func TestBundle(t *testing.T) {
	got := testBundle(t)
	for _, c := range []struct {
		site     string
		w, h     int
		variants string
	}{
		{"/cases/lift/photo.jpg", 1200, 800, "/cases/lift/photo.360w.jpg 360×240, /cases/lift/photo.720w.jpg 720×480, /cases/lift/photo.1080w.jpg 1080×720"},
		{"/cases/lift/楼道.jpg", 400, 300, ""}, // its 360w copy is the author's
		{"/cases/lift/楼道.360w.jpg", 360, 270, ""},
		{"/cases/lift/small.png", 300, 200, ""},
		{"/cases/lift/chart.svg", 640, 400, ""},
		{"/cases/lift/bomb.png", 60000, 60000, ""}, // sized, never decoded
	} {
		im := got[c.site]
		if im == nil {
			t.Errorf("%s not read", c.site)
			continue
		}
		var vs []string
		for _, v := range im.Variants {
			vs = append(vs, v.Site+" "+strconv.Itoa(v.Width)+"×"+strconv.Itoa(v.Height))
		}
		if im.Width != c.w || im.Height != c.h || strings.Join(vs, ", ") != c.variants {
			t.Errorf("%s: %d×%d [%s], want %d×%d [%s]", c.site, im.Width, im.Height, strings.Join(vs, ", "), c.w, c.h, c.variants)
		}
	}
	for _, bad := range []string{"/cases/lift/broken.jpg", "/cases/lift/missing.png", "/cases/lift/notes.txt"} {
		if got[bad] != nil {
			t.Errorf("%s was read as an image", bad)
		}
	}
}

func TestResize(t *testing.T) {
	photo := testBundle(t)["/cases/lift/photo.jpg"]
	var first [][]byte
	for _, v := range photo.Variants {
		b, err := photo.Resize(v)
		if err != nil {
			t.Fatalf("%s: %v", v.Site, err)
		}
		first = append(first, b)
		m, format, err := image.Decode(bytes.NewReader(b))
		if err != nil || format != "jpeg" {
			t.Fatalf("%s: %s %v", v.Site, format, err)
		}
		if b := m.Bounds(); b.Dx() != v.Width || b.Dy() != v.Height {
			t.Errorf("%s is %v, want %d×%d", v.Site, b, v.Width, v.Height)
		}
		// Upright: the stored top-left red corner shows at the top right.
		red := func(x, y int) bool { r, g, _, _ := m.At(x, y).RGBA(); return r > 0xc000 && g < 0x4000 }
		if !red(m.Bounds().Dx()-5, 5) || red(5, 5) {
			t.Errorf("%s is not turned upright", v.Site)
		}
	}
	// The same input gives the same bytes, read afresh too (one copy
	// shows it: each is made the same way).
	again := testBundle(t)["/cases/lift/photo.jpg"]
	if b, err := again.Resize(again.Variants[0]); err != nil || !bytes.Equal(b, first[0]) {
		t.Errorf("%s differs between builds (%v)", again.Variants[0].Site, err)
	}
}

func TestResizeBroken(t *testing.T) {
	// A file that changed into garbage after its header was read reports
	// which file and which copy.
	root := t.TempDir()
	dir := filepath.Join(root, "content", "cases", "lift")
	os.MkdirAll(dir, 0o755)
	file := filepath.Join(dir, "photo.jpg")
	if err := os.WriteFile(file, testJPEG(t, 800, 600), 0o644); err != nil {
		t.Fatal(err)
	}
	ims := Bundle(root, "content/cases/lift", "/cases/lift/", []string{"photo.jpg"})
	if len(ims) != 1 || len(ims[0].Variants) == 0 {
		t.Fatalf("%+v", ims)
	}
	if err := os.WriteFile(file, []byte("\xff\xd8 cut short"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := ims[0].Resize(ims[0].Variants[0])
	if err == nil || !strings.Contains(err.Error(), "content/cases/lift/photo.jpg") {
		t.Errorf("a broken photo: %v", err)
	}
}
