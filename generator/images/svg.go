package images

import (
	"encoding/xml"
	"io"
	"strconv"
	"strings"

	"github.com/jianghan-district/jianghan/internal/msg"
)

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
		if w <= 0 || h <= 0 {
			w, h = fromViewBox(w, h, vb)
		}
		return int(w + .5), int(h + .5), nil
	}
}

// fromViewBox completes a size that lacks a width or height from the
// proportions of the viewBox, or takes the viewBox's size when neither is
// given; a viewBox that cannot be read leaves the size as it is.
func fromViewBox(w, h float64, vb string) (float64, float64) {
	f := strings.FieldsFunc(vb, func(r rune) bool { return r == ' ' || r == ',' || r == '\t' || r == '\n' })
	if len(f) != 4 {
		return w, h
	}
	vw, err1 := strconv.ParseFloat(f[2], 64)
	vh, err2 := strconv.ParseFloat(f[3], 64)
	if err1 != nil || err2 != nil || vw <= 0 || vh <= 0 {
		return w, h
	}
	switch {
	case w > 0:
		return w, w * vh / vw
	case h > 0:
		return h * vw / vh, h
	default:
		return vw, vh
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
