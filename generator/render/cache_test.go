package render

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/jianghan-district/jianghan/generator/model"
	"github.com/jianghan-district/jianghan/generator/urls"
)

// partsRenderer makes a renderer over a site of two cases with a theme whose
// partials count how often they are made. layout, when set, replaces a
// layout's template.
// layouts are the page templates of the built-in theme, for the tests'
// small themes that must offer every one the renderer executes.
var layouts = []string{"home", "list", "case", "lecture", "guide", "worker", "course", "chapter",
	"handbook", "print", "term", "taxonomy", "search", "404"}

func partsRenderer(t *testing.T, portable bool, layout map[string]string) (*Renderer, *model.Site) {
	t.Helper()
	a, b := &model.Case{Street: "水塔街道"}, &model.Case{Street: "民族街道"}
	a.Kind, a.Slug, a.Title = model.Cases, "lift", "加装电梯"
	b.Kind, b.Slug, b.Title = model.Cases, "visits", "入户走访"
	a.Date = time.Date(2023, 4, 18, 0, 0, 0, 0, time.UTC)
	site := &model.Site{Cases: []*model.Case{a, b}}
	site.Index()
	theme := fstest.MapFS{
		"assets/css/site.css": {Data: []byte("body{}")},
		"templates/base.html": {Data: []byte(`{{.Shared "top"}}|{{block "main" .}}{{end}}`)},
		"templates/partials/parts.html": {Data: []byte(
			`{{define "top"}}<a href="{{.Link "/cases/"}}">{{.Kind}}</a>{{range .Crumbs}}<a href="{{$.Link .URL}}">{{.Title}}</a>{{end}}{{end}}` +
				`{{define "card"}}<li><a href="{{.D.PageLink .P}}">{{.P.Title}}</a> {{.P.DateString}}</li>{{end}}` +
				`{{define "outer"}}<li>{{.D.Part "card" .P}}</li>{{end}}` +
				`{{define "tag"}}<a href="{{.D.TermLink .T .N}}">{{.N}}</a>{{end}}`)},
	}
	for _, l := range layouts {
		src := `{{define "main"}}{{.Parts "card" .List}}{{end}}`
		if s, ok := layout[l]; ok {
			src = s
		}
		theme["templates/"+l+".html"] = &fstest.MapFile{Data: []byte(src)}
	}
	r, err := New(site, theme, Options{Linker: urls.Linker{Base: "/", Portable: portable}})
	if err != nil {
		t.Fatal(err)
	}
	return r, site
}

// render runs a layout on a page at url listing pages.
func render(t *testing.T, r *Renderer, layout, url string, kind model.Kind, pages ...*model.Page) string {
	t.Helper()
	b, err := r.execute(layout, &Data{URL: url, Kind: kind, list: pages})
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// variants counts the variants kept of a partial.
func variants(r *Renderer, name string) int {
	n := 0
	for s, vs := range r.parts.parts {
		if s.name == name {
			n += len(vs)
		}
	}
	return n
}

func TestPartReusedUntilForgotten(t *testing.T) {
	r, site := partsRenderer(t, false, nil)
	a, b := &site.Cases[0].Page, &site.Cases[1].Page
	got := render(t, r, "list", "/cases/", model.Cases, a, b)
	want := `<a href="/cases/">cases</a>|<li><a href="/cases/lift/">加装电梯</a> 2023-04-18</li><li><a href="/cases/visits/">入户走访</a> </li>`
	if got != want {
		t.Fatalf("got\n%s\nwant\n%s", got, want)
	}
	if again := render(t, r, "term", "/topics/x/", "", b, a); again != `<a href="/cases/"></a>|<li><a href="/cases/visits/">入户走访</a> </li><li><a href="/cases/lift/">加装电梯</a> 2023-04-18</li>` {
		t.Errorf("term page: %s", again)
	}
	if n := variants(r, "card"); n != 2 {
		t.Errorf("%d cards kept, want one per page", n)
	}

	// serve updates a page in place, then calls Forget: its card is made
	// again.
	c := *site.Cases[0]
	c.Title = "七层老楼加装电梯"
	c.Date = time.Time{}
	*site.Cases[0] = c
	if got := render(t, r, "list", "/cases/", model.Cases, a); strings.Contains(got, "七层老楼加装电梯") {
		t.Errorf("the card was made again, not reused: %s", got)
	}
	r.Forget()
	if got := render(t, r, "list", "/cases/", model.Cases, a); !strings.Contains(got, "七层老楼加装电梯") || strings.Contains(got, "2023") {
		t.Errorf("stale card after an edit and Forget: %s", got)
	}
}

func TestSharedKeyedByKindAndTrail(t *testing.T) {
	r, _ := partsRenderer(t, false, nil)
	cases := render(t, r, "list", "/cases/", model.Cases)
	if render(t, r, "list", "/lectures/", model.Lectures) == cases {
		t.Error("the shared partial of one kind shown on another")
	}
	d := &Data{URL: "/topics/x/", Crumbs: []Crumb{{Title: "按主题浏览", URL: "/topics/"}}}
	b, err := r.execute("term", d)
	if err != nil || !strings.Contains(string(b), `<a href="/topics/">按主题浏览</a>`) {
		t.Errorf("crumbs: %s %v", b, err)
	}
	d = &Data{URL: "/streets/y/", Crumbs: []Crumb{{Title: "按街道浏览", URL: "/streets/"}}}
	b, err = r.execute("term", d)
	if err != nil || !strings.Contains(string(b), `<a href="/streets/">按街道浏览</a>`) {
		t.Errorf("crumbs of another trail: %s %v", b, err)
	}
}

func TestPartPortable(t *testing.T) {
	r, site := partsRenderer(t, true, map[string]string{
		"term": `{{define "main"}}{{range .List}}{{$.Part "outer" .}}{{end}}{{$.TermPart "tag" "topics" "居民自治"}}{{end}}`,
	})
	a := &site.Cases[0].Page
	render(t, r, "list", "/topics/x/", "", a) // the card is made before the outer partial
	for _, c := range []struct{ url, want string }{
		{"/topics/x/", `<li><li><a href="../../cases/lift/index.html">加装电梯</a> 2023-04-18</li></li><a href="../%e5%b1%85%e6%b0%91%e8%87%aa%e6%b2%bb/index.html">居民自治</a>`},
		{"/streets/y/", `<li><li><a href="../../cases/lift/index.html">加装电梯</a> 2023-04-18</li></li><a href="../../topics/%e5%b1%85%e6%b0%91%e8%87%aa%e6%b2%bb/index.html">居民自治</a>`},
		{"/cases/visits/", `<li><li><a href="../lift/index.html">加装电梯</a> 2023-04-18</li></li><a href="../../topics/%e5%b1%85%e6%b0%91%e8%87%aa%e6%b2%bb/index.html">居民自治</a>`},
		{"/methods/z/", `<li><li><a href="../../cases/lift/index.html">加装电梯</a> 2023-04-18</li></li><a href="../../topics/%e5%b1%85%e6%b0%91%e8%87%aa%e6%b2%bb/index.html">居民自治</a>`},
		{"/topics/x/page/2/", `<li><li><a href="../../../../cases/lift/index.html">加装电梯</a> 2023-04-18</li></li><a href="../../../%e5%b1%85%e6%b0%91%e8%87%aa%e6%b2%bb/index.html">居民自治</a>`},
	} {
		got := render(t, r, "term", c.url, "", a)
		if i := strings.IndexByte(got, '|'); i < 0 || got[i+1:] != c.want {
			t.Errorf("%s:\ngot  %s\nwant %s", c.url, got, c.want)
		}
	}
	// The card from /topics/x/, /streets/y/ and /methods/z/ is one; the
	// outer partial, which only holds the card, must not be taken from
	// /streets/y/ to /cases/visits/, where the card's link differs.
	if n := variants(r, "card"); n != 3 {
		t.Errorf("%d cards kept, want 3", n)
	}
	if n := variants(r, "outer"); n != 3 {
		t.Errorf("%d outer partials kept, want 3", n)
	}
}

func TestLayoutRedefiningAPartial(t *testing.T) {
	r, site := partsRenderer(t, false, map[string]string{
		"list": `{{define "main"}}{{.Parts "card" .List}}{{end}}{{define "card"}}<p>{{.P.Title}}</p>{{end}}`,
	})
	if r.groups["list"] != "list" || r.groups["term"] != "" {
		t.Errorf("groups %v", r.groups)
	}
	a := &site.Cases[0].Page
	if got := render(t, r, "list", "/cases/", model.Cases, a); !strings.HasSuffix(got, "|<p>加装电梯</p>") {
		t.Errorf("list: %s", got)
	}
	if got := render(t, r, "term", "/topics/x/", "", a); !strings.HasSuffix(got, `|<li><a href="/cases/lift/">加装电梯</a> 2023-04-18</li>`) {
		t.Errorf("term: %s", got)
	}
}

func TestSameLinks(t *testing.T) {
	dirs := []string{"/", "/cases/", "/cases/a/", "/cases/b/", "/cases/page/2/", "/cases/page/3/", "/topics/",
		"/topics/居民自治/", "/topics/居民自治/page/2/", "/streets/x/", "/handbook/print/", "/lectures/a/"}
	targets := []string{"/", "/cases/", "/cases/a/", "/cases/b/", "/topics/居民自治/", "/index.xml",
		"/assets/css/site.css", "/handbook/roles/#问题", "/cases/a/photo.jpg"}
	for _, x := range dirs {
		for _, y := range dirs {
			for _, tg := range targets {
				if sameLinks(x, y, []string{tg}) && urls.Rel(x, tg) != urls.Rel(y, tg) {
					t.Errorf("%s and %s write %s as %s and %s", x, y, tg, urls.Rel(x, tg), urls.Rel(y, tg))
				}
			}
		}
	}
	shell := []string{"/", "/cases/", "/topics/居民自治/", "/index.xml", "/assets/css/site.css"}
	if !sameLinks("/cases/a/", "/cases/b/", shell) || !sameLinks("/topics/x/", "/streets/y/", []string{"/cases/a/"}) {
		t.Error("pages that write links alike are told apart")
	}
}
