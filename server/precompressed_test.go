package server

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPrecompressedCopies: a page written with its compressed copies
// beside it (jianghan build --precompress) goes out as those copies, byte
// for byte, as the browser accepts them; a range, or a browser that takes
// neither, gets the page itself.
func TestPrecompressedCopies(t *testing.T) {
	dir := t.TempDir()
	page := []byte("<!doctype html><title>加装电梯</title>" + strings.Repeat("<p>楼栋议事会上，高层和低层住户各自说明理由。</p>", 60))
	br := []byte("BROTLI COPY") // the server sends copies as they are, unread
	gz := []byte("GZIP COPY")
	for name, data := range map[string][]byte{"index.html": page, "index.html.br": br, "index.html.gz": gz, "404.html": []byte("页面不存在")} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	srv := httptest.NewServer(FileServer(dir, "/"))
	defer srv.Close()
	c := rawClient()
	tests := []struct {
		name, accept, rng string
		status            int
		coding            string
		body              []byte
	}{
		{"brotli first", "gzip, deflate, br, zstd", "", 200, "br", br},
		{"gzip", "gzip", "", 200, "gzip", gz},
		{"gzip, brotli refused", "br;q=0, gzip", "", 200, "gzip", gz},
		{"neither", "identity", "", 200, "", page},
		{"none asked", "", "", 200, "", page},
		{"range", "gzip, br", "bytes=0-14", 206, "", page[:15]},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := fetch(t, c, "GET", srv.URL+"/", "Accept-Encoding", tt.accept, "Range", tt.rng)
			if r.status != tt.status || r.header.Get("Content-Encoding") != tt.coding || !bytes.Equal([]byte(r.body), tt.body) {
				t.Fatalf("status %d, coding %q, body %.40q; want %d %q %.40q", r.status, r.header.Get("Content-Encoding"), r.body, tt.status, tt.coding, tt.body)
			}
			if !strings.Contains(r.header.Get("Vary"), "Accept-Encoding") {
				t.Errorf("Vary %q", r.header.Get("Vary"))
			}
			if tag := r.header.Get("ETag"); tt.coding != "" && !strings.HasSuffix(tag, "-"+tt.coding+`"`) {
				t.Errorf("ETag %s for a %s copy", tag, tt.coding)
			}
		})
	}
	t.Run("revalidated", func(t *testing.T) {
		first := fetch(t, c, "GET", srv.URL+"/", "Accept-Encoding", "br")
		again := fetch(t, c, "GET", srv.URL+"/", "Accept-Encoding", "br", "If-None-Match", first.header.Get("ETag"))
		if again.status != http.StatusNotModified || again.header.Get("ETag") != first.header.Get("ETag") {
			t.Fatalf("If-None-Match %s: %d, ETag %s", first.header.Get("ETag"), again.status, again.header.Get("ETag"))
		}
	})
	t.Run("HEAD", func(t *testing.T) {
		r := fetch(t, c, "HEAD", srv.URL+"/", "Accept-Encoding", "br")
		if r.status != 200 || r.body != "" || r.header.Get("Content-Length") != "11" || r.header.Get("Content-Encoding") != "br" {
			t.Fatalf("HEAD: %d, %d bytes, Content-Length %s, coding %q", r.status, len(r.body), r.header.Get("Content-Length"), r.header.Get("Content-Encoding"))
		}
	})
}
