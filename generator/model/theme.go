package model

import (
	"fmt"
	"html/template"
	"math"
	"strconv"
)

// ThemeConfig is site.yaml's theme block: the restyle most districts want —
// their own colour, logo and footer — without copying a template. Package
// load has checked every value.
type ThemeConfig struct {
	// Color is the main colour, "#rrggbb": the header, links and buttons.
	Color string
	// Logo is a file under content/static (so published at the site root),
	// shown before the title in the header; LogoAt is where site.yaml
	// names it, for the check that the file is there.
	Logo   string
	LogoAt Pos
	// Footer is a line of text at the foot of every page.
	Footer string
}

// Dark is the main colour lightened for dark mode, where links and the
// accent stand on a dark background: mixed half-way with white.
func (t ThemeConfig) Dark() string {
	r, g, b, ok := rgb(t.Color)
	if !ok {
		return ""
	}
	mix := func(c float64) int { return int(math.Round(c + (255-c)*0.55)) }
	return fmt.Sprintf("#%02x%02x%02x", mix(r), mix(g), mix(b))
}

// Style is the stylesheet that puts the main colour in place of the
// theme's own: on the header and as the accent, lightened in dark mode.
// It is made only of colours load has checked, so it is safe as CSS.
func (t ThemeConfig) Style() template.CSS {
	if _, _, _, ok := rgb(t.Color); !ok {
		return ""
	}
	return template.CSS(fmt.Sprintf(":root{--accent:%s}.site-header{background:%s}"+
		"@media (prefers-color-scheme:dark){:root{--accent:%s}.site-header{background:%s}}",
		t.Color, t.Color, t.Dark(), t.Color))
}

// ExpandColor writes "#abc" as "#aabbcc" and lowers the case.
func ExpandColor(c string) string {
	if len(c) == 4 {
		c = string([]byte{'#', c[1], c[1], c[2], c[2], c[3], c[3]})
	}
	out := []byte(c)
	for i, x := range out {
		if x >= 'A' && x <= 'F' {
			out[i] = x + 'a' - 'A'
		}
	}
	return string(out)
}

// ContrastWithWhite is the WCAG contrast ratio of white text on colour c
// ("#rrggbb"), from 1 to 21; 0 for a colour it cannot read.
func ContrastWithWhite(c string) float64 {
	r, g, b, ok := rgb(c)
	if !ok {
		return 0
	}
	lin := func(v float64) float64 {
		v /= 255
		if v <= 0.03928 {
			return v / 12.92
		}
		return math.Pow((v+0.055)/1.055, 2.4)
	}
	l := 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
	return 1.05 / (l + 0.05)
}

func rgb(c string) (r, g, b float64, ok bool) {
	if len(c) != 7 || c[0] != '#' {
		return 0, 0, 0, false
	}
	n, err := strconv.ParseUint(c[1:], 16, 32)
	if err != nil {
		return 0, 0, 0, false
	}
	return float64(n >> 16 & 0xff), float64(n >> 8 & 0xff), float64(n & 0xff), true
}
