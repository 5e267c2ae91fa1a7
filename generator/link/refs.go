package link

import (
	"fmt"
	"path"
	"strconv"
	"strings"

	"github.com/jianghan-district/jianghan/generator/diag"
	"github.com/jianghan-district/jianghan/generator/model"
)

// References checks every slug named in front matter and every bundle file
// that a field points at.
func References(site *model.Site, r *Resolver, diags *diag.List) {
	slugs := map[model.Kind][]string{}
	for _, p := range site.Pages {
		slugs[p.Kind] = append(slugs[p.Kind], p.Slug)
	}
	check := func(p *model.Page, field string, kind model.Kind, refs []string) {
		for i, s := range refs {
			if site.Lookup(string(kind)+"/"+s) == nil {
				pos := itemPos(p, field, i)
				diags.Errorf(p.Source, pos.Line, pos.Col, "%s names %q, but there is no content/%s/%s.md%s", field, s, kind, s, diag.DidYouMean(s, slugs[kind]))
			}
		}
	}
	for _, p := range site.Pages {
		check(p, "workers", model.Workers, p.Workers)
	}
	for _, c := range site.Cases {
		check(&c.Page, "lectures", model.Lectures, c.Lectures)
	}
	for _, l := range site.Lectures {
		check(&l.Page, "cases", model.Cases, l.Cases)
		bundleFile(&l.Page, "video", l.Video, diags)
	}
	for _, w := range site.Workers {
		bundleFile(&w.Page, "photo", w.Photo, diags)
	}
	var keys []string
	for _, p := range site.Pages {
		if p.Kind == model.Cases || p.Kind == model.Lectures || p.Kind == model.Guides {
			keys = append(keys, p.Key())
		}
	}
	for _, c := range site.Courses {
		for i, ref := range c.Lessons {
			pos := itemPos(&c.Page, "lessons", i)
			ref = strings.Trim(strings.TrimSuffix(ref, ".md"), "/")
			kind, _, ok := strings.Cut(ref, "/")
			switch {
			case !ok || (kind != string(model.Cases) && kind != string(model.Lectures) && kind != string(model.Guides)):
				diags.Errorf(c.Source, pos.Line, pos.Col, "lesson %q must name a case, lecture or guide as cases/SLUG, lectures/SLUG or guides/SLUG%s", ref, diag.DidYouMean(ref, keys))
			case site.Lookup(ref) == nil:
				diags.Errorf(c.Source, pos.Line, pos.Col, "lesson %q does not exist: there is no content/%s.md%s", ref, ref, diag.DidYouMean(ref, keys))
			}
		}
	}
}

// bundleFile checks that a front matter field names a file of the page's bundle.
func bundleFile(p *model.Page, field, name string, diags *diag.List) {
	if name == "" {
		return
	}
	pos := p.Fields[field]
	if p.BundleDir == "" {
		diags.Errorf(p.Source, pos.Line, pos.Col, "%s %q needs a page bundle: move this page to %s/index.md and put %s beside it", field, name, strings.TrimSuffix(p.Source, ".md"), name)
		return
	}
	for _, f := range p.Files {
		if f == name {
			return
		}
	}
	diags.Errorf(p.Source, pos.Line, pos.Col, "%s %q is not in the bundle: put the file at %s%s", field, name, path.Join(p.BundleDir, name), diag.DidYouMean(name, p.Files))
}

// itemPos is where the i-th item of a list field stands: package load
// records it under load.ItemKey, "workers[1]"; a field written as a single
// value has only the field's own position.
func itemPos(p *model.Page, field string, i int) model.Pos {
	if pos, ok := p.Fields[field+"["+strconv.Itoa(i)+"]"]; ok {
		return pos
	}
	return p.Fields[field]
}

// errorf is a short hand for resolver messages.
func errorf(format string, args ...any) error { return fmt.Errorf(format, args...) }
