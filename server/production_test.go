package server

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// The production server (--no-watch) on a built copy of the sample
// library: what an intranet gets with no other web server in front.

// secret is the text of a file outside the site folder that no request
// may read.
const secret = "机密：不得外传"

// productionSite builds the sample, puts a secret beside the output and
// symbolic links to it inside, and serves the output.
func productionSite(t *testing.T) (string, *httptest.Server) {
	t.Helper()
	out := buildSite(t, "")
	outside := filepath.Dir(out)
	if err := os.WriteFile(filepath.Join(outside, "secret.txt"), []byte(secret), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(outside, "secret.txt"), filepath.Join(out, "leak.txt")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(out, "cases", "leakdir")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("../../secret.txt", filepath.Join(out, "cases", "relative-leak.txt")); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(FileServer(out, "/"))
	t.Cleanup(srv.Close)
	return out, srv
}

// rawGet sends a request line exactly as written, past any client-side
// cleaning, and returns the status and body.
func rawGet(t *testing.T, addr, target string) (int, string) {
	t.Helper()
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(10 * time.Second))
	if _, err := io.WriteString(conn, "GET "+target+" HTTP/1.1\r\nHost: jianghan.test\r\nConnection: close\r\n\r\n"); err != nil {
		t.Fatal(err)
	}
	res, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b)
}

func TestNoPathEscapes(t *testing.T) {
	_, srv := productionSite(t)
	addr := strings.TrimPrefix(srv.URL, "http://")
	tests := []struct {
		name, target string
	}{
		{"dot-dot", "/../secret.txt"},
		{"dot-dot deeper", "/cases/../../secret.txt"},
		{"encoded dots", "/%2e%2e/secret.txt"},
		{"encoded dots upper case", "/%2E%2E/secret.txt"},
		{"encoded slash", "/..%2fsecret.txt"},
		{"encoded slash upper case", "/cases%2F..%2F..%2Fsecret.txt"},
		{"double encoded", "/%252e%252e/secret.txt"},
		{"backslash", `/..\secret.txt`},
		{"encoded backslash", "/..%5csecret.txt"},
		{"NUL", "/index.html%00/../../secret.txt"},
		{"symlink to a file outside", "/leak.txt"},
		{"relative symlink outside", "/cases/relative-leak.txt"},
		{"symlink to a folder outside", "/cases/leakdir/secret.txt"},
		{"two slashes", "//secret.txt"},
		{"absolute form", "http://jianghan.test/../secret.txt"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, body := rawGet(t, addr, tt.target)
			if status == http.StatusOK || strings.Contains(body, secret) {
				t.Fatalf("%s: status %d, body %.80q: the file outside the site was served", tt.target, status, body)
			}
			if status != http.StatusBadRequest && status != http.StatusNotFound {
				t.Errorf("%s: status %d, want 400 or 404", tt.target, status)
			}
		})
	}
}

func TestProductionAnswers(t *testing.T) {
	out, srv := productionSite(t)
	c := rawClient()
	css, _ := filepath.Glob(filepath.Join(out, "assets", "css", "site.*.css"))
	js, _ := filepath.Glob(filepath.Join(out, "assets", "js", "site.*.js"))
	gz, _ := filepath.Glob(filepath.Join(out, "search", "*.gz"))
	if len(css) != 1 || len(js) != 1 || len(gz) == 0 {
		t.Fatalf("the build lacks assets or a search index: %v %v %v", css, js, gz)
	}
	rel := func(p string) string { r, _ := filepath.Rel(out, p); return "/" + filepath.ToSlash(r) }
	tests := []struct {
		name, path  string
		status      int
		ctype       string
		cache       string
		contains    string
		noEncodings bool
	}{
		{"home", "/", 200, "text/html; charset=utf-8", "no-cache", "江汉区社区工作案例课程库", false},
		{"case page", "/cases/noise-dispute/", 200, "text/html; charset=utf-8", "no-cache", "楼上楼下的噪音纠纷", false},
		{"stylesheet", rel(css[0]), 200, "text/css; charset=utf-8", "public, max-age=31536000, immutable", "", false},
		{"script", rel(js[0]), 200, "text/javascript; charset=utf-8", "public, max-age=31536000, immutable", "", false},
		{"feed", "/index.xml", 200, "application/xml; charset=utf-8", "no-cache", "<rss", false},
		{"sitemap", "/sitemap.xml", 200, "application/xml; charset=utf-8", "no-cache", "<urlset", false},
		{"bundle image", "/cases/lift-seven-floors/chart.svg", 200, "image/svg+xml", "no-cache", "<svg", false},
		{"search meta", "/search/meta.json", 200, "application/json", "no-cache", "", false},
		{"search shard", rel(gz[0]), 200, "application/gzip", "no-cache", "", true},
		{"missing page", "/cases/no-such-case/", 404, "text/html; charset=utf-8", "no-store", "页面不存在", false},
		{"no folder listing", "/assets/", 404, "text/html; charset=utf-8", "no-store", "页面不存在", false},
		{"no folder listing deeper", "/assets/css/", 404, "text/html; charset=utf-8", "no-store", "", false},
		{"hidden build marker", "/.jianghan-build", 404, "text/html; charset=utf-8", "no-store", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := fetch(t, c, "GET", srv.URL+tt.path, "Accept-Encoding", "gzip")
			if r.status != tt.status {
				t.Fatalf("status %d, want %d", r.status, tt.status)
			}
			if got := r.header.Get("Content-Type"); got != tt.ctype {
				t.Errorf("Content-Type %q, want %q", got, tt.ctype)
			}
			if got := r.header.Get("Cache-Control"); got != tt.cache {
				t.Errorf("Cache-Control %q, want %q", got, tt.cache)
			}
			if tt.noEncodings && r.header.Get("Content-Encoding") != "" {
				t.Errorf("Content-Encoding %q: the browser search inflates .gz itself", r.header.Get("Content-Encoding"))
			}
			body := r.body
			if r.header.Get("Content-Encoding") == "gzip" {
				zr, err := gzip.NewReader(strings.NewReader(body))
				if err != nil {
					t.Fatal(err)
				}
				b, err := io.ReadAll(zr)
				if err != nil {
					t.Fatal(err)
				}
				body = string(b)
			}
			if !strings.Contains(body, tt.contains) {
				t.Errorf("body does not contain %q", tt.contains)
			}
			if tt.status == 200 && r.header.Get("X-Content-Type-Options") != "nosniff" {
				t.Errorf("no X-Content-Type-Options: nosniff")
			}
		})
	}
}

func TestProductionConditionalAndGzip(t *testing.T) {
	out, srv := productionSite(t)
	c := rawClient()
	page := srv.URL + "/cases/noise-dispute/"
	want, err := os.ReadFile(filepath.Join(out, "cases", "noise-dispute", "index.html"))
	if err != nil {
		t.Fatal(err)
	}

	t.Run("plain", func(t *testing.T) {
		r := fetch(t, c, "GET", page)
		if r.status != 200 || r.body != string(want) || r.header.Get("Content-Encoding") != "" {
			t.Fatalf("status %d, encoding %q, body equal %v", r.status, r.header.Get("Content-Encoding"), r.body == string(want))
		}
		if r.header.Get("ETag") == "" || r.header.Get("Vary") != "Accept-Encoding" {
			t.Fatalf("ETag %q, Vary %q", r.header.Get("ETag"), r.header.Get("Vary"))
		}
	})
	t.Run("gzip", func(t *testing.T) {
		r := fetch(t, c, "GET", page, "Accept-Encoding", "gzip, deflate, br")
		if r.header.Get("Content-Encoding") != "gzip" {
			t.Fatalf("Content-Encoding %q, want gzip", r.header.Get("Content-Encoding"))
		}
		zr, err := gzip.NewReader(strings.NewReader(r.body))
		if err != nil {
			t.Fatal(err)
		}
		got, _ := io.ReadAll(zr)
		if !bytes.Equal(got, want) {
			t.Fatal("the gzipped page is not the page")
		}
		if len(r.body) >= len(want) {
			t.Errorf("gzip made %d bytes of %d", len(r.body), len(want))
		}
	})
	t.Run("gzip refused", func(t *testing.T) {
		r := fetch(t, c, "GET", page, "Accept-Encoding", "gzip;q=0")
		if r.header.Get("Content-Encoding") != "" {
			t.Fatalf("Content-Encoding %q for gzip;q=0", r.header.Get("Content-Encoding"))
		}
	})
	for _, enc := range []string{"", "gzip"} {
		t.Run("304 "+enc, func(t *testing.T) {
			first := fetch(t, c, "GET", page, "Accept-Encoding", enc)
			tag := first.header.Get("ETag")
			again := fetch(t, c, "GET", page, "Accept-Encoding", enc, "If-None-Match", tag)
			if again.status != http.StatusNotModified || again.body != "" {
				t.Fatalf("If-None-Match %s: status %d, %d bytes", tag, again.status, len(again.body))
			}
			other := fetch(t, c, "GET", page, "Accept-Encoding", enc, "If-None-Match", `"something-else"`)
			if other.status != 200 {
				t.Fatalf("a stale ETag got status %d", other.status)
			}
		})
	}
	t.Run("a changed file gets a new ETag", func(t *testing.T) {
		first := fetch(t, c, "GET", page)
		p := filepath.Join(out, "cases", "noise-dispute", "index.html")
		if err := os.WriteFile(p, append(want, "<!-- 重新发布 -->"...), 0o644); err != nil {
			t.Fatal(err)
		}
		os.Chtimes(p, time.Now().Add(time.Minute), time.Now().Add(time.Minute))
		again := fetch(t, c, "GET", page, "If-None-Match", first.header.Get("ETag"))
		if again.status != 200 || !strings.Contains(again.body, "重新发布") {
			t.Fatalf("status %d after the file changed", again.status)
		}
	})
	t.Run("range", func(t *testing.T) {
		r := fetch(t, c, "GET", srv.URL+"/cases/lift-seven-floors/chart.svg", "Range", "bytes=0-9")
		if r.status != http.StatusPartialContent || len(r.body) != 10 {
			t.Fatalf("status %d, %d bytes", r.status, len(r.body))
		}
	})
	t.Run("head", func(t *testing.T) {
		now, _ := os.ReadFile(filepath.Join(out, "cases", "noise-dispute", "index.html"))
		r := fetch(t, c, "HEAD", page)
		if r.status != 200 || r.body != "" || r.header.Get("Content-Length") != strconv.Itoa(len(now)) {
			t.Fatalf("HEAD: status %d, %d bytes, Content-Length %s", r.status, len(r.body), r.header.Get("Content-Length"))
		}
	})
	t.Run("post", func(t *testing.T) {
		r := fetch(t, c, "POST", page)
		if r.status != http.StatusMethodNotAllowed {
			t.Fatalf("POST: status %d", r.status)
		}
	})
	t.Run("folder without slash", func(t *testing.T) {
		r := fetch(t, c, "GET", srv.URL+"/cases?page=2")
		if r.status != http.StatusMovedPermanently || r.header.Get("Location") != "/cases/?page=2" {
			t.Fatalf("status %d, Location %q", r.status, r.header.Get("Location"))
		}
	})
}

func TestProductionSubPath(t *testing.T) {
	out := buildSite(t, "/jianghan/")
	srv := httptest.NewServer(FileServer(out, "/jianghan/"))
	defer srv.Close()
	c := rawClient()
	tests := []struct {
		path     string
		status   int
		location string
	}{
		{"/jianghan/", 200, ""},
		{"/jianghan/cases/noise-dispute/", 200, ""},
		{"/", http.StatusMovedPermanently, "/jianghan/"},
		{"/jianghan", http.StatusMovedPermanently, "/jianghan/"},
		{"/cases/noise-dispute/", 404, ""},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			r := fetch(t, c, "GET", srv.URL+tt.path)
			if r.status != tt.status || r.header.Get("Location") != tt.location {
				t.Fatalf("status %d, Location %q; want %d %q", r.status, r.header.Get("Location"), tt.status, tt.location)
			}
		})
	}
}
