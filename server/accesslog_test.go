package server

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"
)

// combined matches one line of the Combined Log Format.
var combined = regexp.MustCompile(`^(\S+) - - \[(\d{2}/[A-Z][a-z]{2}/\d{4}:\d{2}:\d{2}:\d{2} [+-]\d{4})\] "([^"]*)" (\d{3}) (\d+|-) "([^"]*)" "([^"]*)"$`)

func TestAccessLog(t *testing.T) {
	root := publishSite(t)
	logFile := filepath.Join(t.TempDir(), "access.log")
	reload := make(chan os.Signal, 1)
	d := startServe(t, Options{Root: root, NoWatch: true, AccessLog: logFile, Reload: reload})
	get := func(path string, headers ...string) {
		fetch(t, rawClient(), "GET", d.url+path, headers...)
	}
	get(noisePage, "Referer", "http://kb.jianghan.test/cases/", "User-Agent", `Mozilla/5.0 (Linux; Android 13) "微信"\浏览器`)
	get("/cases/no-such-case/")
	get("/search/?q=%E5%8A%A0%E8%A3%85%E7%94%B5%E6%A2%AF")

	lines := readLines(t, logFile, 4) // with startServe's own request for /
	tests := []struct {
		request, status, referer, agent string
	}{
		{"GET " + noisePage + " HTTP/1.1", "200", "http://kb.jianghan.test/cases/", `Mozilla/5.0 (Linux; Android 13) \x22微信\x22\x5C浏览器`},
		{"GET /cases/no-such-case/ HTTP/1.1", "404", "-", "Go-http-client/1.1"},
		{"GET /search/?q=%E5%8A%A0%E8%A3%85%E7%94%B5%E6%A2%AF HTTP/1.1", "200", "-", "Go-http-client/1.1"},
	}
	for _, l := range lines {
		if !combined.MatchString(l) {
			t.Errorf("a line is not in the Combined Log Format: %q", l)
		}
	}
	for _, tt := range tests {
		var m []string
		for _, l := range lines {
			if m = combined.FindStringSubmatch(l); m != nil && m[3] == tt.request {
				break
			}
			m = nil
		}
		if m == nil {
			t.Errorf("no line for %q in:\n%s", tt.request, strings.Join(lines, "\n"))
			continue
		}
		if m[1] != "127.0.0.1" || m[4] != tt.status || m[6] != tt.referer || m[7] != tt.agent {
			t.Errorf("%q; want %s referer %q agent %q", m[0], tt.status, tt.referer, tt.agent)
		}
		if when, err := time.Parse("02/Jan/2006:15:04:05 -0700", m[2]); err != nil || time.Since(when) > time.Hour {
			t.Errorf("%q: time %q (%v)", m[0], m[2], err)
		}
		if tt.status == "200" && m[5] == "-" {
			t.Errorf("%q: no byte count for a page", m[0])
		}
	}

	// logrotate moves the file away, then sends SIGHUP.
	if err := os.Rename(logFile, logFile+".1"); err != nil {
		t.Fatal(err)
	}
	reload <- syscall.SIGHUP
	deadline := time.Now().Add(patience)
	for {
		get("/healthz")
		if _, err := os.Stat(logFile); err == nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the access log was not reopened after SIGHUP")
		}
		time.Sleep(20 * time.Millisecond)
	}
	if got := readLines(t, logFile, 1); !strings.Contains(got[len(got)-1], `"GET /healthz HTTP/1.1" 200`) {
		t.Errorf("the reopened log holds %q", got)
	}
}

// readLines waits until the file holds at least n lines and returns them.
func readLines(t *testing.T, file string, n int) []string {
	t.Helper()
	deadline := time.Now().Add(patience)
	for {
		b, _ := os.ReadFile(file)
		lines := strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
		if len(b) > 0 && len(lines) >= n {
			return lines
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s holds %d lines, want %d:\n%s", file, len(lines), n, b)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// TestAccessLogForgery: nothing a request sends can start a new line or
// end a field early.
func TestAccessLogForgery(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"quote", `a"b`, `a\x22b`},
		{"backslash", `a\b`, `a\x5Cb`},
		{"newline", "a\nb", `a\x0Ab`},
		{"carriage return", "a\rb", `a\x0Db`},
		{"NUL", "a\x00b", `a\x00b`},
		{"DEL", "a\x7fb", `a\x7Fb`},
		{"not UTF-8", "a\xffb", `a\xFFb`},
		{"C1 control", "a\u0085b", `a\xC2\x85b`},
		{"Chinese", "电梯", "电梯"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := string(appendEscaped(nil, tt.in)); got != tt.want {
				t.Errorf("appendEscaped(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
	r := httptest.NewRequest("GET", "/x", nil)
	r.Header.Set("User-Agent", "evil\n127.0.0.1 - - [01/Jan/2024:00:00:00 +0000] \"GET /admin HTTP/1.1\" 200 1 \"-\" \"-\"")
	got := string(line(r, 200, 10, time.Now()))
	if strings.Count(got, "\n") != 1 || !combined.MatchString(strings.TrimSuffix(got, "\n")) {
		t.Errorf("a forged agent made %q", got)
	}
}

func TestAccessLogToTerminal(t *testing.T) {
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("你好")) })
	var out lockedBuffer
	l, err := openAccessLog("-", &out)
	if err != nil {
		t.Fatal(err)
	}
	l.wrap(h).ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/", nil))
	if m := combined.FindStringSubmatch(strings.TrimSuffix(out.String(), "\n")); m == nil || m[4] != "200" || m[5] != "6" {
		t.Errorf("the terminal got %q", out.String())
	}
}
