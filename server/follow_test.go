package server

import (
	"encoding/json"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jianghan-district/jianghan/generator"
	"github.com/jianghan-district/jianghan/internal/msg"
	"github.com/jianghan-district/jianghan/search"
)

// serve --no-watch, the production server, following `jianghan build`: the
// publisher edits a case and builds, and every reader sees the new build,
// pages and /api/search together.

// noiseCase is the case whose title the tests edit, and its title.
const (
	noiseCase  = "content/cases/noise-dispute.md"
	noisePage  = "/cases/noise-dispute/"
	noiseTitle = "楼上楼下的噪音纠纷"
)

// build runs jianghan build on the site.
func build(t testing.TB, root string) {
	t.Helper()
	if _, err := generator.Build(generator.Options{Root: root}); err != nil {
		t.Fatal(err)
	}
}

// searchTitles asks /api/search and returns the titles of the hits.
func searchTitles(t testing.TB, d *devServer, q string) []string {
	t.Helper()
	r := fetch(t, d.client, "GET", d.url+"/api/search?q="+url.QueryEscape(q))
	if r.status != 200 {
		t.Fatalf("/api/search?q=%s: status %d %s", q, r.status, r.body)
	}
	var res search.Result
	if err := json.Unmarshal([]byte(r.body), &res); err != nil {
		t.Fatal(err)
	}
	var titles []string
	for _, h := range res.Hits {
		titles = append(titles, h.Title)
	}
	return titles
}

// waitSearch waits until /api/search answers.
func waitSearch(t testing.TB, d *devServer) {
	t.Helper()
	deadline := time.Now().Add(patience)
	for {
		r := fetch(t, d.client, "GET", d.url+"/api/search?q=1")
		if r.status == 200 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("/api/search does not answer: %d %s", r.status, r.body)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func has(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// TestProductionFollowsBuild is the publisher's story: serve --no-watch is
// running, a case's title is edited and the site built. The page and
// /api/search must move to the new build together: there is no moment when
// the page shows the new title and the search still answers from the old
// index (the bug this test was written for: the search answered from the
// build serve started with until it was restarted).
func TestProductionFollowsBuild(t *testing.T) {
	root := publishSite(t)
	d := startServe(t, Options{Root: root, NoWatch: true})
	waitSearch(t, d)
	if !has(searchTitles(t, d, "噪音纠纷"), noiseTitle) {
		t.Fatalf("before the edit, /api/search does not find %q", noiseTitle)
	}

	const newTitle = "楼上楼下的噪音纠纷：一场茶话会"
	editFile(t, root, noiseCase, "title: "+noiseTitle, "title: "+newTitle)
	build(t, root)

	deadline := time.Now().Add(patience)
	for {
		_, body := d.page(t, noisePage)
		pageNew := strings.Contains(body, newTitle)
		titles := searchTitles(t, d, "茶话会 噪音纠纷")
		if pageNew && !has(titles, newTitle) {
			t.Fatalf("the page shows the new title but /api/search answers %q: the two builds are mixed", titles)
		}
		if pageNew {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("serve still serves the old build after %s\n%s", patience, d.logs)
		}
		time.Sleep(10 * time.Millisecond)
	}
	if has(searchTitles(t, d, "噪音纠纷"), noiseTitle) {
		t.Error("/api/search still finds the old title")
	}
}

// TestProductionWithoutSearchDocuments: a build whose search documents are
// missing (made by an older jianghan) or damaged is served all the same,
// /api/search answering 503 with the reason, until a good build comes.
func TestProductionWithoutSearchDocuments(t *testing.T) {
	tests := []struct {
		name   string
		spoil  func(path string) error
		reason string
	}{
		{"missing", os.Remove, msg.T(msg.ProdNoServeData)},
		{"damaged", func(p string) error { return os.WriteFile(p, []byte("不是 gzip"), 0o644) }, before(msg.T(msg.ProdBadServeData, "\x00"))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := publishSite(t)
			if err := tt.spoil(filepath.Join(root, "public", generator.ServeFile)); err != nil {
				t.Fatal(err)
			}
			d := startServe(t, Options{Root: root, NoWatch: true})
			if _, body := d.page(t, noisePage); !strings.Contains(body, noiseTitle) {
				t.Fatal("the pages of the build are not served")
			}
			r := fetch(t, d.client, "GET", d.url+"/api/search?q="+url.QueryEscape("噪音"))
			if r.status != http.StatusServiceUnavailable || !strings.Contains(r.body, tt.reason) {
				t.Errorf("/api/search: %d %s; want 503 saying %q", r.status, r.body, tt.reason)
			}
			if h := healthOf(t, d.url); h.Search != "off" || !strings.Contains(h.Reason, tt.reason) {
				t.Errorf("/healthz says search %q (%s)", h.Search, h.Reason)
			}
			if !strings.Contains(d.logs.String(), tt.reason) {
				t.Errorf("the log does not say why search is off:\n%s", d.logs)
			}
			build(t, root)
			waitSearch(t, d)
			if !has(searchTitles(t, d, "噪音纠纷"), noiseTitle) {
				t.Error("after a good build, /api/search does not find the case")
			}
		})
	}
}
