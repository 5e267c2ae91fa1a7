// Package relevance measures how well a search answers the judged queries
// of testdata/judged.yaml: natural queries over the sample library, each
// with the pages a trainer expects. The tests of this package hold jianghan's
// bleve index and search.js to thresholds; bench/relevance runs the same
// set through other engines (bleve's cjk analyzer, Pagefind) for
// comparison.
package relevance

import (
	"fmt"
	"io"
	"math"
	"os"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"
)

// Query is one judged query.
type Query struct {
	Q    string `yaml:"q"`
	Kind string `yaml:"kind"`
	// Want grades the expected pages by key ("cases/lift-seven-floors"): 2
	// answers the query directly, 1 helps.
	Want map[string]int `yaml:"want"`
}

// Load reads a judged set.
func Load(path string) ([]Query, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var qs []Query
	if err := yaml.Unmarshal(b, &qs); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return qs, nil
}

// Key is the page key of a site URL: "/cases/lift/" (or with a base path
// and index.html, as Pagefind reports them) gives "cases/lift".
func Key(url string) string {
	url = strings.TrimSuffix(strings.TrimSuffix(url, "index.html"), "/")
	parts := strings.Split(strings.Trim(url, "/"), "/")
	if len(parts) >= 2 {
		parts = parts[len(parts)-2:]
	}
	return strings.Join(parts, "/")
}

// Score is how one ranked list of page keys answers one query.
type Score struct {
	Success3 bool    // a judged page among the first three
	RR       float64 // 1/rank of the first judged page (0: none)
	NDCG10   float64 // normalised discounted cumulative gain over ten
	Empty    bool    // nothing was found
}

// Judge scores a ranked list of page keys for q.
func Judge(q Query, got []string) Score {
	s := Score{Empty: len(got) == 0}
	dcg := 0.0
	for i, k := range got {
		g := q.Want[k]
		if g == 0 {
			continue
		}
		if i < 3 {
			s.Success3 = true
		}
		if s.RR == 0 {
			s.RR = 1 / float64(i+1)
		}
		if i < 10 {
			dcg += float64(int(1)<<g-1) / math.Log2(float64(i+2))
		}
	}
	var grades []int
	for _, g := range q.Want {
		grades = append(grades, g)
	}
	sort.Sort(sort.Reverse(sort.IntSlice(grades)))
	ideal := 0.0
	for i, g := range grades {
		if i == 10 {
			break
		}
		ideal += float64(int(1)<<g-1) / math.Log2(float64(i+2))
	}
	if ideal > 0 {
		s.NDCG10 = dcg / ideal
	}
	return s
}

// Report sums the scores of a set.
type Report struct {
	Name     string
	N        int
	Success3 int
	MRR      float64
	NDCG10   float64
	Empty    int
	Kinds    map[string][2]int // per kind of query: successes at three, queries
}

// Evaluate runs every query through search (which returns page keys in
// rank order) and sums the scores.
func Evaluate(name string, qs []Query, search func(q string) ([]string, error)) (*Report, []Score, error) {
	r := &Report{Name: name, N: len(qs), Kinds: map[string][2]int{}}
	scores := make([]Score, len(qs))
	for i, q := range qs {
		got, err := search(q.Q)
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %q: %w", name, q.Q, err)
		}
		s := Judge(q, got)
		scores[i] = s
		k := r.Kinds[q.Kind]
		k[1]++
		if s.Success3 {
			r.Success3++
			k[0]++
		}
		r.Kinds[q.Kind] = k
		r.MRR += s.RR
		r.NDCG10 += s.NDCG10
		if s.Empty {
			r.Empty++
		}
	}
	if r.N > 0 {
		r.MRR /= float64(r.N)
		r.NDCG10 /= float64(r.N)
	}
	return r, scores, nil
}

// WriteTable writes reports side by side, overall and by kind of query.
func WriteTable(w io.Writer, reports ...*Report) {
	fmt.Fprintf(w, "| %-22s |", "")
	for _, r := range reports {
		fmt.Fprintf(w, " %-16s |", r.Name)
	}
	fmt.Fprintln(w)
	fmt.Fprint(w, "|---|")
	for range reports {
		fmt.Fprint(w, "---:|")
	}
	fmt.Fprintln(w)
	row := func(label string, f func(r *Report) string) {
		fmt.Fprintf(w, "| %-22s |", label)
		for _, r := range reports {
			fmt.Fprintf(w, " %-16s |", f(r))
		}
		fmt.Fprintln(w)
	}
	row("success@3", func(r *Report) string {
		return fmt.Sprintf("%d/%d (%.1f%%)", r.Success3, r.N, 100*float64(r.Success3)/float64(r.N))
	})
	row("MRR", func(r *Report) string { return fmt.Sprintf("%.3f", r.MRR) })
	row("nDCG@10", func(r *Report) string { return fmt.Sprintf("%.3f", r.NDCG10) })
	row("nothing found", func(r *Report) string { return fmt.Sprint(r.Empty) })
	var kinds []string
	for k := range reports[0].Kinds {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	for _, k := range kinds {
		row("success@3: "+k, func(r *Report) string { return fmt.Sprintf("%d/%d", r.Kinds[k][0], r.Kinds[k][1]) })
	}
}
