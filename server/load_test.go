package server

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// TestLoad runs 200 concurrent clients against the production server on
// loopback: a fixed number of requests each, within a time limit, and not
// one error. It logs the requests per second reached.
func TestLoad(t *testing.T) {
	const (
		clients  = 200
		requests = 25 // per client
		limit    = 2 * time.Minute
	)
	out := buildSite(t, "")
	srv := httptest.NewServer(FileServer(out, "/"))
	defer srv.Close()
	css, _ := filepath.Glob(filepath.Join(out, "assets", "css", "site.*.css"))
	if len(css) != 1 {
		t.Fatal("no stylesheet in the build")
	}
	cssPath, _ := filepath.Rel(out, css[0])
	paths := []string{
		"/", "/cases/", "/cases/noise-dispute/", "/cases/lift-seven-floors/", "/cases/lift-seven-floors/chart.svg",
		"/workers/", "/topics/居民自治/", "/handbook/print/", "/search/meta.json", "/" + filepath.ToSlash(cssPath),
		"/index.xml", "/sitemap.xml", "/no-such-page/",
	}
	transport := &http.Transport{MaxIdleConns: clients, MaxIdleConnsPerHost: clients, MaxConnsPerHost: clients, DisableCompression: true}
	defer transport.CloseIdleConnections()
	client := &http.Client{Transport: transport, Timeout: 30 * time.Second}
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	defer cancel()
	var done, failed atomic.Int64
	var firstErr atomic.Value
	var wg sync.WaitGroup
	start := time.Now()
	for c := 0; c < clients; c++ {
		wg.Add(1)
		go func(c int) {
			defer wg.Done()
			for i := 0; i < requests && ctx.Err() == nil; i++ {
				p := paths[(c+i)%len(paths)]
				req, _ := http.NewRequestWithContext(ctx, "GET", srv.URL+p, nil)
				if i%3 == 0 {
					req.Header.Set("Accept-Encoding", "gzip")
				}
				res, err := client.Do(req)
				if err == nil {
					_, err = io.Copy(io.Discard, res.Body)
					res.Body.Close()
					want := http.StatusOK
					if p == "/no-such-page/" {
						want = http.StatusNotFound
					}
					if err == nil && res.StatusCode != want {
						err = &statusError{p, res.StatusCode}
					}
				}
				if err != nil {
					failed.Add(1)
					firstErr.CompareAndSwap(nil, err)
					continue
				}
				done.Add(1)
			}
		}(c)
	}
	wg.Wait()
	took := time.Since(start)
	if ctx.Err() != nil {
		t.Fatalf("the load test hit its limit of %s", limit)
	}
	if n := failed.Load(); n > 0 {
		t.Fatalf("%d of %d requests failed; first: %v", n, clients*requests, firstErr.Load())
	}
	t.Logf("%d clients, %d requests in %s: %.0f requests/s, 0 errors", clients, done.Load(), took.Round(time.Millisecond), float64(done.Load())/took.Seconds())
}

type statusError struct {
	path   string
	status int
}

func (e *statusError) Error() string { return e.path + ": status " + http.StatusText(e.status) }
