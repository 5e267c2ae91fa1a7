package images

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkResize makes the three phone copies of a 12-megapixel phone
// photo stored on its side (EXIF orientation 6), from decoding the file to
// the last JPEG: what one photo costs a build. It reports the bytes of the
// copies beside the original's.
func BenchmarkResize(b *testing.B) {
	const w, h = 4032, 3024
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			// smooth light with some grain, as a photo has
			img.SetRGBA(x, y, color.RGBA{uint8(x * 255 / w), uint8(y * 255 / h), uint8((x*7+y*13)%23 + 100), 255})
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 90}); err != nil {
		b.Fatal(err)
	}
	root := b.TempDir()
	if err := os.MkdirAll(filepath.Join(root, "c"), 0o755); err != nil {
		b.Fatal(err)
	}
	photo := withExif(buf.Bytes(), 6, false)
	if err := os.WriteFile(filepath.Join(root, "c", "photo.jpg"), photo, 0o644); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	copies := 0
	for i := 0; i < b.N; i++ {
		im := Bundle(root, "c", "/c/", []string{"photo.jpg"})[0]
		copies = 0
		for _, v := range im.Variants {
			out, err := im.Resize(v)
			if err != nil {
				b.Fatal(err)
			}
			copies += len(out)
		}
	}
	b.ReportMetric(float64(copies), "copy-bytes")
	b.ReportMetric(float64(len(photo)), "original-bytes")
}
