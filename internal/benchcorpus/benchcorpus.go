// Package benchcorpus gives benchmarks the shared synthetic library that
// ../shared/bench/corpus.py writes, so that every package measures the same
// pages that bench/hugo.sh compares with Hugo.
package benchcorpus

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
)

// Site writes a library of n cases into a temporary folder and returns the
// folder; it skips the benchmark when python3 or the script is missing. The
// script is $JIANGHAN_CORPUS, or shared/bench/corpus.py beside the module.
func Site(tb testing.TB, n int) string {
	tb.Helper()
	script := os.Getenv("JIANGHAN_CORPUS")
	if script == "" {
		script = filepath.Join(moduleRoot(), "..", "shared", "bench", "corpus.py")
	}
	if _, err := os.Stat(script); err != nil {
		tb.Skipf("no corpus generator at %s (set JIANGHAN_CORPUS)", script)
	}
	py, err := exec.LookPath("python3")
	if err != nil {
		tb.Skip("python3 is needed to generate the corpus")
	}
	dir := tb.TempDir()
	if out, err := exec.Command(py, script, strconv.Itoa(n), dir).CombinedOutput(); err != nil {
		tb.Fatalf("corpus.py: %v\n%s", err, out)
	}
	return dir
}

// moduleRoot is the folder holding go.mod, found upward from the test's
// working folder (its package folder).
func moduleRoot() string {
	dir, _ := os.Getwd()
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d
		}
		if filepath.Dir(d) == d {
			return dir
		}
	}
}
