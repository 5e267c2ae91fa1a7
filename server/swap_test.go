package server

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jianghan-district/jianghan/search"
)

// TestProductionUnderSwaps serves the sample library to many clients at once
// while the publisher builds it several times, each build giving one case a
// new title ("第N版"). Every answer is checked: no request fails; a page is
// byte for byte the page of one build; and no client, asking page and
// search in turn, ever sees an older build after a newer one, so pages and
// /api/search never mix two builds. It logs requests per second, errors and
// the 99th percentile latency through the swaps.
func TestProductionUnderSwaps(t *testing.T) {
	clients, builds := 16, 3
	if raceOn {
		clients, builds = 8, 2 // the race detector makes each build take seconds
	}
	root := publishSite(t)
	d := startServe(t, Options{Root: root, NoWatch: true})
	waitSearch(t, d)

	// expected[v] is the sha256 of the case page of build v.
	var mu sync.Mutex
	expected := map[int][sha256.Size]byte{0: pageSum(t, root)}
	type seen struct {
		version int
		sum     [sha256.Size]byte
	}
	var observed []seen

	transport := &http.Transport{MaxIdleConnsPerHost: clients, DisableCompression: true}
	defer transport.CloseIdleConnections()
	client := &http.Client{Transport: transport, Timeout: patience}
	ctx, cancel := context.WithCancel(context.Background())
	var requests, failures atomic.Int64
	var firstErr atomic.Value
	fail := func(err error) {
		failures.Add(1)
		firstErr.CompareAndSwap(nil, err)
	}
	latencies := make([][]time.Duration, clients)
	var wg sync.WaitGroup
	start := time.Now()
	for c := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			last := 0 // the newest build this client has seen
			for i := 0; ctx.Err() == nil; i++ {
				t0 := time.Now()
				v, sum, err := swapRequest(ctx, client, d.url, i%4)
				if ctx.Err() != nil {
					return
				}
				latencies[c] = append(latencies[c], time.Since(t0))
				requests.Add(1)
				switch {
				case err != nil:
					fail(err)
				case v >= 0 && v < last:
					fail(fmt.Errorf("client %d saw build %d after build %d (request kind %d)", c, v, last, i%4))
				case v >= 0:
					last = v
				}
				if sum != nil {
					mu.Lock()
					observed = append(observed, seen{v, *sum})
					mu.Unlock()
				}
			}
		}()
	}

	// The builds follow each other at once, the way a script may run
	// them: the server may skip one, and a build may come while the server
	// still reads the one before last.
	for v := 1; v <= builds; v++ {
		editFile(t, root, noiseCase, "title: "+versionTitle(v-1), "title: "+versionTitle(v))
		build(t, root)
		mu.Lock()
		expected[v] = pageSum(t, root)
		mu.Unlock()
	}
	want := markerHash(t, root)
	deadline := time.Now().Add(patience)
	for healthOf(t, d.url).Build.Hash != want {
		if time.Now().After(deadline) {
			t.Fatalf("the last build is not served after %s", patience)
		}
		time.Sleep(10 * time.Millisecond)
	}
	cancel()
	wg.Wait()
	took := time.Since(start)

	if n := failures.Load(); n > 0 {
		t.Fatalf("%d of %d requests failed; first: %v", n, requests.Load(), firstErr.Load())
	}
	for _, s := range observed {
		if expected[s.version] != s.sum {
			t.Fatalf("a page claiming build %d is not that build's page", s.version)
		}
	}
	var all []time.Duration
	for _, l := range latencies {
		all = append(all, l...)
	}
	slices.Sort(all)
	p := func(q float64) time.Duration { return all[int(q*float64(len(all)-1))] }
	t.Logf("%d clients, %d builds swapped in: %d requests in %s, %.0f requests/s, 0 errors, p50 %s, p99 %s",
		clients, builds, len(all), took.Round(time.Millisecond), float64(len(all))/took.Seconds(),
		p(0.5).Round(time.Microsecond), p(0.99).Round(time.Microsecond))
}

// versionTitle is the case's title in build v.
func versionTitle(v int) string {
	if v == 0 {
		return noiseTitle
	}
	return noiseTitle + "（第" + strconv.Itoa(v) + "版）"
}

var versionRe = regexp.MustCompile(`楼上楼下的噪音纠纷(?:（第(\d+)版）)?`)

// versionOf reads the build a title comes from, or -1.
func versionOf(s string) int {
	m := versionRe.FindStringSubmatch(s)
	if m == nil {
		return -1
	}
	if m[1] == "" {
		return 0
	}
	v, _ := strconv.Atoi(m[1])
	return v
}

// pageSum is the sha256 of the case page in the site's public/ folder.
func pageSum(t testing.TB, root string) [sha256.Size]byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(root, "public", filepath.FromSlash(noisePage), "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

// swapRequest makes one request of the load: the case page, a search for
// it, the home page or a missing page. It returns the build the answer
// comes from (-1 when it does not tell) and, for the case page, its sum.
func swapRequest(ctx context.Context, c *http.Client, base string, kind int) (int, *[sha256.Size]byte, error) {
	target, want := base+noisePage, http.StatusOK
	switch kind {
	case 1:
		target = base + "/api/search?q=" + url.QueryEscape("噪音纠纷")
	case 2:
		target = base + "/"
	case 3:
		target, want = base+"/cases/no-such-case/", http.StatusNotFound
	}
	req, _ := http.NewRequestWithContext(ctx, "GET", target, nil)
	res, err := c.Do(req)
	if err != nil {
		return -1, nil, err
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		return -1, nil, err
	}
	if res.StatusCode != want {
		return -1, nil, fmt.Errorf("%s: status %d", target, res.StatusCode)
	}
	switch kind {
	case 0:
		sum := sha256.Sum256(body)
		return versionOf(string(body)), &sum, nil
	case 1:
		var r search.Result
		if err := json.Unmarshal(body, &r); err != nil {
			return -1, nil, err
		}
		for _, h := range r.Hits {
			if v := versionOf(h.Title); v >= 0 {
				return v, nil, nil
			}
		}
		return -1, nil, fmt.Errorf("the search finds no version of the case: %s", body)
	}
	return -1, nil, nil
}
