package generator

import (
	"path/filepath"
	"strconv"
	"testing"

	"github.com/jianghan-district/jianghan/internal/benchcorpus"
)

// BenchmarkBuild builds the synthetic corpus end to end: load, check, render
// Markdown, render every page and the search index, publish.
func BenchmarkBuild(b *testing.B) {
	for _, n := range []int{1000} {
		b.Run(strconv.Itoa(n)+"cases", func(b *testing.B) {
			site := benchcorpus.Site(b, n)
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
