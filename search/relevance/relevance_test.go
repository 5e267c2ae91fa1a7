package relevance_test

import (
	"bytes"
	"context"
	"encoding/json"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/jianghan-district/jianghan/generator"
	"github.com/jianghan-district/jianghan/search"
	"github.com/jianghan-district/jianghan/search/index"
	"github.com/jianghan-district/jianghan/search/relevance"
	"github.com/jianghan-district/jianghan/search/static"
)

// Thresholds the engine must reach on the judged set, set just under what
// it reaches (81/81 at three, MRR 0.940, nDCG@10 0.906), so that a change
// that loses one query's right page from the first three still passes and
// one that loses two fails.
const (
	minSuccess3 = 0.98
	minMRR      = 0.92
	minNDCG10   = 0.88
)

// here is this package's folder.
func here() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Dir(file)
}

// sample loads the sample library of the repository as search sees it.
func sample(t *testing.T) ([]search.Document, [][]string) {
	t.Helper()
	p, err := generator.Load(generator.Options{Root: filepath.Join(here(), "..", "..")})
	if err != nil {
		t.Fatal(err)
	}
	return generator.Documents(p.Site), generator.Synonyms(p.Site)
}

func judged(t *testing.T) []relevance.Query {
	t.Helper()
	qs, err := relevance.Load(filepath.Join(here(), "testdata", "judged.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(qs) < 60 {
		t.Fatalf("%d judged queries, want at least 60", len(qs))
	}
	return qs
}

// check holds a report to the thresholds and to a non-empty list for
// every query (each has a word that occurs in the library).
func check(t *testing.T, r *relevance.Report, qs []relevance.Query, scores []relevance.Score) {
	t.Helper()
	var b strings.Builder
	relevance.WriteTable(&b, r)
	t.Logf("\n%s", b.String())
	for i, s := range scores {
		if s.Empty {
			t.Errorf("%q found nothing", qs[i].Q)
		} else if !s.Success3 {
			t.Logf("not in the first three: %q (first judged page at rank %.0f)", qs[i].Q, 1/max(s.RR, 1e-9))
		}
	}
	if got := float64(r.Success3) / float64(r.N); got < minSuccess3 {
		t.Errorf("success@3 %.3f < %.2f", got, minSuccess3)
	}
	if r.MRR < minMRR {
		t.Errorf("MRR %.3f < %.2f", r.MRR, minMRR)
	}
	if r.NDCG10 < minNDCG10 {
		t.Errorf("nDCG@10 %.3f < %.2f", r.NDCG10, minNDCG10)
	}
}

func TestIndexRelevance(t *testing.T) {
	docs, syn := sample(t)
	qs := judged(t)
	ix, err := index.Open(filepath.Join(t.TempDir(), "ix"))
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	ix.SetSynonyms(syn)
	if _, err := ix.Sync(docs); err != nil {
		t.Fatal(err)
	}
	r, scores, err := relevance.Evaluate("Index.Search", qs, func(q string) ([]string, error) {
		res, err := ix.Search(context.Background(), search.Request{Query: q})
		if err != nil {
			return nil, err
		}
		keys := make([]string, len(res.Hits))
		for i, h := range res.Hits {
			keys[i] = relevance.Key(h.URL)
		}
		return keys, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	check(t, r, qs, scores)
}

// nodeHarness runs search.js's engine in Node over the static index.
const nodeHarness = `
const api = require(process.argv[2]);
const fs = require('fs');
const dir = process.argv[3];
const load = (n) => Promise.resolve().then(() => api.gunzip(new Uint8Array(fs.readFileSync(dir + '/' + n))));
const cache = {};
const get = (n) => cache[n] || (cache[n] = load(n));
get.range = (n, a, b) => Promise.resolve(new Uint8Array(fs.readFileSync(dir + '/' + n)).subarray(a, b));
const engine = new api.Engine(get);
const qs = JSON.parse(fs.readFileSync(0, 'utf8'));
(async () => {
  const out = [];
  for (const q of qs) {
    const r = await engine.search({q: q, size: 10});
    out.push(r.hits.map(h => h.url));
  }
  process.stdout.write(JSON.stringify(out));
})().catch(e => { console.error(e); process.exit(1); });
`

func TestSearchJSRelevance(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node is not installed")
	}
	docs, syn := sample(t)
	qs := judged(t)
	dir := t.TempDir()
	if err := static.WriteStatic(filepath.Join(dir, "search"), docs, static.Options{Synonyms: syn}); err != nil {
		t.Fatal(err)
	}
	js := filepath.Join(dir, "search.js")
	h := filepath.Join(dir, "harness.js")
	os.WriteFile(js, static.Script, 0o644)
	os.WriteFile(h, []byte(nodeHarness), 0o644)
	var in []string
	for _, q := range qs {
		in = append(in, q.Q)
	}
	b, _ := json.Marshal(in)
	cmd := exec.Command(node, h, js, filepath.Join(dir, "search"))
	cmd.Stdin = bytes.NewReader(b)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("node: %v\n%s", err, stderr.String())
	}
	var lists [][]string
	if err := json.Unmarshal(out, &lists); err != nil {
		t.Fatal(err)
	}
	i := 0
	r, scores, err := relevance.Evaluate("search.js", qs, func(string) ([]string, error) {
		keys := make([]string, len(lists[i]))
		for k, u := range lists[i] {
			keys[k] = relevance.Key(u)
		}
		i++
		return keys, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	check(t, r, qs, scores)
}

func TestJudge(t *testing.T) {
	q := relevance.Query{Q: "电梯", Want: map[string]int{"cases/a": 2, "cases/b": 1}}
	// ideal DCG: (2²-1)/log2(2) + (2¹-1)/log2(3)
	ideal := 3 + 1/math.Log2(3)
	tests := []struct {
		got        []string
		success    bool
		rr, ndcg10 float64
	}{
		{[]string{"cases/a", "cases/b"}, true, 1, 1},
		{[]string{"cases/b", "cases/a"}, true, 1, (1 + 3/math.Log2(3)) / ideal},
		{[]string{"x", "y", "z", "cases/b"}, false, 0.25, (1 / math.Log2(5)) / ideal},
		{nil, false, 0, 0},
	}
	for _, tt := range tests {
		s := relevance.Judge(q, tt.got)
		if s.Success3 != tt.success || s.RR != tt.rr || math.Abs(s.NDCG10-tt.ndcg10) > 1e-12 || s.Empty != (len(tt.got) == 0) {
			t.Errorf("%v: %+v, want success %v, RR %v, nDCG %v", tt.got, s, tt.success, tt.rr, tt.ndcg10)
		}
	}
	if relevance.Key("/jianghan/cases/lift/index.html") != "cases/lift" || relevance.Key("/cases/lift/") != "cases/lift" {
		t.Error("Key")
	}
}
