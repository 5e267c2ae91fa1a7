package load

import (
	"strings"
	"time"

	"github.com/jianghan-district/jianghan/generator/diag"
	"github.com/jianghan-district/jianghan/generator/model"
)

// commonKeys are the front matter fields every kind accepts.
var commonKeys = []string{"title", "slug", "date", "draft", "summary", "tags", "weight", "workers"}

// kindKeys are each kind's own fields, per the SPEC's table.
var kindKeys = map[model.Kind][]string{
	model.Cases:    {"street", "community", "topics", "methods", "lectures"},
	model.Lectures: {"speaker", "duration", "video", "objectives", "topics", "cases"},
	model.Guides:   {"audience", "topics"},
	model.Workers:  {"street", "community", "role", "certificate", "method", "awards", "photo"},
	model.Courses:  {"lessons"},
	model.Handbook: {},
}

// owners says which kinds use a field, for the hint when a field is put in
// the wrong kind of page.
func owners() map[string]string {
	kinds := map[string][]string{}
	for _, k := range model.Kinds {
		for _, f := range kindKeys[k] {
			kinds[f] = append(kinds[f], string(k))
		}
	}
	m := map[string]string{}
	for f, ks := range kinds {
		m[f] = ks[len(ks)-1]
		if len(ks) > 1 {
			m[f] = strings.Join(ks[:len(ks)-1], ", ") + " and " + m[f]
		}
	}
	return m
}

var fieldOwners = owners()

// decodePage fills the common fields and returns the decoder for the kind's own.
func decodePage(p *model.Page, fm *frontMatter, diags *diag.List, cfg *model.Config) *decoder {
	allowed := append(append([]string(nil), commonKeys...), kindKeys[p.Kind]...)
	d := newDecoder(p.Source, fm, diags, allowed)
	d.unknownKeys(string(p.Kind), fieldOwners)
	p.Fields = d.pos
	p.Title = d.str("title", true, "the page's title")
	if s := d.str("slug", false, ""); s != "" {
		p.Slug = s
		if f := d.get("slug"); f != nil {
			checkSlug(d, s, f.Value.Line, f.Value.Col)
		}
	}
	p.Date = d.date("date")
	p.Draft = d.boolean("draft")
	p.Summary = d.str("summary", false, "")
	p.Tags, _ = d.strs("tags")
	p.Weight = d.integer("weight")
	p.Workers, _ = d.strs("workers")
	return d
}

// decodeEntry builds the typed value for a page of any kind.
func decodeEntry(p model.Page, fm *frontMatter, diags *diag.List, cfg *model.Config) model.Entry {
	d := decodePage(&p, fm, diags, cfg)
	switch p.Kind {
	case model.Cases:
		c := &model.Case{Page: p}
		c.Street = d.str("street", true, "the street, one of site.yaml streets")
		if c.Street != "" {
			d.vocab("street", "streets", []string{c.Street}, []model.Pos{d.pos["street"]}, cfg.Streets)
		}
		c.Community = d.str("community", false, "")
		var pos []model.Pos
		c.Topics, pos = d.strs("topics")
		if len(c.Topics) == 0 {
			line, col := fm.Line, 1
			if f := d.get("topics"); f != nil {
				line, col = f.Line, f.Col
			}
			d.errorf(line, col, "a case needs at least one topic: add `topics: [%s]` from site.yaml topics", firstOr(cfg.Topics, "主题"))
		}
		d.vocab("topic", "topics", c.Topics, pos, cfg.Topics)
		c.Methods, pos = d.strs("methods")
		d.vocab("method", "methods", c.Methods, pos, cfg.Methods)
		c.Lectures, _ = d.strs("lectures")
		return c
	case model.Lectures:
		l := &model.Lecture{Page: p}
		l.Speaker = d.str("speaker", false, "")
		l.Duration = d.str("duration", false, "")
		if l.Duration != "" {
			if dur, err := time.ParseDuration(l.Duration); err != nil || dur <= 0 {
				pos := d.pos["duration"]
				d.errorf(pos.Line, pos.Col, "duration %q is not a length of time: write minutes like 15m, or 1h10m", l.Duration)
			}
		}
		l.Video = d.str("video", false, "")
		l.Objectives, _ = d.strs("objectives")
		var pos []model.Pos
		l.Topics, pos = d.strs("topics")
		d.vocab("topic", "topics", l.Topics, pos, cfg.Topics)
		l.Cases, _ = d.strs("cases")
		return l
	case model.Guides:
		g := &model.Guide{Page: p}
		g.Audience = d.str("audience", false, "")
		var pos []model.Pos
		g.Topics, pos = d.strs("topics")
		d.vocab("topic", "topics", g.Topics, pos, cfg.Topics)
		return g
	case model.Workers:
		w := &model.Worker{Page: p}
		w.Street = d.str("street", false, "")
		if w.Street != "" {
			d.vocab("street", "streets", []string{w.Street}, []model.Pos{d.pos["street"]}, cfg.Streets)
		}
		w.Community = d.str("community", false, "")
		w.Role = d.str("role", false, "")
		w.Certificate = d.str("certificate", false, "")
		if w.Certificate != "" && !contains(model.Certificates, w.Certificate) {
			pos := d.pos["certificate"]
			d.errorf(pos.Line, pos.Col, "certificate %q is not a level: use 初级, 中级 or 高级", w.Certificate)
		}
		w.Method = d.str("method", false, "")
		w.Photo = d.str("photo", false, "")
		w.Awards = decodeAwards(d)
		return w
	case model.Courses:
		c := &model.Course{Page: p}
		c.Lessons, _ = d.strs("lessons")
		if len(c.Lessons) == 0 {
			d.errorf(fm.Line, 1, "a course needs lessons: add `lessons: [lectures/SLUG, cases/SLUG]` in the order to study them")
		}
		return c
	default:
		return &model.Chapter{Page: p}
	}
}

func decodeAwards(d *decoder) []model.Award {
	f := d.get("awards")
	if f == nil {
		return nil
	}
	if !f.Value.IsList {
		d.errorf(f.Value.Line, f.Value.Col, "awards must be a list of {year: 2021, title: 江汉区优秀社区工作者}")
		return nil
	}
	var out []model.Award
	for _, it := range f.Value.List {
		if !it.IsMap {
			d.errorf(it.Line, it.Col, "each award needs a year and a title: {year: 2021, title: 江汉区优秀社区工作者}")
			continue
		}
		var a model.Award
		hasYear := false
		for _, kv := range it.Map {
			switch kv.Key {
			case "year":
				y, ok := atoi(kv.Value.Scalar)
				if !ok || y < 1949 || y > 2100 {
					d.errorf(kv.Value.Line, kv.Value.Col, "award year %q is not a year: write it like 2021", kv.Value.Scalar)
				}
				a.Year, hasYear = y, true
			case "title":
				a.Title = strings.TrimSpace(kv.Value.Scalar)
			default:
				d.errorf(kv.Line, kv.Col, "unknown award field %q: an award has year and title%s", kv.Key, diag.DidYouMean(kv.Key, []string{"year", "title"}))
			}
		}
		if !hasYear {
			d.errorf(it.Line, it.Col, "award has no year: add year: 2021")
		}
		if a.Title == "" {
			d.errorf(it.Line, it.Col, "award has no title: add title: 江汉区优秀社区工作者")
		}
		out = append(out, a)
	}
	return out
}

func atoi(s string) (int, bool) {
	n := 0
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return 0, false
		}
		n = n*10 + int(r-'0')
	}
	return n, true
}

// checkSlug rejects slugs that would break a URL.
func checkSlug(d *decoder, s string, line, col int) {
	if strings.ContainsAny(s, "/\\?#% \t") || strings.HasPrefix(s, ".") {
		d.errorf(line, col, "slug %q cannot be used in a URL: use letters, digits and hyphens, e.g. lift-seven-floors", s)
	}
}

func firstOr(xs []string, def string) string {
	if len(xs) > 0 {
		return xs[0]
	}
	return def
}
