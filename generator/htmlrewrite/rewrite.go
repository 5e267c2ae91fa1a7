// Package htmlrewrite rewrites finished HTML pages for phones, after their
// templates ran: every <img> that shows an image of a page bundle gets
// width, height, srcset and sizes (for the resized copies), loading="lazy"
// and decoding="async", so nothing shifts while it loads and a phone fetches
// the narrow copy; every <table> is wrapped in a box that scrolls sideways on
// its own, so a wide table never widens the page.
//
// The page bodies come from the Markdown package and the templates alike, so
// this is done on the finished page rather than in either. Attributes
// already present are kept, and rewriting a rewritten page changes nothing.
// The page is scanned, not parsed into a tree: only the <img> and <table>
// tags are looked at, and everything else is copied byte for byte.
package htmlrewrite

import (
	"bytes"
	"html"

	"github.com/jianghan-district/jianghan/generator/images"
	"github.com/jianghan-district/jianghan/generator/urls"
)

// Rewriter rewrites the pages of one build; it is safe for concurrent use.
type Rewriter struct {
	// Linker writes links between pages as the build does, which is how
	// an image's src is read back and its copies' URLs are written.
	Linker urls.Linker
	// Image returns the bundle image at a site path, "/cases/x/photo.jpg",
	// or nil. It is called only for pages that show an image.
	Image func(sitePath string) *images.Image
	// TableLabel is the accessible name of a page's nth table box (from 1),
	// in the page's language.
	TableLabel func(n int) string
}

// Page returns the page at pageURL ("/cases/x/") rewritten; b itself when
// nothing changed.
func (rw *Rewriter) Page(pageURL string, b []byte) []byte {
	if !bytes.Contains(b, []byte("<img")) && !bytes.Contains(b, []byte("<table")) {
		return b
	}
	tables := 0
	return rw.rewrite(make([]byte, 0, len(b)+1024), pageURL, b, &tables)
}

// rewrite appends b to out with its images rewritten, and its tables boxed
// unless tables is nil (inside a table); *tables counts the page's tables.
func (rw *Rewriter) rewrite(out []byte, pageURL string, b []byte, tables *int) []byte {
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
			out = append(out, rw.image(pageURL, rest[:end])...)
			i = j + end
			done = i
		case c == 't' && tables != nil && hasTag(rest, "table"):
			k := bytes.Index(rest, []byte("</table>"))
			if k < 0 {
				return append(out, b[done:]...)
			}
			k += len("</table>")
			*tables++
			out = append(out, b[done:j]...)
			out = rw.table(out, pageURL, rest[:k], *tables, boxed(b[:j]))
			i = j + k
			done = i
		default:
			i = j + 1
		}
	}
	return append(out, b[done:]...)
}

// boxOpen is how the box around a table starts.
const boxOpen = `<div class="table-scroll" role="region" tabindex="0" aria-label="`

// table appends the nth table of a page, wrapped in its scrolling box
// unless it is in one already, with the images in it rewritten.
func (rw *Rewriter) table(out []byte, pageURL string, table []byte, n int, boxed bool) []byte {
	if boxed {
		return rw.rewrite(out, pageURL, table, nil)
	}
	out = append(out, boxOpen...)
	out = append(out, html.EscapeString(rw.TableLabel(n))...)
	out = append(out, `">`...)
	out = rw.rewrite(out, pageURL, table, nil)
	return append(out, "</div>"...)
}

// boxed reports whether before, the page up to a table, ends with the
// opening tag of a table's box: the page was rewritten before.
func boxed(before []byte) bool {
	i := bytes.LastIndex(before, []byte(boxOpen))
	return i >= 0 && tagEnd(before[i:]) == len(before)-i
}
