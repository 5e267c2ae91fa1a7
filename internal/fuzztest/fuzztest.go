// Package fuzztest holds what the repository's fuzz targets share.
package fuzztest

import (
	"flag"
	"testing"
	"time"
)

// Timed runs one input of a fuzz target. Under go test -fuzz, an input
// that takes over a second fails: no single file may take longer, and a
// fuzzer's inputs are small. On a busy machine a run can stall, so a slow
// input is run twice more and fails only if it is slow every time. Run as
// a plain test (the seeds), time is not asserted.
func Timed(t *testing.T, fn func()) {
	t.Helper()
	f := flag.Lookup("test.fuzz")
	fuzzing := f != nil && f.Value.String() != ""
	best := time.Duration(1<<63 - 1)
	for i := 0; i < 3; i++ {
		start := time.Now()
		fn()
		best = min(best, time.Since(start))
		if !fuzzing || best <= time.Second {
			return
		}
	}
	t.Fatalf("this input took %v, at best of three runs", best)
}
