package images

import (
	"bytes"
	"testing"

	"github.com/jianghan-district/jianghan/internal/fuzztest"
)

// FuzzJPEGOrientation reads the EXIF orientation of any bytes: a photo's
// header comes from a phone, or from anyone who can put a file in a page
// bundle. It must not panic and must answer an orientation, 1 to 8. The
// seeds are in testdata/fuzz/FuzzJPEGOrientation.
func FuzzJPEGOrientation(f *testing.F) {
	jpeg := []byte{0xFF, 0xD8, 0xFF, 0xD9}
	f.Add(withExif(jpeg, 6, false))
	f.Add(withExif(jpeg, 3, true))
	f.Fuzz(func(t *testing.T, b []byte) {
		var o int
		fuzztest.Timed(t, func() { o = jpegOrientation(b) })
		if o < 1 || o > 8 {
			t.Fatalf("%x: orientation %d", b, o)
		}
	})
}

// FuzzSVGSize reads the size of any SVG: it must not panic.
func FuzzSVGSize(f *testing.F) {
	f.Add([]byte(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 400"></svg>`))
	f.Add([]byte(`<?xml version="1.0"?><svg width="320px" height="200"/>`))
	f.Fuzz(func(t *testing.T, b []byte) {
		fuzztest.Timed(t, func() { svgSize(bytes.NewReader(b)) })
	})
}
