package incremental_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/jianghan-district/jianghan/generator"
	"github.com/jianghan-district/jianghan/generator/render"
	"github.com/jianghan-district/jianghan/internal/benchcorpus"
	"github.com/jianghan-district/jianghan/themes"
)

// BenchmarkEditJobs reports how many jobs one typical save reruns on the
// benchmark library of 1,000 cases with its own copy of the theme: a title,
// a paragraph, a tag of one case, its date (which moves it to the end of
// every list it is in), a rule of the theme's stylesheet.
func BenchmarkEditJobs(b *testing.B) {
	root := benchcorpus.Site(b, 1000)
	if err := os.CopyFS(filepath.Join(root, filepath.FromSlash(themes.Dir)), themes.Default()); err != nil {
		b.Fatal(err)
	}
	p, d, err := generator.LoadIncremental(generator.Options{Root: root}, render.Options{DevScript: "<script>/* 实时刷新 */</script>"})
	if err != nil || d.Failed {
		b.Fatal(err, d.Diagnostics)
	}
	run := func(d *generator.Delta) {
		for _, j := range d.Jobs {
			if j.Render != nil {
				if _, err := j.Render(); err != nil {
					b.Fatal(err)
				}
			}
		}
		d.Commit()
	}
	run(d)
	caseRel := "content/cases/case-00042.md"
	cssRel := themes.Dir + "/assets/css/site.css"
	tags := regexp.MustCompile(`(?m)^tags: .*$`)
	dates := regexp.MustCompile(`(?m)^date: .*$`)
	edits := []struct {
		name, rel string
		edit      func(s string, i int) string
	}{
		{"title", caseRel, func(s string, i int) string {
			return strings.Replace(s, "title: ", "title: 第"+strconv.Itoa(i)+"稿 ", 1)
		}},
		{"body", caseRel, func(s string, i int) string {
			return strings.Replace(s, "## 问题\n", "## 问题\n第 "+strconv.Itoa(i)+" 次修改：补充了居民议事的细节。\n", 1)
		}},
		{"tag", caseRel, func(s string, i int) string { return tags.ReplaceAllString(s, "tags: [新标签"+strconv.Itoa(i)+"]") }},
		{"date", caseRel, func(s string, i int) string { return dates.ReplaceAllString(s, "date: 2001-01-0"+strconv.Itoa(i%9+1)) }},
		{"css", cssRel, func(s string, i int) string { return s + "\n.x" + strconv.Itoa(i) + " { color: red; }\n" }},
	}
	for _, e := range edits {
		b.Run(e.name, func(b *testing.B) {
			file := filepath.Join(root, filepath.FromSlash(e.rel))
			orig, err := os.ReadFile(file)
			if err != nil {
				b.Fatal(err)
			}
			jobs := 0
			for i := 0; i < b.N; i++ {
				if err := os.WriteFile(file, []byte(e.edit(string(orig), i+1)), 0o644); err != nil {
					b.Fatal(err)
				}
				d, err := p.Apply([]generator.Change{{Path: e.rel}})
				if err != nil || d.Failed {
					b.Fatal(err, d.Diagnostics)
				}
				jobs += len(d.Jobs)
				run(d)
				if err := os.WriteFile(file, orig, 0o644); err != nil {
					b.Fatal(err)
				}
				d, err = p.Apply([]generator.Change{{Path: e.rel}})
				if err != nil {
					b.Fatal(err)
				}
				run(d)
			}
			b.ReportMetric(float64(jobs)/float64(b.N), "jobs/edit")
		})
	}
}
