package incremental

import (
	"bytes"
	"html/template"
	"net/url"
	"path"
	"slices"
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

// markPage records that a page may read otherwise: all of it, and with
// card what other pages show of it.
func (o *output) markPage(key string, card bool) {
	o.dirty[render.Dep{Kind: render.DepPage, Key: key}] = true
	if card {
		o.dirty[render.Dep{Kind: render.DepCard, Key: key}] = true
		o.dirty[render.Dep{Kind: render.DepAnyCard}] = true
	}
	o.pages[key] = true
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

// edit is what one update has found so far, step by step.
type edit struct {
	// names are file names whose links may now resolve differently;
	// resolver is set when the link resolver must be made again.
	names    []string
	resolver bool
	// recheck is set when what the site-wide checks read changed.
	recheck bool
	// bundleChanged are the entries with a changed file beside index.md.
	bundleChanged map[string]bool
	// affected are the page keys whose units changed.
	affected map[string]bool
	// structural is set when pages came or went; metaChanged when front
	// matter changed what links or lists hold.
	structural, metaChanged bool
	changedCases            []*model.Case
	// rerender are the pages whose Markdown is rendered again, before what
	// they were.
	rerender []*model.Page
	before   map[*model.Page]snapshot
}

// update applies the changes of pages and static files to the model, in
// the order a reader would: static files, bundle files, page files read
// again, drafts and unreadable pages, which file each page key publishes,
// links, Markdown, and the checks of the whole site.
func (s *State) update(cs *changeSet) error {
	e := &edit{bundleChanged: map[string]bool{}, affected: map[string]bool{}, before: map[*model.Page]snapshot{}}
	if cs.static {
		if err := s.updateStatic(cs, e); err != nil {
			return err
		}
	}
	for _, f := range cs.bundleFiles {
		s.out.dirty[render.Dep{Kind: render.DepFile, Key: f}] = true
		e.bundleChanged[strings.Join(strings.SplitN(f, "/", 4)[:3], "/")] = true
	}
	if err := s.readEntries(cs, e); err != nil {
		return err
	}
	if changed := s.refreshLeftOut(); changed != nil {
		e.names = append(e.names, changed...)
		e.resolver, e.recheck = true, true
	}
	s.publishAffected(e)
	if e.structural {
		s.Site.Index()
		e.resolver = true
	}
	if e.resolver {
		s.Resolver = link.NewResolver(s.Site, s.Linker)
		s.queueLinking(e)
	}
	s.renderQueued(e)
	switch {
	case e.structural || e.metaChanged:
		s.out.shape = true
		link.Relink(s.Site, e.changedCases)
		link.Terms(s.Site)
		s.checkSite()
	case e.recheck:
		s.checkSite()
	}
	if s.out.shape {
		s.out.markShape(s.Site)
	}
	return nil
}

// updateStatic reads content/static again.
func (s *State) updateStatic(cs *changeSet, e *edit) error {
	list := &diag.List{}
	st, err := load.Static(s.opts.Root, list)
	if err != nil {
		return err
	}
	s.setWalkDiags("content/static", list)
	if !slices.Equal(st, s.Site.Static) {
		e.names = append(e.names, symmetricNames(st, s.Site.Static)...)
		s.Site.Static = st
		e.resolver = true
		s.out.shape = true
	}
	for _, f := range cs.staticFiles {
		s.out.dirty[render.Dep{Kind: render.DepFile, Key: "content/static/" + f}] = true
	}
	if len(cs.staticFiles) == 0 {
		s.out.all = true
	}
	return nil
}

// readEntries reads again the kind-folder entries that changed, in order,
// and files each under the page key it publishes.
func (s *State) readEntries(cs *changeSet, e *edit) error {
	entries := make([]string, 0, len(cs.entries))
	for x := range cs.entries {
		entries = append(entries, x)
	}
	sort.Strings(entries)
	for _, x := range entries {
		if err := s.readEntry(x, e); err != nil {
			return err
		}
	}
	return nil
}

// readEntry reads one kind-folder entry again.
func (s *State) readEntry(entry string, e *edit) error {
	f, drafts := &s.files, s.opts.Drafts
	old := f.units[entry]
	kind, name := entryPlace(entry)
	list := &diag.List{}
	src, ok, err := load.PageAt(s.opts.Root, kind, name, list)
	if err != nil {
		return err
	}
	s.setWalkDiags(entry, list)
	if !ok {
		if old != nil {
			delete(f.units, entry)
			if k := f.unindex(old, drafts); k != "" {
				e.affected[k] = true
			}
			e.names = append(e.names, entryName(entry))
		}
		return nil
	}
	if s.savedAsItWas(old, src) {
		if e.bundleChanged[entry] {
			if k := old.key(drafts); k != "" && f.winner[k] == old {
				s.out.markPage(k, false)
			}
		}
		return nil
	}
	nu := readUnit(s.opts.Root, src, &s.Site.Config)
	f.units[entry] = nu
	switch {
	case old == nil:
		e.names = append(e.names, entryName(entry))
		e.resolver = true
	case !slices.Equal(old.src.Files, src.Files) || old.key(drafts) != nu.key(drafts):
		e.names = append(e.names, entryName(entry))
		e.names = append(e.names, symmetricNames(old.src.Files, src.Files)...)
		e.resolver = true
	}
	if old != nil {
		if k := f.unindex(old, drafts); k != "" {
			e.affected[k] = true
		}
	}
	if k := f.index(nu, drafts); k != "" {
		e.affected[k] = true
	}
	return nil
}

// savedAsItWas reports whether the page file of an entry holds the bytes
// it held, in the same bundle files.
func (s *State) savedAsItWas(old *unit, src load.Source) bool {
	if old == nil || old.raw == nil || old.src.Rel != src.Rel || !slices.Equal(old.src.Files, src.Files) {
		return false
	}
	raw, err := load.ReadPageFile(s.opts.Root, src.Rel)
	return err == nil && bytes.Equal(raw, old.raw)
}

// publishAffected decides which unit each affected key publishes, and
// updates the lists.
func (s *State) publishAffected(e *edit) {
	f := &s.files
	keys := make([]string, 0, len(e.affected))
	for k := range e.affected {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		us := f.byKey[k]
		oldW := f.winner[k]
		var newW *unit
		if len(us) > 0 {
			newW = us[0]
		}
		if len(us) > 1 {
			s.problems.dup[k] = dupDiags(us)
		} else {
			delete(s.problems.dup, k)
		}
		switch {
		case oldW == newW:
			continue // the page in the site is the one it was
		case oldW != nil && newW != nil && oldW.entry == newW.entry:
			s.replaceInPlace(k, oldW, newW, e)
		default:
			s.swapPage(k, oldW, newW, e)
		}
		if newW != nil {
			f.winner[k] = newW
		} else {
			delete(f.winner, k)
		}
	}
}

// replaceInPlace updates the page of a file read again in place, so that
// every list and link that holds it stays valid, and tells from the keys of
// its front matter how far the change reaches.
func (s *State) replaceInPlace(k string, oldW, newW *unit, e *edit) {
	pg := oldW.page.Base()
	e.before[pg] = snap(pg)
	was := keysOf(oldW.page)
	wasChecked := checkKey(oldW.page)
	links := saveLinks(oldW.page)
	copyEntry(oldW.page, newW.page)
	newW.page = oldW.page
	pg.Entry = newW.page
	now := keysOf(newW.page)
	switch {
	case was == now:
		links.restore(newW.page)
		s.out.markPage(k, false)
	case was.inPlace && was.place == now.place && link.InPlace(s.Site, newW.page):
		// A new title or date that leaves the page where it was in
		// every list: the links stand, the cards change.
		links.restore(newW.page)
		s.out.markPage(k, true)
		if wasChecked != checkKey(newW.page) {
			e.recheck = true
		}
	default:
		e.metaChanged = true
		s.out.markPage(k, true)
		if c, ok := newW.page.(*model.Case); ok {
			e.changedCases = append(e.changedCases, c)
		}
	}
	e.rerender = append(e.rerender, pg)
}

// swapPage takes the page of oldW out of the site and puts newW's in.
func (s *State) swapPage(k string, oldW, newW *unit, e *edit) {
	if oldW != nil {
		s.Site.Remove(oldW.page)
		if c, ok := oldW.page.(*model.Case); ok {
			e.changedCases = append(e.changedCases, c)
		}
	}
	if newW != nil {
		s.Site.Add(newW.page)
		if c, ok := newW.page.(*model.Case); ok {
			e.changedCases = append(e.changedCases, c)
		}
		e.rerender = append(e.rerender, newW.page.Base())
	}
	e.structural = true
	s.out.markPage(k, true)
}

// queueLinking queues the pages whose links may now point elsewhere: those
// naming a file that came, went or moved, and those with broken links.
func (s *State) queueLinking(e *edit) {
	queued := make(map[*model.Page]bool, len(e.rerender))
	for _, pg := range e.rerender {
		queued[pg] = true
	}
	for _, pg := range s.Site.Pages {
		if queued[pg] {
			continue
		}
		u := s.files.winner[pg.Key()]
		if (u != nil && len(u.renderDiags) > 0) || mentions(pg.Body, e.names) {
			e.before[pg] = snap(pg)
			e.rerender = append(e.rerender, pg)
			queued[pg] = true
		}
	}
}

// renderQueued renders the queued pages' Markdown and marks those whose
// HTML changed; their cards too when their excerpt did.
func (s *State) renderQueued(e *edit) {
	for _, pg := range e.rerender {
		s.renderMarkdown(pg)
		if b, ok := e.before[pg]; ok && (b.html != pg.HTML || b.text != pg.Text) {
			s.out.markPage(pg.Key(), b.excerpt != pg.Blurb())
		}
	}
}

// setWalkDiags keeps what the walk of one place found wrong, under its
// walkKey.
func (s *State) setWalkDiags(key string, list *diag.List) {
	if ds := list.Sorted(); len(ds) > 0 {
		s.problems.walk[key] = ds
	} else {
		delete(s.problems.walk, key)
	}
}

// refreshLeftOut brings the site's drafts and unreadable pages up to
// date: a reference to a draft says so, one to a page that cannot be read
// is left to that page's own error. It returns the names links use for
// those that changed, nil when none did.
func (s *State) refreshLeftOut() []string {
	site := s.Site
	left, unread := s.files.leftOut(s.opts.Drafts)
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
