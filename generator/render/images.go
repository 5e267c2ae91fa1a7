package render

import (
	"bytes"
	"encoding/xml"
	"image"
	"image/jpeg"
	"image/png"
	"io"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/image/draw"

	"github.com/jianghan-district/jianghan/internal/msg"
)

// Phones read the library over a slow intranet, so a photo in a page bundle
// is published in phone widths beside the original, and every <img> that
// shows a bundle image gets srcset, sizes, width, height (so nothing shifts
// while it loads) and loading="lazy". SVG files are not resized; they get
// width and height from their own attributes.

// ImageWidths are the widths, in pixels, that raster images in page bundles
// are resized to, when the original is wider.
var ImageWidths = []int{360, 720, 1080}

// contentSizes is the sizes attribute of an image in the text column: the
// column is at most 44rem (748px at the theme's 17px root) wide, with 1rem
// of padding on each side on a phone.
const contentSizes = "(min-width: 780px) 748px, calc(100vw - 32px)"

// maxResizePixels bounds the images that get resized copies: decoding one
// takes four bytes a pixel, and a header is easily made to claim a billion
// pixels. A larger image (no phone takes one) is published as it is.
const maxResizePixels = 50_000_000

// jpegQuality is the quality of resized JPEG images.
const jpegQuality = 82

// bundleImage is one image file of a page bundle.
type bundleImage struct {
	src      string // path relative to the site root, "content/cases/x/photo.jpg"
	key      string // the page's key, "cases/x"
	site     string // site path, "/cases/x/photo.jpg"
	format   string // "jpeg", "png" or "svg"
	w, h     int    // as displayed: after the EXIF orientation, 0 when unknown
	orient   int    // EXIF orientation of a JPEG, 1 when upright
	variants []imageVariant

	once sync.Once
	img  image.Image // decoded and upright, loaded on first use
	err  error
}

// imageVariant is one resized copy of a raster image.
type imageVariant struct {
	w, h int
	site string // "/cases/x/photo.360w.jpg"
}

// variantName is the file name of the copy of name resized to width w:
// "photo.jpg" → "photo.360w.jpg".
func variantName(name string, w int) string {
	ext := path.Ext(name)
	return strings.TrimSuffix(name, ext) + "." + strconv.Itoa(w) + "w" + ext
}

// imageFormat tells an image file's format by its extension, "" for files
// that are not handled.
func imageFormat(name string) string {
	switch strings.ToLower(path.Ext(name)) {
	case ".jpg", ".jpeg":
		return "jpeg"
	case ".png":
		return "png"
	case ".svg":
		return "svg"
	}
	return ""
}

// loadImages reads the size of every image in the site's page bundles. It
// reads only file headers; pixels are decoded when a resized copy is made.
// Files that cannot be read are left out: they are still published as they
// are, only without the additions.
func (r *Renderer) loadImages() map[string]*bundleImage {
	r.imagesOnce.Do(func() {
		r.images = map[string]*bundleImage{}
		if r.opts.Root == "" {
			return
		}
		for _, p := range r.site.Pages {
			if p.BundleDir == "" {
				continue
			}
			files := map[string]bool{}
			for _, f := range p.Files {
				files[f] = true
			}
			for _, f := range p.Files {
				format := imageFormat(f)
				if format == "" {
					continue
				}
				bi := &bundleImage{src: p.BundleDir + "/" + f, key: p.Key(), site: p.URL() + f, format: format, orient: 1}
				if err := bi.readSize(filepath.Join(r.opts.Root, filepath.FromSlash(bi.src))); err != nil || bi.w <= 0 || bi.h <= 0 {
					continue
				}
				if format != "svg" && int64(bi.w)*int64(bi.h) <= maxResizePixels {
					for _, w := range ImageWidths {
						name := variantName(f, w)
						if w >= bi.w || files[name] {
							continue
						}
						h := max(1, (bi.h*w+bi.w/2)/bi.w)
						bi.variants = append(bi.variants, imageVariant{w: w, h: h, site: p.URL() + name})
					}
				}
				r.images[bi.site] = bi
			}
		}
	})
	return r.images
}

// readSize fills in the displayed width and height of the image file at
// file.
func (bi *bundleImage) readSize(file string) error {
	f, err := os.Open(file)
	if err != nil {
		return err
	}
	defer f.Close()
	switch bi.format {
	case "svg":
		bi.w, bi.h, err = svgSize(f)
		return err
	case "jpeg":
		head := make([]byte, 64<<10)
		n, _ := io.ReadFull(f, head)
		head = head[:n]
		bi.orient = jpegOrientation(head)
		cfg, err := jpeg.DecodeConfig(io.MultiReader(bytes.NewReader(head), f))
		if err != nil {
			return err
		}
		bi.w, bi.h = cfg.Width, cfg.Height
		if bi.orient >= 5 {
			bi.w, bi.h = bi.h, bi.w
		}
		return nil
	default:
		cfg, err := png.DecodeConfig(f)
		if err != nil {
			return err
		}
		bi.w, bi.h = cfg.Width, cfg.Height
		return nil
	}
}

// decoded returns the image's pixels, upright, decoding the file once.
func (bi *bundleImage) decoded(root string) (image.Image, error) {
	bi.once.Do(func() {
		f, err := os.Open(filepath.Join(root, filepath.FromSlash(bi.src)))
		if err != nil {
			bi.err = err
			return
		}
		defer f.Close()
		var img image.Image
		if bi.format == "jpeg" {
			img, err = jpeg.Decode(f)
		} else {
			img, err = png.Decode(f)
		}
		if err != nil {
			bi.err = msg.Errorf(msg.ImageBad, bi.src, err)
			return
		}
		bi.img = orient(img, bi.orient)
	})
	return bi.img, bi.err
}

// resize makes the bytes of one resized copy, in the original's format.
// The same input gives the same bytes: the scaler and both encoders are
// deterministic.
func (bi *bundleImage) resize(root string, v imageVariant) ([]byte, error) {
	src, err := bi.decoded(root)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if bi.format == "jpeg" {
		// JPEG has no alpha: draw onto white, as a browser shows it.
		dst := image.NewRGBA(image.Rect(0, 0, v.w, v.h))
		draw.Draw(dst, dst.Bounds(), image.White, image.Point{}, draw.Src)
		draw.CatmullRom.Scale(dst, dst.Bounds(), src, src.Bounds(), draw.Over, nil)
		err = jpeg.Encode(&buf, dst, &jpeg.Options{Quality: jpegQuality})
	} else {
		dst := image.NewNRGBA(image.Rect(0, 0, v.w, v.h))
		draw.CatmullRom.Scale(dst, dst.Bounds(), src, src.Bounds(), draw.Src, nil)
		err = (&png.Encoder{CompressionLevel: png.BestCompression}).Encode(&buf, dst)
	}
	if err != nil {
		return nil, msg.Errorf(msg.ImageResize, bi.src, v.w, err)
	}
	return buf.Bytes(), nil
}

// imageJobs writes the resized copies of the bundles' raster images.
func (r *Renderer) imageJobs() []Job {
	imgs := r.loadImages()
	keys := make([]string, 0, len(imgs))
	for k := range imgs {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var jobs []Job
	for _, k := range keys {
		bi := imgs[k]
		for _, v := range bi.variants {
			v := v
			jobs = append(jobs, Job{
				Path:     strings.TrimPrefix(v.site, "/"),
				Declared: []Dep{{DepFile, bi.src}},
				Render:   func() ([]byte, error) { return bi.resize(r.opts.Root, v) },
			})
		}
	}
	return jobs
}

// svgSize reads the width and height of an SVG's root element, from its
// width and height attributes (in px or unitless) or else its viewBox.
func svgSize(rd io.Reader) (int, int, error) {
	dec := xml.NewDecoder(io.LimitReader(rd, 1<<20))
	dec.Strict = false
	for {
		tok, err := dec.Token()
		if err != nil {
			return 0, 0, err
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if se.Name.Local != "svg" {
			return 0, 0, msg.Errorf(msg.SVGRoot, se.Name.Local)
		}
		var w, h float64
		var vb string
		for _, a := range se.Attr {
			switch a.Name.Local {
			case "width":
				w = svgLength(a.Value)
			case "height":
				h = svgLength(a.Value)
			case "viewBox":
				vb = a.Value
			}
		}
		if (w <= 0 || h <= 0) && vb != "" {
			f := strings.FieldsFunc(vb, func(r rune) bool { return r == ' ' || r == ',' || r == '\t' || r == '\n' })
			if len(f) == 4 {
				vw, err1 := strconv.ParseFloat(f[2], 64)
				vh, err2 := strconv.ParseFloat(f[3], 64)
				if err1 == nil && err2 == nil && vw > 0 && vh > 0 {
					switch {
					case w > 0:
						h = w * vh / vw
					case h > 0:
						w = h * vw / vh
					default:
						w, h = vw, vh
					}
				}
			}
		}
		return int(w + .5), int(h + .5), nil
	}
}

// svgLength parses an SVG length in user units or px; other units (%, em,
// cm) give 0, meaning unknown.
func svgLength(s string) float64 {
	s = strings.TrimSuffix(strings.TrimSpace(s), "px")
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f <= 0 {
		return 0
	}
	return f
}

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

// orient turns img upright according to an EXIF orientation.
func orient(img image.Image, o int) image.Image {
	if o <= 1 || o > 8 {
		return img
	}
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	dw, dh := w, h
	if o >= 5 {
		dw, dh = h, w
	}
	dst := image.NewNRGBA(image.Rect(0, 0, dw, dh))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			var dx, dy int
			switch o {
			case 2: // mirrored
				dx, dy = w-1-x, y
			case 3: // turned 180°
				dx, dy = w-1-x, h-1-y
			case 4: // mirrored vertically
				dx, dy = x, h-1-y
			case 5: // transposed
				dx, dy = y, x
			case 6: // turned 90° clockwise to show
				dx, dy = h-1-y, x
			case 7: // transversed
				dx, dy = h-1-y, w-1-x
			case 8: // turned 90° counter-clockwise to show
				dx, dy = y, w-1-x
			}
			dst.Set(dx, dy, img.At(b.Min.X+x, b.Min.Y+y))
		}
	}
	return dst
}
