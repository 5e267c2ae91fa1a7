package generator

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
)

// corpus writes the shared synthetic library of n cases into a temporary
// folder with ../shared/bench/corpus.py, or skips when it cannot.
func corpus(b *testing.B, n int) string {
	b.Helper()
	script := os.Getenv("JIANGHAN_CORPUS")
	if script == "" {
		script = filepath.Join("..", "..", "shared", "bench", "corpus.py")
	}
	if _, err := os.Stat(script); err != nil {
		b.Skipf("no corpus generator at %s (set JIANGHAN_CORPUS)", script)
	}
	py, err := exec.LookPath("python3")
	if err != nil {
		b.Skip("python3 is needed to generate the corpus")
	}
	dir := b.TempDir()
	if out, err := exec.Command(py, script, strconv.Itoa(n), dir).CombinedOutput(); err != nil {
		b.Fatalf("corpus.py: %v\n%s", err, out)
	}
	return dir
}

// BenchmarkBuild builds the synthetic corpus end to end: load, check, render
// Markdown, render every page and the search index, publish.
func BenchmarkBuild(b *testing.B) {
	for _, n := range []int{1000} {
		b.Run(strconv.Itoa(n)+"cases", func(b *testing.B) {
			site := corpus(b, n)
			out := filepath.Join(b.TempDir(), "public")
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				res, err := Build(Options{Root: site, Out: out})
				if err != nil {
					if res != nil {
						for _, d := range res.Project.Diags.Sorted()[:min(5, len(res.Project.Diags.Sorted()))] {
							b.Log(d)
						}
					}
					b.Fatal(err)
				}
			}
		})
	}
}
