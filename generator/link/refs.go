package link

import (
	"path"
	"strconv"
	"strings"

	"github.com/jianghan-district/jianghan/generator/diag"
	"github.com/jianghan-district/jianghan/generator/model"
	"github.com/jianghan-district/jianghan/internal/msg"
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
				if d := site.Drafts[string(kind)+"/"+s]; d != nil {
					draftRef(p, field, s, d, pos, diags)
					continue
				}
				if site.Unreadable[string(kind)+"/"+s] != nil {
					continue // the page's own error says what to fix
				}
				diags.Error(p.Source, pos.Line, pos.Col, msg.RefMissing, field, s, kind, s, diag.DidYouMean(s, slugs[kind]))
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
	themeLogo(site, diags)
	for _, c := range site.Courses {
		for i, ref := range c.Lessons {
			pos := itemPos(&c.Page, "lessons", i)
			ref = strings.Trim(strings.TrimSuffix(ref, ".md"), "/")
			kind, _, ok := strings.Cut(ref, "/")
			switch {
			case !ok || (kind != string(model.Cases) && kind != string(model.Lectures) && kind != string(model.Guides)):
				diags.Error(c.Source, pos.Line, pos.Col, msg.LessonBadKind, ref, diag.DidYouMean(ref, keys))
			case site.Lookup(ref) == nil && site.Drafts[ref] != nil:
				draftRef(&c.Page, "lessons", c.Lessons[i], site.Drafts[ref], pos, diags)
			case site.Lookup(ref) == nil && site.Unreadable[ref] != nil:
			case site.Lookup(ref) == nil:
				diags.Error(c.Source, pos.Line, pos.Col, msg.LessonMissing, ref, ref, diag.DidYouMean(ref, keys))
			}
		}
	}
}

// draftRef reports a reference to a page left out as a draft, so that the
// author reads that it is a draft rather than that it does not exist.
func draftRef(p *model.Page, field, r string, draft *model.Page, at model.Pos, diags *diag.List) {
	diags.Error(p.Source, at.Line, at.Col, msg.DraftRef, field, r, draft.Source, r, field)
}

// bundleFile checks that a front matter field names a file of the page's bundle.
func bundleFile(p *model.Page, field, name string, diags *diag.List) {
	if name == "" {
		return
	}
	pos := p.Fields[field]
	if p.BundleDir == "" {
		diags.Error(p.Source, pos.Line, pos.Col, msg.BundleNeeded, field, name, strings.TrimSuffix(p.Source, ".md"), name)
		return
	}
	for _, f := range p.Files {
		if f == name {
			return
		}
	}
	diags.Error(p.Source, pos.Line, pos.Col, msg.BundleFileMissing, field, name, path.Join(p.BundleDir, name), diag.DidYouMean(name, p.Files))
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

// themeLogo checks that the logo site.yaml's theme block names is a file
// of content/static, published at the site root.
func themeLogo(site *model.Site, diags *diag.List) {
	t := site.Config.Theme
	if t.Logo == "" {
		return
	}
	for _, f := range site.Static {
		if f == t.Logo {
			return
		}
	}
	diags.Error("content/site.yaml", t.LogoAt.Line, t.LogoAt.Col, msg.ThemeLogoMissing, t.Logo, t.Logo, diag.DidYouMean(t.Logo, site.Static))
}
