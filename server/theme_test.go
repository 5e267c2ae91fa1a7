package server

import (
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A site with no theme of its own gets one file of its own while serve
// runs: that file takes the built-in one's place, the rest of the theme is
// still the built-in one, and deleting the file brings the built-in one
// back.
func TestServeThemeOneFile(t *testing.T) {
	root := copySite(t)
	if err := os.RemoveAll(filepath.Join(root, "themes")); err != nil {
		t.Fatal(err)
	}
	d := startDev(t, root)
	browser := listen(t, d.url)
	browser.waitFor(t, "hello")
	const page = "/cases/noise-dispute/"

	t.Run("一个模板", func(t *testing.T) {
		writeFile(t, root, "themes/default/templates/case.html",
			`{{define "main"}}<article class="our-case"><h1>{{.Page.Title}}</h1>{{.Page.HTML}}</article>{{end}}`)
		browser.until(t, "the site's case template is used", func() bool {
			_, body := d.page(t, page)
			return strings.Contains(body, `<article class="our-case">`) && strings.Contains(body, "site-header")
		})
		if err := os.Remove(filepath.Join(root, "themes", "default", "templates", "case.html")); err != nil {
			t.Fatal(err)
		}
		browser.until(t, "the built-in case template is back", func() bool {
			_, body := d.page(t, page)
			return !strings.Contains(body, "our-case") && strings.Contains(body, `<article class="doc case"`)
		})
	})

	t.Run("一个样式表", func(t *testing.T) {
		// The first file makes its folders, which reloads the pages; an
		// edit after that swaps the stylesheet in place.
		writeFile(t, root, "themes/default/assets/css/site.css", "body { color: #222; }\n")
		browser.until(t, "the pages name the site's stylesheet", func() bool {
			_, body := d.page(t, page)
			i := strings.Index(body, `href="/assets/css/site.`)
			if i < 0 {
				return false
			}
			href := strings.SplitN(body[i+6:], `"`, 2)[0]
			return strings.Contains(fetch(t, http.DefaultClient, "GET", d.url+href).body, "color: #222")
		})
		writeFile(t, root, "themes/default/assets/css/site.css", "/* 我们街道的样式 */ body { color: #222; }\n")
		e := browser.waitFor(t, "css")
		var c struct{ Href string }
		if err := json.Unmarshal(e.data, &c); err != nil {
			t.Fatal(err)
		}
		r := fetch(t, http.DefaultClient, "GET", d.url+c.Href)
		if r.status != 200 || !strings.Contains(r.body, "我们街道的样式") {
			t.Errorf("the site's stylesheet: %d %.80s", r.status, r.body)
		}
	})
}
