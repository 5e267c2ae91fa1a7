package search

import (
	"fmt"
	"math"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"
	index "github.com/blevesearch/bleve_index_api"
)

// sampleDocs is a small library in real Chinese, with the cases the tests need.
func sampleDocs() []Document {
	return []Document{
		{URL: "/cases/lift-seven-floors/", Title: "七层老楼加装电梯：从多数反对到全体签字", Kind: "cases",
			Summary:  "高低楼层住户意见对立，社区用方案比选和楼栋议事化解了分歧。",
			Problem:  "老楼没有电梯，一段简单的楼梯让八十岁的老人一年没有下楼。低层住户担心采光和噪音。",
			Solution: "社区工作者组织楼栋议事会，请设计单位拿出三套方案比选，三社联动争取到补贴。",
			Street:   "水塔街道", Topics: []string{"老旧小区改造", "居民自治"}, Methods: []string{"议事协商"}, Date: "2023-04-18"},
		{URL: "/cases/corridor-clutter/", Title: "楼道堆物整治", Kind: "cases",
			Summary: "楼道堆放杂物引发消防隐患。", Problem: "居民在楼道里堆放旧家具。",
			Solution: "志愿者逐户上门，加装设备，安装电梯间的监控。社区的工作人员做好登记。",
			Street:   "花楼街道", Topics: []string{"社区环境整治"}, Methods: []string{"社区工作"}},
		{URL: "/cases/parking/", Title: "停车难问题的协商解决", Kind: "cases",
			Summary: "小区停车位不足。", Problem: "夜间乱停车堵塞消防通道。", Solution: "居民议事会制定停车公约。",
			Street: "水塔街道", Topics: []string{"住宅小区综合治理", "居民自治"}, Methods: []string{"议事协商", "三社联动"}},
		{URL: "/guides/studio/", Title: "社区社会工作室运营指南", Kind: "guides",
			Body: "ABC123 工作法：3社联动，社区 工作 要点。用ＡＢＣ１２３编号。"},
		{URL: "/lectures/consultation/", Title: "微课：议事协商的步骤", Kind: "lectures",
			Body: "议事会按照提出议题、协商讨论、形成决议的程序运行。Elevator 加装电梯也可以议事。", Topics: []string{"居民自治"}},
		{URL: "/workers/zhang-min/", Title: "张敏", Kind: "workers", Street: "花楼街道",
			Body: "张敏是持证社工，擅长个案工作和社区工作。"},
	}
}

// openSynced opens a fresh index in a temporary folder and syncs docs.
func openSynced(t testing.TB, docs []Document) *Index {
	t.Helper()
	ix, err := Open(filepath.Join(t.TempDir(), "index"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	if _, err := ix.Sync(docs); err != nil {
		t.Fatal(err)
	}
	return ix
}

// urls lists the URLs of a result's hits.
func urls(r *Result) []string {
	out := make([]string, len(r.Hits))
	for i, h := range r.Hits {
		out[i] = h.URL
	}
	return out
}

func TestSubstringFinds(t *testing.T) {
	ix := openSynced(t, sampleDocs())
	tests := []struct {
		q    string
		want []string // must be among the hits
		not  []string // must not be
	}{
		{"电梯", []string{"/cases/lift-seven-floors/", "/lectures/consultation/"}, nil},
		{"加装电梯", []string{"/cases/lift-seven-floors/", "/lectures/consultation/"}, []string{"/cases/corridor-clutter/"}},
		{"段简", []string{"/cases/lift-seven-floors/"}, nil},
		{"梯", []string{"/cases/lift-seven-floors/", "/cases/corridor-clutter/"}, nil},
		{"敏", []string{"/workers/zhang-min/"}, nil},
		{"3社联动", []string{"/guides/studio/"}, []string{"/cases/lift-seven-floors/"}},
		{"三社联动", []string{"/cases/lift-seven-floors/"}, []string{"/guides/studio/"}},
		{"abc123", []string{"/guides/studio/"}, nil},
		{"ＡＢＣ１２３", []string{"/guides/studio/"}, nil},
		{"ELEVATOR", []string{"/lectures/consultation/"}, nil},
		{"议事，协商！", []string{"/lectures/consultation/", "/cases/parking/"}, []string{"/cases/lift-seven-floors/"}},
		{"楼道堆物整治", []string{"/cases/corridor-clutter/"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			r, err := ix.Search(Request{Query: tt.q})
			if err != nil {
				t.Fatal(err)
			}
			got := strings.Join(urls(r), " ")
			for _, u := range tt.want {
				if !strings.Contains(got, u) {
					t.Errorf("%q: %s not found in %s", tt.q, u, got)
				}
			}
			for _, u := range tt.not {
				if strings.Contains(got, u) {
					t.Errorf("%q: %s found", tt.q, u)
				}
			}
		})
	}
}

func TestPhrasesAndAND(t *testing.T) {
	ix := openSynced(t, sampleDocs())
	tests := []struct {
		name, q string
		want    []string // exactly these, in any order
	}{
		// the corridor case has 加装, 装电 (安装电梯) and 电梯 but not 加装电梯
		{"phrase needs adjacency", "加装电梯", []string{"/cases/lift-seven-floors/", "/lectures/consultation/"}},
		{"AND needs every word", "电梯 议事", []string{"/cases/lift-seven-floors/", "/lectures/consultation/"}},
		{"AND of three", "电梯 议事 补贴", []string{"/cases/lift-seven-floors/"}},
		{"quoted phrase spans separators", `"社区 工作"`, []string{"/guides/studio/", "/workers/zhang-min/", "/cases/lift-seven-floors/"}},
		{"quoted phrase is not loose", `"社区 人员"`, nil},
		{"words are not substrings of words", "abc", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := ix.Search(Request{Query: tt.q})
			if err != nil {
				t.Fatal(err)
			}
			got := urls(r)
			if len(got) != len(tt.want) || r.Total != len(tt.want) {
				t.Fatalf("%q: got %v (total %d), want %v", tt.q, got, r.Total, tt.want)
			}
			for _, u := range tt.want {
				if !strings.Contains(strings.Join(got, " "), u) {
					t.Errorf("%q: missing %s in %v", tt.q, u, got)
				}
			}
		})
	}
}

func TestBM25InUse(t *testing.T) {
	ix := openSynced(t, sampleDocs())
	im, ok := ix.idx.Mapping().(*mapping.IndexMappingImpl)
	if !ok || im.ScoringModel != index.BM25Scoring {
		t.Fatalf("scoring model %q, want %q", im.ScoringModel, index.BM25Scoring)
	}
	req := bleve.NewSearchRequest(clausesQuery([]clause{{terms: []string{"电梯"}}}))
	req.Explain = true
	req.PreSearchData = ix.stats.preSearchData()
	res, err := ix.idx.Search(req)
	if err != nil || len(res.Hits) == 0 {
		t.Fatal(err, len(res.Hits))
	}
	expl := fmt.Sprint(res.Hits[0].Expl)
	if !strings.Contains(expl, "bm25") {
		t.Errorf("explanation does not use BM25: %s", expl)
	}
	// for terms, rank.go's score is bleve's, but for ln in place of
	// math.Log (which may differ in the last bit)
	r, err := ix.Search(Request{Query: "电梯"})
	if err != nil {
		t.Fatal(err)
	}
	if d := math.Abs(r.Hits[0].Score - res.Hits[0].Score); d > 1e-12*res.Hits[0].Score {
		t.Errorf("Search score %v, bleve %v", r.Hits[0].Score, res.Hits[0].Score)
	}
}

func TestLnMatchesMathLog(t *testing.T) {
	for _, x := range []float64{1, 1.5, 2, math.E, 10, 1234.5678, 1e-5, 0.3, 11812.5, 7e8} {
		if d := math.Abs(ln(x) - math.Log(x)); d > 1e-15*math.Max(1, math.Abs(math.Log(x))) {
			t.Errorf("ln(%v) = %v, math.Log %v", x, ln(x), math.Log(x))
		}
	}
}

func TestPhraseScoresAsOneTerm(t *testing.T) {
	// a phrase is scored by its own frequency: twice in a field beats once,
	// however often its terms occur elsewhere in the field
	docs := []Document{
		{URL: "/a/", Title: "甲", Kind: "cases", Body: "加装电梯，加装电梯。"},
		{URL: "/b/", Title: "乙", Kind: "cases", Body: "加装电梯，加装。电梯电梯。"},
	}
	ix := openSynced(t, docs)
	r, err := ix.Search(Request{Query: "加装电梯"})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(urls(r), " "); got != "/a/ /b/" || r.Hits[0].Score <= r.Hits[1].Score {
		t.Errorf("hits %s %v", got, r.Hits)
	}
}

func TestRankingPrefersTitleAndTiesByURL(t *testing.T) {
	docs := []Document{
		{URL: "/b/", Title: "其他", Kind: "cases", Body: "加装电梯"},
		{URL: "/a/", Title: "加装电梯", Kind: "cases", Body: "其他"},
		{URL: "/d/", Title: "同样", Kind: "cases", Body: "同样的文字"},
		{URL: "/c/", Title: "同样", Kind: "cases", Body: "同样的文字"},
	}
	ix := openSynced(t, docs)
	r, err := ix.Search(Request{Query: "加装电梯"})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(urls(r), " "); got != "/a/ /b/" {
		t.Errorf("title match should rank first: %s", got)
	}
	r, err = ix.Search(Request{Query: "同样"})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(urls(r), " "); got != "/c/ /d/" || r.Hits[0].Score != r.Hits[1].Score {
		t.Errorf("equal scores should be ordered by URL: %s", got)
	}
}

func TestFiltersAndFacets(t *testing.T) {
	ix := openSynced(t, sampleDocs())
	all, err := ix.Search(Request{Query: "议事"})
	if err != nil {
		t.Fatal(err)
	}
	if all.Total != 3 || all.Facets["kind"]["cases"] != 2 || all.Facets["kind"]["lectures"] != 1 ||
		all.Facets["street"]["水塔街道"] != 2 || all.Facets["topic"]["居民自治"] != 3 || all.Facets["method"]["议事协商"] != 2 {
		t.Fatalf("unfiltered: total %d facets %v", all.Total, all.Facets)
	}
	tests := []struct {
		name  string
		req   Request
		total int
		check func(r *Result) bool
	}{
		{"kind narrows", Request{Query: "议事", Kind: "cases"}, 2, func(r *Result) bool {
			// its own facet still counts the other kinds
			return r.Facets["kind"]["lectures"] == 1 && r.Facets["kind"]["cases"] == 2 && r.Facets["topic"]["居民自治"] == 2
		}},
		{"street narrows", Request{Query: "议事", Street: "水塔街道"}, 2, func(r *Result) bool {
			return r.Facets["kind"]["cases"] == 2 && len(r.Facets["kind"]) == 1 && r.Facets["street"]["水塔街道"] == 2
		}},
		{"topic and method together", Request{Query: "议事", Topic: "居民自治", Method: "三社联动"}, 1, func(r *Result) bool {
			return r.Hits[0].URL == "/cases/parking/" && r.Facets["method"]["议事协商"] == 2 && r.Facets["topic"]["住宅小区综合治理"] == 1
		}},
		{"unknown value matches nothing", Request{Query: "议事", Kind: "nope"}, 0, func(r *Result) bool {
			return len(r.Hits) == 0 && r.Facets["kind"]["cases"] == 2
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := ix.Search(tt.req)
			if err != nil {
				t.Fatal(err)
			}
			if r.Total != tt.total || len(r.Hits) != tt.total || !tt.check(r) {
				t.Errorf("total %d hits %v facets %v", r.Total, urls(r), r.Facets)
			}
			for _, name := range facetNames {
				if r.Facets[name] == nil {
					t.Errorf("facet %s missing", name)
				}
			}
		})
	}
}

func TestSnippetsMarkWholeMatches(t *testing.T) {
	ix := openSynced(t, sampleDocs())
	tests := []struct{ q, want string }{
		{"加装电梯", "<mark>加装电梯</mark>"},
		{"电梯", "没有<mark>电梯</mark>"},
		{"段简", "一<mark>段简</mark>单"},
		{"3社联动", "<mark>3社联动</mark>"},
		{"abc123", "<mark>ABC123</mark>"},
		{`"社区 工作"`, "<mark>社区 工作</mark>"},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			r, err := ix.Search(Request{Query: tt.q})
			if err != nil {
				t.Fatal(err)
			}
			found := false
			for _, h := range r.Hits {
				found = found || strings.Contains(h.Snippet, tt.want)
				if strings.Contains(h.Snippet, "</mark><mark>") {
					t.Errorf("split mark in %s", h.Snippet)
				}
			}
			if !found {
				t.Errorf("no snippet contains %s: %+v", tt.want, r.Hits)
			}
		})
	}
	// text is escaped
	docs := []Document{{URL: "/x/", Title: "x", Kind: "guides", Body: `<script>alert("电梯")</script>`}}
	r, err := openSynced(t, docs).Search(Request{Query: "电梯"})
	if err != nil {
		t.Fatal(err)
	}
	if s := r.Hits[0].Snippet; strings.Contains(s, "<script") || !strings.Contains(s, "&lt;script&gt;") {
		t.Errorf("snippet not escaped: %s", s)
	}
}

func TestBadQueries(t *testing.T) {
	ix := openSynced(t, genDocs(200))
	tests := []struct {
		name string
		req  Request
	}{
		{"empty", Request{Query: ""}},
		{"spaces", Request{Query: "   \t "}},
		{"10000 characters", Request{Query: strings.Repeat("社区工作", 2500)}},
		{"10000 Latin", Request{Query: strings.Repeat("ab ", 3400)}},
		{"unbalanced quotes", Request{Query: `"社区 工作`}},
		{"many quotes", Request{Query: strings.Repeat(`"社`, 500)}},
		{"control characters", Request{Query: "社区\x00\x01\x1b[31m工作"}},
		{"regex syntax", Request{Query: ".*[("}},
		{"query syntax", Request{Query: "+title:社区 -body:工作 ~2 ^3"}},
		{"invalid UTF-8", Request{Query: "\xff\xfe社区\xc3"}},
		{"negative size", Request{Query: "社区", Size: -1}},
		{"huge size", Request{Query: "社区", Size: 1 << 30}},
		{"deep page", Request{Query: "社区", From: 1 << 30}},
		{"control in filter", Request{Query: "社区", Kind: "cases\x00"}},
		{"huge filter", Request{Query: "社区", Street: strings.Repeat("街", 1000)}},
		{"repeated bigram phrase", Request{Query: strings.Repeat("哈", 200)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			r, err := ix.Search(tt.req)
			if d := time.Since(start); d > 2*time.Second {
				t.Errorf("took %v", d)
			}
			if err != nil {
				if !IsQueryError(err) {
					t.Errorf("error %v is not a QueryError", err)
				}
				return
			}
			if r == nil || r.Facets == nil || r.Hits == nil && r.Total != 0 {
				t.Errorf("bad result %+v", r)
			}
		})
	}
}

func TestSyncIndexesOnlyChanges(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "index")
	ix, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	docs := sampleDocs()
	st, err := ix.Sync(docs)
	if err != nil || st.Added != len(docs) || st.Updated+st.Deleted+st.Unchanged != 0 {
		t.Fatalf("first sync: %+v %v", st, err)
	}
	st, err = ix.Sync(docs)
	if err != nil || st.Unchanged != len(docs) || st.Added+st.Updated+st.Deleted != 0 {
		t.Fatalf("same docs: %+v %v", st, err)
	}

	// change one, remove one, add one
	docs[0].Solution += "最后，全体住户签字同意加装电梯。"
	removed := docs[1].URL
	docs = append(docs[:1], docs[2:]...)
	docs = append(docs, Document{URL: "/cases/new/", Title: "独居老人助餐", Kind: "cases", Summary: "社区食堂为独居老人送餐。"})
	st, err = ix.Sync(docs)
	if err != nil || st.Added != 1 || st.Updated != 1 || st.Deleted != 1 || st.Unchanged != len(docs)-2 {
		t.Fatalf("changed docs: %+v %v", st, err)
	}
	r, err := ix.Search(Request{Query: "楼道堆物"})
	if err != nil || r.Total != 0 {
		t.Errorf("removed %s still found: %v %v", removed, urls(r), err)
	}
	if r, _ := ix.Search(Request{Query: "签字同意"}); r.Total != 1 {
		t.Errorf("changed text not found")
	}
	if r, _ := ix.Search(Request{Query: "送餐"}); r.Total != 1 {
		t.Errorf("new document not found")
	}

	// the manifest survives a reopen
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	ix, err = Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	st, err = ix.Sync(docs)
	if err != nil || st.Unchanged != len(docs) || st.Added+st.Updated+st.Deleted != 0 {
		t.Fatalf("after reopen: %+v %v", st, err)
	}

	// an incrementally synced index scores exactly like a fresh one
	fresh := openSynced(t, docs)
	for _, q := range []string{"电梯", "议事", "社区 工作", "加装电梯"} {
		a, _ := ix.Search(Request{Query: q})
		b, _ := fresh.Search(Request{Query: q})
		if fmt.Sprint(urls(a)) != fmt.Sprint(urls(b)) || a.Total != b.Total {
			t.Errorf("%q: %v, fresh %v", q, urls(a), urls(b))
		}
		for i := range a.Hits {
			if a.Hits[i].Score != b.Hits[i].Score {
				t.Errorf("%q hit %d: score %v, fresh %v", q, i, a.Hits[i].Score, b.Hits[i].Score)
			}
		}
	}
}

func TestSyncRejectsBadURLs(t *testing.T) {
	ix, err := Open(filepath.Join(t.TempDir(), "index"))
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	_, err = ix.Sync([]Document{{URL: "/a/", Title: "一"}, {URL: "/a/", Title: "二"}, {Title: "三"}})
	if err == nil || !strings.Contains(err.Error(), "/a/") || !strings.Contains(err.Error(), "三") {
		t.Errorf("err = %v", err)
	}
}

func TestOpenRefusesForeignFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "other")
	idx, err := bleve.New(dir, bleve.NewIndexMapping())
	if err != nil {
		t.Fatal(err)
	}
	idx.Close()
	if _, err := Open(dir); err == nil {
		t.Fatal("opened a bleve index jianghan did not make")
	}
	if _, err := Open(t.TempDir()); err != nil { // an empty folder is fine
		t.Fatal(err)
	}
}

func TestEmptyIndex(t *testing.T) {
	ix := openSynced(t, nil)
	r, err := ix.Search(Request{Query: "电梯"})
	if err != nil || r.Total != 0 || len(r.Hits) != 0 || len(r.Facets) != 4 {
		t.Errorf("%+v %v", r, err)
	}
}

func TestWriteText(t *testing.T) {
	ix := openSynced(t, sampleDocs())
	r, err := ix.Search(Request{Query: "加装电梯", Size: 1, From: 1})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := r.WriteText(&b); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if !strings.Contains(out, "2. ") || strings.Contains(out, "<mark>") || !strings.Contains(out, r.Hits[0].URL) || !strings.Contains(out, r.Hits[0].Title) {
		t.Errorf("WriteText:\n%s", out)
	}
	b.Reset()
	none, _ := ix.Search(Request{Query: "火箭"})
	none.WriteText(&b)
	if !strings.Contains(b.String(), "没有找到与「火箭」相关的内容") {
		t.Errorf("WriteText for no hits: %s", b.String())
	}
}

// BenchmarkSync measures a full index of generated documents and a Sync
// that finds one document changed.
func BenchmarkSync(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		docs := genDocs(n)
		b.Run(fmt.Sprintf("full-%d", n), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				ix, err := Open(filepath.Join(b.TempDir(), "index"))
				if err != nil {
					b.Fatal(err)
				}
				if _, err := ix.Sync(docs); err != nil {
					b.Fatal(err)
				}
				ix.Close()
			}
		})
		b.Run(fmt.Sprintf("one-change-%d", n), func(b *testing.B) {
			ix, err := Open(filepath.Join(b.TempDir(), "index"))
			if err != nil {
				b.Fatal(err)
			}
			defer ix.Close()
			if _, err := ix.Sync(docs); err != nil {
				b.Fatal(err)
			}
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				docs[0].Body = fmt.Sprintf("修改第%d次", i)
				st, err := ix.Sync(docs)
				if err != nil || st.Updated != 1 {
					b.Fatal(st, err)
				}
			}
		})
	}
}

// BenchmarkSearch measures Index.Search over the generated 10,000 cases.
func BenchmarkSearch(b *testing.B) {
	ix := openSynced(b, genDocs(10000))
	for _, q := range []string{"加装电梯", "社区", "居民 议事"} {
		b.Run(q, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if _, err := ix.Search(Request{Query: q}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
