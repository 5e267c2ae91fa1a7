package static_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/jianghan-district/jianghan/internal/browsertest"
	"github.com/jianghan-district/jianghan/search"
	"github.com/jianghan-district/jianghan/search/analysis"
	"github.com/jianghan-district/jianghan/search/query"
	"github.com/jianghan-district/jianghan/search/static"
)

// The search page as the theme renders it (the parts search.js uses).
const searchPageHTML = `<!doctype html>
<html lang="zh-CN" data-base="%[1]s"><head><meta charset="utf-8"><title>搜索</title></head><body>
<form role="search" id="search-form" action="%[1]ssearch/"><input type="search" name="q" id="q" autocomplete="off"></form>
<div id="facets"></div>
<p id="search-status" role="status" aria-live="polite"></p>
<ol id="results"></ol>
<script src="%[1]sjs/search.js" defer></script>
</body></html>`

// siteServer serves the search page at /jianghan/search/, search.js and the
// static index, counting the bytes of everything but the page itself.
type siteServer struct {
	*httptest.Server
	bytes atomic.Int64
	mu    sync.Mutex
	files []string
}

func newSiteServer(t testing.TB, dir string) *siteServer {
	return newSiteServerRanges(t, dir, true)
}

// newSiteServerRanges serves dir, answering range requests with the whole
// file unless ranges, as some servers do.
func newSiteServerRanges(t testing.TB, dir string, ranges bool) *siteServer {
	t.Helper()
	s := &siteServer{}
	files := http.StripPrefix("/jianghan/search/", http.FileServer(http.Dir(dir)))
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.URL.Path == "/jianghan/search/":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprintf(w, searchPageHTML, "/jianghan/")
		case r.URL.Path == "/jianghan/js/search.js":
			w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
			s.count(r.URL.Path, len(static.Script))
			w.Write(static.Script)
		case strings.HasPrefix(r.URL.Path, "/jianghan/search/"):
			if !ranges {
				r.Header.Del("Range")
			}
			cw := &countingWriter{ResponseWriter: w}
			files.ServeHTTP(cw, r)
			s.count(r.URL.Path, cw.n)
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *siteServer) count(path string, n int) {
	s.bytes.Add(int64(n))
	s.mu.Lock()
	s.files = append(s.files, path)
	s.mu.Unlock()
}

// countingWriter counts the body bytes of a response.
type countingWriter struct {
	http.ResponseWriter
	n int
}

func (c *countingWriter) Write(b []byte) (int, error) {
	n, err := c.ResponseWriter.Write(b)
	c.n += n
	return n, err
}

// pageState is what the search page shows once search.js is done.
type pageState struct {
	URLs    []string `json:"urls"`
	Status  string   `json:"status"`
	Marks   []string `json:"marks"`
	Suggest []string `json:"suggest"` // the suggestion links: text then href
}

// pageResults waits for search.js to finish and returns what the page shows.
func pageResults(t testing.TB, ctx context.Context) pageState {
	t.Helper()
	var st pageState
	var err error
	// a poll begun while a navigation replaces the page loses its context
	for try := 0; try < 3; try++ {
		st, err = chromedp.Run(ctx, chromedp.Poll[pageState](`(() => {
			const s = document.getElementById('search-status').textContent;
			if (!s || s.startsWith('正在搜索')) return null;
			return {urls: Array.from(document.querySelectorAll('#results li[data-url]')).map(li => li.dataset.url), status: s,
				marks: Array.from(document.querySelectorAll('#results li[data-url] mark')).map(m => m.textContent),
				suggest: Array.from(document.querySelectorAll('#search-suggest a')).flatMap(a => [a.textContent, a.getAttribute('href')])};
		})()`, chromedp.WithPollingTimeout(30*time.Second)))
		if err == nil || !strings.Contains(err.Error(), "Cannot find context") {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	if err != nil {
		t.Fatalf("waiting for results: %v", err)
	}
	return st
}

// searchURL is the search page's URL for a request.
func searchURL(base string, r search.Request) string {
	v := url.Values{}
	v.Set("q", r.Query)
	for k, s := range map[string]string{"kind": r.Kind, "street": r.Street, "topic": r.Topic, "method": r.Method} {
		if s != "" {
			v.Set(k, s)
		}
	}
	return base + "/jianghan/search/?" + v.Encode()
}

// sameHits checks that the page shows the index's hits in the index's
// order; when the page says its answer is approximate (约: the byte budget
// cut it short), the first three.
func sameHits(t *testing.T, got pageState, want *search.Result) {
	t.Helper()
	w := withBase(want)
	if strings.Contains(got.Status, "约") {
		n := min(3, len(w))
		if len(got.URLs) < n || strings.Join(got.URLs[:n], " ") != strings.Join(w[:n], " ") {
			t.Errorf("approximate answer: browser %v\n  index %v", got.URLs, w)
		}
		return
	}
	if strings.Join(got.URLs, " ") != strings.Join(w, " ") {
		t.Errorf("browser %v\n  index %v", got.URLs, w)
	}
}

// withBase prefixes the site base to the URLs of a result.
func withBase(r *search.Result) []string {
	out := make([]string, len(r.Hits))
	for i, h := range r.Hits {
		out[i] = "/jianghan" + h.URL
	}
	return out
}

func TestBrowserSearchMatchesIndex(t *testing.T) {
	fx := getFixture(t)
	ctx := browsertest.Tab(t)
	srv := newSiteServer(t, fx.static)
	queries := []search.Request{
		{Query: "电梯"}, {Query: "加装电梯"}, {Query: "梯"}, {Query: "居民议事"}, {Query: "物业 矛盾"},
		{Query: "三社联动"}, {Query: `"社区 工作"`}, {Query: "ＡＢＣ１２３"}, {Query: "3社联动"},
		{Query: "独居老人 助餐"}, {Query: "社区", Kind: "guides"}, {Query: "居民", Topic: "物业服务"},
		{Query: "老旧小区加装电梯怎么协调"}, {Query: "加梯"}, {Query: "老人吃饭怎么办"}, {Query: "电梯加装"},
		{Query: "独居老人助餐服务怎么做"},
	}
	wants := fx.searchAll(queries)(t)
	for i, req := range queries {
		t.Run(req.Query, func(t *testing.T) {
			want := wants[i]
			if err := chromedp.Do(ctx, chromedp.Navigate(searchURL(srv.URL, req))); err != nil {
				t.Fatal(err)
			}
			got := pageResults(t, ctx)
			sameHits(t, got, want)
			if want.Total > 0 && !strings.Contains(got.Status, "条") {
				t.Errorf("status %q", got.Status)
			}
		})
	}
}

// browserEngineJS runs queries through search.js's engine in the page, with
// no byte budget, and returns the answers.
const browserEngineJS = `(async () => {
	const e = new jianghanSearch.Engine(jianghanSearch.loader('/jianghan/search/'), {budget: Infinity});
	const out = [];
	for (const r of %s) {
		try {
			out.push(await e.search({q: r.Query, kind: r.Kind, street: r.Street, topic: r.Topic, method: r.Method, size: r.Size || 10, from: r.From}));
		} catch (err) { out.push({error: String(err.stack || err)}); }
	}
	return out;
})()`

// TestBrowserRandom runs the first 120 random queries of the Node parity
// test — several parts, sentences with filler, synonyms, quotes, reordered
// words — in Chromium, over HTTP with range requests, and compares every
// answer with Index.Search's.
func TestBrowserRandom(t *testing.T) {
	fx := getFixture(t)
	ctx := browsertest.Tab(t)
	srv := newSiteServer(t, fx.static)
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/jianghan/search/")); err != nil {
		t.Fatal(err)
	}
	reqs := fx.random[:120]
	wants := fx.searchAll(reqs)
	in, _ := json.Marshal(reqs)
	js, err := chromedp.Run(ctx, chromedp.Evaluate[[]jsResult](fmt.Sprintf(browserEngineJS, in), chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	want := wants(t)
	for i, req := range reqs {
		t.Run(fmt.Sprintf("%d %s", i, req.Query), func(t *testing.T) { compareResults(t, want[i], js[i]) })
	}
}

// TestBrowserWithoutRanges: a server that ignores range requests sends the
// whole file of texts, which search.js keeps and cuts itself.
func TestBrowserWithoutRanges(t *testing.T) {
	fx := getFixture(t)
	ctx := browsertest.Tab(t)
	srv := newSiteServerRanges(t, fx.static, false)
	for _, req := range []search.Request{{Query: "加装电梯"}, {Query: "三社联动"}, {Query: "居民", Street: "水塔街道"}, {Query: "老人吃饭怎么办"}} {
		want, err := fx.ix.Search(context.Background(), req)
		if err != nil {
			t.Fatal(err)
		}
		if err := chromedp.Do(ctx, chromedp.Navigate(searchURL(srv.URL, req))); err != nil {
			t.Fatal(err)
		}
		got := pageResults(t, ctx)
		sameHits(t, got, want)
		if len(got.Marks) == 0 {
			t.Errorf("%s: no snippet marks", req.Query)
		}
	}
}

func TestBrowserPage(t *testing.T) {
	fx := getFixture(t)
	ctx := browsertest.Tab(t)
	srv := newSiteServer(t, fx.static)
	run := func(t *testing.T, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, actions...); err != nil {
			t.Fatal(err)
		}
	}

	t.Run("a filter narrows", func(t *testing.T) {
		run(t, chromedp.Navigate(searchURL(srv.URL, search.Request{Query: "议事"})))
		all := pageResults(t, ctx)
		// click the "guides" button of the kind facet
		run(t, chromedp.Click(chromedp.CSS(`#facets button[data-facet="kind"][data-value="guides"]`)))
		narrowed := pageResults(t, ctx)
		want, _ := fx.ix.Search(context.Background(), search.Request{Query: "议事", Kind: "guides"})
		if strings.Join(narrowed.URLs, " ") != strings.Join(withBase(want), " ") || len(narrowed.URLs) == 0 {
			t.Errorf("filtered %v, want %v (unfiltered %v)", narrowed.URLs, withBase(want), all.URLs)
		}
		for _, u := range narrowed.URLs {
			if !strings.Contains(u, "/guides/") {
				t.Errorf("%s is not a guide", u)
			}
		}
		loc, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`location.search`))
		if !strings.Contains(loc, "kind=guides") {
			t.Errorf("URL not updated: %s", loc)
		}
		pressed, _ := chromedp.Run(ctx, chromedp.Evaluate[string](
			`document.querySelector('#facets button[data-facet="kind"][data-value="guides"]').getAttribute('aria-pressed')`))
		if pressed != "true" {
			t.Errorf("filter button aria-pressed=%s", pressed)
		}
	})

	t.Run("marks wrap the query's parts", func(t *testing.T) {
		run(t, chromedp.Navigate(searchURL(srv.URL, search.Request{Query: "加装电梯"})))
		got := pageResults(t, ctx)
		if len(got.Marks) == 0 {
			t.Fatal("no marks")
		}
		for _, m := range got.Marks {
			if m != "加装电梯" {
				t.Errorf("mark around %q", m)
			}
		}
		run(t, chromedp.Navigate(searchURL(srv.URL, search.Request{Query: "独居老人助餐服务怎么做"})))
		got = pageResults(t, ctx)
		seen := map[string]bool{}
		for _, m := range got.Marks {
			seen[m] = true
		}
		if !seen["助餐"] && !seen["独居老人"] {
			t.Errorf("sentence marks: %v", got.Marks)
		}
	})

	t.Run("typing searches and updates the URL", func(t *testing.T) {
		run(t, chromedp.Navigate(srv.URL+"/jianghan/search/"), chromedp.SendKeys(chromedp.CSS("#q"), "独居老人"))
		if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`location.search.includes('q=')`, chromedp.WithPollingTimeout(5*time.Second))); err != nil {
			t.Fatal("URL not updated after typing")
		}
		got := pageResults(t, ctx)
		want, _ := fx.ix.Search(context.Background(), search.Request{Query: "独居老人"})
		if strings.Join(got.URLs, " ") != strings.Join(withBase(want), " ") {
			t.Errorf("typed query: %v, want %v", got.URLs, withBase(want))
		}
	})

	t.Run("nothing found suggests what to try, in Chinese, escaped", func(t *testing.T) {
		run(t, chromedp.Navigate(searchURL(srv.URL, search.Request{Query: "<em>火箭</em> 花楼", Kind: "handbook"})))
		got := pageResults(t, ctx)
		if len(got.URLs) != 0 || got.Status != "没有找到与「<em>火箭</em> 花楼」相关的内容。" {
			t.Errorf("results %v status %q", got.URLs, got.Status)
		}
		// 花楼 occurs (not in the handbook): a search for it, and the street
		if strings.Join(got.Suggest, " ") != "花楼 /jianghan/search/?q=%E8%8A%B1%E6%A5%BC 花楼街道 /jianghan/streets/%E8%8A%B1%E6%A5%BC%E8%A1%97%E9%81%93/" {
			t.Errorf("suggestions %q", got.Suggest)
		}
		bold, _ := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('#search-status em, #search-suggest em').length`))
		if bold != 0 {
			t.Error("query was not escaped")
		}
	})
}

// TestBrowserAnalysisMatchesGo runs search.js's tokenizer and query parser
// in Chromium over every character of the word and CJK ranges and a table of
// queries, and compares them with analysis.Analyze and query.Parse.
func TestBrowserAnalysisMatchesGo(t *testing.T) {
	fx := getFixture(t)
	ctx := browsertest.Tab(t)
	srv := newSiteServer(t, fx.static)
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/jianghan/search/")); err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, rg := range [][2]rune{{0x20, 0x600}, {0x1E00, 0x2000}, {0x2460, 0x2500}, {0x3000, 0x3100},
		{0x3400, 0x3500}, {0x4E00, 0x5000}, {0x9F00, 0xA000}, {0xAC00, 0xAD00}, {0xF900, 0xFB00},
		{0xFF00, 0xFFFF}, {0x1F600, 0x1F650}, {0x20000, 0x20100}, {0x2FA00, 0x2FA20}, {0x30000, 0x30100}, {0x323A0, 0x323C0}} {
		for r := rg[0]; r < rg[1]; r++ {
			if r >= 0xD800 && r < 0xE000 {
				continue
			}
			b.WriteRune(r)
			b.WriteString(" ")
		}
	}
	texts := []string{b.String(), "加装电梯ＡＢＣ１２３，3社联动 Hello-World ĞÜŞİÖÇ ǅǈǋ ΣΑΣ",
		strings.Repeat("Ａ", 50) + "电梯" + strings.Repeat("x", 40), "七层老楼加装电梯：从多数反对到全体签字"}
	for i, text := range texts {
		type jsTok struct {
			T string `json:"t"`
			P int    `json:"p"`
		}
		js, err := chromedp.Run(ctx, chromedp.Evaluate[[]jsTok](fmt.Sprintf(`jianghanSearch.scan(%s, %d)`, jsString(text), analysis.MaxWordRunes)))
		if err != nil {
			t.Fatal(err)
		}
		goToks := analysis.Analyze(text)
		if len(js) != len(goToks) {
			t.Errorf("text %d: %d tokens in JS, %d in Go", i, len(js), len(goToks))
		}
		for k := 0; k < min(len(js), len(goToks)); k++ {
			if js[k].T != goToks[k].Term || js[k].P != goToks[k].Pos {
				t.Errorf("text %d token %d: JS %q@%d, Go %q@%d", i, k, js[k].T, js[k].P, goToks[k].Term, goToks[k].Pos)
				break
			}
		}
	}
	lex := query.NewLexicon(synonyms)
	data, _ := json.Marshal(lex.Data())
	limits, _ := json.Marshal(map[string]int{"queryRunes": query.MaxQueryRunes, "parts": query.MaxParts, "raw": query.MaxRaw,
		"phraseTerms": query.MaxPhraseTerms, "alts": query.MaxAlts, "wordRunes": analysis.MaxWordRunes})
	for _, q := range []string{"加装电梯", "联动3", `"社区 工作" 电梯`, "「居民 议事」", strings.Repeat("社区工作者", 60), "ＡＢＣ abc　电梯", `a"b"c"`,
		"老旧小区加装电梯怎么协调", "老人吃饭怎么办", "如何让居民参与垃圾分类", "楼道要怎么清理", "怎么办", "我想了解一下三社联动", "空巢老人 加梯 业主委员会"} {
		js, err := chromedp.Run(ctx, chromedp.Evaluate[json.RawMessage](fmt.Sprintf(
			`(() => { const L = %s, Q = jianghanSearch.parse(%s, jianghanSearch.Lexicon(%s, L), L);
			  return Q && {parts: Q.parts.map(p => ({text: p.text, strict: !!p.strict, pos: p.pos, run: p.run, alts: p.alts.map(a => [a.text, !!a.syn, a.ph])})), raw: Q.raw}; })()`,
			limits, jsString(q), data)))
		if err != nil {
			t.Fatal(err)
		}
		want := "null"
		if pq, err := query.Parse(q, lex); err == nil {
			type part struct {
				Text   string  `json:"text"`
				Strict bool    `json:"strict"`
				Pos    int     `json:"pos"`
				Run    int     `json:"run"`
				Alts   [][]any `json:"alts"`
			}
			var parts []part
			for _, p := range pq.Parts {
				pp := part{Text: p.Text, Strict: p.Strict, Pos: p.Pos, Run: p.Run}
				for _, a := range p.Alts {
					pp.Alts = append(pp.Alts, []any{a.Text, a.Synonym, []string(a.Phrase)})
				}
				parts = append(parts, pp)
			}
			b, _ := json.Marshal(map[string]any{"parts": parts, "raw": pq.Raw})
			want = string(b)
		}
		if !jsonEqual(js, []byte(want)) {
			t.Errorf("parse(%q):\n  JS %s\n  Go %s", q, js, want)
		}
	}
}

// jsonEqual compares two JSON texts by value.
func jsonEqual(a, b []byte) bool {
	var x, y any
	if json.Unmarshal(a, &x) != nil || json.Unmarshal(b, &y) != nil {
		return false
	}
	xa, _ := json.Marshal(x)
	ya, _ := json.Marshal(y)
	return string(xa) == string(ya)
}

// jsString is s as a JavaScript string literal.
func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

func TestBrowserPortable(t *testing.T) {
	fx := getFixture(t)
	ctx := browsertest.Tab(t)
	site := t.TempDir()
	if err := static.WriteStatic(filepath.Join(site, "search"), fx.docs, static.Options{Portable: true, Synonyms: synonyms}); err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(filepath.Join(site, "js"), 0o755)
	os.WriteFile(filepath.Join(site, "js", "search.js"), static.Script, 0o644)
	os.WriteFile(filepath.Join(site, "search", "index.html"), []byte(fmt.Sprintf(searchPageHTML, "../")), 0o644)
	for _, q := range []string{"电梯", "议事", "老人吃饭怎么办"} {
		want, _ := fx.ix.Search(context.Background(), search.Request{Query: q})
		page := "file://" + filepath.ToSlash(filepath.Join(site, "search", "index.html")) + "?q=" + url.QueryEscape(q)
		if err := chromedp.Do(ctx, chromedp.Navigate(page)); err != nil {
			t.Fatal(err)
		}
		got := pageResults(t, ctx)
		var wantURLs []string
		for _, h := range want.Hits {
			wantURLs = append(wantURLs, "../"+strings.TrimPrefix(h.URL, "/"))
		}
		if strings.Join(got.URLs, " ") != strings.Join(wantURLs, " ") {
			t.Errorf("%s from file://: %v (%s), want %v", q, got.URLs, got.Status, wantURLs)
		}
	}
}
