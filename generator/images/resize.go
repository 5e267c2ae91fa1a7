package images

import (
	"bytes"
	"image"
	"image/jpeg"
	"image/png"
	"os"

	"golang.org/x/image/draw"

	"github.com/jianghan-district/jianghan/internal/msg"
)

// jpegQuality is the quality of resized JPEG images.
const jpegQuality = 82

// decoded returns the image's pixels, upright, decoding the file once.
func (im *Image) decoded() (image.Image, error) {
	im.once.Do(func() {
		f, err := os.Open(im.file)
		if err != nil {
			im.err = err
			return
		}
		defer f.Close()
		var img image.Image
		if im.Format == JPEG {
			img, err = jpeg.Decode(f)
		} else {
			img, err = png.Decode(f)
		}
		if err != nil {
			im.err = msg.Errorf(msg.ImageBad, im.Src, err)
			return
		}
		im.img = upright(img, im.orient)
	})
	return im.img, im.err
}

// Resize makes the bytes of one resized copy, in the original's format.
// The same input gives the same bytes: the scaler and both encoders are
// deterministic. The file is decoded once for all its copies, and may be
// resized from several goroutines.
func (im *Image) Resize(v Variant) ([]byte, error) {
	src, err := im.decoded()
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if im.Format == JPEG {
		// JPEG has no alpha: draw onto white, as a browser shows it.
		dst := image.NewRGBA(image.Rect(0, 0, v.Width, v.Height))
		draw.Draw(dst, dst.Bounds(), image.White, image.Point{}, draw.Src)
		draw.CatmullRom.Scale(dst, dst.Bounds(), src, src.Bounds(), draw.Over, nil)
		err = jpeg.Encode(&buf, dst, &jpeg.Options{Quality: jpegQuality})
	} else {
		dst := image.NewNRGBA(image.Rect(0, 0, v.Width, v.Height))
		draw.CatmullRom.Scale(dst, dst.Bounds(), src, src.Bounds(), draw.Src, nil)
		err = (&png.Encoder{CompressionLevel: png.BestCompression}).Encode(&buf, dst)
	}
	if err != nil {
		return nil, msg.Errorf(msg.ImageResize, im.Src, v.Width, err)
	}
	return buf.Bytes(), nil
}
