// Package images sizes and resizes the photos and pictures of page bundles.
//
// Phones read the library over a slow intranet, so a photo in a page bundle
// is published in phone widths beside the original. Bundle reads what each
// image file's header says (its displayed size, and for a JPEG the EXIF turn
// a phone recorded); Resize makes one narrower copy, upright. Everything read
// here comes from whoever can put a file in a bundle: headers are read with
// bounds, and an image too large to decode safely is left as it is.
package images

import (
	"bytes"
	"image"
	"image/jpeg"
	"image/png"
	"io"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
)

// Widths are the widths, in pixels, that raster images in page bundles are
// resized to, when the original is wider.
var Widths = []int{360, 720, 1080}

// maxResizePixels bounds the images that get resized copies: decoding one
// takes four bytes a pixel, and a header is easily made to claim a billion
// pixels. A larger image (no phone takes one) is published as it is.
const maxResizePixels = 50_000_000

// Format is an image file's format, told by its extension.
type Format string

// The formats handled; other files are not images to this package.
const (
	JPEG Format = "jpeg"
	PNG  Format = "png"
	SVG  Format = "svg"
)

// FormatOf tells an image file's format by its extension, "" for files that
// are not handled.
func FormatOf(name string) Format {
	switch strings.ToLower(path.Ext(name)) {
	case ".jpg", ".jpeg":
		return JPEG
	case ".png":
		return PNG
	case ".svg":
		return SVG
	}
	return ""
}

// Image is one image file of a page bundle, sized from its header.
type Image struct {
	// Src is the file's path relative to the site root,
	// "content/cases/x/photo.jpg".
	Src string
	// Site is its path on the site, "/cases/x/photo.jpg".
	Site string
	// Format is the file's format.
	Format Format
	// Width and Height are the size as displayed, after the EXIF
	// orientation: what a browser lays out.
	Width, Height int
	// Variants are the resized copies to publish, narrowest first; none
	// for SVG and for images too large to decode safely.
	Variants []Variant

	file   string // the file on disk
	orient int    // EXIF orientation of a JPEG, 1 when upright

	once sync.Once
	img  image.Image // decoded and upright, loaded on first use
	err  error
}

// Variant is one resized copy of a raster image.
type Variant struct {
	Width, Height int
	// Site is the copy's path on the site, "/cases/x/photo.360w.jpg".
	Site string
}

// VariantName is the file name of the copy of name resized to width w:
// "photo.jpg" → "photo.360w.jpg".
func VariantName(name string, w int) string {
	ext := path.Ext(name)
	return strings.TrimSuffix(name, ext) + "." + strconv.Itoa(w) + "w" + ext
}

// Bundle reads the images among the files of one page bundle: dir is the
// bundle's folder relative to root ("content/cases/x"), url the page's site
// path ("/cases/x/"), files the bundle's file names. It reads only file
// headers; pixels are decoded when a copy is resized. Files that cannot be
// read are left out: they are still published as they are, only without the
// additions. A copy the author already put in the bundle under a variant's
// name is not made again.
func Bundle(root, dir, url string, files []string) []*Image {
	have := make(map[string]bool, len(files))
	for _, f := range files {
		have[f] = true
	}
	var out []*Image
	for _, f := range files {
		format := FormatOf(f)
		if format == "" {
			continue
		}
		im := &Image{Src: dir + "/" + f, Site: url + f, Format: format, orient: 1}
		im.file = filepath.Join(root, filepath.FromSlash(im.Src))
		if err := im.readSize(); err != nil || im.Width <= 0 || im.Height <= 0 {
			continue
		}
		if format != SVG && int64(im.Width)*int64(im.Height) <= maxResizePixels {
			for _, w := range Widths {
				name := VariantName(f, w)
				if w >= im.Width || have[name] {
					continue
				}
				h := max(1, (im.Height*w+im.Width/2)/im.Width)
				im.Variants = append(im.Variants, Variant{Width: w, Height: h, Site: url + name})
			}
		}
		out = append(out, im)
	}
	return out
}

// readSize fills in the displayed width and height from the file's header.
func (im *Image) readSize() error {
	f, err := os.Open(im.file)
	if err != nil {
		return err
	}
	defer f.Close()
	switch im.Format {
	case SVG:
		im.Width, im.Height, err = svgSize(f)
		return err
	case JPEG:
		head := make([]byte, 64<<10)
		n, _ := io.ReadFull(f, head)
		head = head[:n]
		im.orient = jpegOrientation(head)
		cfg, err := jpeg.DecodeConfig(io.MultiReader(bytes.NewReader(head), f))
		if err != nil {
			return err
		}
		im.Width, im.Height = cfg.Width, cfg.Height
		if im.orient >= 5 {
			im.Width, im.Height = im.Height, im.Width
		}
		return nil
	default:
		cfg, err := png.DecodeConfig(f)
		if err != nil {
			return err
		}
		im.Width, im.Height = cfg.Width, cfg.Height
		return nil
	}
}
