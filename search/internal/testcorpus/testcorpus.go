// Package testcorpus generates the synthetic library the search tests and
// benchmarks share, in memory as search.Documents: the pages of
// internal/benchcorpus (its vocabularies and sentence pieces, cases with
// problem and solution sections, and workers, lectures, guides, courses
// and handbook chapters in proportion), without writing and loading them.
package testcorpus

import (
	"fmt"
	"math/rand"
	"strings"

	"github.com/jianghan-district/jianghan/internal/benchcorpus"
	"github.com/jianghan-district/jianghan/search"
)

// The vocabularies of the generated library: those of internal/benchcorpus.
var (
	Streets     = benchcorpus.Streets
	Topics      = benchcorpus.Topics
	Methods     = benchcorpus.Methods
	Clauses     = benchcorpus.Clauses
	Descriptors = benchcorpus.Descriptors
	surnames    = benchcorpus.Surnames
	given       = benchcorpus.Given
)

// Docs returns a deterministic library of about 1.2·n documents, n of them cases.
func Docs(n int) []search.Document {
	rng := rand.New(rand.NewSource(int64(n)))
	pick := func(xs []string) string { return xs[rng.Intn(len(xs))] }
	sample := func(xs []string, k int) []string {
		p := rng.Perm(len(xs))[:k]
		out := make([]string, k)
		for i, j := range p {
			out[i] = xs[j]
		}
		return out
	}
	para := func(k int) string {
		parts := make([]string, k)
		for i := range parts {
			parts[i] = pick(Clauses)
		}
		return strings.Join(parts, "，") + "。"
	}
	body := func(paras int) string {
		ps := make([]string, paras)
		for i := range ps {
			ps[i] = para(3 + rng.Intn(4))
		}
		return strings.Join(ps, "\n\n")
	}
	person := func() string { return string(surnames[rng.Intn(len(surnames))]) + pick(given) }
	var docs []search.Document
	for i := 0; i < max(3, n/10); i++ {
		street := pick(Streets)
		d := pick(Descriptors)
		docs = append(docs, search.Document{
			URL: fmt.Sprintf("/workers/worker-%05d/", i), Title: person(), Kind: "workers", Street: street,
			Filed:    []string{street, d + "工作法"},
			Sections: []search.Section{{Heading: "工作经历", Text: body(3)}, {Heading: "特色工作法", Text: d + "工作法。" + body(2)}},
		})
	}
	for i := 0; i < max(2, n/20); i++ {
		topics := sample(Topics, 2)
		docs = append(docs, search.Document{
			URL:   fmt.Sprintf("/lectures/lecture-%05d/", i),
			Title: "微课堂：" + pick(Topics) + "中的" + pick(Methods), Kind: "lectures",
			Topics: topics, Filed: append([]string{person()}, topics...),
			Sections: []search.Section{
				{Text: "理解" + pick(Methods) + "的基本理念。掌握" + pick(Descriptors) + "问题的处理流程。"},
				{Heading: "课程要点", Text: body(4)},
			},
		})
	}
	for i := 0; i < n; i++ {
		street := pick(Streets)
		d := pick(Descriptors)
		topics, methods := sample(Topics, 1+rng.Intn(3)), sample(Methods, 1+rng.Intn(2))
		filed := append(append([]string{street, street[:6] + "社区", person()}, topics...), methods...)
		docs = append(docs, search.Document{
			URL:     fmt.Sprintf("/cases/case-%05d/", i),
			Title:   fmt.Sprintf("%s%s问题的协商解决（%d）", string([]rune(street)[:2]), d, i),
			Kind:    "cases",
			Date:    fmt.Sprintf("%d-%02d-%02d", 2016+rng.Intn(10), 1+rng.Intn(12), 1+rng.Intn(28)),
			Street:  street,
			Topics:  topics,
			Methods: methods,
			Filed:   append(filed, d),
			Summary: para(2),
			Sections: []search.Section{
				{Heading: "问题", Text: body(2 + rng.Intn(3))},
				{Heading: "解决方案", Text: body(2+rng.Intn(4)) + "\n\n" + para(2) + "\n" + para(2) + "\n" + para(2)},
				{Heading: "成效", Text: body(2) + fmt.Sprintf("\n\n指标 实施前 实施后 居民参与人次 %d %d", 10+rng.Intn(70), 80+rng.Intn(320))},
				{Heading: "反思", Text: body(1)},
			},
		})
	}
	for i := 0; i < max(2, n/50); i++ {
		docs = append(docs, search.Document{
			URL: fmt.Sprintf("/guides/guide-%05d/", i), Title: fmt.Sprintf("社区社会工作室运营指南（%d）", i), Kind: "guides",
			Sections: []search.Section{{Heading: "步骤", Text: para(2) + "\n" + para(2)}, {Text: body(4)}},
		})
	}
	for i := 0; i < max(1, n/100); i++ {
		docs = append(docs, search.Document{
			URL: fmt.Sprintf("/courses/course-%05d/", i), Title: fmt.Sprintf("培训课程（%d）", i), Kind: "courses",
			Sections: []search.Section{{Text: body(2)}},
		})
	}
	for i := 0; i < 12; i++ {
		docs = append(docs, search.Document{
			URL: fmt.Sprintf("/handbook/chapter-%02d/", i+1), Title: fmt.Sprintf("第%d章 实务操作", i+1), Kind: "handbook",
			Sections: []search.Section{{Heading: "要点", Text: body(5)}},
		})
	}
	return docs
}
