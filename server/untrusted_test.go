package server

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/jianghan-district/jianghan/generator"
)

// What a client or an editor can send serve, and what serve must survive.

// TestManyRangesGetTheWholeFile is finding 11: 2,000 one-byte ranges of a
// 13 KB stylesheet were answered with 290 KB of multipart parts.
func TestManyRangesGetTheWholeFile(t *testing.T) {
	out, srv := productionSite(t)
	css, _ := filepath.Glob(filepath.Join(out, "assets", "css", "site.*.css"))
	if len(css) != 1 {
		t.Fatalf("stylesheets: %v", css)
	}
	want, err := os.ReadFile(css[0])
	if err != nil {
		t.Fatal(err)
	}
	path := "/assets/css/" + filepath.Base(css[0])
	var ranges []string
	for i := 0; i < 2000; i++ {
		ranges = append(ranges, fmt.Sprintf("%d-%d", i, i))
	}
	c := rawClient()
	r := fetch(t, c, "GET", srv.URL+path, "Range", "bytes="+strings.Join(ranges, ","))
	if r.status != http.StatusOK || r.body != string(want) {
		t.Errorf("2000 ranges: status %d, %d bytes for a file of %d", r.status, len(r.body), len(want))
	}
	// A few ranges are still answered as ranges.
	r = fetch(t, c, "GET", srv.URL+path, "Range", "bytes=0-9,20-29")
	if r.status != http.StatusPartialContent || len(r.body) > 2*len(want) {
		t.Errorf("2 ranges: status %d, %d bytes", r.status, len(r.body))
	}
	r = fetch(t, c, "GET", srv.URL+path, "Range", "bytes=0-9")
	if r.status != http.StatusPartialContent || r.body != string(want[:10]) {
		t.Errorf("1 range: status %d, %q", r.status, r.body)
	}
}

// TestSearchEchoesWhatItReads is the rest of finding 11: /api/search read
// 200 characters of q but repeated all 18 KB of it in its answer.
func TestSearchEchoesWhatItReads(t *testing.T) {
	d := startDev(t, copySite(t))
	long := strings.Repeat("加装电梯", 1500) // 18 KB
	var res struct{ Query string }
	var r response
	waitFor(t, "the search index answers", func() bool {
		r = fetch(t, http.DefaultClient, "GET", d.url+"/api/search?q="+url.QueryEscape(long))
		if r.status != 200 && r.status != http.StatusServiceUnavailable {
			t.Fatalf("status %d: %s", r.status, r.body)
		}
		return r.status == 200
	})
	if err := json.Unmarshal([]byte(r.body), &res); err != nil {
		t.Fatal(err)
	}
	if n := utf8.RuneCountInString(res.Query); n != 200 || !strings.HasPrefix(long, res.Query) {
		t.Errorf("the answer repeats %d characters of the query, want the 200 read", n)
	}
	if len(r.body) > 4096+len(res.Query)*3 {
		t.Errorf("the answer is %d bytes", len(r.body))
	}
}

// TestServeSurvivesBadSaves is finding 3 and 4 under serve: saving a page
// with a GBK line killed serve; aliases ran it out of memory. Each bad
// save shows its error, the last good site stays served, and the fix
// brings the page back.
func TestServeSurvivesBadSaves(t *testing.T) {
	root := copySite(t)
	d := startDev(t, root)
	const page = "content/cases/noise-dispute.md"
	good, err := os.ReadFile(filepath.Join(root, page))
	if err != nil {
		t.Fatal(err)
	}
	laughs := "l0: &a [x, x, x, x, x, x, x, x, x]\n"
	for i, prev := 1, "a"; i < 9; i++ {
		n := string(rune('a' + i))
		laughs += fmt.Sprintf("l%d: &%s [%s]\n", i, n, strings.TrimSuffix(strings.Repeat("*"+prev+", ", 9), ", "))
		prev = n
	}
	for _, tt := range []struct {
		name, text, want string
	}{
		{"a GBK line", strings.Replace(string(good), "## 问题\n", "## 问题\n\xa1\xb0\xb1\xa3\xb0\xb2\xa1\xb1\n", 1), "看起来是 GBK"},
		{"a stray byte", strings.Replace(string(good), "## 问题\n", "## 问题\n\xb4\n0\n", 1), "不是 UTF-8 编码"},
		{"an alias in its own anchor", strings.Replace(string(good), "---\n", "---\ntags: &a [*a, *a]\n", 1), "用在了它自己的锚点"},
		{"billion laughs", strings.Replace(string(good), "---\n", "---\n"+laughs, 1), "超过 1000 个值"},
		{"a title that clears the screen", strings.Replace(string(good), "title: ", "title: \"\\e[2J\"\nx: ", 1), "U+001B"},
		{"a page of 5 MB", string(good) + strings.Repeat("楼上楼下的噪音纠纷。\n", 5<<20/31), "超过了页面 2 MB 的上限"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			mark := len(d.logs.String())
			writeFile(t, root, page, tt.text)
			waitFor(t, "the error is shown", func() bool {
				return strings.Contains(d.logs.String()[mark:], tt.want)
			})
			if status, _ := d.page(t, "/cases/noise-dispute/"); status != 200 {
				t.Errorf("the last good page is gone: %d", status)
			}
			mark = len(d.logs.String())
			writeFile(t, root, page, string(good)+"\n")
			waitFor(t, "the fix is built", func() bool {
				return strings.Contains(d.logs.String()[mark:], "✓")
			})
		})
	}
	if strings.Contains(d.logs.String(), "goroutine ") {
		t.Errorf("serve printed a stack trace:\n%s", d.logs)
	}
}

// waitFor polls cond until it holds, failing the test if it does not
// within patience.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(patience)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("%s: not within %s", what, patience)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestServeOpensSiteFilesInsideOnly: serve reads bundle and static files
// through the site folder as a root (generator.Sources), so a link leaving
// the site, which check reports, is not served even if a rebuild were to
// name it.
func TestServeOpensSiteFilesInsideOnly(t *testing.T) {
	root, outside := t.TempDir(), t.TempDir()
	os.WriteFile(filepath.Join(outside, "secret.txt"), []byte(secret), 0o644)
	os.MkdirAll(filepath.Join(root, "content", "static"), 0o755)
	os.WriteFile(filepath.Join(root, "content", "static", "robots.txt"), []byte("User-agent: *\n"), 0o644)
	if err := os.Symlink(filepath.Join(outside, "secret.txt"), filepath.Join(root, "content", "static", "passwd")); err != nil {
		t.Skip("no symbolic links here")
	}
	src := generator.Sources{Root: root}
	copyJob := func(rel string) generator.Job { return generator.Job{Path: path.Base(rel), Source: rel} }
	if f, err := runJob(copyJob("content/static/robots.txt"), src, time.Now()); err != nil {
		t.Errorf("a file inside: %v", err)
	} else if string(f.data) != "User-agent: *\n" {
		t.Errorf("a file inside: served %q", f.data)
	}
	for _, rel := range []string{"content/static/passwd", "../" + filepath.Base(outside) + "/secret.txt"} {
		if f, err := runJob(copyJob(rel), src, time.Now()); err == nil {
			t.Errorf("%s was served: %q", rel, f.data)
		}
	}
}
