package main

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"

	"github.com/jianghan-district/jianghan/generator"
	"github.com/jianghan-district/jianghan/search/relevance"
)

// engineResults is what an engine run outside this program (Pagefind in
// Chromium, the Node baselines) returned: per query, the URLs of its
// first results in rank order.
type engineResults struct {
	Name    string              `json:"name"`
	Results map[string][]string `json:"results"`
}

// engineRun is one engine's scores on the judged set, per query in the
// set's order, kept so that they can be set against jianghan's one by one.
type engineRun struct {
	report *relevance.Report
	scores []relevance.Score
}

// readResults reads other engines' results: with named, a JSON array of
// engineResults (as bench/baselines.mjs prints); without, one object of
// query to URLs (as bench/relevance.mjs prints for Pagefind).
func readResults(path string, named bool) ([]engineResults, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var out []engineResults
	if named {
		err = json.Unmarshal(b, &out)
	} else {
		out = []engineResults{{Name: "Pagefind"}}
		err = json.Unmarshal(b, &out[0].Results)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return out, nil
}

// checkAnswered fails when an engine's results lack a judged query: a
// query the script never ran must not be scored as one that found nothing.
func checkAnswered(qs []relevance.Query, e engineResults) error {
	for _, q := range qs {
		if _, ok := e.Results[q.Q]; !ok {
			return fmt.Errorf("%s: no results for the judged query %q", e.Name, q.Q)
		}
	}
	return nil
}

// printDocuments writes the documents jianghan indexes, as JSON, so that
// the Node baselines index exactly the same pages and fields.
func printDocuments(site string) error {
	p, err := generator.Load(generator.Options{Root: site})
	if err != nil {
		return err
	}
	return json.NewEncoder(os.Stdout).Encode(generator.Documents(p.Site))
}

// writeBeaten lists, per engine, the queries on which it puts a right page
// higher than jianghan does, with the rank of the first right page in
// each engine's top ten (— for none), and how often it is higher, the
// same and lower.
func writeBeaten(w io.Writer, qs []relevance.Query, ours []relevance.Score, runs []engineRun) {
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Rank of the first right page, per query, against jianghan's:")
	fmt.Fprintln(w)
	for _, r := range runs {
		var higher, same, lower int
		var rows []string
		for i, s := range r.scores {
			switch {
			case s.RR > ours[i].RR:
				higher++
				rows = append(rows, fmt.Sprintf("| %s | %s | %s |", qs[i].Q, rank(ours[i].RR), rank(s.RR)))
			case s.RR < ours[i].RR:
				lower++
			default:
				same++
			}
		}
		fmt.Fprintf(w, "%s: higher on %d, same on %d, lower on %d\n", r.report.Name, higher, same, lower)
		if len(rows) > 0 {
			fmt.Fprintf(w, "\n| query | jianghan | %s |\n|---|---:|---:|\n", r.report.Name)
			for _, row := range rows {
				fmt.Fprintln(w, row)
			}
		}
		fmt.Fprintln(w)
	}
}

// rank turns a reciprocal rank back into the rank it came from.
func rank(rr float64) string {
	if rr == 0 {
		return "—"
	}
	return fmt.Sprint(int(math.Round(1 / rr)))
}
