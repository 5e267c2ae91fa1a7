package render

import (
	"bytes"
	"html/template"
	"strings"
	"sync"

	"github.com/jianghan-district/jianghan/generator/model"
	"github.com/jianghan-district/jianghan/internal/msg"
)

// Shared partials. A large library shows each case's card on dozens of list
// and term pages, a link to it on the pages of related cases, workers and
// lectures, and the same header and footer on every page; running their
// templates again each time was most of the cost of a build. Data.Part,
// Data.TermPart and Data.Shared render such a partial once and reuse its HTML
// on every page whose links it writes alike.
//
// A partial gets a Data that writes links as the page does and holds nothing
// else of it (see Renderer.part). In normal output links are absolute, the
// same on every page. In portable output they are relative to the page's
// folder; the partial's Data records the site paths it linked to, and its
// HTML is reused on a page that writes each of them the same way (see
// sameLinks): a case's card on every term page, the header on every case.
//
// The renderer outlives edits in serve, which updates pages in place: serve
// calls Forget after each batch of edits, before it renders again.

// partSlot names a partial: its name and what it is about (a page, a term,
// or a kind of page with a breadcrumb trail), from the templates of one group
// (see Renderer.groups).
type partSlot struct {
	name  string
	page  *model.Page
	kind  model.Kind
	term  string // "topics/居民自治"
	trail string // the breadcrumb trail of a Shared partial, see trailKey
	group string
}

// partVariant is the HTML of a partial as made on one page.
type partVariant struct {
	html template.HTML
	// from is the folder of the page it was made on and targets the site
	// paths it linked to: it is the same on a page that writes each target
	// as from does.
	from    string
	targets []string
}

// partCache holds the partials made so far by one renderer: in portable
// output one variant per way of writing their links, else one.
type partCache struct {
	mu    sync.Mutex
	parts map[partSlot][]*partVariant
}

// bufPool recycles the buffers templates are executed into.
var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// Part returns the HTML of the theme's partial name about one page (its
// "card" in lists, its "link" in lists of related pages) as it stands on
// this page: the same card or link of a page is shown on many pages, and a
// build renders it once. The partial receives (dict "D" data "P" page),
// where data writes links as this page does but holds nothing else of it, so
// the partial must show only the page and links.
func (d *Data) Part(name string, e model.Entry) (template.HTML, error) {
	p := e.Base()
	d.rec.card(p)
	return d.r.part(d, partSlot{name: name, page: p, group: d.group},
		func(ld *Data) any { return map[string]any{"D": ld, "P": p} })
}

// Parts returns Part of each page, one after the other: the cards of a
// list, with one call of the template instead of one per page.
func (d *Data) Parts(name string, pages []*model.Page) (template.HTML, error) {
	if len(pages) == 1 {
		return d.Part(name, pages[0])
	}
	hs := make([]template.HTML, len(pages))
	n := 0
	for i, p := range pages {
		h, err := d.Part(name, p)
		if err != nil {
			return "", err
		}
		hs[i], n = h, n+len(h)
	}
	var b strings.Builder
	b.Grow(n)
	for _, h := range hs {
		b.WriteString(string(h))
	}
	return template.HTML(b.String()), nil
}

// TermPart returns the HTML of the theme's partial name about one term of
// a taxonomy ("topics"): a link to the term's page, shown on every page that
// names the term, and rendered once. The partial receives (dict "D" data "T"
// taxonomy "N" term), where data writes links as this page does but holds
// nothing else of it.
func (d *Data) TermPart(name, taxonomy, term string) (template.HTML, error) {
	return d.r.part(d, partSlot{name: name, term: taxonomy + "/" + term, group: d.group},
		func(ld *Data) any { return map[string]any{"D": ld, "T": taxonomy, "N": term} })
}

// Shared returns the HTML of the named partial as it stands on this page,
// rendered once per kind of page and breadcrumb trail: for the parts every
// page carries, such as the site's header and footer. The partial receives a
// Data with the site, the page's Kind and Crumbs and its links, and nothing
// else of the page.
func (d *Data) Shared(name string) (template.HTML, error) {
	crumbs := d.Crumbs
	return d.r.part(d, partSlot{name: name, kind: d.Kind, trail: trailKey(crumbs), group: d.group},
		func(ld *Data) any {
			ld.Crumbs = crumbs
			return ld
		})
}

// trailKey is a key for a breadcrumb trail.
func trailKey(crumbs []Crumb) string {
	if len(crumbs) == 0 {
		return ""
	}
	var b strings.Builder
	for _, c := range crumbs {
		b.WriteString(c.Title)
		b.WriteByte(0)
		b.WriteString(c.URL)
		b.WriteByte(0)
	}
	return b.String()
}

// part returns the partial of slot as it stands on the page of d, made with
// the data that data returns unless a variant made before writes the same
// links.
func (r *Renderer) part(d *Data, slot partSlot, data func(ld *Data) any) (template.HTML, error) {
	portable := r.opts.Linker.Portable
	from := "/"
	if portable {
		from = dirOf(d.URL)
	}
	r.parts.mu.Lock()
	vs := r.parts.parts[slot]
	r.parts.mu.Unlock()
	for _, v := range vs {
		if portable && !sameLinks(v.from, from, v.targets) {
			continue
		}
		d.record(v.targets)
		return v.html, nil
	}
	var targets []string
	ld := &Data{Site: SiteView{site: r.site}, URL: from, Kind: slot.kind, r: r, group: d.group}
	if portable {
		ld.links = &targets
	}
	html, err := r.partial(slot.group, slot.name, data(ld))
	if err != nil {
		return "", err
	}
	v := &partVariant{html: html, from: from, targets: targets}
	r.parts.mu.Lock()
	// A new slice: others may be reading the old one.
	r.parts.parts[slot] = append([]*partVariant{v}, r.parts.parts[slot]...)
	r.parts.mu.Unlock()
	d.record(targets)
	return html, nil
}

// Forget drops the partials made so far. serve updates pages in place and
// calls it after each batch of edits, so that no card or link shows a page
// as it was.
func (r *Renderer) Forget() {
	r.parts.mu.Lock()
	r.parts.parts = map[partSlot][]*partVariant{}
	r.parts.mu.Unlock()
}

// record notes that what d renders links to targets, when d is the data of
// a partial being made (a partial inside a partial).
func (d *Data) record(targets []string) {
	if d.links != nil {
		*d.links = append(*d.links, targets...)
	}
}

// partial executes one named template of a group into HTML.
func (r *Renderer) partial(group, name string, data any) (template.HTML, error) {
	t := r.partials
	if group != "" {
		t = r.tpls[group]
	}
	buf := bufPool.Get().(*bytes.Buffer)
	defer bufPool.Put(buf)
	buf.Reset()
	if err := t.ExecuteTemplate(buf, name, data); err != nil {
		return "", msg.Errorf(msg.PartialFailed, name, err)
	}
	return template.HTML(buf.String()), nil
}

// dirOf returns the folder of a site path: "/404.html" → "/".
func dirOf(url string) string {
	if strings.HasSuffix(url, "/") {
		return url
	}
	return url[:strings.LastIndexByte(url, '/')+1]
}

// sameLinks reports whether pages in the folders a and b write relative
// links to every target alike (see urls.Rel): they do when both folders are
// as deep and share as many leading segments with each target.
func sameLinks(a, b string, targets []string) bool {
	if a == b {
		return true
	}
	if segments(a) != segments(b) {
		return false
	}
	for _, t := range targets {
		if i := strings.IndexByte(t, '#'); i >= 0 {
			t = t[:i]
		}
		if common(a, t) != common(b, t) {
			return false
		}
	}
	return true
}

// segments counts the segments of a site path: "/cases/x/" → 2.
func segments(p string) int {
	p = strings.Trim(p, "/")
	if p == "" {
		return 0
	}
	return strings.Count(p, "/") + 1
}

// common counts the leading segments that the folder dir and the site path
// target share.
func common(dir, target string) int {
	d, t := strings.Trim(dir, "/"), strings.Trim(target, "/")
	n := 0
	for d != "" && t != "" {
		ds, drest, _ := strings.Cut(d, "/")
		ts, trest, _ := strings.Cut(t, "/")
		if ds != ts {
			break
		}
		n++
		d, t = drest, trest
	}
	return n
}
