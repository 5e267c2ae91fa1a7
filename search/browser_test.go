package search

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// The search page as the lead's template renders it (the parts search.js uses).
const searchPageHTML = `<!doctype html>
<html lang="zh-CN" data-base="%[1]s"><head><meta charset="utf-8"><title>搜索</title></head><body>
<form role="search" id="search-form" action="%[1]ssearch/"><input type="search" name="q" id="q" autocomplete="off"></form>
<div id="facets"></div>
<p id="search-status" role="status" aria-live="polite"></p>
<ol id="results"></ol>
<script src="%[1]sjs/search.js" defer></script>
</body></html>`

// browser starts headless Chromium for a test, or skips the test when there
// is none (fails instead when JIANGHAN_REQUIRE_BROWSER=1).
func browser(t testing.TB) context.Context {
	t.Helper()
	path := ""
	for _, name := range []string{"/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			path = p
			break
		}
	}
	if path == "" {
		if os.Getenv("JIANGHAN_REQUIRE_BROWSER") == "1" {
			t.Fatal("chromium is not installed and JIANGHAN_REQUIRE_BROWSER=1")
		}
		t.Skip("chromium is not installed (apt-get install chromium); skipping the browser test")
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Flag("headless", true),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.NoFirstRun,
		chromedp.Flag("no-default-browser-check", true),
		chromedp.Flag("allow-file-access-from-files", false),
		chromedp.UserDataDir(t.TempDir()),
	}
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelC := chromedp.NewContext(actx)
	ctx, cancelT := context.WithTimeout(ctx, 3*time.Minute)
	t.Cleanup(func() { cancelT(); cancelC(); cancelA() })
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank")); err != nil {
		t.Fatalf("starting chromium: %v", err)
	}
	return ctx
}

// siteServer serves the search page at /jianghan/search/, search.js and the
// static index, counting the bytes of everything but the page itself.
type siteServer struct {
	*httptest.Server
	bytes    atomic.Int64
	mu       sync.Mutex
	files    []string
	noRanges bool // answer range requests with the whole file, as some servers do
}

func newSiteServer(t testing.TB, static string) *siteServer {
	return newSiteServerRanges(t, static, true)
}

func newSiteServerRanges(t testing.TB, static string, ranges bool) *siteServer {
	t.Helper()
	js, err := os.ReadFile(searchJS(t))
	if err != nil {
		t.Fatal(err)
	}
	s := &siteServer{noRanges: !ranges}
	files := http.StripPrefix("/jianghan/search/", http.FileServer(http.Dir(static)))
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.URL.Path == "/jianghan/search/":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprintf(w, searchPageHTML, "/jianghan/")
		case r.URL.Path == "/jianghan/js/search.js":
			w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
			s.count(r.URL.Path, len(js))
			w.Write(js)
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

// pageResults waits for search.js to finish and returns the data-url of
// each result, in order, and the status text.
func pageResults(t testing.TB, ctx context.Context) ([]string, string) {
	t.Helper()
	type state struct {
		URLs   []string `json:"urls"`
		Status string   `json:"status"`
	}
	var st state
	var err error
	// a poll begun while a navigation replaces the page loses its context
	for try := 0; try < 3; try++ {
		st, err = chromedp.Run(ctx, chromedp.Poll[state](`(() => {
			const s = document.getElementById('search-status').textContent;
			if (!s || s.startsWith('正在搜索')) return null;
			return {urls: Array.from(document.querySelectorAll('#results li[data-url]')).map(li => li.dataset.url), status: s};
		})()`, chromedp.WithPollingTimeout(30*time.Second)))
		if err == nil || !strings.Contains(err.Error(), "Cannot find context") {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	if err != nil {
		t.Fatalf("waiting for results: %v", err)
	}
	return st.URLs, st.Status
}

// searchURL is the search page's URL for a request.
func searchURL(base string, r Request) string {
	v := url.Values{}
	v.Set("q", r.Query)
	for k, s := range map[string]string{"kind": r.Kind, "street": r.Street, "topic": r.Topic, "method": r.Method} {
		if s != "" {
			v.Set(k, s)
		}
	}
	return base + "/jianghan/search/?" + v.Encode()
}

// withBase prefixes the site base to the URLs of a result.
func withBase(r *Result) []string {
	out := make([]string, len(r.Hits))
	for i, h := range r.Hits {
		out[i] = "/jianghan" + h.URL
	}
	return out
}

func TestBrowserSearchMatchesIndex(t *testing.T) {
	fx := getParity(t)
	ctx := browser(t)
	srv := newSiteServer(t, fx.static)
	queries := []Request{
		{Query: "电梯"}, {Query: "加装电梯"}, {Query: "梯"}, {Query: "居民议事"}, {Query: "物业 矛盾"},
		{Query: "三社联动"}, {Query: `"社区 工作"`}, {Query: "ＡＢＣ１２３"}, {Query: "3社联动"},
		{Query: "独居老人 助餐"}, {Query: "社区", Kind: "guides"}, {Query: "居民", Topic: "物业服务"},
	}
	for _, req := range queries {
		t.Run(req.Query, func(t *testing.T) {
			want, err := fx.ix.Search(req)
			if err != nil {
				t.Fatal(err)
			}
			if err := chromedp.Do(ctx, chromedp.Navigate(searchURL(srv.URL, req))); err != nil {
				t.Fatal(err)
			}
			got, status := pageResults(t, ctx)
			if strings.Join(got, " ") != strings.Join(withBase(want), " ") {
				t.Errorf("browser %v\n  index %v", got, withBase(want))
			}
			if want.Total > 0 && !strings.Contains(status, "条结果") {
				t.Errorf("status %q", status)
			}
		})
	}
}

// TestBrowserWithoutRanges: a server that ignores range requests sends the
// whole file of texts, which search.js keeps and cuts itself.
func TestBrowserWithoutRanges(t *testing.T) {
	fx := getParity(t)
	ctx := browser(t)
	srv := newSiteServerRanges(t, fx.static, false)
	for _, req := range []Request{{Query: "加装电梯"}, {Query: "三社联动"}, {Query: "居民", Street: "水塔街道"}} {
		want, err := fx.ix.Search(req)
		if err != nil {
			t.Fatal(err)
		}
		if err := chromedp.Do(ctx, chromedp.Navigate(searchURL(srv.URL, req))); err != nil {
			t.Fatal(err)
		}
		got, _ := pageResults(t, ctx)
		if strings.Join(got, " ") != strings.Join(withBase(want), " ") {
			t.Errorf("%s: browser %v\n  index %v", req.Query, got, withBase(want))
		}
		marks, _ := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('#results mark').length`))
		if marks == 0 {
			t.Errorf("%s: no snippet marks", req.Query)
		}
	}
}

func TestBrowserPage(t *testing.T) {
	fx := getParity(t)
	ctx := browser(t)
	srv := newSiteServer(t, fx.static)

	t.Run("a filter narrows", func(t *testing.T) {
		chromedp.Do(ctx, chromedp.Navigate(searchURL(srv.URL, Request{Query: "议事"})))
		all, _ := pageResults(t, ctx)
		// click the "guides" button of the kind facet
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(() => {
			const b = document.querySelector('#facets button[data-facet="kind"][data-value="guides"]');
			if (!b) return false; b.click(); return true; })()`)); err != nil {
			t.Fatal(err)
		}
		narrowed, _ := pageResults(t, ctx)
		want, _ := fx.ix.Search(Request{Query: "议事", Kind: "guides"})
		if strings.Join(narrowed, " ") != strings.Join(withBase(want), " ") || len(narrowed) == 0 {
			t.Errorf("filtered %v, want %v (unfiltered %v)", narrowed, withBase(want), all)
		}
		for _, u := range narrowed {
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

	t.Run("mark wraps the matched text", func(t *testing.T) {
		chromedp.Do(ctx, chromedp.Navigate(searchURL(srv.URL, Request{Query: "加装电梯"})))
		pageResults(t, ctx)
		marks, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](
			`Array.from(document.querySelectorAll('#results li[data-url] mark')).map(m => m.textContent)`))
		if err != nil || len(marks) == 0 {
			t.Fatalf("no marks: %v", err)
		}
		for _, m := range marks {
			if m != "加装电梯" {
				t.Errorf("mark around %q", m)
			}
		}
		title, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector('#results li[data-url] a').textContent`))
		if title == "" {
			t.Error("hit without a title link")
		}
	})

	t.Run("typing searches and updates the URL", func(t *testing.T) {
		chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/jianghan/search/"))
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(() => {
			const q = document.getElementById('q'); q.value = '独居老人';
			q.dispatchEvent(new Event('input', {bubbles: true})); return true; })()`)); err != nil {
			t.Fatal(err)
		}
		if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`location.search.includes('q=')`, chromedp.WithPollingTimeout(5*time.Second))); err != nil {
			t.Fatal("URL not updated after typing")
		}
		got, _ := pageResults(t, ctx)
		want, _ := fx.ix.Search(Request{Query: "独居老人"})
		if strings.Join(got, " ") != strings.Join(withBase(want), " ") {
			t.Errorf("typed query: %v, want %v", got, withBase(want))
		}
	})

	t.Run("nothing found is said in Chinese, and text is escaped", func(t *testing.T) {
		chromedp.Do(ctx, chromedp.Navigate(searchURL(srv.URL, Request{Query: "<b>火箭</b>"})))
		got, status := pageResults(t, ctx)
		if len(got) != 0 || status != "没有找到与「<b>火箭</b>」相关的内容。" {
			t.Errorf("results %v status %q", got, status)
		}
		bold, _ := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('#search-status b').length`))
		if bold != 0 {
			t.Error("query was not escaped")
		}
	})
}

// TestBrowserAnalysisMatchesGo runs search.js's tokenizer and query parser
// in Chromium over every character of the word and CJK ranges and a table of
// mixed text, and compares them with Analyze and parseQuery.
func TestBrowserAnalysisMatchesGo(t *testing.T) {
	fx := getParity(t)
	ctx := browser(t)
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
		js, err := chromedp.Run(ctx, chromedp.Evaluate[[]jsTok](fmt.Sprintf(`jianghanSearch.scan(%s, %d)`, jsString(text), MaxWordRunes)))
		if err != nil {
			t.Fatal(err)
		}
		goToks := Analyze(text)
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
	for _, q := range []string{"加装电梯", "联动3", `"社区 工作" 电梯`, "「居民 议事」", strings.Repeat("社区工作者", 60), "ＡＢＣ abc　电梯", `a"b"c"`} {
		js, err := chromedp.Run(ctx, chromedp.Evaluate[[][]string](fmt.Sprintf(`jianghanSearch.parseQuery(%s, [%d, %d, %d, %d])`,
			jsString(q), MaxQueryRunes, MaxClauses, MaxPhraseTerms, MaxWordRunes)))
		if err != nil {
			t.Fatal(err)
		}
		cs, _ := parseQuery(q)
		var want [][]string
		for _, c := range cs {
			want = append(want, c.terms)
		}
		if fmt.Sprint(js) != fmt.Sprint(want) {
			t.Errorf("parseQuery(%q): JS %v, Go %v", q, js, want)
		}
	}
}

// jsString is s as a JavaScript string literal.
func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

func TestBrowserPortable(t *testing.T) {
	ctx := browser(t)
	site := t.TempDir()
	docs := sampleDocs()
	if err := WriteStatic(filepath.Join(site, "search"), docs, StaticOptions{Portable: true}); err != nil {
		t.Fatal(err)
	}
	js, err := os.ReadFile(searchJS(t))
	if err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(filepath.Join(site, "js"), 0o755)
	os.WriteFile(filepath.Join(site, "js", "search.js"), js, 0o644)
	os.WriteFile(filepath.Join(site, "search", "index.html"), []byte(fmt.Sprintf(searchPageHTML, "../")), 0o644)
	ix := openSynced(t, docs)
	for _, q := range []string{"电梯", "议事"} {
		want, _ := ix.Search(Request{Query: q})
		page := "file://" + filepath.ToSlash(filepath.Join(site, "search", "index.html")) + "?q=" + url.QueryEscape(q)
		if err := chromedp.Do(ctx, chromedp.Navigate(page)); err != nil {
			t.Fatal(err)
		}
		got, status := pageResults(t, ctx)
		var wantURLs []string
		for _, h := range want.Hits {
			wantURLs = append(wantURLs, "../"+strings.TrimPrefix(h.URL, "/"))
		}
		if strings.Join(got, " ") != strings.Join(wantURLs, " ") {
			t.Errorf("%s from file://: %v (%s), want %v", q, got, status, wantURLs)
		}
	}
}

// TestBrowserBytes10k reports the bytes a first and a later query fetch
// from the static index of the 10,000-case corpus. It takes a while, so it
// runs only with JIANGHAN_BENCH=1:
//
//	JIANGHAN_BENCH=1 go test ./search -run TestBrowserBytes10k -v
func TestBrowserBytes10k(t *testing.T) {
	if os.Getenv("JIANGHAN_BENCH") != "1" {
		t.Skip("set JIANGHAN_BENCH=1 to measure the 10,000-case static index")
	}
	docs := genDocs(10000)
	static := t.TempDir()
	start := time.Now()
	if err := WriteStatic(static, docs, StaticOptions{}); err != nil {
		t.Fatal(err)
	}
	t.Logf("WriteStatic: %d documents in %v", len(docs), time.Since(start))
	var size, files int64
	filepath.Walk(static, func(_ string, fi os.FileInfo, _ error) error {
		if !fi.IsDir() {
			size += fi.Size()
			files++
		}
		return nil
	})
	t.Logf("static index: %d files, %d bytes", files, size)
	srv := newSiteServer(t, static)
	sequences := [][]string{
		{"加装电梯", "独居老人", "楼道堆物 整治", "社区食堂"},
		{"社区", "居民议事", "物业 矛盾", "三社联动"},
	}
	for _, seq := range sequences {
		ctx := browser(t) // a fresh browser: nothing cached
		for i, q := range seq {
			before := srv.bytes.Load()
			if i == 0 {
				chromedp.Do(ctx, chromedp.Navigate(searchURL(srv.URL, Request{Query: q})))
			} else {
				chromedp.Run(ctx, chromedp.Evaluate[bool](fmt.Sprintf(`(() => { const q = document.getElementById('q');
					q.value = %s; document.getElementById('search-form').dispatchEvent(new Event('submit', {cancelable: true})); return true; })()`, jsString(q))))
			}
			time.Sleep(50 * time.Millisecond)
			got, status := pageResults(t, ctx)
			what := "later"
			if i == 0 {
				what = "first (including search.js, uncompressed)"
			}
			t.Logf("%-8s %s query: %6d bytes; %d hits, %s", q, what, srv.bytes.Load()-before, len(got), status)
		}
	}
}
