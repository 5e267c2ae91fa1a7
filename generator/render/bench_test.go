package render_test

import (
	"strings"
	"testing"

	"github.com/jianghan-district/jianghan/internal/benchcorpus"

	"github.com/jianghan-district/jianghan/generator"
	"github.com/jianghan-district/jianghan/generator/render"
)

// BenchmarkRenderPages renders every HTML page of the synthetic corpus, as a
// build does but one job after the other, with a new renderer each time (a
// build makes one): the cost of the templates without loading, Markdown or
// writing files.
func BenchmarkRenderPages(b *testing.B) {
	site := benchcorpus.Site(b, 1000)
	for _, portable := range []bool{false, true} {
		name := "normal"
		if portable {
			name = "portable"
		}
		b.Run(name, func(b *testing.B) {
			p, err := generator.Load(generator.Options{Root: site, Portable: portable})
			if err != nil {
				b.Fatal(err)
			}
			if p.Diags.HasErrors() {
				b.Fatal(p.Diags.Sorted()[0])
			}
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				r, err := p.Renderer(render.Options{})
				if err != nil {
					b.Fatal(err)
				}
				for _, j := range r.Jobs() {
					if j.Render == nil || !strings.HasSuffix(j.Path, ".html") {
						continue
					}
					if _, err := j.Render(); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}
