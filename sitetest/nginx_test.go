package sitetest

import (
	"context"
	"crypto/tls"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/jianghan-district/jianghan/generator"
	"github.com/jianghan-district/jianghan/internal/browsertest"
	"github.com/jianghan-district/jianghan/internal/fingerprint"
	"github.com/jianghan-district/jianghan/internal/testcert"
	jianghanserver "github.com/jianghan-district/jianghan/server"
)

// The nginx examples in deploy/, run as they are written (only the
// addresses, folders and certificate changed to the test's) by the nginx
// of this machine as the test's child process: the sample library served
// through them, the browser search working, and /api/search proxied to
// jianghan serve.

// nginxPath finds nginx, or skips the test (fails it under
// JIANGHAN_REQUIRE_BROWSER=1, as CI installs nginx with the browser).
func nginxPath(t *testing.T) string {
	t.Helper()
	for _, p := range []string{"/usr/sbin/nginx", "nginx"} {
		if path, err := exec.LookPath(p); err == nil {
			return path
		}
	}
	if os.Getenv(browsertest.RequireEnv) == "1" {
		t.Fatalf("nginx is required (%s=1): apt-get install nginx", browsertest.RequireEnv)
	}
	t.Skip("nginx is not installed (apt-get install nginx); skipping the deploy/ test")
	return ""
}

// freePort returns a loopback port nothing listens on.
func freePort(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	_, port, _ := net.SplitHostPort(ln.Addr().String())
	return port
}

// replaceOnce replaces old with new in a deploy file's text, failing the
// test when old is not there exactly once: the test and the file must not
// drift apart.
func replaceOnce(t *testing.T, text, old, new string) string {
	t.Helper()
	if n := strings.Count(text, old); n != 1 {
		t.Fatalf("the deploy file holds %q %d times, want once", old, n)
	}
	return strings.Replace(text, old, new, 1)
}

// readDeploy reads a file of deploy/.
func readDeploy(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "deploy", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// runNginx starts nginx with httpLevel inside http { } and waits until it
// listens on port.
func runNginx(t *testing.T, httpLevel, port string) {
	t.Helper()
	bin := nginxPath(t)
	dir := t.TempDir()
	types := "types { text/html html; text/css css; application/javascript js; application/json json; image/svg+xml svg; text/xml xml; }"
	if _, err := os.Stat("/etc/nginx/mime.types"); err == nil {
		types = "include /etc/nginx/mime.types;"
	}
	// Run as root (CI), nginx would start its workers as nobody, who may
	// not read the test's folders; as anyone else it runs as they do.
	user := ""
	if os.Geteuid() == 0 {
		user = "user root;"
	}
	conf := fmt.Sprintf(`daemon off;
%[4]s
pid %[1]s/nginx.pid;
error_log %[1]s/error.log warn;
events { worker_connections 256; }
http {
    %[2]s
    default_type application/octet-stream;
    access_log %[1]s/access.log;
    client_body_temp_path %[1]s/body;
    proxy_temp_path %[1]s/proxy;
    fastcgi_temp_path %[1]s/fastcgi;
    uwsgi_temp_path %[1]s/uwsgi;
    scgi_temp_path %[1]s/scgi;
%[3]s
}
`, dir, types, httpLevel, user)
	confFile := filepath.Join(dir, "nginx.conf")
	if err := os.WriteFile(confFile, []byte(conf), 0o644); err != nil {
		t.Fatal(err)
	}
	test, err := exec.Command(bin, "-t", "-p", dir, "-e", filepath.Join(dir, "error.log"), "-c", confFile).CombinedOutput()
	if err != nil {
		t.Fatalf("nginx -t refuses the deploy example: %v\n%s", err, test)
	}
	cmd := exec.Command(bin, "-p", dir, "-e", filepath.Join(dir, "error.log"), "-c", confFile)
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Signal(syscall.SIGTERM)
		cmd.Wait()
		if b, _ := os.ReadFile(filepath.Join(dir, "error.log")); len(b) > 0 && t.Failed() {
			t.Logf("nginx error.log:\n%s", b)
		}
	})
	deadline := time.Now().Add(20 * time.Second)
	for {
		c, err := net.Dial("tcp", "127.0.0.1:"+port)
		if err == nil {
			c.Close()
			return
		}
		if time.Now().After(deadline) {
			b, _ := os.ReadFile(filepath.Join(dir, "error.log"))
			t.Fatalf("nginx does not listen on %s:\n%s", port, b)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// startAPI runs jianghan serve --no-watch over plain HTTP on loopback for
// nginx to proxy /api/search to, serving the build in out; it returns its
// port.
func startAPI(t *testing.T, out string) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	done := make(chan error, 1)
	go func() {
		done <- jianghanserver.Run(ctx, jianghanserver.Options{Root: site.root, Out: out, NoWatch: true,
			Addr: "127.0.0.1:0", Ready: func(a string) { ready <- a }})
	}()
	t.Cleanup(func() { cancel(); <-done })
	select {
	case a := <-ready:
		_, port, _ := net.SplitHostPort(a)
		return port
	case err := <-done:
		t.Fatalf("jianghan serve: %v", err)
	}
	return ""
}

// nginxClient reaches host at 127.0.0.1:port over HTTPS, trusting the
// test CA, without following redirects or inflating.
func nginxClient(port string) *http.Client {
	d := &net.Dialer{Timeout: 10 * time.Second}
	return &http.Client{
		Timeout:       30 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
		Transport: &http.Transport{
			DisableCompression: true,
			TLSClientConfig:    &tls.Config{RootCAs: testcert.Pool()},
			DialContext: func(ctx context.Context, network, _ string) (net.Conn, error) {
				return d.DialContext(ctx, network, "127.0.0.1:"+port)
			},
		},
	}
}

// answer is what the nginx tests look at in a response.
type answer struct {
	status int
	header http.Header
	body   []byte
}

func get(t *testing.T, c *http.Client, url string, headers ...string) answer {
	t.Helper()
	req, err := http.NewRequest("GET", url, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	res, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return answer{res.StatusCode, res.Header, b}
}

// waitAPI asks /api/search until its index is ready (503 before).
func waitAPI(t *testing.T, c *http.Client, url string) answer {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		a := get(t, c, url)
		if a.status != http.StatusServiceUnavailable || time.Now().After(deadline) {
			return a
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// fingerprintedCSS is the path of the site's stylesheet in a build.
func fingerprintedCSS(t *testing.T, out string) string {
	t.Helper()
	css, _ := filepath.Glob(filepath.Join(out, "assets", "css", "site.*.css"))
	if len(css) != 1 {
		t.Fatalf("no stylesheet in %s", out)
	}
	rel, _ := filepath.Rel(out, css[0])
	return filepath.ToSlash(rel)
}

// TestNginxCacheRuleIsTheFingerprint: the map in deploy/nginx.conf is
// internal/fingerprint's Pattern, the one definition.
func TestNginxCacheRuleIsTheFingerprint(t *testing.T) {
	m := regexp.MustCompile(`"~(\^[^"]+)"\s+"public, max-age=31536000, immutable";`).FindStringSubmatch(readDeploy(t, "nginx.conf"))
	if m == nil || m[1] != fingerprint.Pattern {
		t.Fatalf("deploy/nginx.conf caches for a year what matches %q, want fingerprint.Pattern %q", m, fingerprint.Pattern)
	}
}

// TestNginx serves the sample library through deploy/nginx.conf over HTTPS.
func TestNginx(t *testing.T) {
	needSite(t)
	nginxPath(t)
	httpsPort, httpPort := freePort(t), freePort(t)
	certFile, keyFile := testcert.Issue(24*time.Hour, browsertest.SecureHost).Write(t, t.TempDir())
	conf := readDeploy(t, "nginx.conf")
	conf = replaceOnce(t, conf, "listen 80;", "listen 127.0.0.1:"+httpPort+";")
	conf = replaceOnce(t, conf, "listen [::]:80;\n", "")
	conf = replaceOnce(t, conf, "listen 443 ssl http2;", "listen 127.0.0.1:"+httpsPort+" ssl http2;")
	conf = replaceOnce(t, conf, "listen [::]:443 ssl http2;\n", "")
	conf = replaceOnce(t, conf, "/etc/jianghan/tls/kb.jianghan.local.crt", certFile)
	conf = replaceOnce(t, conf, "/etc/jianghan/tls/kb.jianghan.local.key", keyFile)
	conf = replaceOnce(t, conf, "root /srv/jianghan/public;", "root "+site.out+";")
	conf = replaceOnce(t, conf, "proxy_pass http://127.0.0.1:1313;", "proxy_pass http://127.0.0.1:"+startAPI(t, site.out)+";")
	runNginx(t, conf, httpsPort)

	c := nginxClient(httpsPort)
	origin := "https://" + browsertest.SecureHost + ":" + httpsPort
	page, err := os.ReadFile(filepath.Join(site.out, "cases", "noise-dispute", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, path string
		headers    []string
		status     int
		cache      string
		contains   string
		location   string
		encoding   string
	}{
		{"home", "/", nil, 200, "no-cache", "江汉区社区工作案例课程库", "", ""},
		{"case page", "/cases/noise-dispute/", nil, 200, "no-cache", "楼上楼下的噪音纠纷", "", ""},
		{"case page gzipped", "/cases/noise-dispute/", []string{"Accept-Encoding", "gzip"}, 200, "no-cache", "", "", "gzip"},
		{"fingerprinted stylesheet", "/" + fingerprintedCSS(t, site.out), nil, 200, "public, max-age=31536000, immutable", "", "", ""},
		{"service worker", "/sw.js", nil, 200, "no-cache", "FINGERPRINTED", "", ""},
		{"search meta", "/search/meta.json", nil, 200, "no-cache", `"format"`, "", ""},
		{"folder without slash", "/cases?page=2", nil, 301, "", "", "/cases/?page=2", ""},
		{"missing page", "/cases/no-such-case/", nil, 404, "", "页面不存在", "", ""},
		{"build marker", "/.jianghan-build", nil, 404, "", "页面不存在", "", ""},
		{"serve's documents", "/" + generator.ServeFile, nil, 404, "", "", "", ""},
		{"range", "/cases/noise-dispute/", []string{"Range", "bytes=0-99"}, 206, "no-cache", "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := get(t, c, origin+tt.path, tt.headers...)
			if a.status != tt.status {
				t.Fatalf("status %d, want %d", a.status, tt.status)
			}
			if tt.cache != "" && a.header.Get("Cache-Control") != tt.cache {
				t.Errorf("Cache-Control %q, want %q", a.header.Get("Cache-Control"), tt.cache)
			}
			if !strings.Contains(string(a.body), tt.contains) {
				t.Errorf("the answer lacks %q", tt.contains)
			}
			if a.header.Get("Location") != tt.location {
				t.Errorf("Location %q, want %q", a.header.Get("Location"), tt.location)
			}
			if a.header.Get("Content-Encoding") != tt.encoding {
				t.Errorf("Content-Encoding %q, want %q", a.header.Get("Content-Encoding"), tt.encoding)
			}
			if a.status < 300 && a.header.Get("X-Content-Type-Options") != "nosniff" {
				t.Error("no X-Content-Type-Options: nosniff")
			}
			if tt.status == 206 && string(a.body) != string(page[:100]) {
				t.Errorf("the range is not the first 100 bytes of the page")
			}
		})
	}
	t.Run("precompressed copy as it is", func(t *testing.T) {
		gz, err := os.ReadFile(filepath.Join(site.out, "cases", "noise-dispute", "index.html.gz"))
		if err != nil {
			t.Fatal(err)
		}
		a := get(t, c, origin+"/cases/noise-dispute/", "Accept-Encoding", "gzip")
		if a.header.Get("Content-Encoding") != "gzip" || string(a.body) != string(gz) {
			t.Errorf("nginx did not send the build's index.html.gz (gzip_static): %d bytes, want %d", len(a.body), len(gz))
		}
	})
	t.Run("plain HTTP goes to HTTPS", func(t *testing.T) {
		req, _ := http.NewRequest("GET", "http://127.0.0.1:"+httpPort+"/cases/?page=2", nil)
		req.Host = browsertest.SecureHost
		res, err := (&http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}).Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != 301 || res.Header.Get("Location") != "https://"+browsertest.SecureHost+"/cases/?page=2" {
			t.Errorf("status %d, Location %q", res.StatusCode, res.Header.Get("Location"))
		}
	})

	// The browser search, against /api/search proxied to jianghan serve.
	q := "加装电梯"
	var api struct {
		Hits []struct {
			URL string `json:"url"`
		} `json:"hits"`
	}
	a := waitAPI(t, c, origin+"/api/search?q="+url.QueryEscape(q))
	if a.status != 200 || json.Unmarshal(a.body, &api) != nil || len(api.Hits) == 0 {
		t.Fatalf("/api/search through nginx: %d %s", a.status, a.body)
	}
	ctx := phone(t)
	open(t, ctx, origin+"/search/?q="+url.QueryEscape(q))
	waitJS(t, ctx, `document.querySelectorAll("#results li[data-url]").length > 0`)
	got := js[[]string](t, ctx, `Array.from(document.querySelectorAll("#results li[data-url]")).map((li) => li.dataset.url)`)
	for i := 0; i < len(got) && i < len(api.Hits) && i < 5; i++ {
		if got[i] != api.Hits[i].URL {
			t.Errorf("result %d: the search page shows %s, /api/search %s", i+1, got[i], api.Hits[i].URL)
		}
	}
	swReady(t, ctx)
}

// TestNginxSubPath serves a build for /jianghan/ through
// deploy/nginx-subpath.conf, inside a server block of another site.
func TestNginxSubPath(t *testing.T) {
	needSite(t)
	nginxPath(t)
	out := filepath.Join(t.TempDir(), "public")
	if _, err := generator.Build(generator.Options{Root: site.root, Out: out, BaseURL: "/jianghan/"}); err != nil {
		t.Fatal(err)
	}
	port := freePort(t)
	main := readDeploy(t, "nginx.conf")
	cacheMap := regexp.MustCompile(`(?s)map \$uri \$jianghan_cache \{.*?\n\}`).FindString(main)
	if cacheMap == "" {
		t.Fatal("deploy/nginx.conf has no map of cache rules")
	}
	snippet := readDeploy(t, "nginx-subpath.conf")
	snippet = replaceOnce(t, snippet, "alias /srv/jianghan/public/;", "alias "+out+"/;")
	snippet = replaceOnce(t, snippet, "proxy_pass http://127.0.0.1:1313;", "proxy_pass http://127.0.0.1:"+startAPI(t, out)+";")
	conf := cacheMap + "\nserver {\n    listen 127.0.0.1:" + port + ";\n    server_name portal.jianghan.test;\n    location / { return 200 \"portal\\n\"; }\n" + snippet + "\n}\n"
	runNginx(t, conf, port)

	c := nginxClient(port)
	origin := "http://" + browsertest.PlainHost + ":" + port
	tests := []struct {
		name, path string
		status     int
		cache      string
		contains   string
		location   string
	}{
		{"home", "/jianghan/", 200, "no-cache", "江汉区社区工作案例课程库", ""},
		{"case page", "/jianghan/cases/noise-dispute/", 200, "no-cache", "楼上楼下的噪音纠纷", ""},
		{"fingerprinted stylesheet", "/jianghan/" + fingerprintedCSS(t, out), 200, "public, max-age=31536000, immutable", "", ""},
		{"folder without slash", "/jianghan/cases", 301, "", "", "/jianghan/cases/"},
		{"missing page", "/jianghan/cases/no-such-case/", 404, "", "页面不存在", ""},
		{"build marker", "/jianghan/.jianghan-build", 404, "", "", ""},
		{"the other site", "/", 200, "", "portal", ""},
		{"api", "/jianghan/api/search?q=" + url.QueryEscape("电梯"), 200, "", `"hits"`, ""},
	}
	waitAPI(t, c, origin+"/jianghan/api/search?q=1")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := get(t, c, origin+tt.path)
			if a.status != tt.status {
				t.Fatalf("status %d, want %d", a.status, tt.status)
			}
			if tt.cache != "" && a.header.Get("Cache-Control") != tt.cache {
				t.Errorf("Cache-Control %q, want %q", a.header.Get("Cache-Control"), tt.cache)
			}
			if !strings.Contains(string(a.body), tt.contains) {
				t.Errorf("the answer lacks %q", tt.contains)
			}
			if a.header.Get("Location") != tt.location {
				t.Errorf("Location %q, want %q", a.header.Get("Location"), tt.location)
			}
		})
	}
	ctx := phone(t)
	open(t, ctx, origin+"/jianghan/search/?q="+url.QueryEscape("加装电梯"))
	waitJS(t, ctx, `document.querySelectorAll("#results li[data-url]").length > 0`)
	if got := js[string](t, ctx, `document.querySelector("#results li[data-url] a").getAttribute("href")`); !strings.HasPrefix(got, "/jianghan/") {
		t.Errorf("a result links to %s, outside the sub-path", got)
	}
}
