package static_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/jianghan-district/jianghan/internal/browsertest"
	"github.com/jianghan-district/jianghan/search"
	"github.com/jianghan-district/jianghan/search/index"
	"github.com/jianghan-district/jianghan/search/internal/testcorpus"
	"github.com/jianghan-district/jianghan/search/query"
	"github.com/jianghan-district/jianghan/search/static"
)

// searchJS writes the browser script, the other half of the ranking
// contract, where Node can require it.
func searchJS(t testing.TB) string {
	p := filepath.Join(t.TempDir(), "search.js")
	if err := os.WriteFile(p, static.Script, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// synonyms are the groups the parity fixture is built with.
var synonyms = [][]string{
	{"加装电梯", "加梯", "装电梯"},
	{"独居老人", "空巢老人", "孤寡老人"},
	{"社区食堂", "老年食堂", "老人吃饭", "助餐"},
	{"业委会", "业主委员会"},
	{"停车难", "乱停车", "停车管理"},
	{"议事会", "居民议事", "议事协商"},
	{"三社联动", "社区社工社会组织联动"},
}

// parityQueries are Chinese (and mixed) queries whose top ten must be the
// same from Index.Search and from search.js over the static index: words,
// phrases, sentences with filler, several parts, reordered words,
// synonyms, quotes, filters and paging.
var parityQueries = []search.Request{
	{Query: "电梯"}, {Query: "加装电梯"}, {Query: "梯"}, {Query: "社区"}, {Query: "居民议事"},
	{Query: "物业 矛盾"}, {Query: "三社联动"}, {Query: "\"社区 工作\""}, {Query: "独居老人 助餐"},
	{Query: "议事协商"}, {Query: "社工室以专业方法介入社区治理"}, {Query: "青少年 托管"},
	{Query: "社区", Kind: "cases"}, {Query: "居民", Street: "水塔街道"}, {Query: "居民", Topic: "物业服务", Method: "三社联动"},
	{Query: "工作法", Kind: "workers"}, {Query: "业委会换届"}, {Query: "垃圾"}, {Query: "公益创投"}, {Query: "第3章"},
	{Query: "区工"}, {Query: "社区工作者以问题为导向组织居民议事并引导"}, {Query: "ABC"}, {Query: "3社联动"},
	{Query: "雨污分流 停车"}, {Query: "社区", From: 10}, {Query: "花楼"}, {Query: "（12）"},
	{Query: "老旧小区加装电梯怎么协调"}, {Query: "加梯"}, {Query: "老人吃饭怎么办"}, {Query: "空巢老人"},
	{Query: "电梯加装"}, {Query: "议事 楼栋"}, {Query: "如何成立业主委员会"}, {Query: "乱停车怎么解决"},
	{Query: "怎么办"}, {Query: "的"}, {Query: "火箭"}, {Query: "梯子"}, {Query: "花楼 电梯", Kind: "handbook"},
	{Query: "\"楼道堆物\" 整治"}, {Query: "社区食堂", Street: "花楼街道"}, {Query: "独居老人助餐服务怎么做"},
}

// jsResult is what the node harness prints for one request.
type jsResult struct {
	Query   string                    `json:"query"`
	Total   int                       `json:"total"`
	About   bool                      `json:"about"`  // total and facets are lower bounds
	Approx  bool                      `json:"approx"` // the ranking was cut short
	Hits    []search.Hit              `json:"hits"`
	Facets  map[string]map[string]int `json:"facets"`
	Suggest *search.Suggestions       `json:"suggest"`
	Bytes   int                       `json:"bytes"`   // bytes read so far (compressed)
	Reads   int                       `json:"reads"`   // texts read
	Fetched int                       `json:"fetched"` // tail blocks fetched
	Rounds  int                       `json:"rounds"`
	Error   string                    `json:"error"`
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
Object.defineProperty(get, 'bytes', {get: () => bytes});
const engine = new api.Engine(get, process.env.BUDGET_DEFAULT ? {} : process.env.BUDGET ? {budget: +process.env.BUDGET} : {budget: Infinity});
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

// runNode runs reqs through search.js in Node with no byte budget (every
// answer exact), or skips when there is no node.
func runNode(t testing.TB, dir string, reqs []search.Request) []jsResult {
	return runNodeBudget(t, dir, reqs, "")
}

// runNodeBudget runs reqs with the given byte budget ("": none; "default":
// search.js's own).
func runNodeBudget(t testing.TB, dir string, reqs []search.Request, budget string) []jsResult {
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
	switch budget {
	case "":
	case "default":
		cmd.Env = append(os.Environ(), "BUDGET_DEFAULT=1")
	default:
		cmd.Env = append(os.Environ(), "BUDGET="+budget)
	}
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

// fixture is a synced index and a static export of the same documents.
type fixture struct {
	ix     *index.Index
	static string
	docs   []search.Document
	// random are the random queries the parity tests draw from: Node
	// runs them all, Chromium and the byte budget the first of them, so
	// that Index.Search answers each once.
	random []search.Request
}

// answer is Index.Search's answer to one request, computed once per test
// binary: under the race detector a search over the fixture costs tens of
// milliseconds, and the parity tests put the same requests to Node, to
// Chromium and to the byte budget.
type answer struct {
	once sync.Once
	res  *search.Result
	err  error
}

var answers sync.Map // search.Request → *answer

// searchAll starts Index.Search on reqs, several at a time, and returns a
// function that waits for the answers: the caller runs search.js
// meanwhile, in Node or Chromium, which are other processes.
func (f fixture) searchAll(reqs []search.Request) func(t testing.TB) []*search.Result {
	out := make([]*search.Result, len(reqs))
	errs := make([]error, len(reqs))
	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range next {
				a, _ := answers.LoadOrStore(reqs[i], &answer{})
				ans := a.(*answer)
				ans.once.Do(func() { ans.res, ans.err = f.ix.Search(context.Background(), reqs[i]) })
				out[i], errs[i] = ans.res, ans.err
			}
		})
	}
	go func() {
		for i := range reqs {
			next <- i
		}
		close(next)
	}()
	return func(t testing.TB) []*search.Result {
		t.Helper()
		wg.Wait()
		for i, err := range errs {
			if err != nil {
				t.Fatalf("%+v: %v", reqs[i], err)
			}
		}
		return out
	}
}

var (
	fixtureOnce sync.Once
	fix         fixture
	fixErr      error
	fixDir      string
)

// TestMain removes the shared fixture and closes the browser after the tests.
func TestMain(m *testing.M) {
	code := browsertest.Main(m)
	if fix.ix != nil {
		fix.ix.Close()
	}
	if fixDir != "" {
		os.RemoveAll(fixDir)
	}
	os.Exit(code)
}

// fixtureSize is the number of generated cases in the parity fixture
// (about 370 documents): enough that the texts fill several files read by
// range requests, that the postings of common terms run into the third
// block, and that about a quarter of the random queries fetch tail blocks
// and some several rounds of them (TestSearchJSMatchesIndexRandom checks
// that they still do). Twice as many proved nothing more and cost three
// times as much to index under the race detector.
const fixtureSize = 300

// fixtureDocs is the generated corpus plus a few hand-written documents
// with mixed scripts, full-width forms and synonyms.
func fixtureDocs(n int) []search.Document {
	docs := testcorpus.Docs(n)
	sec := func(s string) []search.Section { return []search.Section{{Text: s}} }
	docs = append(docs,
		search.Document{URL: "/guides/abc/", Title: "ＡＢＣ１２３ 工作法", Kind: "guides", Sections: sec("ABC123 与 3社联动：一段简单的说明。")},
		search.Document{URL: "/guides/abc-2/", Title: "ABC 入门", Kind: "guides", Sections: sec("abc 是三个字母；３社联动也写作三社联动。")},
		search.Document{URL: "/cases/lift-x/", Title: "老楼加梯", Kind: "cases", Summary: "空巢老人多的老楼，加梯怎么协调。", Sections: sec("老人吃饭也成了问题，业主委员会出面。")},
		search.Document{URL: "/cases/escape/", Title: "<b>转义</b> & 电梯", Kind: "cases", Sections: sec(`<script>alert("电梯")</script> 'x' & "y"`)},
	)
	return docs
}

// getFixture builds the shared fixture once per test binary.
func getFixture(t testing.TB) fixture {
	t.Helper()
	fixtureOnce.Do(func() {
		dir, err := os.MkdirTemp("", "jianghan-parity-")
		if err != nil {
			fixErr = err
			return
		}
		fixDir = dir
		docs := fixtureDocs(fixtureSize)
		ix, err := index.Open(filepath.Join(dir, "idx"))
		if err != nil {
			fixErr = err
			return
		}
		ix.SetSynonyms(synonyms)
		if _, err := ix.Sync(docs); err != nil {
			fixErr = err
			return
		}
		out := filepath.Join(dir, "static")
		if err := static.WriteStatic(out, docs, static.Options{Synonyms: synonyms}); err != nil {
			fixErr = err
			return
		}
		fix = fixture{ix: ix, static: out, docs: docs, random: randomRequests(docs, 300, 7)}
	})
	if fixErr != nil {
		t.Fatal(fixErr)
	}
	return fix
}

func TestSearchJSMatchesIndex(t *testing.T) {
	fx := getFixture(t)
	wants := fx.searchAll(parityQueries)
	js := runNode(t, fx.static, parityQueries)
	want := wants(t)
	for i, req := range parityQueries {
		t.Run(req.Query, func(t *testing.T) { compareResults(t, want[i], js[i]) })
	}
}

// compareResults checks that search.js's answer equals Index.Search's: the
// same hits in the same order with the same scores (bit for bit) and the
// same snippets; unless search.js says its counts are lower bounds, the
// same total and facets; the same suggestions.
func compareResults(t *testing.T, want *search.Result, got jsResult) {
	t.Helper()
	if got.Error != "" {
		t.Fatal(got.Error)
	}
	if got.Approx {
		t.Errorf("approximate answer")
	}
	if len(got.Hits) != len(want.Hits) {
		t.Errorf("%d hits, want %d", len(got.Hits), len(want.Hits))
	}
	for i := 0; i < min(len(got.Hits), len(want.Hits)); i++ {
		g, w := got.Hits[i], want.Hits[i]
		if g.URL != w.URL || g.Score != w.Score {
			t.Errorf("hit %d: %s %v, want %s %v", i, g.URL, g.Score, w.URL, w.Score)
		} else if g.Snippet != w.Snippet || g.Title != w.Title || g.Kind != w.Kind {
			t.Errorf("hit %d %s:\n  js %q %q %q\n  go %q %q %q", i, g.URL, g.Title, g.Kind, g.Snippet, w.Title, w.Kind, w.Snippet)
		}
	}
	if fmt.Sprint(got.Suggest) != fmt.Sprint(want.Suggest) {
		t.Errorf("suggestions %+v, want %+v", got.Suggest, want.Suggest)
	}
	if got.About {
		if got.Total > want.Total {
			t.Errorf("lower bound %d > total %d", got.Total, want.Total)
		}
		for _, name := range search.FacetNames {
			for v, n := range got.Facets[name] {
				if n > want.Facets[name][v] {
					t.Errorf("facet %s %s: lower bound %d > %d", name, v, n, want.Facets[name][v])
				}
			}
		}
		return
	}
	if got.Total != want.Total {
		t.Errorf("total %d, want %d", got.Total, want.Total)
	}
	for _, name := range search.FacetNames {
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

// fillers and synonym words the random queries mix in.
var (
	randomFillers = []string{"怎么", "如何", "怎么办", "的", "吗", "有没有", "该怎么", "一下"}
	randomWords   = []string{"加梯", "空巢老人", "老人吃饭", "业主委员会", "乱停车", "居民议事"}
)

// randomRequests makes n requests from substrings of docs' text: words,
// phrases, several parts, sentences with filler and synonyms, quoted text,
// reordered halves, with filters and paging now and then. They reach tail
// blocks, ties, bounds and phrase checks that a hand-made table misses.
func randomRequests(docs []search.Document, n int, seed int64) []search.Request {
	rng := rand.New(rand.NewSource(seed))
	kinds := []string{"cases", "workers", "guides", "lectures"}
	var reqs []search.Request
	for len(reqs) < n {
		d := docs[rng.Intn(len(docs))]
		var fields []string
		fields = append(fields, d.Title, d.Summary)
		for _, s := range d.Sections {
			fields = append(fields, s.Text)
		}
		text := []rune(fields[rng.Intn(len(fields))])
		if len(text) < 8 {
			continue
		}
		cut := func() string {
			l := 1 + rng.Intn(6)
			s := rng.Intn(len(text) - l)
			return string(text[s : s+l])
		}
		r := search.Request{Query: cut()}
		switch rng.Intn(8) {
		case 0, 1:
			r.Query += " " + cut()
		case 2:
			r.Query += randomFillers[rng.Intn(len(randomFillers))] + cut()
		case 3:
			r.Query = randomWords[rng.Intn(len(randomWords))] + randomFillers[rng.Intn(len(randomFillers))] + r.Query
		case 4:
			if rs := []rune(r.Query); len(rs) > 3 {
				r.Query = string(rs[len(rs)/2:]) + string(rs[:len(rs)/2])
			}
		case 5:
			r.Query = `"` + r.Query + `"`
		}
		switch rng.Intn(8) {
		case 0:
			r.Kind = kinds[rng.Intn(len(kinds))]
		case 1:
			r.Street = testcorpus.Streets[rng.Intn(len(testcorpus.Streets))]
		case 2:
			r.Topic = testcorpus.Topics[rng.Intn(len(testcorpus.Topics))]
		case 3:
			r.Method = testcorpus.Methods[rng.Intn(len(testcorpus.Methods))]
		case 4:
			r.From = 10 * rng.Intn(3)
		}
		if _, err := query.Parse(r.Query, nil); err == nil {
			reqs = append(reqs, r)
		}
	}
	return reqs
}

func TestSearchJSMatchesIndexRandom(t *testing.T) {
	fx := getFixture(t)
	reqs := fx.random
	wants := fx.searchAll(reqs)
	js := runNode(t, fx.static, reqs)
	want := wants(t)
	tails, rounds := 0, 0
	for i, req := range reqs {
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			t.Logf("%+v", req)
			compareResults(t, want[i], js[i])
		})
		if js[i].Fetched > 0 {
			tails++
		}
		if js[i].Fetched > 1 {
			rounds++
		}
	}
	// The fixture and the queries are sized to reach the tail blocks; a
	// smaller pair would pass while proving less.
	t.Logf("%d of %d answers fetched tail blocks, %d more than one", tails, len(reqs), rounds)
	if tails < len(reqs)/8 || rounds < len(reqs)/16 {
		t.Errorf("only %d of %d answers fetched tail blocks, %d more than one: the fixture no longer tests them", tails, len(reqs), rounds)
	}
	if texts, _ := filepath.Glob(filepath.Join(fx.static, "d", "*.bin")); len(texts) < 2 {
		t.Errorf("the texts fill %d file(s): reading across files is not tested", len(texts))
	}
}

// TestSearchJSSize keeps search.js small: it is part of the first query's
// bytes on a phone (the theme serves it as it is, comments included).
// TestSearchJSBudget: with its byte budget, search.js answers many
// queries exactly; when the budget cuts an answer short, the answer says so
// and its first three hits are still the index's.
func TestSearchJSBudget(t *testing.T) {
	fx := getFixture(t)
	reqs := append(slices.Clone(fx.random[:150]), parityQueries...)
	wants := fx.searchAll(reqs)
	js := runNodeBudget(t, fx.static, reqs, "default")
	wantAll := wants(t)
	cut := 0
	for i, req := range reqs {
		want := wantAll[i]
		got := js[i]
		if got.Error != "" {
			t.Fatalf("%+v: %s", req, got.Error)
		}
		if !got.Approx {
			t.Run(fmt.Sprint(i), func(t *testing.T) { compareResults(t, want, got) })
			continue
		}
		cut++
		n := min(3, len(want.Hits))
		if len(got.Hits) < n {
			t.Errorf("%+v: %d hits when cut", req, len(got.Hits))
			continue
		}
		for k := 0; k < n; k++ {
			if got.Hits[k].URL != want.Hits[k].URL || got.Hits[k].Score != want.Hits[k].Score {
				t.Errorf("%+v: cut short, hit %d is %s %v, want %s %v", req, k, got.Hits[k].URL, got.Hits[k].Score, want.Hits[k].URL, want.Hits[k].Score)
			}
		}
	}
	t.Logf("%d of %d answers cut short by the budget", cut, len(reqs))
	if cut > len(reqs)/10 {
		t.Errorf("%d of %d answers cut short: the budget cuts too often", cut, len(reqs))
	}
}

func TestSearchJSSize(t *testing.T) {
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	zw.Write(static.Script)
	zw.Close()
	if buf.Len() >= 16000 {
		t.Errorf("search.js is %d bytes gzipped, over 16 KB", buf.Len())
	}
	if !strings.Contains(string(static.Script), "jianghanSearch") {
		t.Error("Script is not search.js")
	}
}
