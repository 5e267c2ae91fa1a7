package link

import (
	"net/url"
	"path"
	"strings"

	"github.com/jianghan-district/jianghan/generator/diag"
	"github.com/jianghan-district/jianghan/generator/model"
	"github.com/jianghan-district/jianghan/generator/urls"
	"github.com/jianghan-district/jianghan/internal/msg"
)

// Resolver maps what authors write in Markdown links — paths to source files
// relative to the page, like ../cases/lift.md or chart.svg — to the URLs the
// reader follows.
type Resolver struct {
	linker  urls.Linker
	sources map[string]string // content path → site path (pages, bundle files, static files)
	known   []string          // content paths, for did-you-mean
	drafts  map[string]string // content path of a draft left out → its source file
	unread  map[string]bool   // content paths of pages that could not be read
}

// NewResolver indexes every page source, bundle file and static file of site.
func NewResolver(site *model.Site, linker urls.Linker) *Resolver {
	r := &Resolver{linker: linker, sources: map[string]string{}}
	add := func(src, target string) {
		r.sources[src] = target
		r.known = append(r.known, src)
	}
	for _, p := range site.Pages {
		add(p.Source, p.URL())
		if p.BundleDir != "" {
			// Authors link to a bundle as its folder, its index.md, or as
			// if it were a single file, SLUG.md; all three mean the page.
			r.sources[p.BundleDir] = p.URL()
			r.sources[p.BundleDir+".md"] = p.URL()
			for _, f := range p.Files {
				add(p.BundleDir+"/"+f, p.URL()+f)
			}
		}
	}
	for _, f := range site.Static {
		add("content/static/"+f, "/"+f)
	}
	r.drafts = map[string]string{}
	for _, d := range site.Drafts {
		r.drafts[d.Source] = d.Source
		if d.BundleDir != "" {
			r.drafts[d.BundleDir] = d.Source
			r.drafts[d.BundleDir+".md"] = d.Source
		}
	}
	r.unread = map[string]bool{}
	for _, u := range site.Unreadable {
		r.unread[u.Source] = true
		if u.BundleDir != "" {
			r.unread[u.BundleDir], r.unread[u.BundleDir+".md"] = true, true
		}
	}
	return r
}

// For returns the Markdown resolver for one page.
func (r *Resolver) For(p *model.Page) func(dest string, image bool) (string, error) {
	dir := path.Dir(p.Source)
	return func(dest string, image bool) (string, error) {
		raw, frag := dest, ""
		if i := strings.IndexByte(raw, '#'); i >= 0 {
			raw, frag = raw[:i], raw[i:]
		}
		if i := strings.IndexByte(raw, '?'); i >= 0 {
			raw = raw[:i]
		}
		if raw == "" {
			return dest, nil
		}
		clean := raw
		if u, err := url.PathUnescape(raw); err == nil {
			clean = u
		}
		src := path.Clean(path.Join(dir, clean))
		target, ok := r.sources[src]
		if !ok {
			target, ok = r.sources[strings.TrimSuffix(src, "/")]
		}
		if draft, isDraft := r.drafts[strings.TrimSuffix(src, "/")]; !ok && isDraft {
			return dest, msg.Errorf(msg.LinkToDraft, dest, draft)
		}
		if !ok && r.unread[strings.TrimSuffix(src, "/")] {
			return dest, nil // the page's own error says what to fix
		}
		if !ok {
			missing := msg.LinkMissing
			if image {
				missing = msg.ImageMissing
			}
			hint := ""
			if m := diag.Suggest(src, r.known); m != "" {
				// Suggest in the author's own relative terms.
				rel, _ := relPath(dir, m)
				hint = diag.Hint(rel)
			}
			return dest, msg.Errorf(missing, dest, src, hint)
		}
		return r.linker.Link(p.URL(), target) + frag, nil
	}
}

// relPath returns target relative to dir, both slash paths.
func relPath(dir, target string) (string, error) {
	d := strings.Split(strings.Trim(dir, "/"), "/")
	t := strings.Split(strings.Trim(target, "/"), "/")
	i := 0
	for i < len(d) && i < len(t) && d[i] == t[i] {
		i++
	}
	parts := []string{}
	for range d[i:] {
		parts = append(parts, "..")
	}
	parts = append(parts, t[i:]...)
	return strings.Join(parts, "/"), nil
}
