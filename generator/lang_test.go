package generator

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPagesInTheSiteLanguage builds the fixture with language: en in
// site.yaml: the pages' own words (menu, breadcrumbs, facts, list titles,
// pager, the case's table label) come out in English, the content stays as
// written; and with zh-CN they are Chinese.
func TestPagesInTheSiteLanguage(t *testing.T) {
	tests := []struct {
		language string
		want     map[string][]string // output file → what it must hold
		not      []string            // what no page may hold
	}{
		{"en", map[string][]string{
			"index.html":             {`<html lang="en"`, `>Cases</a>`, `>Micro-lectures</a>`, `>Exemplar workers</a>`, `>Menu</button>`, `>Newest cases</h2>`},
			"cases/lift/index.html":  {`>Home</a>`, `>Street</dt>`, `aria-label="On this page"`, `>Related lectures</h2>`, `lesson 2 of 3`},
			"cases/index.html":       {`<h1>Cases</h1>`, `Page 1 of 2`},
			"handbook/index.html":    {`<h1>Handbook</h1>`, `Print the whole handbook`},
			"404.html":               {`<h1>Page not found</h1>`, `Back to the home page`},
			"search/index.html":      {`placeholder="e.g.`},
			"topics/居民自治/index.html": {`Topic: 居民自治`},
		}, []string{">案例</a>", "本页目录", "跳到正文", ">菜单<"}},
		{"zh-CN", map[string][]string{
			"index.html":            {`<html lang="zh-CN"`, `>案例</a>`, `>微课</a>`, `>优秀社区工作者</a>`, `>菜单</button>`},
			"cases/lift/index.html": {`>首页</a>`, `>街道</dt>`, `aria-label="本页目录"`},
		}, []string{">Cases</a>", "On this page"}},
	}
	for _, tt := range tests {
		t.Run(tt.language, func(t *testing.T) {
			root := copyDir(t, fixture)
			cfg := filepath.Join(root, "content", "site.yaml")
			b, err := os.ReadFile(cfg)
			if err != nil {
				t.Fatal(err)
			}
			b = []byte(strings.Replace(string(b), "language: zh-CN", "language: "+tt.language, 1))
			if err := os.WriteFile(cfg, b, 0o644); err != nil {
				t.Fatal(err)
			}
			out := build(t, Options{Root: root})
			for file, wants := range tt.want {
				page, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(file)))
				if err != nil {
					t.Fatal(err)
				}
				for _, w := range wants {
					if !strings.Contains(string(page), w) {
						t.Errorf("%s lacks %q", file, w)
					}
				}
				for _, n := range tt.not {
					if strings.Contains(string(page), n) {
						t.Errorf("%s holds %q, not in the site's language", file, n)
					}
				}
			}
		})
	}
}
