package htmlrewrite

import (
	"html"
	"net/url"
	"path"
	"strconv"
	"strings"
)

// contentSizes is the sizes attribute of an image in the text column: the
// column is at most 44rem (748px at the theme's 17px root) wide, with 1rem
// of padding on each side on a phone.
const contentSizes = "(min-width: 780px) 748px, calc(100vw - 32px)"

// image rewrites one <img> tag of the page at pageURL.
func (rw *Rewriter) image(pageURL string, tag []byte) []byte {
	_, attrs := parseTag(tag)
	get := func(name string) (string, bool) {
		for _, a := range attrs {
			if strings.EqualFold(a.Name, name) {
				return html.UnescapeString(a.Raw), true
			}
		}
		return "", false
	}
	src, ok := get("src")
	if !ok {
		return tag
	}
	p := rw.sitePath(pageURL, src)
	if p == "" {
		return tag
	}
	im := rw.Image(p)
	if im == nil {
		return tag
	}
	var add []attr
	set := func(name, value string) {
		if _, ok := get(name); !ok {
			add = append(add, attr{Name: name, Raw: html.EscapeString(value), HasValue: true})
		}
	}
	_, hasWidth := get("width")
	_, hasHeight := get("height")
	if !hasWidth && !hasHeight {
		set("width", strconv.Itoa(im.Width))
		set("height", strconv.Itoa(im.Height))
	}
	if len(im.Variants) > 0 {
		var ss []string
		for _, v := range im.Variants {
			ss = append(ss, srcsetURL(rw.Linker.Link(pageURL, v.Site))+" "+strconv.Itoa(v.Width)+"w")
		}
		ss = append(ss, srcsetURL(rw.Linker.Link(pageURL, im.Site))+" "+strconv.Itoa(im.Width)+"w")
		set("srcset", strings.Join(ss, ", "))
		sizes := contentSizes
		if w, ok := get("width"); ok && hasWidth {
			if n, err := strconv.Atoi(w); err == nil && n > 0 {
				sizes = strconv.Itoa(n) + "px"
			}
		}
		set("sizes", sizes)
	}
	set("loading", "lazy")
	set("decoding", "async")
	if len(add) == 0 {
		return tag
	}
	return imgTag(append(attrs, add...))
}

// imgTag writes an <img> tag with the attributes.
func imgTag(attrs []attr) []byte {
	var b strings.Builder
	b.WriteString("<img")
	for _, a := range attrs {
		b.WriteByte(' ')
		b.WriteString(a.Name)
		if a.HasValue {
			b.WriteString(`="`)
			b.WriteString(strings.ReplaceAll(a.Raw, `"`, "&#34;"))
			b.WriteByte('"')
		}
	}
	b.WriteByte('>')
	return []byte(b.String())
}

// sitePath turns an image source as written on the page at pageURL (an
// absolute link under the base path, or a relative one in portable output)
// into a site path, "/cases/x/photo.jpg"; "" for other sources.
func (rw *Rewriter) sitePath(pageURL, src string) string {
	if i := strings.IndexAny(src, "?#"); i >= 0 {
		src = src[:i]
	}
	if strings.Contains(src, ":") || strings.HasPrefix(src, "//") || src == "" {
		return ""
	}
	if u, err := url.PathUnescape(src); err == nil {
		src = u
	}
	if strings.HasPrefix(src, "/") {
		base := rw.Linker.Base
		if base == "" {
			base = "/"
		}
		if !strings.HasPrefix(src, base) {
			return ""
		}
		return "/" + strings.TrimPrefix(src, base)
	}
	dir := pageURL
	if !strings.HasSuffix(dir, "/") {
		dir = path.Dir(dir) + "/"
	}
	return path.Join(dir, src)
}

// srcsetURL escapes what would end a URL early in a srcset: whitespace and
// commas, and anything not ASCII, as a browser would send it.
func srcsetURL(u string) string {
	var b strings.Builder
	for i := 0; i < len(u); i++ {
		c := u[i]
		if c <= ' ' || c == ',' || c >= 0x7f || c == '"' {
			b.WriteString("%" + strings.ToUpper(strconv.FormatInt(int64(c)|0x100, 16)[1:]))
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}
