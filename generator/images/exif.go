package images

import (
	"image"

	"golang.org/x/image/draw"
	"golang.org/x/image/math/f64"
)

// jpegOrientation returns the EXIF orientation (1–8) of a JPEG whose first
// bytes are b, or 1 when it has none. Phones store photos as the sensor saw
// them and record the turn here; browsers apply it, so the resized copies,
// which carry no EXIF, are turned upright when they are made.
func jpegOrientation(b []byte) int {
	if len(b) < 4 || b[0] != 0xFF || b[1] != 0xD8 {
		return 1
	}
	i := 2
	for i+4 <= len(b) {
		if b[i] != 0xFF {
			return 1
		}
		marker := b[i+1]
		if marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01 {
			i += 2
			continue
		}
		if marker == 0xDA || marker == 0xD9 { // start of scan: no more metadata
			return 1
		}
		n := int(b[i+2])<<8 | int(b[i+3])
		if n < 2 || i+2+n > len(b) {
			return 1
		}
		seg := b[i+4 : i+2+n]
		if marker == 0xE1 && len(seg) > 14 && string(seg[:6]) == "Exif\x00\x00" {
			if o := exifOrientation(seg[6:]); o >= 1 && o <= 8 {
				return o
			}
			return 1
		}
		i += 2 + n
	}
	return 1
}

// exifOrientation reads tag 0x0112 from the first IFD of a TIFF header.
func exifOrientation(t []byte) int {
	if len(t) < 8 {
		return 0
	}
	var u16 func([]byte) int
	var u32 func([]byte) int
	switch string(t[:2]) {
	case "II":
		u16 = func(b []byte) int { return int(b[0]) | int(b[1])<<8 }
		u32 = func(b []byte) int { return int(b[0]) | int(b[1])<<8 | int(b[2])<<16 | int(b[3])<<24 }
	case "MM":
		u16 = func(b []byte) int { return int(b[1]) | int(b[0])<<8 }
		u32 = func(b []byte) int { return int(b[3]) | int(b[2])<<8 | int(b[1])<<16 | int(b[0])<<24 }
	default:
		return 0
	}
	off := u32(t[4:8])
	if off < 8 || off+2 > len(t) {
		return 0
	}
	n := u16(t[off:])
	for k := 0; k < n; k++ {
		e := off + 2 + 12*k
		if e+12 > len(t) {
			return 0
		}
		if u16(t[e:]) == 0x0112 {
			return u16(t[e+8:])
		}
	}
	return 0
}

// orientations maps each EXIF orientation to the turn that shows a stored
// image upright, as an affine map of a point (x, y) of a w×h image: the
// result is x' = a·x + b·y + c·w + d·h, y' = e·x + f·y + g·w + k·h.
var orientations = [9][8]float64{
	2: {-1, 0, 1, 0, 0, 1, 0, 0},  // mirrored
	3: {-1, 0, 1, 0, 0, -1, 0, 1}, // turned 180°
	4: {1, 0, 0, 0, 0, -1, 0, 1},  // mirrored vertically
	5: {0, 1, 0, 0, 1, 0, 0, 0},   // transposed
	6: {0, -1, 0, 1, 1, 0, 0, 0},  // turned 90° clockwise to show
	7: {0, -1, 0, 1, -1, 0, 1, 0}, // transversed
	8: {0, 1, 0, 0, -1, 0, 1, 0},  // turned 90° counter-clockwise to show
}

// upright turns img upright according to an EXIF orientation. The turn is
// x/image/draw's nearest-neighbour transform by a whole quarter turn or
// mirror, which moves pixels without blending them. The copy is RGBA, which
// keeps every pixel of an opaque image (only JPEGs carry an orientation).
func upright(img image.Image, o int) image.Image {
	if o <= 1 || o > 8 {
		return img
	}
	b := img.Bounds()
	w, h := float64(b.Dx()), float64(b.Dy())
	m := orientations[o]
	dw, dh := b.Dx(), b.Dy()
	if o >= 5 {
		dw, dh = dh, dw
	}
	// The map is of points from the image's top left; its bounds may start
	// elsewhere.
	x0, y0 := float64(b.Min.X), float64(b.Min.Y)
	s2d := f64.Aff3{
		m[0], m[1], m[2]*w + m[3]*h - m[0]*x0 - m[1]*y0,
		m[4], m[5], m[6]*w + m[7]*h - m[4]*x0 - m[5]*y0,
	}
	dst := image.NewRGBA(image.Rect(0, 0, dw, dh))
	draw.NearestNeighbor.Transform(dst, s2d, img, b, draw.Src, nil)
	return dst
}
