package sitetest

import (
	"context"
	"net"
	"testing"
	"time"

	"github.com/jianghan-district/jianghan/internal/browsertest"
	"github.com/jianghan-district/jianghan/internal/testcert"
	jianghanserver "github.com/jianghan-district/jianghan/server"
)

// TestOfflineOverHTTPS is offline reading as the district gets it: the
// production server (serve --no-watch) speaks HTTPS with a certificate of
// the intranet's own CA, under an intranet name that is not localhost. The
// service worker registers, a case read online opens when the server is
// gone, with the offline notice. (Over plain HTTP on such a name no worker
// registers at all: TestPlainHTTP.)
func TestOfflineOverHTTPS(t *testing.T) {
	needSite(t)
	ctx := phone(t)
	certFile, keyFile := testcert.Issue(24*time.Hour, browsertest.SecureHost).Write(t, t.TempDir())
	sctx, stop := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	done := make(chan error, 1)
	go func() {
		done <- jianghanserver.Run(sctx, jianghanserver.Options{Root: site.root, Out: site.out, NoWatch: true,
			Addr: "127.0.0.1:0", TLSCert: certFile, TLSKey: keyFile, Ready: func(a string) { ready <- a }})
	}()
	var addr string
	select {
	case addr = <-ready:
	case err := <-done:
		stop()
		t.Fatalf("serve --no-watch with HTTPS: %v", err)
	}
	stopped := false
	shutdown := func() {
		if !stopped {
			stopped = true
			stop()
			if err := <-done; err != nil {
				t.Errorf("serve: %v", err)
			}
		}
	}
	defer shutdown()
	_, port, _ := net.SplitHostPort(addr)
	origin := "https://" + browsertest.SecureHost + ":" + port
	casePath := firstPage(t, "cases")

	open(t, ctx, origin+"/")
	if !js[bool](t, ctx, `window.isSecureContext && location.protocol === "https:"`) {
		t.Fatalf("%s is not a secure context", origin)
	}
	swReady(t, ctx)
	if scope := js[string](t, ctx, `navigator.serviceWorker.getRegistration().then((r) => r ? r.scope : "")`); scope != origin+"/" {
		t.Errorf("service worker scope %q, want %s/", scope, origin)
	}
	open(t, ctx, origin+casePath)
	title := js[string](t, ctx, `document.querySelector("h1").textContent`)
	// The page came as the build's Brotli copy (build --precompress).
	if enc := js[string](t, ctx, `fetch(location.href, {cache: "no-store"}).then((r) => r.headers.get("content-encoding") || "")`); enc != "br" {
		t.Errorf("the case page came with Content-Encoding %q, want the build's br copy", enc)
	}
	if offlineNote(t, ctx) {
		t.Error("the offline notice shows while the server is up")
	}

	shutdown() // the server is gone: connections are refused
	open(t, ctx, origin+casePath)
	if got := js[string](t, ctx, `document.querySelector("h1").textContent`); got != title {
		t.Errorf("offline over HTTPS the case reads %q, want %q", got, title)
	}
	if !offlineNote(t, ctx) {
		t.Error("offline over HTTPS the case has no offline notice")
	}
	if !js[bool](t, ctx, `getComputedStyle(document.querySelector(".site-header")).backgroundColor !== "rgba(0, 0, 0, 0)"`) {
		t.Error("offline over HTTPS the case has no stylesheet")
	}
}
