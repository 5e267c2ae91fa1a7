package render

import (
	"io/fs"
	"strings"
	"testing"
	"text/template/parse"
	"unicode"

	"github.com/jianghan-district/jianghan/generator/model"
	"github.com/jianghan-district/jianghan/internal/msg"
	"github.com/jianghan-district/jianghan/themes"
)

// themeTrees parses every template of the default theme and returns their
// parse trees by name.
func themeTrees(t *testing.T) map[string]*parse.Tree {
	t.Helper()
	theme := themes.Default()
	files, err := fs.Glob(theme, "templates/*.html")
	if err != nil {
		t.Fatal(err)
	}
	parts, _ := fs.Glob(theme, "templates/partials/*.html")
	trees := map[string]*parse.Tree{}
	r := &Renderer{lang: msg.Zh}
	funcs := map[string]any{}
	for k, v := range r.funcs() {
		funcs[k] = v
	}
	for _, f := range append(files, parts...) {
		b, err := fs.ReadFile(theme, f)
		if err != nil {
			t.Fatal(err)
		}
		ts, err := parse.Parse(f, string(b), "{{", "}}", funcs, builtins)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		for name, tree := range ts {
			trees[f+":"+name] = tree
		}
	}
	if len(trees) < len(layouts) {
		t.Fatalf("parsed %d templates, want at least %d", len(trees), len(layouts))
	}
	return trees
}

// builtins are text/template's own functions, which parse needs to know.
var builtins = map[string]any{"and": 0, "or": 0, "not": 0, "len": 0, "index": 0, "print": 0, "printf": 0,
	"println": 0, "eq": 0, "ne": 0, "lt": 0, "le": 0, "gt": 0, "ge": 0, "html": 0, "js": 0, "urlquery": 0, "call": 0, "slice": 0}

// walk calls fn on every node of a tree.
func walk(n parse.Node, fn func(parse.Node)) {
	if n == nil {
		return
	}
	fn(n)
	switch x := n.(type) {
	case *parse.ListNode:
		if x == nil {
			return
		}
		for _, c := range x.Nodes {
			walk(c, fn)
		}
	case *parse.ActionNode:
		walk(x.Pipe, fn)
	case *parse.PipeNode:
		if x == nil {
			return
		}
		for _, c := range x.Cmds {
			walk(c, fn)
		}
	case *parse.CommandNode:
		for _, a := range x.Args {
			walk(a, fn)
		}
	case *parse.IfNode:
		walkBranch(&x.BranchNode, fn)
	case *parse.RangeNode:
		walkBranch(&x.BranchNode, fn)
	case *parse.WithNode:
		walkBranch(&x.BranchNode, fn)
	case *parse.TemplateNode:
		walk(x.Pipe, fn)
	}
}

// walkBranch walks an if, range or with.
func walkBranch(b *parse.BranchNode, fn func(parse.Node)) {
	walk(b.Pipe, fn)
	walk(b.List, fn)
	walk(b.ElseList, fn)
}

// TestThemeMessagesExist checks that every message the default theme's
// templates name with {{t "…"}} is in the catalogue, so that no page shows a key or fails to build.
func TestThemeMessagesExist(t *testing.T) {
	used := map[string]bool{}
	for name, tree := range themeTrees(t) {
		walk(tree.Root, func(n parse.Node) {
			c, ok := n.(*parse.CommandNode)
			if !ok || len(c.Args) < 2 {
				return
			}
			if id, ok := c.Args[0].(*parse.IdentifierNode); !ok || id.Ident != "t" {
				return
			}
			switch k := c.Args[1].(type) {
			case *parse.StringNode:
				used[k.Text] = true
			case *parse.PipeNode:
				// The one computed key: a case section's mark, by its role.
				if !strings.Contains(k.String(), `"case.mark."`) {
					t.Errorf("%s: {{t %s}}: name messages with a string, so that this test can check them", name, k)
				}
				for _, role := range []string{"problem", "solution", "outcome", "reflection"} {
					used["case.mark."+role] = true
				}
			default:
				t.Errorf("%s: {{t %s}}: name messages with a string", name, k)
			}
		})
	}
	if len(used) < 50 {
		t.Fatalf("found %d messages in the theme; the walk is missing some", len(used))
	}
	for id := range used {
		if _, ok := msg.Lookup(id); !ok {
			t.Errorf("the theme uses %q, which the catalogue lacks", id)
		}
	}
}

// TestThemeHasNoWordsOfItsOwn checks that the default theme's templates
// hold no Chinese outside comments: every word a reader sees comes from the
// catalogue, in the site's language.
func TestThemeHasNoWordsOfItsOwn(t *testing.T) {
	for name, tree := range themeTrees(t) {
		walk(tree.Root, func(n parse.Node) {
			var s string
			switch x := n.(type) {
			case *parse.TextNode:
				s = string(x.Text)
			case *parse.StringNode:
				s = x.Text
			default:
				return
			}
			if strings.ContainsFunc(s, func(r rune) bool { return unicode.Is(unicode.Han, r) }) {
				t.Errorf("%s holds words of its own, not from the catalogue: %q", name, strings.TrimSpace(s))
			}
		})
	}
}

// TestUnknownMessageFailsThePage checks that a theme naming a message the
// catalogue lacks fails with a message that names it.
func TestUnknownMessageFailsThePage(t *testing.T) {
	r, site := partsRenderer(t, false, map[string]string{"list": `{{define "main"}}{{t "nav.no-such"}}{{end}}`})
	_, err := r.execute("list", &Data{URL: "/cases/", list: []*model.Page{&site.Cases[0].Page}})
	if err == nil || !strings.Contains(err.Error(), `"nav.no-such"`) {
		t.Errorf("rendering with an unknown message: %v", err)
	}
}

func TestLanguageOfThePages(t *testing.T) {
	tests := []struct {
		language string
		want     string // the cases' label
	}{
		{"", "案例"}, {"zh-CN", "案例"}, {"en", "Cases"}, {"en-GB", "Cases"}, {"fr", "案例"},
	}
	for _, tt := range tests {
		t.Run(tt.language, func(t *testing.T) {
			site := &model.Site{Config: model.Config{Language: tt.language}}
			r := &Renderer{site: site, lang: language(site)}
			got, err := r.funcs()["t"].(func(string, ...any) (string, error))("kind.cases")
			if err != nil || got != tt.want {
				t.Errorf("{{t \"kind.cases\"}} = %q, %v; want %q", got, err, tt.want)
			}
		})
	}
}

func TestDuration(t *testing.T) {
	tests := []struct {
		in   string
		lang msg.Lang
		want string
	}{
		{"15m", msg.Zh, "15 分钟"},
		{"1h10m", msg.Zh, "1 小时 10 分钟"},
		{"2h", msg.Zh, "2 小时"},
		{"90s", msg.Zh, "1 分钟 30 秒"},
		{"15m", msg.En, "15 min"},
		{"十五分钟", msg.Zh, "十五分钟"},
	}
	for _, tt := range tests {
		if got := duration(tt.lang, tt.in); got != tt.want {
			t.Errorf("duration(%s, %q) = %q, want %q", tt.lang, tt.in, got, tt.want)
		}
	}
}

func TestChaptersNumbered(t *testing.T) {
	chapters := func(titles ...string) []*model.Chapter {
		var cs []*model.Chapter
		for _, s := range titles {
			c := &model.Chapter{}
			c.Title = s
			cs = append(cs, c)
		}
		return cs
	}
	tests := []struct {
		name   string
		titles []string
		want   bool
	}{
		{"第一章 with an ideographic space", []string{"第一章　社区工作者的角色与伦理", "第二章　走进居民"}, true},
		{"Arabic numbers", []string{"第 1 章 角色", "第 12 章 评估"}, true},
		{"一、 and 1.", []string{"一、角色", "2. 评估"}, true},
		{"English", []string{"Chapter 1 Roles"}, true},
		{"no numbers", []string{"社区工作者的角色", "走进居民"}, false},
		{"one without", []string{"第一章　角色", "走进居民"}, false},
		{"a number inside the title", []string{"社区工作的第一年"}, false},
		{"none", nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := chaptersNumbered(chapters(tt.titles...)); got != tt.want {
				t.Errorf("chaptersNumbered(%q) = %v, want %v", tt.titles, got, tt.want)
			}
		})
	}
}
