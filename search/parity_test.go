package search

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
)

// searchJS is the browser script, the other half of the ranking contract.
func searchJS(t testing.TB) string {
	_, file, _, _ := runtime.Caller(0)
	p := filepath.Join(filepath.Dir(file), "..", "themes", "default", "assets", "js", "search.js")
	if _, err := os.Stat(p); err != nil {
		t.Fatalf("search.js: %v", err)
	}
	return p
}

// parityQueries are Chinese (and mixed) queries whose top ten must be the
// same from Index.Search and from search.js over WriteStatic's output.
var parityQueries = []Request{
	{Query: "电梯"}, {Query: "加装电梯"}, {Query: "梯"}, {Query: "社区"}, {Query: "居民议事"},
	{Query: "物业 矛盾"}, {Query: "三社联动"}, {Query: "\"社区 工作\""}, {Query: "独居老人 助餐"},
	{Query: "议事协商"}, {Query: "社工室以专业方法介入社区治理"}, {Query: "青少年 托管"},
	{Query: "社区", Kind: "cases"}, {Query: "居民", Street: "水塔街道"}, {Query: "居民", Topic: "物业服务", Method: "三社联动"},
	{Query: "工作法", Kind: "workers"}, {Query: "业委会换届"}, {Query: "垃圾"}, {Query: "公益创投"}, {Query: "第3章"},
	{Query: "区工"}, {Query: "社区工作者以问题为导向组织居民议事并引导"}, {Query: "ABC"}, {Query: "3社联动"},
	{Query: "雨污分流 停车"}, {Query: "社区", From: 10}, {Query: "花楼"}, {Query: "（12）"},
}

// jsResult is what the node harness prints for one request.
type jsResult struct {
	Query  string                    `json:"query"`
	Total  int                       `json:"total"`
	Approx bool                      `json:"approx"`
	Hits   []Hit                     `json:"hits"`
	Facets map[string]map[string]int `json:"facets"`
	Bytes  int                       `json:"bytes"` // bytes read so far (compressed)
	Error  string                    `json:"error"`
}

// nodeHarness runs search.js's engine in Node over the static index in dir.
const nodeHarness = `
const api = require(process.argv[2]);
const fs = require('fs');
const dir = process.argv[3];
let bytes = 0;
const load = (name) => Promise.resolve().then(() => {
  const b = new Uint8Array(fs.readFileSync(dir + '/' + name));
  bytes += b.length;
  return api.gunzip(b);
});
const cache = {};
const get = (n) => cache[n] || (cache[n] = load(n));
get.range = (n, a, b) => Promise.resolve().then(() => {
  const u = new Uint8Array(fs.readFileSync(dir + '/' + n)).subarray(a, b);
  bytes += u.length;
  return u;
});
const engine = new api.Engine(get);
const reqs = JSON.parse(fs.readFileSync(0, 'utf8'));
(async () => {
  const out = [];
  for (const r of reqs) {
    try {
      const res = await engine.search({q: r.Query, kind: r.Kind, street: r.Street, topic: r.Topic, method: r.Method, size: r.Size || 10, from: r.From});
      res.bytes = bytes;
      out.push(res);
    } catch (e) { out.push({error: String(e.stack || e)}); }
  }
  process.stdout.write(JSON.stringify(out));
})();
`

// runNode runs reqs through search.js in Node, or skips when there is no node.
func runNode(t testing.TB, dir string, reqs []Request) []jsResult {
	t.Helper()
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node is not installed; the browser tests cover search.js")
	}
	h := filepath.Join(t.TempDir(), "harness.js")
	if err := os.WriteFile(h, []byte(nodeHarness), 0o644); err != nil {
		t.Fatal(err)
	}
	in, _ := json.Marshal(reqs)
	cmd := exec.Command(node, h, searchJS(t), dir)
	cmd.Stdin = bytes.NewReader(in)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("node: %v\n%s", err, stderr.String())
	}
	var res []jsResult
	if err := json.Unmarshal(out, &res); err != nil {
		t.Fatalf("node output: %v\n%s", err, out)
	}
	return res
}

// parityFixture is a synced index and a static export of the same documents.
type parityFixture struct {
	ix     *Index
	static string
}

var (
	parityOnce sync.Once
	parityFix  parityFixture
	parityErr  error
	parityDir  string
)

// TestMain removes the shared fixture after the tests.
func TestMain(m *testing.M) {
	code := m.Run()
	if parityFix.ix != nil {
		parityFix.ix.Close()
	}
	if parityDir != "" {
		os.RemoveAll(parityDir)
	}
	os.Exit(code)
}

// parityDocs is the generated corpus plus a few hand-written documents
// with mixed scripts and full-width forms.
func parityDocs(n int) []Document {
	docs := genDocs(n)
	docs = append(docs,
		Document{URL: "/guides/abc/", Title: "ＡＢＣ１２３ 工作法", Kind: "guides", Body: "ABC123 与 3社联动：一段简单的说明。"},
		Document{URL: "/guides/abc-2/", Title: "ABC 入门", Kind: "guides", Body: "abc 是三个字母；３社联动也写作三社联动。"},
	)
	return docs
}

// getParity builds the shared fixture once per test binary.
func getParity(t testing.TB) parityFixture {
	t.Helper()
	parityOnce.Do(func() {
		dir, err := os.MkdirTemp("", "jianghan-parity-")
		if err != nil {
			parityErr = err
			return
		}
		parityDir = dir
		docs := parityDocs(600)
		ix, err := Open(filepath.Join(dir, "idx"))
		if err != nil {
			parityErr = err
			return
		}
		if _, err := ix.Sync(docs); err != nil {
			parityErr = err
			return
		}
		static := filepath.Join(dir, "static")
		if err := WriteStatic(static, docs, StaticOptions{}); err != nil {
			parityErr = err
			return
		}
		parityFix = parityFixture{ix: ix, static: static}
	})
	if parityErr != nil {
		t.Fatal(parityErr)
	}
	return parityFix
}

func TestSearchJSMatchesIndex(t *testing.T) {
	fx := getParity(t)
	js := runNode(t, fx.static, parityQueries)
	for i, req := range parityQueries {
		t.Run(req.Query, func(t *testing.T) {
			want, err := fx.ix.Search(req)
			if err != nil {
				t.Fatal(err)
			}
			got := js[i]
			if got.Error != "" {
				t.Fatal(got.Error)
			}
			compareResults(t, want, got)
		})
	}
}

// compareResults checks that search.js's answer equals Index.Search's: the
// same hits in the same order with the same scores (bit for bit), and, unless
// search.js says its counts are approximate, the same total and facets.
func compareResults(t *testing.T, want *Result, got jsResult) {
	t.Helper()
	if len(got.Hits) != len(want.Hits) {
		t.Errorf("%d hits, want %d", len(got.Hits), len(want.Hits))
	}
	for i := 0; i < min(len(got.Hits), len(want.Hits)); i++ {
		g, w := got.Hits[i], want.Hits[i]
		if g.URL != w.URL || g.Score != w.Score {
			t.Errorf("hit %d: %s %v, want %s %v", i, g.URL, g.Score, w.URL, w.Score)
		}
	}
	if got.Approx {
		if got.Total < want.Total {
			t.Errorf("approximate total %d < %d", got.Total, want.Total)
		}
		return
	}
	if got.Total != want.Total {
		t.Errorf("total %d, want %d", got.Total, want.Total)
	}
	for _, name := range facetNames {
		if !mapsEqual(got.Facets[name], want.Facets[name]) {
			t.Errorf("facet %s: %v, want %v", name, got.Facets[name], want.Facets[name])
		}
	}
}

func mapsEqual(a, b map[string]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// randomRequests makes n requests from substrings of docs' text: words,
// phrases, two clauses, quoted text across punctuation, with filters and
// paging now and then. They reach tail blocks, ties and phrase checks that
// a hand-made table misses.
func randomRequests(docs []Document, n int, seed int64) []Request {
	rng := rand.New(rand.NewSource(seed))
	kinds := []string{"cases", "workers", "guides", "lectures"}
	var reqs []Request
	for len(reqs) < n {
		d := docs[rng.Intn(len(docs))]
		text := []rune([]string{d.Title, d.Summary, d.Problem, d.Solution, d.Body}[rng.Intn(5)])
		if len(text) < 8 {
			continue
		}
		cut := func() string {
			l := 1 + rng.Intn(6)
			s := rng.Intn(len(text) - l)
			return string(text[s : s+l])
		}
		r := Request{Query: cut()}
		if rng.Intn(3) == 0 {
			r.Query += " " + cut()
		}
		if rng.Intn(5) == 0 {
			r.Query = `"` + r.Query + `"`
		}
		switch rng.Intn(8) {
		case 0:
			r.Kind = kinds[rng.Intn(len(kinds))]
		case 1:
			r.Street = genStreets[rng.Intn(len(genStreets))]
		case 2:
			r.Topic = genTopics[rng.Intn(len(genTopics))]
		case 3:
			r.Method = genMethods[rng.Intn(len(genMethods))]
		case 4:
			r.From = 10 * rng.Intn(3)
		}
		if _, err := parseQuery(r.Query); err == nil {
			reqs = append(reqs, r)
		}
	}
	return reqs
}

func TestSearchJSMatchesIndexRandom(t *testing.T) {
	fx := getParity(t)
	reqs := randomRequests(parityDocs(600), 200, 7)
	js := runNode(t, fx.static, reqs)
	for i, req := range reqs {
		want, err := fx.ix.Search(req)
		if err != nil {
			t.Fatalf("%+v: %v", req, err)
		}
		if js[i].Error != "" {
			t.Fatalf("%+v: %s", req, js[i].Error)
		}
		t.Run(fmt.Sprint(i), func(t *testing.T) { compareResults(t, want, js[i]) })
	}
}

// TestSearchJSSize keeps search.js under the 10 KB gzipped (the
// theme serves it as it is, comments included).
func TestSearchJSSize(t *testing.T) {
	b, err := os.ReadFile(searchJS(t))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	zw.Write(b)
	zw.Close()
	if buf.Len() >= 10000 {
		t.Errorf("search.js is %d bytes gzipped, over 10 KB", buf.Len())
	}
}
