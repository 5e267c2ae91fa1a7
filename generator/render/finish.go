package render

import (
	"bytes"
	"html"
	"net/url"
	"path"
	"strconv"
	"strings"

	"github.com/jianghan-district/jianghan/internal/msg"
)

// finish rewrites a rendered HTML page for phones, after its template ran:
// every <img> that shows an image of a page bundle gets width, height,
// srcset and sizes (for the resized copies), loading="lazy" and
// decoding="async"; every <table> is wrapped in a box that scrolls sideways
// on its own, so a wide table never widens the page. The page bodies come
// from the Markdown package and the templates alike, so this is done on the
// finished page rather than in either. Attributes already present are kept.
func (r *Renderer) finish(pageURL string, b []byte) []byte {
	if !bytes.Contains(b, []byte("<img")) && !bytes.Contains(b, []byte("<table")) {
		return b
	}
	imgs := r.loadImages()
	out := make([]byte, 0, len(b)+1024)
	tables := 0
	done := 0 // b[:done] is in out
	for i := 0; i < len(b); {
		j := bytes.IndexByte(b[i:], '<')
		if j < 0 {
			break
		}
		j += i
		rest := b[j:]
		var c byte // the tag name's first letter in lower case, if ASCII
		if len(rest) > 1 {
			c = rest[1] | 0x20
		}
		switch {
		case c == 'i' && hasTag(rest, "img"):
			end := tagEnd(rest)
			if end < 0 {
				return append(out, b[done:]...)
			}
			out = append(out, b[done:j]...)
			out = append(out, r.image(pageURL, rest[:end], imgs)...)
			i = j + end
			done = i
		case c == 't' && hasTag(rest, "table"):
			k := bytes.Index(rest, []byte("</table>"))
			if k < 0 {
				return append(out, b[done:]...)
			}
			k += len("</table>")
			tables++
			out = append(out, b[done:j]...)
			out = append(out, `<div class="table-scroll" role="region" tabindex="0" aria-label="`...)
			out = append(out, html.EscapeString(r.lang.T(msg.TableLabel, tables))...)
			out = append(out, `">`...)
			out = append(out, rest[:k]...)
			out = append(out, "</div>"...)
			i = j + k
			done = i
		default:
			i = j + 1
		}
	}
	return append(out, b[done:]...)
}

// hasTag reports whether b starts with the opening tag of name.
func hasTag(b []byte, name string) bool {
	if len(b) < len(name)+2 || b[0] != '<' || !strings.EqualFold(string(b[1:1+len(name)]), name) {
		return false
	}
	switch b[1+len(name)] {
	case ' ', '\t', '\n', '\r', '/', '>':
		return true
	}
	return false
}

// tagEnd returns the length of the tag at the start of b, through its '>',
// honouring quoted attribute values, or -1.
func tagEnd(b []byte) int {
	var quote byte
	for i := 1; i < len(b); i++ {
		c := b[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return i + 1
		}
	}
	return -1
}

// attr is one attribute of a tag as written: Raw is the value still
// escaped, as it stands between the quotes.
type attr struct {
	Name, Raw string
	HasValue  bool
}

// parseTag splits a tag such as `<img src="a.png" alt="x">` into its name
// and attributes.
func parseTag(tag []byte) (string, []attr) {
	s := string(tag)
	s = strings.TrimPrefix(s, "<")
	s = strings.TrimSuffix(s, ">")
	s = strings.TrimSuffix(s, "/")
	i := strings.IndexAny(s, " \t\n\r")
	if i < 0 {
		return s, nil
	}
	name, s := s[:i], s[i:]
	var attrs []attr
	for {
		s = strings.TrimLeft(s, " \t\n\r")
		if s == "" {
			return name, attrs
		}
		k := strings.IndexAny(s, " \t\n\r=")
		if k < 0 {
			return name, append(attrs, attr{Name: s})
		}
		a := attr{Name: s[:k]}
		s = strings.TrimLeft(s[k:], " \t\n\r")
		if !strings.HasPrefix(s, "=") {
			attrs = append(attrs, a)
			continue
		}
		s = strings.TrimLeft(s[1:], " \t\n\r")
		a.HasValue = true
		if s != "" && (s[0] == '"' || s[0] == '\'') {
			q := s[0]
			e := strings.IndexByte(s[1:], q)
			if e < 0 {
				a.Raw, s = s[1:], ""
			} else {
				a.Raw, s = s[1:1+e], s[2+e:]
			}
		} else {
			e := strings.IndexAny(s, " \t\n\r")
			if e < 0 {
				e = len(s)
			}
			a.Raw, s = s[:e], s[e:]
		}
		attrs = append(attrs, a)
	}
}

// image rewrites one <img> tag of the page at pageURL.
func (r *Renderer) image(pageURL string, tag []byte, imgs map[string]*bundleImage) []byte {
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
	bi := imgs[r.sitePath(pageURL, src)]
	if bi == nil {
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
		set("width", strconv.Itoa(bi.w))
		set("height", strconv.Itoa(bi.h))
	}
	if len(bi.variants) > 0 {
		var ss []string
		for _, v := range bi.variants {
			ss = append(ss, srcsetURL(r.opts.Linker.Link(pageURL, v.site))+" "+strconv.Itoa(v.w)+"w")
		}
		ss = append(ss, srcsetURL(r.opts.Linker.Link(pageURL, bi.site))+" "+strconv.Itoa(bi.w)+"w")
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
	var b strings.Builder
	b.WriteString("<img")
	for _, a := range append(attrs, add...) {
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
func (r *Renderer) sitePath(pageURL, src string) string {
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
		base := r.opts.Linker.Base
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
