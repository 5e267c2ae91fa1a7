// Package urls turns site paths ("/cases/lift/") into the links written in
// the output. One place decides, so that a sub-path (base_url /jianghan/) and
// a copy opened from disk (--portable) work on every page alike.
package urls

import "strings"

// Linker writes links from one page of the output to another.
type Linker struct {
	// Base is the site's base path, starting and ending with "/".
	Base string
	// Portable writes relative links ending in index.html, which work when
	// the output is opened from disk (file://) with no web server.
	Portable bool
}

// Link returns the href for target (a site path such as "/cases/x/" or
// "/assets/site.css", possibly with "#frag") as written on the page at from.
func (l Linker) Link(from, target string) string {
	if l.Portable {
		return Rel(from, target)
	}
	return l.Abs(target)
}

// Abs returns target under the base path: "/cases/x/" → "/jianghan/cases/x/".
// Pages whose own URL is not known in advance (404.html) must use it.
func (l Linker) Abs(target string) string {
	base := l.Base
	if base == "" {
		base = "/"
	}
	return base + strings.TrimPrefix(target, "/")
}

// Rel returns a relative link from the page at from to target, both site
// paths. Folder targets get index.html so a file browser opens the page.
func Rel(from, target string) string {
	frag := ""
	if i := strings.IndexByte(target, '#'); i >= 0 {
		target, frag = target[:i], target[i:]
	}
	fromDir := from
	if !strings.HasSuffix(fromDir, "/") {
		fromDir = fromDir[:strings.LastIndexByte(fromDir, '/')+1]
	}
	fp := splitPath(fromDir)
	tp := splitPath(target)
	i := 0
	for i < len(fp) && i < len(tp) && fp[i] == tp[i] {
		i++
	}
	var b strings.Builder
	for range fp[i:] {
		b.WriteString("../")
	}
	b.WriteString(strings.Join(tp[i:], "/"))
	if strings.HasSuffix(target, "/") {
		if len(tp[i:]) > 0 {
			b.WriteString("/")
		}
		b.WriteString("index.html")
	}
	return b.String() + frag
}

func splitPath(p string) []string {
	p = strings.Trim(p, "/")
	if p == "" {
		return nil
	}
	return strings.Split(p, "/")
}
