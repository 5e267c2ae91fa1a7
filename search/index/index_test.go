package index

import (
	"context"
	"fmt"
	"math/rand"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"

	"github.com/jianghan-district/jianghan/search"
	"github.com/jianghan-district/jianghan/search/analysis"
	"github.com/jianghan-district/jianghan/search/internal/testcorpus"
	"github.com/jianghan-district/jianghan/search/rank"
)

// doc makes a document with one untitled section of text.
func doc(url, title, kind, text string) search.Document {
	return search.Document{URL: url, Title: title, Kind: kind, Sections: []search.Section{{Text: text}}}
}

// sampleDocs is a small library in real Chinese, with the cases the tests need.
func sampleDocs() []search.Document {
	return []search.Document{
		{URL: "/cases/lift-seven-floors/", Title: "七层老楼加装电梯：从多数反对到全体签字", Kind: "cases",
			Summary: "高低楼层住户意见对立，社区用方案比选和楼栋议事化解了分歧。",
			Sections: []search.Section{
				{Heading: "问题", Text: "老楼没有电梯，一段简单的楼梯让八十岁的老人一年没有下楼。低层住户担心采光和噪音。"},
				{Heading: "解决方案", Text: "社区工作者组织楼栋议事会，请设计单位拿出三套方案比选，三社联动争取到补贴。"},
			},
			Street: "水塔街道", Topics: []string{"老旧小区改造", "居民自治"}, Methods: []string{"议事协商"}, Date: "2023-04-18",
			Filed: []string{"水塔街道", "统一街社区", "老旧小区改造", "居民自治", "议事协商", "张敏"}},
		{URL: "/cases/corridor-clutter/", Title: "楼道堆物整治", Kind: "cases",
			Summary: "楼道堆放杂物引发消防隐患。",
			Sections: []search.Section{
				{Heading: "问题", Text: "居民在楼道里堆放旧家具。"},
				{Heading: "解决方案", Text: "志愿者逐户上门，加装设备，安装电梯间的监控。社区的工作人员做好登记。"},
			},
			Street: "花楼街道", Topics: []string{"社区环境整治"}, Methods: []string{"社区工作"},
			Filed: []string{"花楼街道", "社区环境整治", "社区工作"}},
		{URL: "/cases/parking/", Title: "停车难问题的协商解决", Kind: "cases",
			Summary:  "小区停车位不足。",
			Sections: []search.Section{{Heading: "问题", Text: "夜间乱停车堵塞消防通道。"}, {Heading: "解决方案", Text: "居民议事会制定停车公约。"}},
			Street:   "水塔街道", Topics: []string{"住宅小区综合治理", "居民自治"}, Methods: []string{"议事协商", "三社联动"},
			Filed: []string{"水塔街道", "住宅小区综合治理", "居民自治", "议事协商", "三社联动"}},
		doc("/guides/studio/", "社区社会工作室运营指南", "guides", "ABC123 工作法：3社联动，社区 工作 要点。用ＡＢＣ１２３编号。"),
		{URL: "/lectures/consultation/", Title: "微课：议事协商的步骤", Kind: "lectures",
			Sections: []search.Section{{Text: "议事会按照提出议题、协商讨论、形成决议的程序运行。Elevator 加装电梯也可以议事。"}},
			Topics:   []string{"居民自治"}, Filed: []string{"居民自治"}},
		{URL: "/workers/zhang-min/", Title: "张敏", Kind: "workers", Street: "花楼街道",
			Sections: []search.Section{{Heading: "工作方法", Text: "张敏是持证社工，擅长个案工作和社区工作。"}},
			Filed:    []string{"花楼街道"}},
	}
}

// openSynced opens a fresh index in a temporary folder and syncs docs.
func openSynced(t testing.TB, docs []search.Document) *Index {
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

// find runs a query and fails the test on an error.
func find(t testing.TB, ix *Index, r search.Request) *search.Result {
	t.Helper()
	res, err := ix.Search(context.Background(), r)
	if err != nil {
		t.Fatalf("%+v: %v", r, err)
	}
	return res
}

// urls lists the URLs of a result's hits.
func urls(r *search.Result) []string {
	out := make([]string, len(r.Hits))
	for i, h := range r.Hits {
		out[i] = h.URL
	}
	return out
}

func TestSubstringFinds(t *testing.T) {
	ix := openSynced(t, sampleDocs())
	tests := []struct {
		q     string
		first []string // these, in any order, before every other hit
		also  []string // among the hits, after them
	}{
		{"电梯", []string{"/cases/lift-seven-floors/", "/lectures/consultation/", "/cases/corridor-clutter/"}, nil},
		{"加装电梯", []string{"/cases/lift-seven-floors/", "/lectures/consultation/"}, []string{"/cases/corridor-clutter/"}},
		{"段简", []string{"/cases/lift-seven-floors/"}, nil},
		{"梯", []string{"/cases/lift-seven-floors/", "/cases/corridor-clutter/", "/lectures/consultation/"}, nil},
		{"敏", []string{"/workers/zhang-min/", "/cases/lift-seven-floors/"}, nil},
		{"3社联动", []string{"/guides/studio/"}, []string{"/cases/lift-seven-floors/"}},
		{"三社联动", []string{"/cases/lift-seven-floors/", "/cases/parking/"}, []string{"/guides/studio/"}},
		{"abc123", []string{"/guides/studio/"}, nil},
		{"ＡＢＣ１２３", []string{"/guides/studio/"}, nil},
		{"ELEVATOR", []string{"/lectures/consultation/"}, nil},
		{"议事，协商！", []string{"/lectures/consultation/", "/cases/parking/", "/cases/lift-seven-floors/"}, nil},
		{"楼道堆物整治", []string{"/cases/corridor-clutter/"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			got := urls(find(t, ix, search.Request{Query: tt.q}))
			if len(got) < len(tt.first)+len(tt.also) {
				t.Fatalf("%q: %v", tt.q, got)
			}
			for _, u := range tt.first {
				if !contains(got[:len(tt.first)], u) {
					t.Errorf("%q: %s not among the first %d of %v", tt.q, u, len(tt.first), got)
				}
			}
			for _, u := range tt.also {
				if !contains(got[len(tt.first):], u) {
					t.Errorf("%q: %s not found after the literal holders in %v", tt.q, u, got)
				}
			}
		})
	}
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

func TestRankedRetrieval(t *testing.T) {
	docs := []search.Document{
		doc("/both/", "两者", "cases", "独居老人每天到社区助餐点吃午饭。"),
		doc("/elderly/", "老人", "cases", "独居老人需要定期探访，独居老人的安全最重要。"),
		doc("/meals/", "饭", "cases", "助餐服务让大家吃上热饭。"),
		doc("/scattered/", "散", "cases", "助力老人，独自居住的人不少。餐饮。"),
		doc("/filler/", "问", "cases", "这件事怎么办？如何是好？"),
		doc("/none/", "无", "cases", "楼道堆物。"),
	}
	ix := openSynced(t, docs)
	tests := []struct {
		name, q string
		want    string // the hits in order ("…" ends a prefix)
	}{
		{"pages holding all come first, pages holding part still appear", "独居老人 助餐", "/both/ /elderly/ /meals/ …"},
		{"a sentence finds by its meaningful parts", "独居老人助餐怎么办", "/both/ …"},
		{"filler alone never decides", "楼道堆物如何办", "/none/"},
		{"a query of only filler is searched as typed", "怎么办", "/filler/"},
		{"reordered words still find", "助餐 独居老人", "/both/ /elderly/ /meals/ …"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := strings.Join(urls(find(t, ix, search.Request{Query: tt.q})), " ")
			if want, prefix := strings.CutSuffix(tt.want, " …"); prefix && !strings.HasPrefix(got, want) || !prefix && got != want {
				t.Errorf("%q: %s, want %s", tt.q, got, tt.want)
			}
		})
	}
}

func TestWordOrder(t *testing.T) {
	docs := []search.Document{
		doc("/far/", "甲", "cases", "电梯坏了很久。后来居民开会讨论，决定加装新的设备。"),
		doc("/exact/", "乙", "cases", "这栋楼讨论电梯加装的事。"),
		doc("/near/", "丙", "cases", "这栋楼讨论加装电梯的事。"),
	}
	ix := openSynced(t, docs)
	// 电梯加装 as typed first, then the words close together, then far apart
	if got := strings.Join(urls(find(t, ix, search.Request{Query: "电梯加装"})), " "); got != "/exact/ /near/ /far/" {
		t.Errorf("电梯加装: %s", got)
	}
	if got := strings.Join(urls(find(t, ix, search.Request{Query: "加装电梯"})), " "); !strings.HasPrefix(got, "/near/ ") {
		t.Errorf("加装电梯: %s", got)
	}
	// words typed apart are found wherever they stand
	if got := urls(find(t, ix, search.Request{Query: "加装 电梯"})); len(got) != 3 {
		t.Errorf("加装 电梯: %v", got)
	}
}

func TestSynonyms(t *testing.T) {
	docs := []search.Document{
		doc("/literal/", "加梯", "cases", "老楼加梯的经验。"),
		doc("/synonym/", "电梯", "cases", "老楼加装电梯的经验，加装电梯要协商。"),
		doc("/other/", "其他", "cases", "老楼的经验。"),
	}
	ix := openSynced(t, docs)
	ix.SetSynonyms([][]string{{"加装电梯", "加梯", "装电梯"}})
	r := find(t, ix, search.Request{Query: "加梯"})
	if got := strings.Join(urls(r), " "); got != "/literal/ /synonym/" {
		t.Fatalf("加梯: %s", got)
	}
	if r.Hits[1].Score >= r.Hits[0].Score {
		t.Errorf("the synonym should rank below the word: %v", r.Hits)
	}
	if !strings.Contains(r.Hits[1].Snippet, "<mark>加装电梯</mark>") {
		t.Errorf("synonym not marked: %s", r.Hits[1].Snippet)
	}
	// and the other way round
	if got := strings.Join(urls(find(t, ix, search.Request{Query: "加装电梯怎么协商"})), " "); got != "/synonym/ /literal/" {
		t.Errorf("加装电梯怎么协商: %s", got)
	}
	ix.SetSynonyms(nil)
	if got := strings.Join(urls(find(t, ix, search.Request{Query: "加梯"})), " "); got != "/literal/" {
		t.Errorf("without synonyms: %s", got)
	}
}

func TestFiledTermsAreSearched(t *testing.T) {
	docs := []search.Document{
		{URL: "/filed/", Title: "七层老楼的故事", Kind: "cases", Sections: []search.Section{{Text: "住户签了字。"}},
			Topics: []string{"老旧小区改造与加装电梯"}, Filed: []string{"老旧小区改造与加装电梯", "张敏"}},
		doc("/prose/", "别的", "cases", "没有提到。"),
	}
	ix := openSynced(t, docs)
	for _, q := range []string{"加装电梯", "张敏"} {
		if got := urls(find(t, ix, search.Request{Query: q})); len(got) != 1 || got[0] != "/filed/" {
			t.Errorf("%s: %v", q, got)
		}
	}
}

func TestStrictPhrases(t *testing.T) {
	ix := openSynced(t, sampleDocs())
	tests := []struct {
		q    string
		want []string // exactly these, in any order
	}{
		// the corridor case is filed under the method 社区工作
		{`"社区 工作"`, []string{"/guides/studio/", "/workers/zhang-min/", "/cases/lift-seven-floors/", "/cases/corridor-clutter/"}},
		{`"社区 人员"`, nil},
		{`"加装电梯" 议事`, []string{"/cases/lift-seven-floors/", "/lectures/consultation/"}},
		{"abc", nil}, // words are not substrings of words
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			r := find(t, ix, search.Request{Query: tt.q})
			got := urls(r)
			if len(got) != len(tt.want) || r.Total != len(tt.want) {
				t.Fatalf("%q: got %v (total %d), want %v", tt.q, got, r.Total, tt.want)
			}
			for _, u := range tt.want {
				if !contains(got, u) {
					t.Errorf("%q: missing %s in %v", tt.q, u, got)
				}
			}
		})
	}
}

func TestTiesByURL(t *testing.T) {
	docs := []search.Document{
		doc("/d/", "同样", "cases", "同样的文字"),
		doc("/c/", "同样", "cases", "同样的文字"),
		doc("/b/", "其他", "cases", "加装电梯"),
		doc("/a/", "加装电梯", "cases", "其他"),
	}
	ix := openSynced(t, docs)
	if got := strings.Join(urls(find(t, ix, search.Request{Query: "加装电梯"})), " "); got != "/a/ /b/" {
		t.Errorf("a title match should rank first: %s", got)
	}
	r := find(t, ix, search.Request{Query: "同样"})
	if got := strings.Join(urls(r), " "); got != "/c/ /d/" || r.Hits[0].Score != r.Hits[1].Score {
		t.Errorf("equal scores should be ordered by URL: %s", got)
	}
}

func TestFiltersAndFacets(t *testing.T) {
	ix := openSynced(t, sampleDocs())
	all := find(t, ix, search.Request{Query: "议事"})
	if all.Total != 3 || all.Facets["kind"]["cases"] != 2 || all.Facets["kind"]["lectures"] != 1 ||
		all.Facets["street"]["水塔街道"] != 2 || all.Facets["topic"]["居民自治"] != 3 || all.Facets["method"]["议事协商"] != 2 {
		t.Fatalf("unfiltered: total %d facets %v", all.Total, all.Facets)
	}
	tests := []struct {
		name  string
		req   search.Request
		total int
		check func(r *search.Result) bool
	}{
		{"kind narrows", search.Request{Query: "议事", Kind: "cases"}, 2, func(r *search.Result) bool {
			// its own facet still counts the other kinds
			return r.Facets["kind"]["lectures"] == 1 && r.Facets["kind"]["cases"] == 2 && r.Facets["topic"]["居民自治"] == 2
		}},
		{"street narrows", search.Request{Query: "议事", Street: "水塔街道"}, 2, func(r *search.Result) bool {
			return r.Facets["kind"]["cases"] == 2 && len(r.Facets["kind"]) == 1 && r.Facets["street"]["水塔街道"] == 2
		}},
		{"topic and method together", search.Request{Query: "议事", Topic: "居民自治", Method: "三社联动"}, 1, func(r *search.Result) bool {
			return r.Hits[0].URL == "/cases/parking/" && r.Facets["method"]["议事协商"] == 2 && r.Facets["topic"]["住宅小区综合治理"] == 1
		}},
		{"unknown value matches nothing", search.Request{Query: "议事", Kind: "nope"}, 0, func(r *search.Result) bool {
			return len(r.Hits) == 0 && r.Facets["kind"]["cases"] == 2
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := find(t, ix, tt.req)
			if r.Total != tt.total || len(r.Hits) != tt.total || !tt.check(r) {
				t.Errorf("total %d hits %v facets %v", r.Total, urls(r), r.Facets)
			}
			for _, name := range search.FacetNames {
				if r.Facets[name] == nil {
					t.Errorf("facet %s missing", name)
				}
			}
		})
	}
}

func TestSnippets(t *testing.T) {
	ix := openSynced(t, sampleDocs())
	tests := []struct{ q, want string }{
		{"加装电梯", "<mark>加装电梯</mark>"},
		{"电梯", "没有<mark>电梯</mark>"},
		{"段简", "一<mark>段简</mark>单"},
		{"3社联动", "<mark>3社联动</mark>"},
		{"abc123", "<mark>ABC123</mark>"},
		{`"社区 工作"`, "<mark>社区</mark> <mark>工作</mark>"},
		{"老楼怎么比选方案", "<mark>方案比选</mark>"},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			r := find(t, ix, search.Request{Query: tt.q})
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
	r := find(t, openSynced(t, []search.Document{doc("/x/", "x", "guides", `<script>alert("电梯")</script>`)}), search.Request{Query: "电梯"})
	if s := r.Hits[0].Snippet; strings.Contains(s, "<script") || !strings.Contains(s, "&lt;script&gt;") {
		t.Errorf("snippet not escaped: %s", s)
	}
}

func TestSuggestions(t *testing.T) {
	ix := openSynced(t, sampleDocs())
	r := find(t, ix, search.Request{Query: "火箭"})
	if r.Total != 0 || r.Suggest == nil || len(r.Suggest.Parts) != 0 {
		t.Errorf("火箭: %+v", r.Suggest)
	}
	// no part occurs: the characters that do
	r = find(t, ix, search.Request{Query: "梯子"})
	if r.Total != 0 || r.Suggest == nil || strings.Join(r.Suggest.Parts, " ") != "梯" {
		t.Errorf("梯子: total %d, %+v", r.Total, r.Suggest)
	}
	if r.Suggest != nil && strings.Join(r.Suggest.Topics, " ") != "" {
		t.Errorf("梯子 topics: %v", r.Suggest.Topics)
	}
	// found, but not under the filter: the parts, and the streets they name
	r = find(t, ix, search.Request{Query: "花楼 电梯", Kind: "guides"})
	if r.Total != 0 || r.Suggest == nil || strings.Join(r.Suggest.Parts, " ") != "花楼 电梯" || strings.Join(r.Suggest.Streets, " ") != "花楼街道" {
		t.Errorf("filtered: total %d, %+v", r.Total, r.Suggest)
	}
	if r := find(t, ix, search.Request{Query: "电梯"}); r.Suggest != nil {
		t.Errorf("suggestions with hits: %+v", r.Suggest)
	}
}

func TestBadQueries(t *testing.T) {
	ix := openSynced(t, testcorpus.Docs(200))
	tests := []struct {
		name string
		req  search.Request
	}{
		{"empty", search.Request{Query: ""}},
		{"spaces", search.Request{Query: "   \t "}},
		{"10000 characters", search.Request{Query: strings.Repeat("社区工作", 2500)}},
		{"10000 Latin", search.Request{Query: strings.Repeat("ab ", 3400)}},
		{"unbalanced quotes", search.Request{Query: `"社区 工作`}},
		{"many quotes", search.Request{Query: strings.Repeat(`"社`, 500)}},
		{"control characters", search.Request{Query: "社区\x00\x01\x1b[31m工作"}},
		{"regex syntax", search.Request{Query: ".*[("}},
		{"query syntax", search.Request{Query: "+title:社区 -body:工作 ~2 ^3"}},
		{"invalid UTF-8", search.Request{Query: "\xff\xfe社区\xc3"}},
		{"negative size", search.Request{Query: "社区", Size: -1}},
		{"huge size", search.Request{Query: "社区", Size: 1 << 30}},
		{"deep page", search.Request{Query: "社区", From: 1 << 30}},
		{"control in filter", search.Request{Query: "社区", Kind: "cases\x00"}},
		{"huge filter", search.Request{Query: "社区", Street: strings.Repeat("街", 1000)}},
		{"repeated bigram phrase", search.Request{Query: strings.Repeat("哈", 200)}},
		{"only filler", search.Request{Query: "怎么办呢"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := ix.Search(context.Background(), tt.req)
			if err != nil {
				if !search.IsQueryError(err) {
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

func TestSearchStopsWithItsContext(t *testing.T) {
	ix := openSynced(t, testcorpus.Docs(300))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := ix.Search(ctx, search.Request{Query: "社区工作者以问题为导向"}); err != context.Canceled {
		t.Errorf("cancelled search: %v", err)
	}
	ctx, cancel = context.WithDeadline(context.Background(), time.Now().Add(-time.Second))
	defer cancel()
	if _, err := ix.Search(ctx, search.Request{Query: "社区"}); err != context.DeadlineExceeded {
		t.Errorf("search past the caller's deadline: %v", err)
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
	docs[0].Sections = append(docs[0].Sections, search.Section{Heading: "成效", Text: "最后，全体住户签字同意加装电梯。"})
	removed := docs[1].URL
	docs = append(docs[:1], docs[2:]...)
	docs = append(docs, search.Document{URL: "/cases/new/", Title: "独居老人助餐", Kind: "cases", Summary: "社区食堂为独居老人送餐。"})
	st, err = ix.Sync(docs)
	if err != nil || st.Added != 1 || st.Updated != 1 || st.Deleted != 1 || st.Unchanged != len(docs)-2 {
		t.Fatalf("changed docs: %+v %v", st, err)
	}
	if r := find(t, ix, search.Request{Query: "楼道堆物"}); r.Total != 0 {
		t.Errorf("removed %s still found: %v", removed, urls(r))
	}
	if r := find(t, ix, search.Request{Query: `"签字同意"`}); r.Total != 1 {
		t.Errorf("changed text not found")
	}
	if r := find(t, ix, search.Request{Query: "送餐"}); r.Total != 1 {
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
	for _, q := range []string{"电梯", "议事", "社区 工作", "加装电梯", "老楼怎么加装电梯"} {
		a := find(t, ix, search.Request{Query: q})
		b := find(t, fresh, search.Request{Query: q})
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
	_, err = ix.Sync([]search.Document{{URL: "/a/", Title: "一"}, {URL: "/a/", Title: "二"}, {Title: "三"}})
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
	r := find(t, ix, search.Request{Query: "电梯"})
	if r.Total != 0 || len(r.Hits) != 0 || len(r.Facets) != 4 {
		t.Errorf("%+v", r)
	}
}

// BenchmarkSync measures a full index of generated documents and a Sync
// that finds one document changed.
func BenchmarkSync(b *testing.B) {
	for _, n := range []int{1000} {
		docs := testcorpus.Docs(n)
		b.Run(fmt.Sprintf("full/%d", n), func(b *testing.B) {
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
	}
}

// BenchmarkSearch measures queries of each kind over generated documents.
func BenchmarkSearch(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		ix := openSynced(b, testcorpus.Docs(n))
		for _, q := range []string{"社区", "加装电梯", "独居老人 助餐", "老旧小区加装电梯怎么协调", `"居民 议事"`} {
			b.Run(fmt.Sprintf("%d/%s", n, q), func(b *testing.B) {
				for i := 0; i < b.N; i++ {
					if _, err := ix.Search(context.Background(), search.Request{Query: q}); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// oneRun tells whether q is one run of text, no separator inside: a
// substring with punctuation or a space is read as several words.
func oneRun(q string) bool {
	end := -1
	for _, tok := range analysis.Analyze(q) {
		if tok.Kind == analysis.Bigram {
			continue
		}
		if end >= 0 && tok.Start != end {
			return false
		}
		end = tok.End
	}
	return end == len(q) && analysis.Analyze(q)[0].Start == 0
}

// Any literal substring of two or more characters finds every page that
// holds it, and those pages come first: random substrings of random pages.
func TestLiteralSubstringsComeFirst(t *testing.T) {
	docs := append(testcorpus.Docs(150), sampleDocs()...)
	ix := openSynced(t, docs)
	rng := rand.New(rand.NewSource(9))
	texts := make([]string, len(docs))
	for i := range docs {
		f := rank.FieldTexts(&docs[i])
		texts[i] = strings.Join(f[:], "\x00")
	}
	for n := 0; n < 80; n++ {
		d := docs[rng.Intn(len(docs))]
		f := rank.FieldTexts(&d)
		field := []rune(f[rng.Intn(len(f))])
		l := 2 + rng.Intn(5)
		if len(field) <= l {
			continue
		}
		s := rng.Intn(len(field) - l)
		q := string(field[s : s+l])
		if len(analysis.Analyze(q)) == 0 || !oneRun(q) {
			continue
		}
		var urls []string
		for from := 0; ; from += search.MaxSize {
			r := find(t, ix, search.Request{Query: q, Size: search.MaxSize, From: from})
			for _, h := range r.Hits {
				urls = append(urls, h.URL)
			}
			if from+search.MaxSize >= r.Total {
				break
			}
		}
		holders := map[string]bool{}
		for i := range docs {
			if strings.Contains(texts[i], q) {
				holders[docs[i].URL] = true
			}
		}
		for k, u := range urls {
			if k < len(holders) != holders[u] {
				t.Fatalf("%q: %d pages hold it, yet hit %d is %s (holds it: %v)", q, len(holders), k, u, holders[u])
			}
		}
		if len(urls) < len(holders) {
			t.Fatalf("%q: %d hits, %d pages hold it", q, len(urls), len(holders))
		}
	}
}
