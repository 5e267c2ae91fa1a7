package server

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jianghan-district/jianghan/internal/benchcorpus"
)

// BenchmarkSaveToReload measures what a trainer waits for: from saving one
// case to the reload event reaching the browser, through the file system
// watcher, the incremental rebuild and the event stream. "text" changes a
// paragraph of the case, the usual save; "title" changes its title, which
// every list, term page and related-case list showing it must follow.
// Between saves it waits for the background search sync, as a trainer's
// pauses would; the search index is not part of the reload.
func BenchmarkSaveToReload(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(strconv.Itoa(n)+"cases", func(b *testing.B) {
			root := benchcorpus.Site(b, n)
			b.Setenv("JIANGHAN_CACHE_DIR", b.TempDir())
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			s := newServer(Options{Root: root})
			ln, err := net.Listen("tcp", "127.0.0.1:0")
			if err != nil {
				b.Fatal(err)
			}
			done := make(chan error, 1)
			go func() { done <- s.serve(ctx, ln) }()
			defer func() {
				cancel()
				<-done
			}()
			url := "http://" + ln.Addr().String()
			for deadline := time.Now().Add(10 * time.Minute); ; {
				res, err := http.Get(url + "/")
				if err == nil {
					res.Body.Close()
					if res.StatusCode == 200 {
						break
					}
				}
				if time.Now().After(deadline) {
					b.Fatal("the first build did not finish")
				}
				time.Sleep(100 * time.Millisecond)
			}
			browser := listen(b, url)
			browser.waitFor(b, "hello")
			file := filepath.Join(root, "content", "cases", "case-00042.md")
			orig, err := os.ReadFile(file)
			if err != nil {
				b.Fatal(err)
			}
			edits := []struct {
				name string
				edit func(i int) string
			}{
				{"text", func(i int) string {
					return strings.Replace(string(orig), "## 问题\n", fmt.Sprintf("## 问题\n第 %d 次修改：补充了居民议事的细节。\n", i), 1)
				}},
				{"title", func(i int) string {
					return strings.Replace(string(orig), "title: ", fmt.Sprintf("title: 第%d稿 ", i), 1)
				}},
			}
			seq := 0 // every save differs from the one before, across runs
			for _, e := range edits {
				b.Run(e.name, func(b *testing.B) {
					var took []time.Duration
					for i := 0; i < b.N; i++ {
						b.StopTimer()
						for !s.search.idle() {
							time.Sleep(20 * time.Millisecond)
						}
						seq++
						text := e.edit(seq)
						b.StartTimer()
						start := time.Now()
						if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
							b.Fatal(err)
						}
						browser.waitFor(b, "reload")
						took = append(took, time.Since(start))
					}
					b.StopTimer()
					report(b, took)
				})
			}
		})
	}
}

// report puts the mean, median and worst wait in the benchmark's line.
func report(b *testing.B, took []time.Duration) {
	sort.Slice(took, func(i, j int) bool { return took[i] < took[j] })
	var sum time.Duration
	for _, d := range took {
		sum += d
	}
	ms := func(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
	b.ReportMetric(ms(sum)/float64(len(took)), "ms/reload")
	b.ReportMetric(ms(took[len(took)/2]), "p50-ms")
	b.ReportMetric(ms(took[len(took)-1]), "max-ms")
	b.ReportMetric(0, "ns/op")
}
