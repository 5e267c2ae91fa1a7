package generator

import (
	"bytes"
	"html/template"
	"net/url"
	"path"
	"reflect"
	"sort"
	"strings"

	"github.com/jianghan-district/jianghan/generator/diag"
	"github.com/jianghan-district/jianghan/generator/link"
	"github.com/jianghan-district/jianghan/generator/load"
	"github.com/jianghan-district/jianghan/generator/model"
	"github.com/jianghan-district/jianghan/generator/render"
)

// Applying changed files to the model: read again what changed, update
// the pages in place, relink only when the links can have changed, and
// mark what the change makes dirty.

// markPage records that a page's output may have changed: its own data
// (key), and with card what other pages show of it ("card:"+key).
func (l *live) markPage(key string, card bool) {
	l.dirty[key] = true
	if card {
		l.dirty["card:"+key] = true
		l.dirty[render.AnyCard] = true
	}
	l.pages[key] = true
}

// snapshot is what a page was before an update, to tell what changed.
type snapshot struct {
	html    template.HTML
	text    string
	excerpt string
}

func snap(p *model.Page) snapshot {
	return snapshot{html: p.HTML, text: p.Text, excerpt: p.Blurb()}
}

// update applies the changes of pages and static files to the model.
func (p *Project) update(cs *changeSet, d *Delta) error {
	l := p.live
	root := p.Options.root()
	site := p.Site
	drafts := p.Options.Drafts
	var names []string // file names whose links may now resolve differently
	resolver := false
	recheck := false // what the site checks read changed

	if cs.static {
		list := &diag.List{}
		st, err := load.Static(root, list)
		if err != nil {
			return err
		}
		l.setWalkDiags("content/static", list)
		if !equalStrings(st, site.Static) {
			names = append(names, symmetricNames(st, site.Static)...)
			site.Static = st
			resolver = true
			l.shape = true
		}
		for _, f := range cs.staticFiles {
			l.dirty["static:"+f] = true
		}
		if len(cs.staticFiles) == 0 {
			l.all = true
		}
	}
	bundleChanged := map[string]bool{}
	for _, f := range cs.bundleFiles {
		l.dirty[f] = true
		bundleChanged[strings.Join(strings.SplitN(f, "/", 4)[:3], "/")] = true
	}

	affected := map[string]bool{}
	entries := make([]string, 0, len(cs.entries))
	for e := range cs.entries {
		entries = append(entries, e)
	}
	sort.Strings(entries)
	for _, e := range entries {
		old := l.units[e]
		kind, name := entryPlace(e)
		list := &diag.List{}
		src, ok, err := load.PageAt(root, kind, name, list)
		if err != nil {
			return err
		}
		l.setWalkDiags(e, list)
		if !ok {
			if old != nil {
				delete(l.units, e)
				if k := l.unindex(old, drafts); k != "" {
					affected[k] = true
				}
				names = append(names, entryName(e))
			}
			continue
		}
		if old != nil && old.raw != nil && old.src.Rel == src.Rel && equalStrings(old.src.Files, src.Files) {
			raw, err := load.ReadPageFile(root, src.Rel)
			if err == nil && bytes.Equal(raw, old.raw) {
				if bundleChanged[e] {
					if k := old.key(drafts); k != "" && l.winner[k] == old {
						l.markPage(k, false)
					}
				}
				continue // saved as it was
			}
		}
		nu := readUnit(root, src, &site.Config)
		l.units[e] = nu
		if old != nil {
			if k := l.unindex(old, drafts); k != "" {
				affected[k] = true
			}
			if !equalStrings(old.src.Files, src.Files) || old.key(drafts) != nu.key(drafts) {
				names = append(names, entryName(e))
				names = append(names, symmetricNames(old.src.Files, src.Files)...)
				resolver = true
			}
		} else {
			names = append(names, entryName(e))
			resolver = true
		}
		if k := l.index(nu, drafts); k != "" {
			affected[k] = true
		}
	}

	if changed := l.refreshLeftOut(site, drafts); changed != nil {
		names = append(names, changed...)
		resolver, recheck = true, true
	}

	// Decide which unit each affected key publishes, and update the lists.
	structural := false
	metaChanged := false // front matter changed what links or lists hold
	var changedCases []*model.Case
	var rerender []*model.Page
	before := map[*model.Page]snapshot{}
	keys := make([]string, 0, len(affected))
	for k := range affected {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		us := l.byKey[k]
		oldW := l.winner[k]
		var newW *unit
		if len(us) > 0 {
			newW = us[0]
		}
		if len(us) > 1 {
			l.dupDiags[k] = dupDiags(us)
		} else {
			delete(l.dupDiags, k)
		}
		switch {
		case oldW == newW:
			continue // the page in the site is the one it was
		case oldW != nil && newW != nil && oldW.entry == newW.entry:
			// The same file, read again: update the page in place, so
			// every list and link that holds it stays valid.
			pg := oldW.page.Base()
			before[pg] = snap(pg)
			oldMeta := meta(oldW.page)
			oldPlace, oldChecked := placeMeta(oldW.page), checkedMeta(oldW.page)
			links := saveLinks(oldW.page)
			copyEntry(oldW.page, newW.page)
			newW.page = oldW.page
			pg.Entry = newW.page
			switch {
			case reflect.DeepEqual(oldMeta, meta(newW.page)):
				links.restore(newW.page)
				l.markPage(k, false)
			case oldPlace != nil && reflect.DeepEqual(oldPlace, placeMeta(newW.page)) && link.InPlace(site, newW.page):
				// A new title or date that leaves the page where it
				// was in every list: the links stand, the cards change.
				links.restore(newW.page)
				l.markPage(k, true)
				if !reflect.DeepEqual(oldChecked, checkedMeta(newW.page)) {
					recheck = true
				}
			default:
				metaChanged = true
				l.markPage(k, true)
				if c, ok := newW.page.(*model.Case); ok {
					changedCases = append(changedCases, c)
				}
			}
			rerender = append(rerender, pg)
		default:
			if oldW != nil {
				site.Remove(oldW.page)
				if c, ok := oldW.page.(*model.Case); ok {
					changedCases = append(changedCases, c)
				}
			}
			if newW != nil {
				site.Add(newW.page)
				if c, ok := newW.page.(*model.Case); ok {
					changedCases = append(changedCases, c)
				}
				rerender = append(rerender, newW.page.Base())
			}
			structural = true
			l.markPage(k, true)
		}
		if newW != nil {
			l.winner[k] = newW
		} else {
			delete(l.winner, k)
		}
	}

	if structural {
		site.Index()
		resolver = true
	}
	if resolver {
		p.Resolver = link.NewResolver(site, p.Linker)
		// Pages whose links may now point elsewhere: those naming a file
		// that came, went or moved, and those with broken links.
		queued := map[*model.Page]bool{}
		for _, pg := range rerender {
			queued[pg] = true
		}
		for _, pg := range site.Pages {
			if queued[pg] {
				continue
			}
			u := l.winner[pg.Key()]
			if (u != nil && len(u.renderDiags) > 0) || mentions(pg.Body, names) {
				before[pg] = snap(pg)
				rerender = append(rerender, pg)
				queued[pg] = true
			}
		}
	}
	for _, pg := range rerender {
		p.renderMarkdown(pg)
		if b, ok := before[pg]; ok && (b.html != pg.HTML || b.text != pg.Text) {
			l.markPage(pg.Key(), b.excerpt != pg.Blurb())
		}
	}
	switch {
	case structural || metaChanged:
		l.shape = true
		link.Relink(site, changedCases)
		link.Terms(site)
		l.checkSite(p)
	case recheck:
		l.checkSite(p)
	}
	return nil
}

// setWalkDiags keeps what the walk of one place found wrong, under its
// walkKey.
func (l *live) setWalkDiags(key string, list *diag.List) {
	if ds := list.Sorted(); len(ds) > 0 {
		l.walkDiags[key] = ds
	} else {
		delete(l.walkDiags, key)
	}
}

// refreshLeftOut brings the site's drafts and unreadable pages up to
// date: a reference to a draft says so, one to a page that cannot be read
// is left to that page's own error. It returns the names links use for
// those that changed, nil when none did.
func (l *live) refreshLeftOut(site *model.Site, withDrafts bool) []string {
	left, unread := l.leftOut(withDrafts)
	if samePages(left, site.Drafts) && samePages(unread, site.Unreadable) {
		return nil
	}
	names := pageNames(left, site.Drafts, unread, site.Unreadable)
	site.Drafts, site.Unreadable = left, unread
	return append(names, "") // never nil: something changed
}

// samePages reports whether two sets of pages left out are the same.
func samePages(a, b map[string]*model.Page) bool {
	if len(a) != len(b) {
		return false
	}
	for k, p := range a {
		if q, ok := b[k]; !ok || q.Source != p.Source {
			return false
		}
	}
	return true
}

// pageNames returns the names links use for the pages in the sets.
func pageNames(sets ...map[string]*model.Page) []string {
	var out []string
	for _, m := range sets {
		for _, p := range m {
			entry := p.Source
			if p.BundleDir != "" {
				entry = p.BundleDir
			}
			out = append(out, entryName(entry))
		}
	}
	return out
}

// entryName is the name links use for a kind-folder entry: the slug a file
// or folder gives, which every link to it contains.
func entryName(entry string) string {
	return strings.TrimSuffix(path.Base(entry), ".md")
}

// symmetricNames returns the base names of the files in one list only.
func symmetricNames(a, b []string) []string {
	in := func(xs []string) map[string]bool {
		m := make(map[string]bool, len(xs))
		for _, x := range xs {
			m[x] = true
		}
		return m
	}
	ma, mb := in(a), in(b)
	var out []string
	for _, x := range a {
		if !mb[x] {
			out = append(out, path.Base(x))
		}
	}
	for _, x := range b {
		if !ma[x] {
			out = append(out, path.Base(x))
		}
	}
	return out
}

// mentions reports whether a Markdown body names any of the files, as
// written or percent-encoded: a link to a file cannot do without its name.
func mentions(body []byte, names []string) bool {
	for _, n := range names {
		if n == "" {
			continue
		}
		if bytes.Contains(body, []byte(n)) {
			return true
		}
		if e := url.PathEscape(n); e != n && bytes.Contains(body, []byte(e)) {
			return true
		}
	}
	return false
}

// newRenderer parses the theme again (and forgets the sizes of bundle
// images) and marks what the theme change touches.
func (p *Project) newRenderer(cs *changeSet, d *Delta) {
	l := p.live
	old := l.renderer
	l.shape = true
	r, err := p.Renderer(l.ro)
	if err != nil {
		l.renderer = nil
		l.themeErr = []diag.Diagnostic{diag.Of("themes/default", 0, 0, err)}
		return
	}
	l.renderer, l.themeErr = r, nil
	if cs == nil {
		return
	}
	for _, name := range cs.layouts {
		l.dirty["theme:"+name] = true
	}
	if cs.themeAll || (cs.theme && old == nil) {
		l.themeAll = true
	}
	for _, a := range cs.assets {
		l.dirty["theme:assets/"+a] = true
		was, _ := oldAsset(old, a)
		now, _ := r.AssetPath(a)
		if was != now {
			l.themeAll = true
			if strings.HasSuffix(a, ".css") {
				d.Styles = append(d.Styles, AssetChange{Name: a, Old: was, New: now})
			}
		}
	}
	d.StylesOnly = cs.stylesOnly && len(d.Styles) > 0
}

func oldAsset(r *render.Renderer, name string) (string, bool) {
	if r == nil {
		return "", false
	}
	return r.AssetPath(name)
}

// diagnostics gathers every current problem, sorted.
func (l *live) diagnostics() []diag.Diagnostic {
	list := &diag.List{}
	add := func(ds []diag.Diagnostic) {
		for _, d := range ds {
			list.Add(d)
		}
	}
	add(l.cfgDiags)
	for _, ds := range l.walkDiags {
		add(ds)
	}
	for _, u := range l.units {
		add(u.loadDiags)
	}
	for _, u := range l.winner {
		add(u.renderDiags)
	}
	for _, ds := range l.dupDiags {
		add(ds)
	}
	add(l.globalDiags)
	add(l.themeDiags)
	if len(l.themeDiags) == 0 {
		// A link in the theme that leaves the site is why it cannot be
		// read: say that, not what reading it then said.
		add(l.themeErr)
	}
	return list.Sorted()
}
