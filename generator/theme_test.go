package generator

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// fixtureWith copies the test fixture into a new folder, with extra files.
func fixtureWith(t *testing.T, extra map[string]string) string {
	t.Helper()
	root := t.TempDir()
	if err := os.CopyFS(root, os.DirFS(fixture)); err != nil {
		t.Fatal(err)
	}
	for name, text := range extra {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

func appendFile(t *testing.T, name, text string) {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, append(b, text...), 0o644); err != nil {
		t.Fatal(err)
	}
}

func read(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// A site restyles the theme file by file: one stylesheet, or one template,
// and the rest is the built-in theme.
func TestThemeOverridesOneFile(t *testing.T) {
	t.Run("only a stylesheet", func(t *testing.T) {
		root := fixtureWith(t, map[string]string{
			"themes/default/assets/css/site.css": "/* 我们街道的样式 */ body { color: #222; }\n",
		})
		out := build(t, Options{Root: root})
		css, _ := filepath.Glob(filepath.Join(out, "assets", "css", "site.*.css"))
		if len(css) != 1 || !strings.Contains(read(t, css[0]), "我们街道的样式") {
			t.Fatalf("the site's stylesheet is not the one published: %v", css)
		}
		if !strings.Contains(read(t, filepath.Join(out, "cases", "lift", "index.html")), `<article class="doc case"`) {
			t.Error("the built-in templates were not used for the rest")
		}
	})
	t.Run("only a case template", func(t *testing.T) {
		root := fixtureWith(t, map[string]string{
			"themes/default/templates/case.html": `{{define "main"}}<article class="our-case"><h1>{{.Page.Title}}</h1>{{.Page.HTML}}</article>{{end}}`,
		})
		out := build(t, Options{Root: root})
		if !strings.Contains(read(t, filepath.Join(out, "cases", "lift", "index.html")), `<article class="our-case">`) {
			t.Error("the site's case template was not used")
		}
		if !strings.Contains(read(t, filepath.Join(out, "lectures", "consultation-steps", "index.html")), "site-header") {
			t.Error("the other pages lost the built-in base template")
		}
	})
	t.Run("a template with a mistake", func(t *testing.T) {
		root := fixtureWith(t, map[string]string{
			"themes/default/templates/case.html": `{{define "main"}}{{.Page.Title{{end}}`,
		})
		t.Setenv("JIANGHAN_CACHE_DIR", t.TempDir())
		_, err := Build(Options{Root: root, Out: filepath.Join(t.TempDir(), "public")})
		if err == nil || !strings.Contains(err.Error(), "主题模板 templates/case.html 有错") {
			t.Errorf("err = %v", err)
		}
	})
}

// site.yaml's theme block restyles with no template copied.
func TestThemeBlock(t *testing.T) {
	root := fixtureWith(t, map[string]string{"content/static/img/logo.svg": `<svg xmlns="http://www.w3.org/2000/svg" width="32" height="32"/>`})
	appendFile(t, filepath.Join(root, "content", "site.yaml"), "theme:\n  color: \"#8B1A1A\"\n  logo: img/logo.svg\n  footer: 江汉区民政局主办 · 内部学习使用\n")
	out := build(t, Options{Root: root, BaseURL: "/jianghan/"})
	page := read(t, filepath.Join(out, "cases", "lift", "index.html"))
	for _, want := range []string{
		`<meta name="theme-color" content="#8b1a1a">`,
		`.site-header{background:#8b1a1a}`,
		`<img class="logo" src="/jianghan/img/logo.svg" alt="" height="32">`,
		`<p>江汉区民政局主办 · 内部学习使用</p>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %s", want)
		}
	}
	if regexp.MustCompile(`ZgotmplZ`).MatchString(page) {
		t.Error("the template escaper rejected a theme value")
	}
}
