// Command loadgen sends requests to a server from many connections at once
// for a while and reports what it sustained: requests per second, errors
// and latency percentiles. bench/swapload.sh runs it against jianghan serve
// --no-watch while builds are published; it is not part of jianghan.
//
//	go run ./bench/loadgen -c 64 -d 20s http://127.0.0.1:1313/ http://127.0.0.1:1313/cases/
//
// Every URL is asked in turn by each connection. An answer counts as an
// error when the request fails or its status is 5xx, or 4xx for a URL not
// marked with a trailing "#404".
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"slices"
	"strings"
	"sync"
	"time"
)

func main() {
	conns := flag.Int("c", 64, "connections at once")
	dur := flag.Duration("d", 20*time.Second, "how long")
	gzip := flag.Bool("gzip", true, "ask for gzip, as browsers do")
	flag.Parse()
	urls := flag.Args()
	if len(urls) == 0 {
		fmt.Fprintln(os.Stderr, "usage: loadgen [-c N] [-d D] URL...")
		os.Exit(2)
	}
	tr := &http.Transport{MaxIdleConnsPerHost: *conns, MaxConnsPerHost: *conns, DisableCompression: true}
	client := &http.Client{Transport: tr, Timeout: 30 * time.Second}
	ctx, cancel := context.WithTimeout(context.Background(), *dur)
	defer cancel()
	type result struct {
		lat    []time.Duration
		errs   int
		first  string
		status map[int]int
		bytes  int64
	}
	results := make([]result, *conns)
	var wg sync.WaitGroup
	start := time.Now()
	for c := range *conns {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := &results[c]
			r.status = map[int]int{}
			for i := c; ctx.Err() == nil; i++ {
				u := urls[i%len(urls)]
				want404 := strings.HasSuffix(u, "#404")
				req, _ := http.NewRequestWithContext(ctx, "GET", strings.TrimSuffix(u, "#404"), nil)
				if *gzip {
					req.Header.Set("Accept-Encoding", "gzip")
				}
				t0 := time.Now()
				res, err := client.Do(req)
				var n int64
				if err == nil {
					n, err = io.Copy(io.Discard, res.Body)
					res.Body.Close()
				}
				if ctx.Err() != nil {
					return
				}
				r.lat = append(r.lat, time.Since(t0))
				r.bytes += n
				bad := err != nil
				if err == nil {
					r.status[res.StatusCode]++
					bad = res.StatusCode >= 500 || res.StatusCode >= 400 && !(want404 && res.StatusCode == 404)
					if bad {
						err = fmt.Errorf("%s: status %d", u, res.StatusCode)
					}
				}
				if bad {
					r.errs++
					if r.first == "" {
						r.first = err.Error()
					}
				}
			}
		}()
	}
	wg.Wait()
	took := time.Since(start)
	var all []time.Duration
	errs, bytes := 0, int64(0)
	first := ""
	status := map[int]int{}
	for _, r := range results {
		all = append(all, r.lat...)
		errs += r.errs
		bytes += r.bytes
		if first == "" {
			first = r.first
		}
		for k, v := range r.status {
			status[k] += v
		}
	}
	if len(all) == 0 {
		fmt.Println("no request finished")
		os.Exit(1)
	}
	slices.Sort(all)
	p := func(q float64) time.Duration { return all[int(q*float64(len(all)-1))].Round(10 * time.Microsecond) }
	fmt.Printf("%d connections, %s: %d requests, %.0f requests/s, %.1f MB/s, %d errors\n",
		*conns, took.Round(time.Millisecond), len(all), float64(len(all))/took.Seconds(), float64(bytes)/took.Seconds()/1e6, errs)
	fmt.Printf("latency p50 %s  p90 %s  p99 %s  max %s\n", p(0.5), p(0.9), p(0.99), all[len(all)-1].Round(10*time.Microsecond))
	fmt.Printf("status %v\n", status)
	if errs > 0 {
		fmt.Printf("first error: %s\n", first)
	}
}
