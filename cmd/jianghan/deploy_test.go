package main

import (
	"bytes"
	"context"
	"crypto/tls"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/jianghan-district/jianghan/internal/testcert"
)

// deploy/jianghan.service is tested as it is written: systemd accepts it,
// and its command line, with the test's folders and ports put in, runs a
// jianghan serve that answers over HTTPS, redirects plain HTTP, writes its
// access log, and stops on SIGTERM as systemd stops it.

// unitFile reads deploy/jianghan.service.
func unitFile(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "deploy", "jianghan.service"))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// execStart returns the unit's ExecStart command line, split into words.
func execStart(t *testing.T, unit string) []string {
	t.Helper()
	unit = strings.ReplaceAll(unit, "\\\n", " ")
	for _, line := range strings.Split(unit, "\n") {
		if cmd, ok := strings.CutPrefix(line, "ExecStart="); ok {
			return strings.Fields(cmd)
		}
	}
	t.Fatal("deploy/jianghan.service has no ExecStart")
	return nil
}

func TestSystemdVerify(t *testing.T) {
	analyze, err := exec.LookPath("systemd-analyze")
	if err != nil {
		t.Skip("systemd-analyze is not installed")
	}
	unit := unitFile(t)
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	// verify wants the program to exist; the test binary stands in.
	unit = strings.Replace(unit, "ExecStart=/usr/local/bin/jianghan ", "ExecStart="+self+" ", 1)
	file := filepath.Join(t.TempDir(), "jianghan.service")
	if err := os.WriteFile(file, []byte(unit), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(analyze, "verify", file).CombinedOutput()
	if err != nil || len(bytes.TrimSpace(out)) > 0 {
		t.Errorf("systemd-analyze verify: %v\n%s", err, out)
	}
}

// TestSystemdCommandLine runs the unit's ExecStart.
func TestSystemdCommandLine(t *testing.T) {
	args := execStart(t, unitFile(t))
	if args[0] != "/usr/local/bin/jianghan" || args[1] != "serve" || !contains(args, "--no-watch") {
		t.Fatalf("ExecStart is not jianghan serve --no-watch: %q", args)
	}
	t.Setenv("JIANGHAN_CACHE_DIR", t.TempDir())
	root := site(t, map[string]string{"content/cases/corridor.md": goodCase})
	var out, errOut bytes.Buffer
	if code := run([]string{"build", "-s", root}, &out, &errOut); code != 0 {
		t.Fatalf("build: %d\n%s", code, &errOut)
	}
	httpsPort, httpPort := freePort(t), freePort(t)
	certFile, keyFile := testcert.Issue(time.Hour, "kb.jianghan.local").Write(t, t.TempDir())
	logFile := filepath.Join(t.TempDir(), "access.log")
	replace := map[string]string{
		"/srv/jianghan": root,
		"0.0.0.0:443":   "127.0.0.1:" + httpsPort,
		"0.0.0.0:80":    "127.0.0.1:" + httpPort,
		"/etc/jianghan/tls/kb.jianghan.local.crt": certFile,
		"/etc/jianghan/tls/kb.jianghan.local.key": keyFile,
		"/var/log/jianghan/access.log":            logFile,
	}
	for i, a := range args {
		if r, ok := replace[a]; ok {
			args[i] = r
			delete(replace, a)
		}
	}
	if len(replace) > 0 {
		t.Fatalf("ExecStart lacks %v", replace)
	}
	var stdout, stderr lockedWriter
	done := make(chan int, 1)
	go func() { done <- run(args[1:], &stdout, &stderr) }()

	client := &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{
		TLSClientConfig: &tls.Config{RootCAs: testcert.Pool()},
		DialContext: func(ctx context.Context, network, _ string) (net.Conn, error) {
			return (&net.Dialer{}).DialContext(ctx, network, "127.0.0.1:"+httpsPort)
		},
	}}
	deadline := time.Now().Add(30 * time.Second)
	for {
		res, err := client.Get("https://kb.jianghan.local/healthz")
		if err == nil {
			res.Body.Close()
			if res.StatusCode == 200 {
				break
			}
		}
		select {
		case code := <-done:
			t.Fatalf("jianghan serve ended with %d:\n%s%s", code, stdout.String(), stderr.String())
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("jianghan serve does not answer over HTTPS: %v\n%s%s", err, stdout.String(), stderr.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
	res, err := (&http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}).Get("http://127.0.0.1:" + httpPort + "/cases/")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusMovedPermanently || res.Header.Get("Location") != "https://127.0.0.1:"+httpsPort+"/cases/" {
		t.Errorf("plain HTTP: %d to %q", res.StatusCode, res.Header.Get("Location"))
	}
	if b, _ := os.ReadFile(logFile); !strings.Contains(string(b), `"GET /healthz HTTP/1.1" 200`) {
		t.Errorf("the access log holds %q", b)
	}
	// systemctl stop sends SIGTERM.
	syscall.Kill(os.Getpid(), syscall.SIGTERM)
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("after SIGTERM jianghan serve ended with %d:\n%s", code, stderr.String())
		}
	case <-time.After(30 * time.Second):
		t.Fatal("jianghan serve did not stop on SIGTERM")
	}
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

// lockedWriter collects output written from several goroutines.
type lockedWriter struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (w *lockedWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.b.Write(p)
}

func (w *lockedWriter) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.b.String()
}
