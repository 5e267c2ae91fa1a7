package render

import (
	"html/template"
	"regexp"
	"strings"
	"time"

	"github.com/jianghan-district/jianghan/generator/model"
	"github.com/jianghan-district/jianghan/internal/msg"
)

// funcs are the functions templates call besides Data's methods. The words
// they return come from the message catalogue in the site's language
// (site.yaml language), so that a theme holds no interface text of its own:
//
//	{{t "nav.menu"}}             a message by its name
//	{{t "pager.position" 2 5}}   a message with arguments
//	{{label .Kind}}              a kind's name: 案例, 微课…
//	{{taxLabel "topics"}}        a taxonomy's name: 主题, 街道…
//	{{minutes "1h10m"}}          a duration: 1 小时 10 分钟
//	{{navKinds}}                 the kinds in the order of the main menu
//	{{chaptersNumbered .Site.Chapters}}  whether chapter titles carry their number
func (r *Renderer) funcs() template.FuncMap {
	l := r.lang
	return template.FuncMap{
		"t":                func(id string, args ...any) (string, error) { return text(l, id, args...) },
		"label":            func(k model.Kind) string { return l.T(k.Key()) },
		"taxLabel":         func(t model.Taxonomy) string { return l.T(t.Key()) },
		"minutes":          func(s string) string { return duration(l, s) },
		"navKinds":         func() []model.Kind { return navKinds },
		"chaptersNumbered": chaptersNumbered,
		"dict":             dict,
		"chapter":          chapterHTML,
	}
}

// language is the catalogue language of the site's pages: site.yaml's
// language, Chinese when it names none the catalogue holds.
func language(site *model.Site) msg.Lang {
	l, _ := msg.Parse(site.Config.Language)
	return l
}

// navKinds are the sections of the main menu, in its order: what a worker
// reads most first.
var navKinds = []model.Kind{model.Cases, model.Lectures, model.Courses, model.Guides, model.Workers, model.Handbook}

// text looks a message up by the name templates write, {{t "nav.menu"}},
// and formats it with args. A name the catalogue lacks fails the page, so
// that a theme's typo shows at once rather than as a key on the page.
func text(l msg.Lang, id string, args ...any) (string, error) {
	k, ok := msg.Lookup(id)
	if !ok {
		return "", msg.Errorf(msg.ThemeUnknownKey, id)
	}
	return l.T(k, args...), nil
}

// duration writes a lecture's length as front matter gives it ("15m",
// "1h10m") in words: 15 分钟, 1 小时 10 分钟. What does not parse is
// shown as written (load has reported it).
func duration(l msg.Lang, s string) string {
	d, err := time.ParseDuration(s)
	if err != nil || d <= 0 {
		return s
	}
	var parts []string
	if h := int(d / time.Hour); h > 0 {
		parts = append(parts, l.T(msg.DurationHours, h))
	}
	if m := int(d % time.Hour / time.Minute); m > 0 {
		parts = append(parts, l.T(msg.DurationMinutes, m))
	}
	if sec := int(d % time.Minute / time.Second); sec > 0 {
		parts = append(parts, l.T(msg.DurationSeconds, sec))
	}
	return strings.Join(parts, " ")
}

// ownNumber matches a chapter title that carries its number: 第一章 …,
// 第 3 章 …, 一、…, 3. …, Chapter 3 ….
var ownNumber = regexp.MustCompile(`^\s*(第\s*[0-9０-９一二三四五六七八九十百零〇两]+\s*[章篇部节]|[0-9０-９]+\s*[.、．]|[一二三四五六七八九十]+、|(?i:chapter)\s+[0-9]+)`)

// chaptersNumbered reports whether every chapter's title carries its own
// number, as "第一章 社区工作者的角色与伦理" does: lists of chapters then
// leave out their own numbers, so that a chapter is not numbered twice
// ("1. 第一章 …").
func chaptersNumbered(chapters []*model.Chapter) bool {
	for _, c := range chapters {
		if !ownNumber.MatchString(c.Title) {
			return false
		}
	}
	return len(chapters) > 0
}

// dict lets a template pass several values to a partial:
// {{template "card" (dict "D" $d "P" .)}}.
func dict(kv ...any) (map[string]any, error) {
	if len(kv)%2 != 0 {
		return nil, msg.Errorf(msg.DictPairs)
	}
	m := make(map[string]any, len(kv)/2)
	for i := 0; i < len(kv); i += 2 {
		k, ok := kv[i].(string)
		if !ok {
			return nil, msg.Errorf(msg.DictKey, kv[i])
		}
		m[k] = kv[i+1]
	}
	return m, nil
}
