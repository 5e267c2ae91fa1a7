package search_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	. "github.com/jianghan-district/jianghan/search"
	"github.com/jianghan-district/jianghan/search/index"
	"github.com/jianghan-district/jianghan/search/internal/testcorpus"
)

// panicSearcher stands for a broken implementation.
type panicSearcher struct{}

func (panicSearcher) Search(context.Context, Request) (*Result, error) { panic("boom") }

// openSynced opens an index of the generated library.
func openSynced(t *testing.T) *index.Index {
	ix, err := index.Open(filepath.Join(t.TempDir(), "index"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	if _, err := ix.Sync(testcorpus.Docs(50)); err != nil {
		t.Fatal(err)
	}
	return ix
}

func TestHandler(t *testing.T) {
	ix := openSynced(t)
	h := Handler(ix)
	tests := []struct {
		name   string
		method string
		query  string
		status int
	}{
		{"a query", "GET", "q=" + url.QueryEscape("电梯"), 200},
		{"filters and paging", "GET", "q=" + url.QueryEscape("议事") + "&kind=cases&street=" + url.QueryEscape("水塔街道") + "&n=1&from=1", 200},
		{"no hits", "GET", "q=" + url.QueryEscape("火箭"), 200},
		{"HEAD", "HEAD", "q=" + url.QueryEscape("电梯"), 200},
		{"missing q", "GET", "", 400},
		{"empty q", "GET", "q=", 400},
		{"punctuation only", "GET", "q=" + url.QueryEscape(".*[("), 400},
		{"n not a number", "GET", "q=a&n=ten", 400},
		{"n too big", "GET", "q=a&n=100000", 400},
		{"n huge", "GET", "q=a&n=99999999999999999999", 400},
		{"from negative", "GET", "q=a&from=-1", 400},
		{"control character filter", "GET", "q=a&kind=%00", 400},
		{"10000 characters", "GET", "q=" + strings.Repeat("%E7%A4%BE", 10000), 200},
		{"unbalanced quote", "GET", "q=%22" + url.QueryEscape("社区 工作"), 200},
		{"POST", "POST", "q=a", 405},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest(tt.method, "/api/search?"+tt.query, nil))
			if rec.Code != tt.status {
				t.Fatalf("status %d, want %d: %s", rec.Code, tt.status, rec.Body)
			}
			if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
				t.Errorf("Content-Type %q", ct)
			}
			if tt.method == "HEAD" {
				return
			}
			var body map[string]json.RawMessage
			if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil {
				t.Fatalf("not JSON: %s", rec.Body)
			}
			if tt.status != 200 {
				var msg string
				if json.Unmarshal(body["error"], &msg) != nil || msg == "" || len(body) != 1 {
					t.Errorf("error body %s", rec.Body)
				}
				return
			}
			for _, k := range []string{"query", "total", "hits", "facets"} {
				if _, ok := body[k]; !ok {
					t.Errorf("missing %q in %s", k, rec.Body)
				}
			}
			var res Result
			if err := json.Unmarshal(rec.Body.Bytes(), &res); err != nil {
				t.Fatal(err)
			}
			if res.Hits == nil || len(res.Facets) != 4 {
				t.Errorf("shape: %s", rec.Body)
			}
			for _, hit := range res.Hits {
				if hit.URL == "" || hit.Title == "" || hit.Kind == "" || hit.Score <= 0 {
					t.Errorf("hit %+v", hit)
				}
			}
		})
	}
	t.Run("hit fields", func(t *testing.T) {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", "/api/search?q="+url.QueryEscape("加装电梯")+"&n=1", nil))
		var raw struct {
			Hits []map[string]interface{} `json:"hits"`
		}
		json.Unmarshal(rec.Body.Bytes(), &raw)
		if len(raw.Hits) != 1 {
			t.Fatalf("%s", rec.Body)
		}
		for _, k := range []string{"url", "title", "kind", "snippet", "score"} {
			if _, ok := raw.Hits[0][k]; !ok {
				t.Errorf("hit lacks %q: %s", k, rec.Body)
			}
		}
	})
	t.Run("a panicking searcher gives JSON 500", func(t *testing.T) {
		rec := httptest.NewRecorder()
		Handler(panicSearcher{}).ServeHTTP(rec, httptest.NewRequest("GET", "/api/search?q=a", nil))
		if rec.Code != http.StatusInternalServerError || !strings.Contains(rec.Body.String(), `"error"`) {
			t.Errorf("%d %s", rec.Code, rec.Body)
		}
	})
}

// TestCutQuery: a query is read to its 200th character, counted in
// characters, not bytes, so a Chinese query is never cut inside a character.
func TestCutQuery(t *testing.T) {
	long := strings.Repeat("加装电梯", 60) // 240 characters
	for _, tc := range []struct{ name, q, want string }{
		{"short", "口袋公园", "口袋公园"},
		{"exactly the limit", long[:len("加")*MaxQueryRunes], long[:len("加")*MaxQueryRunes]},
		{"longer", long, long[:len("加")*MaxQueryRunes]},
		{"mixed", "a" + long, "a" + long[:len("加")*(MaxQueryRunes-1)]},
		{"empty", "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := CutQuery(tc.q); got != tc.want {
				t.Errorf("CutQuery cut %d characters to %d, want %d", len([]rune(tc.q)), len([]rune(got)), len([]rune(tc.want)))
			}
		})
	}
}
