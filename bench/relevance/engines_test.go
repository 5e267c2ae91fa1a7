package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jianghan-district/jianghan/search/relevance"
)

var judged = []relevance.Query{
	{Q: "加装电梯怎么协调", Want: map[string]int{"cases/lift-seven-floors": 2}},
	{Q: "独居老人 助餐", Want: map[string]int{"cases/elder-canteen": 2}},
}

func TestReadResults(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	t.Run("Pagefind's object is one engine named Pagefind", func(t *testing.T) {
		got, err := readResults(write("pf.json", `{"加装电梯怎么协调": ["/cases/lift-seven-floors/index.html"], "独居老人 助餐": []}`), false)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 1 || got[0].Name != "Pagefind" || got[0].Results["加装电梯怎么协调"][0] != "/cases/lift-seven-floors/index.html" {
			t.Fatalf("got %+v", got)
		}
		if err := checkAnswered(judged, got[0]); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("named engines keep their order", func(t *testing.T) {
		got, err := readResults(write("b.json", `[{"name": "MiniSearch (VP)", "results": {}}, {"name": "jieba + BM25", "results": {}}]`), true)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 2 || got[0].Name != "MiniSearch (VP)" || got[1].Name != "jieba + BM25" {
			t.Fatalf("got %+v", got)
		}
	})
	t.Run("a query the engine never ran is an error, not an empty list", func(t *testing.T) {
		e := engineResults{Name: "jieba + BM25", Results: map[string][]string{"加装电梯怎么协调": nil}}
		err := checkAnswered(judged, e)
		if err == nil || !strings.Contains(err.Error(), "独居老人 助餐") || !strings.Contains(err.Error(), "jieba + BM25") {
			t.Fatalf("err = %v, want one naming the engine and the missing query", err)
		}
	})
	t.Run("broken JSON names the file", func(t *testing.T) {
		p := write("bad.json", `{"加装电梯怎么协调": [`)
		if _, err := readResults(p, false); err == nil || !strings.Contains(err.Error(), p) {
			t.Fatalf("err = %v, want one naming %s", err, p)
		}
	})
	t.Run("a missing file is an error", func(t *testing.T) {
		if _, err := readResults(filepath.Join(dir, "none.json"), true); err == nil {
			t.Fatal("no error")
		}
	})
}

func TestWriteBeaten(t *testing.T) {
	ours := []relevance.Score{{RR: 0.5}, {RR: 1}}
	tests := []struct {
		name   string
		scores []relevance.Score
		want   []string
		absent []string
	}{
		{
			name:   "higher on one query, lower on the other",
			scores: []relevance.Score{{RR: 1}, {RR: 0}},
			want:   []string{"engine: higher on 1, same on 0, lower on 1", "| 加装电梯怎么协调 | 2 | 1 |"},
			absent: []string{"独居老人 助餐"},
		},
		{
			name:   "the same everywhere lists no query",
			scores: []relevance.Score{{RR: 0.5}, {RR: 1}},
			want:   []string{"engine: higher on 0, same on 2, lower on 0"},
			absent: []string{"| query |"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var b strings.Builder
			writeBeaten(&b, judged, ours, []engineRun{{&relevance.Report{Name: "engine"}, tc.scores}})
			for _, w := range tc.want {
				if !strings.Contains(b.String(), w) {
					t.Errorf("output lacks %q:\n%s", w, b.String())
				}
			}
			for _, a := range tc.absent {
				if strings.Contains(b.String(), a) {
					t.Errorf("output has %q:\n%s", a, b.String())
				}
			}
		})
	}
}

func TestRank(t *testing.T) {
	for rr, want := range map[float64]string{0: "—", 1: "1", 1.0 / 3: "3", 0.1: "10"} {
		if got := rank(rr); got != want {
			t.Errorf("rank(%v) = %q, want %q", rr, got, want)
		}
	}
}
