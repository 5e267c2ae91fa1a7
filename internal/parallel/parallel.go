// Package parallel runs the independent steps of a build (reading pages,
// converting their Markdown, rendering and writing files) on every
// processor.
package parallel

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// For calls f(i) for every i from 0 to n-1 on workers goroutines, or on
// GOMAXPROCS of them when workers is 0, and returns once every call has
// returned. Each goroutine takes the next i from a shared counter: handing
// steps out through a channel made workers wait on the goroutine sending
// them, a tenth of the time of a step as short as converting one page.
func For(n, workers int, f func(i int)) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = min(workers, n)
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				f(i)
			}
		}()
	}
	wg.Wait()
}
