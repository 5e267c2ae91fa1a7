package server

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"encoding/pem"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/jianghan-district/jianghan/internal/msg"
	"github.com/jianghan-district/jianghan/internal/testcert"
)

// siteHost is the intranet name the HTTPS tests use; the client maps it to
// the loopback address, as a district's DNS maps it to the server.
const siteHost = "kb.jianghan.test"

// tlsClient trusts the test CA and reaches siteHost at addr.
func tlsClient(addr string) *http.Client {
	dialer := &net.Dialer{Timeout: patience}
	return &http.Client{
		Timeout:       patience,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
		Transport: &http.Transport{
			TLSClientConfig:   &tls.Config{RootCAs: testcert.Pool()},
			ForceAttemptHTTP2: true,
			DialContext: func(ctx context.Context, network, _ string) (net.Conn, error) {
				return dialer.DialContext(ctx, network, addr)
			},
		},
	}
}

// startHTTPS runs the production server of a published copy of the sample
// library over HTTPS with a certificate for siteHost.
func startHTTPS(t *testing.T, o Options) (*devServer, string) {
	t.Helper()
	root := publishSite(t)
	o.Root, o.NoWatch = root, true
	o.TLSCert, o.TLSKey = testcert.Issue(24*time.Hour, siteHost).Write(t, t.TempDir())
	return startServe(t, o), root
}

func TestHTTPS(t *testing.T) {
	d, _ := startHTTPS(t, Options{})
	res, err := d.client.Get(d.url + noisePage)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if res.StatusCode != 200 || res.Proto != "HTTP/2.0" || res.TLS == nil || res.TLS.Version < tls.VersionTLS12 {
		t.Fatalf("status %d over %s, TLS %v", res.StatusCode, res.Proto, res.TLS)
	}
	if got := res.TLS.PeerCertificates[0].DNSNames; len(got) != 1 || got[0] != siteHost {
		t.Errorf("the certificate is for %v", got)
	}
	if _, body := d.page(t, noisePage); !strings.Contains(body, noiseTitle) {
		t.Error("the case page over HTTPS lacks its title")
	}
	waitSearch(t, d)
	if !has(searchTitles(t, d, "噪音纠纷"), noiseTitle) {
		t.Error("/api/search over HTTPS does not find the case")
	}
	if !strings.Contains(d.logs.String(), "https://127.0.0.1:") || !strings.Contains(d.logs.String(), siteHost) {
		t.Errorf("the log does not say HTTPS and whom the certificate is for:\n%s", d.logs)
	}
	// Plain HTTP to the HTTPS port is refused, not answered in the clear.
	plain := fetchErr(http.DefaultClient, "http://"+d.addr+"/")
	if plain == nil || plain.status == 200 {
		t.Errorf("plain HTTP to the HTTPS port was answered: %+v", plain)
	}
}

// fetchErr GETs url, returning nil when the request fails.
func fetchErr(c *http.Client, url string) *response {
	res, err := c.Get(url)
	if err != nil {
		return nil
	}
	defer res.Body.Close()
	return &response{status: res.StatusCode, header: res.Header}
}

func TestHTTPRedirect(t *testing.T) {
	redirect := make(chan string, 1)
	d, _ := startHTTPS(t, Options{HTTPRedirect: "127.0.0.1:0", redirectReady: func(a string) { redirect <- a }})
	addr := <-redirect
	_, httpsPort, _ := net.SplitHostPort(d.addr)
	tests := []struct{ host, target, want string }{
		{siteHost + ":8080", "/cases/noise-dispute/?q=%E5%99%AA%E9%9F%B3", "https://" + siteHost + ":" + httpsPort + "/cases/noise-dispute/?q=%E5%99%AA%E9%9F%B3"},
		{siteHost, "/", "https://" + siteHost + ":" + httpsPort + "/"},
		{"10.20.30.40", "/search/", "https://10.20.30.40:" + httpsPort + "/search/"},
		{"[fd00::1]:80", "/", "https://[fd00::1]:" + httpsPort + "/"},
	}
	for _, tt := range tests {
		t.Run(tt.host, func(t *testing.T) {
			req, _ := http.NewRequest("GET", "http://"+addr+tt.target, nil)
			req.Host = tt.host
			res, err := rawClient().Do(req)
			if err != nil {
				t.Fatal(err)
			}
			res.Body.Close()
			if res.StatusCode != http.StatusMovedPermanently || res.Header.Get("Location") != tt.want {
				t.Errorf("status %d, Location %q; want 301 %q", res.StatusCode, res.Header.Get("Location"), tt.want)
			}
		})
	}
	// Followed, the redirect reaches the site.
	c := tlsClient(d.addr)
	c.CheckRedirect = nil
	res, err := c.Get("https://" + siteHost + ":" + httpsPort + "/")
	if err != nil || res.StatusCode != 200 {
		t.Fatalf("after the redirect: %v %v", res, err)
	}
	res.Body.Close()
}

func TestRedirectTo443(t *testing.T) {
	h := redirectToHTTPS("443")
	for host, want := range map[string]string{
		siteHost:         "https://" + siteHost + "/a/?b=1",
		siteHost + ":80": "https://" + siteHost + "/a/?b=1",
		"[fd00::1]:80":   "https://[fd00::1]/a/?b=1",
		"[fd00::1]":      "https://[fd00::1]/a/?b=1",
	} {
		req := httptest.NewRequest("GET", "http://x/a/?b=1", nil)
		req.Host = host
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		if w.Code != http.StatusMovedPermanently || w.Header().Get("Location") != want {
			t.Errorf("Host %s: %d %q, want %q", host, w.Code, w.Header().Get("Location"), want)
		}
	}
}

// TestCertificateReload renews the certificate in place and sends SIGHUP:
// new connections get the new certificate, without a restart; a broken
// renewal keeps the old one served and says so.
func TestCertificateReload(t *testing.T) {
	reload := make(chan os.Signal, 1)
	d, _ := startHTTPS(t, Options{Reload: reload})
	first := servedSerial(t, d.addr)
	o := d.opts
	renewed := testcert.Issue(48*time.Hour, siteHost)
	if err := os.WriteFile(o.TLSCert, renewed.CertPEM, 0o644); err != nil {
		t.Fatal(err)
	}
	reload <- syscall.SIGHUP
	deadline := time.Now().Add(patience)
	for servedSerial(t, d.addr) != renewed.Serial {
		if time.Now().After(deadline) {
			t.Fatalf("still serving certificate %d after SIGHUP, want %d", servedSerial(t, d.addr), renewed.Serial)
		}
		time.Sleep(20 * time.Millisecond)
	}
	if first == renewed.Serial {
		t.Fatal("the test's two certificates are the same")
	}

	// A renewal that went wrong: the key file holds half a key.
	if err := os.WriteFile(o.TLSKey, []byte("-----BEGIN PRIVATE KEY-----\nAAAA\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	reload <- syscall.SIGHUP
	for !strings.Contains(d.logs.String(), before(msg.T(msg.TLSNotRenewed, "\x00"))) {
		if time.Now().After(deadline) {
			t.Fatalf("a broken certificate was not reported:\n%s", d.logs)
		}
		time.Sleep(20 * time.Millisecond)
	}
	if got := servedSerial(t, d.addr); got != renewed.Serial {
		t.Errorf("after a broken renewal, certificate %d is served, want %d", got, renewed.Serial)
	}
}

// servedSerial makes a new TLS connection and returns the serial number of
// the certificate the server presents.
func servedSerial(t *testing.T, addr string) int64 {
	t.Helper()
	conn, err := tls.Dial("tcp", addr, &tls.Config{ServerName: siteHost, RootCAs: testcert.Pool()})
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	return conn.ConnectionState().PeerCertificates[0].SerialNumber.Int64()
}

// TestServeOptionErrors: mistakes in the HTTPS options stop serve at once,
// each with a message that says what to do.
func TestServeOptionErrors(t *testing.T) {
	dir := t.TempDir()
	cert, key := testcert.Issue(time.Hour, siteHost).Write(t, dir)
	other := t.TempDir()
	otherKey := filepath.Join(other, "other-key.pem")
	k, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	der, _ := x509.MarshalPKCS8PrivateKey(k)
	os.WriteFile(otherKey, pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der}), 0o600)
	garbage := filepath.Join(dir, "garbage.pem")
	os.WriteFile(garbage, []byte("这不是证书"), 0o644)
	tests := []struct {
		name string
		o    Options
		want string
	}{
		{"cert without key", Options{TLSCert: cert}, msg.T(msg.TLSPair)},
		{"key without cert", Options{TLSKey: key}, msg.T(msg.TLSPair)},
		{"missing cert file", Options{TLSCert: filepath.Join(dir, "none.pem"), TLSKey: key}, "none.pem"},
		{"not a certificate", Options{TLSCert: garbage, TLSKey: key}, "garbage.pem"},
		{"key of another certificate", Options{TLSCert: cert, TLSKey: otherKey}, "other-key.pem"},
		{"redirect without TLS", Options{HTTPRedirect: "127.0.0.1:0"}, msg.T(msg.TLSRedirectNeeds)},
		{"access log in a missing folder", Options{AccessLog: filepath.Join(dir, "no", "such", "access.log")}, "access.log"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.o.Root = t.TempDir()
			tt.o.Addr = "127.0.0.1:0"
			err := Run(context.Background(), tt.o)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Run: %v; want an error naming %q", err, tt.want)
			}
		})
	}
}

// before is a message up to the first argument put in, "\x00": the part
// that does not change.
func before(text string) string {
	s, _, _ := strings.Cut(text, "\x00")
	return s
}
