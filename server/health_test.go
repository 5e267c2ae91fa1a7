package server

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jianghan-district/jianghan/generator"
)

// markerHash is the content hash /healthz should report for the build now
// in the site's public/ folder.
func markerHash(t testing.TB, root string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(root, "public", ".jianghan-build"))
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// healthOf asks /healthz.
func healthOf(t testing.TB, base string) health {
	t.Helper()
	r := fetch(t, http.DefaultClient, "GET", base+"/healthz")
	if r.status != 200 {
		t.Fatalf("/healthz: status %d", r.status)
	}
	var h health
	if err := json.Unmarshal([]byte(r.body), &h); err != nil {
		t.Fatalf("/healthz: %v\n%s", err, r.body)
	}
	return h
}

func TestHealthz(t *testing.T) {
	root := publishSite(t)
	d := startServe(t, Options{Root: root, NoWatch: true})
	waitSearch(t, d)
	st, err := os.Stat(filepath.Join(root, "public", ".jianghan-build"))
	if err != nil {
		t.Fatal(err)
	}
	h := healthOf(t, d.url)
	if h.Status != "ok" || h.Search != "ready" || h.Build.Hash != markerHash(t, root) || h.Documents < 40 {
		t.Errorf("/healthz %+v; want ok, ready, hash %s and the library's pages", h, markerHash(t, root))
	}
	if got, err := time.Parse(time.RFC3339, h.Build.Time); err != nil || !got.Equal(st.ModTime().Truncate(time.Second)) {
		t.Errorf("/healthz time %q (%v), want the build's %s", h.Build.Time, err, st.ModTime())
	}
	r := fetch(t, http.DefaultClient, "GET", d.url+"/healthz")
	if r.header.Get("Cache-Control") != "no-store" || r.header.Get("Content-Type") != "application/json; charset=utf-8" {
		t.Errorf("/healthz headers %v", r.header)
	}
	if r := fetch(t, http.DefaultClient, "HEAD", d.url+"/healthz"); r.status != 200 || r.body != "" {
		t.Errorf("HEAD /healthz: %d %q", r.status, r.body)
	}
}

func TestHealthzUnderSubPath(t *testing.T) {
	root := copySite(t)
	t.Setenv("JIANGHAN_CACHE_DIR", t.TempDir())
	if _, err := generator.Build(generator.Options{Root: root, BaseURL: "/jianghan/"}); err != nil {
		t.Fatal(err)
	}
	// Build writes base_url only through the option; serve reads it from
	// the build, not from site.yaml.
	d := startServeAt(t, Options{Root: root, NoWatch: true}, "/jianghan/")
	for _, p := range []string{"/healthz", "/jianghan/healthz"} {
		if r := fetch(t, http.DefaultClient, "GET", d.url+p); r.status != 200 || !strings.Contains(r.body, markerHash(t, root)) {
			t.Errorf("%s: %d %s", p, r.status, r.body)
		}
	}
	if r := fetch(t, rawClient(), "GET", d.url+"/"); r.status != http.StatusMovedPermanently || r.header.Get("Location") != "/jianghan/" {
		t.Errorf("/: %d, Location %q", r.status, r.header.Get("Location"))
	}
}
