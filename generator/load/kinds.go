package load

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/jianghan-district/jianghan/generator/diag"
	"github.com/jianghan-district/jianghan/generator/model"
	"github.com/jianghan-district/jianghan/internal/msg"
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
func owners() map[string][]model.Kind {
	m := map[string][]model.Kind{}
	for _, k := range model.Kinds {
		for _, f := range kindKeys[k] {
			m[f] = append(m[f], k)
		}
	}
	return m
}

var fieldOwners = owners()

// decodePage fills the common fields and returns the decoder for the kind's own.
func decodePage(p *model.Page, fm *frontMatter, diags *diag.List, cfg *model.Config) *decoder {
	allowed := append(append([]string(nil), commonKeys...), kindKeys[p.Kind]...)
	d := newDecoder(p.Source, fm, diags, allowed)
	d.unknownKeys(p.Kind, fieldOwners)
	p.Fields = d.pos
	p.Title = d.str("title", msg.HintTitle)
	if s := d.choice("slug", msg.Key{}); s != "" {
		p.Slug = s
		if f := d.get("slug"); f != nil {
			checkSlug(d, s, f.Value.Line, f.Value.Col)
		}
	}
	p.Date = d.date("date")
	p.Draft = d.boolean("draft")
	p.Summary = d.str("summary", msg.Key{})
	var pos []model.Pos
	p.Tags, pos = d.strs("tags")
	d.termsOK("tags", p.Tags, pos)
	p.Weight = d.integer("weight")
	p.Workers, _ = d.strs("workers")
	return d
}

// decodeEntry builds the typed value for a page of any kind.
func decodeEntry(p model.Page, fm *frontMatter, diags *diag.List, cfg *model.Config) model.Entry {
	d := decodePage(&p, fm, diags, cfg)
	e := decodeKind(d, p, fm, cfg)
	if line := placeholderLine(p.Body); line > 0 {
		d.unfilledAt(msg.T(msg.BodyWord, p.BodyLine+line-1), p.BodyLine+line-1, 1)
	}
	e.Base().Unfilled = len(d.unfilled)
	d.reportUnfilled()
	return e
}

// placeholderLine is the first line of body (1-based) still marked 待填写,
// or 0.
func placeholderLine(body []byte) int {
	i := bytes.Index(body, []byte(Placeholder))
	if i < 0 {
		return 0
	}
	return 1 + bytes.Count(body[:i], []byte("\n"))
}

// decodeKind reads the fields of the page's own kind.
func decodeKind(d *decoder, p model.Page, fm *frontMatter, cfg *model.Config) model.Entry {
	switch p.Kind {
	case model.Cases:
		return decodeCase(d, p, fm, cfg)
	case model.Lectures:
		l := &model.Lecture{Page: p}
		l.Speaker = d.str("speaker", msg.Key{})
		if s := d.choice("duration", msg.Key{}); s != "" {
			dur, ok := ParseDuration(s)
			if !ok {
				pos := d.pos["duration"]
				d.errorAt(pos.Line, pos.Col, msg.DurationBad, s)
			}
			l.Duration = dur
		}
		l.Video = d.choice("video", msg.Key{})
		l.Objectives, _ = d.list("objectives", true)
		var pos []model.Pos
		l.Topics, pos = d.strs("topics")
		d.vocab(msg.TopicNotIn, l.Topics, pos, cfg.Topics)
		l.Cases, _ = d.strs("cases")
		return l
	case model.Guides:
		g := &model.Guide{Page: p}
		g.Audience = d.str("audience", msg.Key{})
		var pos []model.Pos
		g.Topics, pos = d.strs("topics")
		d.vocab(msg.TopicNotIn, g.Topics, pos, cfg.Topics)
		return g
	case model.Workers:
		return decodeWorker(d, p, cfg)
	case model.Courses:
		c := &model.Course{Page: p}
		c.Lessons, _ = d.strs("lessons")
		if len(c.Lessons) == 0 && !d.hasUnfilled("lessons") {
			d.errorAt(fm.Line, 1, msg.LessonsNeeded)
		}
		return c
	default:
		return &model.Chapter{Page: p}
	}
}

func decodeCase(d *decoder, p model.Page, fm *frontMatter, cfg *model.Config) *model.Case {
	c := &model.Case{Page: p}
	c.Street = d.choice("street", msg.HintStreet)
	if c.Street != "" {
		d.vocab(msg.StreetNotIn, []string{c.Street}, []model.Pos{d.pos["street"]}, cfg.Streets)
	}
	c.Community = d.str("community", msg.Key{})
	var pos []model.Pos
	c.Topics, pos = d.strs("topics")
	if len(c.Topics) == 0 && !d.hasUnfilled("topics") {
		line, col := fm.Line, 1
		if f := d.get("topics"); f != nil {
			line, col = f.Line, f.Col
		}
		d.errorAt(line, col, msg.TopicsNeeded, firstOr(cfg.Topics, "主题"))
	}
	d.vocab(msg.TopicNotIn, c.Topics, pos, cfg.Topics)
	c.Methods, pos = d.strs("methods")
	d.vocab(msg.MethodNotIn, c.Methods, pos, cfg.Methods)
	c.Lectures, _ = d.strs("lectures")
	return c
}

func decodeWorker(d *decoder, p model.Page, cfg *model.Config) *model.Worker {
	w := &model.Worker{Page: p}
	w.Street = d.choice("street", msg.Key{})
	if w.Street != "" {
		d.vocab(msg.StreetNotIn, []string{w.Street}, []model.Pos{d.pos["street"]}, cfg.Streets)
	}
	w.Community = d.str("community", msg.Key{})
	w.Role = d.str("role", msg.Key{})
	w.Certificate = d.choice("certificate", msg.Key{})
	if w.Certificate != "" && !contains(model.Certificates, w.Certificate) {
		pos := d.pos["certificate"]
		d.errorAt(pos.Line, pos.Col, msg.CertificateBad, w.Certificate)
	}
	w.Method = d.str("method", msg.Key{})
	w.Photo = d.choice("photo", msg.Key{})
	w.Awards = decodeAwards(d)
	return w
}

// hasUnfilled reports whether the field holds a value still marked 待填写.
func (d *decoder) hasUnfilled(key string) bool {
	for _, u := range d.unfilled {
		if u.name == key {
			return true
		}
	}
	return false
}

// durationRE reads a length of time as trainers write it in Chinese:
// 15分钟, 1小时10分钟, 1小时, 90 分.
var durationRE = regexp.MustCompile(`^(?:([0-9]+)\s*(?:小时|个小时|时))?\s*(?:([0-9]+)\s*(?:分钟|分))?$`)

// ParseDuration reads a lecture's length, written as Go writes it (15m,
// 1h10m) or in Chinese (15分钟, 1小时10分钟), and returns it in the first
// form; ok is false for anything else, or a length that is not positive.
func ParseDuration(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if d, err := time.ParseDuration(s); err == nil {
		return s, d > 0
	}
	m := durationRE.FindStringSubmatch(s)
	if m == nil || (m[1] == "" && m[2] == "") {
		return s, false
	}
	h, _ := strconv.Atoi(m[1])
	min, _ := strconv.Atoi(m[2])
	if h == 0 && min == 0 {
		return s, false
	}
	var out string
	if h > 0 {
		out = fmt.Sprintf("%dh", h)
	}
	if min > 0 {
		out += fmt.Sprintf("%dm", min)
	}
	return out, true
}

func decodeAwards(d *decoder) []model.Award {
	f := d.get("awards")
	if f == nil {
		return nil
	}
	if !f.Value.IsList {
		d.errorAt(f.Value.Line, f.Value.Col, msg.AwardsNotList)
		return nil
	}
	var out []model.Award
	for _, it := range f.Value.List {
		if !it.IsMap {
			d.errorAt(it.Line, it.Col, msg.AwardNotMap)
			continue
		}
		var a model.Award
		hasYear := false
		for _, kv := range it.Map {
			switch kv.Key {
			case "year":
				y, ok := atoi(kv.Value.Scalar)
				if !ok || y < 1949 || y > 2100 {
					d.errorAt(kv.Value.Line, kv.Value.Col, msg.AwardYearBad, kv.Value.Scalar)
				}
				a.Year, hasYear = y, true
			case "title":
				a.Title = strings.TrimSpace(kv.Value.Scalar)
				if isPlaceholder(a.Title) {
					d.unfilledAt("awards", kv.Value.Line, kv.Value.Col)
				}
			default:
				d.errorAt(kv.Line, kv.Col, msg.AwardUnknown, kv.Key, diag.DidYouMean(kv.Key, []string{"year", "title"}))
			}
		}
		if !hasYear {
			d.errorAt(it.Line, it.Col, msg.AwardNoYear)
		}
		if a.Title == "" {
			d.errorAt(it.Line, it.Col, msg.AwardNoTitle)
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
		d.errorAt(line, col, msg.SlugBad, s)
		return
	}
	slugOK(d, s, line, col)
}

func firstOr(xs []string, def string) string {
	if len(xs) > 0 {
		return xs[0]
	}
	return def
}
