package static

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"context"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/jianghan-district/jianghan/internal/msg"
	"github.com/jianghan-district/jianghan/search"
	"github.com/jianghan-district/jianghan/search/index"
	"github.com/jianghan-district/jianghan/search/internal/testcorpus"
	"github.com/jianghan-district/jianghan/search/rank"
)

// sampleDocs is a small library in real Chinese.
func sampleDocs() []search.Document {
	return []search.Document{
		{URL: "/cases/lift/", Title: "七层老楼加装电梯", Kind: "cases", Summary: "高低楼层住户意见对立。",
			Sections: []search.Section{{Heading: "问题", Text: "老楼没有电梯。"}, {Heading: "解决方案", Text: "楼栋议事会比选方案。"}},
			Street:   "水塔街道", Topics: []string{"老旧小区改造"}, Filed: []string{"水塔街道", "老旧小区改造", "张敏"}},
		{URL: "/cases/corridor/", Title: "楼道堆物整治", Kind: "cases", Summary: "楼道堆放杂物。",
			Sections: []search.Section{{Heading: "问题", Text: "居民在楼道里堆放旧家具。"}, {Heading: "解决方案", Text: "安装电梯间的监控。"}},
			Street:   "花楼街道", Filed: []string{"花楼街道"}},
		{URL: "/guides/studio/", Title: "工作室指南", Kind: "guides", Sections: []search.Section{{Text: "ABC123 工作法。"}}},
		{URL: "/workers/zhang-min/", Title: "张敏", Kind: "workers", Street: "水塔街道", Sections: []search.Section{{Text: "持证社工。"}}},
	}
}

// readGz reads and decompresses one file of a static index.
func readGz(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	out, err := io.ReadAll(zr)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return out
}

// tree lists the files under dir with their contents.
func tree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	m := map[string][]byte{}
	err := filepath.Walk(dir, func(p string, fi os.FileInfo, err error) error {
		if err != nil || fi.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		m[filepath.ToSlash(rel)], err = os.ReadFile(p)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestWriteStatic(t *testing.T) {
	docs := sampleDocs()
	dir := t.TempDir()
	groups := [][]string{{"加装电梯", "加梯"}}
	if err := WriteStatic(dir, docs, Options{Synonyms: groups}); err != nil {
		t.Fatal(err)
	}
	files := tree(t, dir)
	var m meta
	if err := json.Unmarshal(files["meta.json"], &m); err != nil {
		t.Fatal(err)
	}
	ix, err := index.Open(filepath.Join(t.TempDir(), "ix"))
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if _, err := ix.Sync(docs); err != nil {
		t.Fatal(err)
	}
	if m.N != len(docs) || m.Format != Format || m.Shards < 1 || m.Params != rank.Default {
		t.Errorf("meta %+v", m)
	}
	// the statistics the browser uses are the ones the bleve index ranks with
	if st := ix.Stats(); m.Total != st.Total {
		t.Errorf("field totals %v, index %v", m.Total, st.Total)
	}
	if strings.Join(m.Kinds, ",") != "cases,guides,workers" || strings.Join(m.Streets, ",") != "水塔街道,花楼街道" {
		t.Errorf("vocabularies %v %v", m.Kinds, m.Streets)
	}
	if len(m.Lexicon.Syn) != 1 || m.Lexicon.Syn[0][1] != "加梯" || len(m.Lexicon.Fill) == 0 {
		t.Errorf("lexicon %+v", m.Lexicon)
	}
	if m.Text["none"] != "没有找到与「%s」相关的内容。" || m.Text["kind.cases"] != "案例" {
		t.Errorf("page text %v", m.Text)
	}
	for name := range files {
		if name != "meta.json" && !strings.HasSuffix(name, ".gz") && !strings.HasSuffix(name, ".bin") {
			t.Errorf("unexpected file %s", name)
		}
	}
	if !bytes.HasPrefix(readGz(t, filepath.Join(dir, "facets.bin.gz")), []byte("JF3")) {
		t.Error("bad magic")
	}
	// documents are numbered in URL order; a text is two raw deflate
	// streams with the texts' dictionary (none here: nothing recurs)
	if m.Dict != 0 {
		t.Errorf("dictionary of %d bytes for four short pages", m.Dict)
	}
	d0 := files["d/0.bin"]
	la, n1 := binary.Uvarint(d0)
	lb, n2 := binary.Uvarint(d0[n1:])
	var first, rest []string
	for _, part := range []struct {
		b   []byte
		out *[]string
	}{{d0[n1+n2 : n1+n2+int(la)], &first}, {d0[n1+n2+int(la) : n1+n2+int(la+lb)], &rest}} {
		b, err := io.ReadAll(flate.NewReader(bytes.NewReader(part.b)))
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(b, part.out); err != nil {
			t.Fatal(err)
		}
	}
	if first[0] != "/cases/corridor/" || len(first) != 3 || len(rest) != 3 || rest[1] != "居民在楼道里堆放旧家具。\n安装电梯间的监控。" || rest[0] != "问题\n解决方案" {
		t.Errorf("document 0: %q %q", first, rest)
	}
	if len(d0)%textSlot != 0 || m.Group < 1 || m.Slot != textSlot {
		t.Errorf("text file of %d bytes, group %d", len(d0), m.Group)
	}
	// the term 电梯 is in its shard
	shard := readGz(t, filepath.Join(dir, "t", fmt.Sprintf("%d.bin.gz", shardOf("电梯", m.Shards))))
	if !bytes.HasPrefix(shard, []byte("JT3")) || !bytes.Contains(shard, []byte("电梯")) {
		t.Error("电梯 not in its shard")
	}

	t.Run("same input, same bytes", func(t *testing.T) {
		again := t.TempDir()
		rev := slices.Clone(docs)
		slices.Reverse(rev)
		if err := WriteStatic(again, rev, Options{Synonyms: groups}); err != nil {
			t.Fatal(err)
		}
		other := tree(t, again)
		if len(other) != len(files) {
			t.Fatalf("%d files, then %d", len(files), len(other))
		}
		for name, b := range files {
			if !bytes.Equal(other[name], b) {
				t.Errorf("%s differs", name)
			}
		}
	})

	t.Run("portable", func(t *testing.T) {
		pdir := t.TempDir()
		if err := WriteStatic(pdir, docs, Options{Portable: true, Synonyms: groups}); err != nil {
			t.Fatal(err)
		}
		pfiles := tree(t, pdir)
		if len(pfiles) != len(files) {
			t.Fatalf("%d portable files, %d plain", len(pfiles), len(files))
		}
		for name, b := range files {
			js, ok := pfiles[name+".js"]
			if !ok {
				t.Fatalf("no %s.js", name)
			}
			prefix := fmt.Sprintf("__jianghanSearch(%q,\"", name)
			if !bytes.HasPrefix(js, []byte(prefix)) || !bytes.HasSuffix(js, []byte("\");\n")) {
				t.Fatalf("%s.js: %.80s", name, js)
			}
			data, err := base64.StdEncoding.DecodeString(string(js[len(prefix) : len(js)-4]))
			if err != nil || !bytes.Equal(data, b) {
				t.Errorf("%s.js does not hold %s", name, name)
			}
		}
	})

	t.Run("English page words", func(t *testing.T) {
		edir := t.TempDir()
		if err := WriteStatic(edir, docs, Options{Lang: msg.En}); err != nil {
			t.Fatal(err)
		}
		var em meta
		json.Unmarshal(tree(t, edir)["meta.json"], &em)
		if em.Text["found"] != "%d results" {
			t.Errorf("English text %v", em.Text)
		}
	})

	t.Run("duplicate URLs are refused", func(t *testing.T) {
		bad := append(sampleDocs(), sampleDocs()[0])
		if err := WriteStatic(t.TempDir(), bad, Options{}); err == nil {
			t.Error("no error")
		}
	})

	t.Run("no documents", func(t *testing.T) {
		if err := WriteStatic(t.TempDir(), nil, Options{}); err != nil {
			t.Error(err)
		}
	})
}

// Texts that share sentences are compressed with a dictionary of them,
// and read back with it; the dictionary holds what recurs, the most
// valuable last.
func TestTextDictionary(t *testing.T) {
	docs := testcorpus.Docs(200)
	dir := t.TempDir()
	if err := WriteStatic(dir, docs, Options{}); err != nil {
		t.Fatal(err)
	}
	files := tree(t, dir)
	var m meta
	json.Unmarshal(files["meta.json"], &m)
	dict := readGz(t, filepath.Join(dir, "d", "dict.bin.gz"))
	if m.Dict != len(dict) || len(dict) == 0 || len(dict) > dictBytes {
		t.Fatalf("dictionary of %d bytes, meta says %d", len(dict), m.Dict)
	}
	if !bytes.Contains(dict, []byte(testcorpus.Clauses[0])) {
		t.Error("a clause of every page is not in the dictionary")
	}
	d0 := files["d/0.bin"]
	la, n1 := binary.Uvarint(d0)
	lb, n2 := binary.Uvarint(d0[n1:])
	b, err := io.ReadAll(flate.NewReaderDict(bytes.NewReader(d0[n1+n2+int(la):n1+n2+int(la+lb)]), dict))
	if err != nil {
		t.Fatal(err)
	}
	var rest []string
	if err := json.Unmarshal(b, &rest); err != nil || len(rest) != 3 {
		t.Fatalf("%v: %q", err, b)
	}
	// with the dictionary a text takes a fraction of its size alone
	if plain := len(b); int(lb)*3 > plain {
		t.Errorf("%d bytes compressed of %d", lb, plain)
	}
}

// decodePresence reads what appendPresence wrote, for documents among n.
func decodePresence(b []byte, n, count int) []uint32 {
	var out []uint32
	mode, b := b[0], b[1:]
	next := func() uint64 { v, k := binary.Uvarint(b); b = b[k:]; return v }
	switch mode {
	case 0:
		d := uint64(0)
		for ; count > 0; count-- {
			d += next()
			out = append(out, uint32(d))
		}
	case 1:
		for d := 0; d < n; d++ {
			if b[d>>3]&(1<<(d&7)) != 0 {
				out = append(out, uint32(d))
			}
		}
	case 2:
		absent := map[uint64]bool{}
		d := uint64(0)
		for c := next(); c > 0; c-- {
			d += next()
			absent[d] = true
		}
		for d := 0; d < n; d++ {
			if !absent[uint64(d)] {
				out = append(out, uint32(d))
			}
		}
	}
	return out
}

// Every way of writing a term's documents reads back as those documents,
// and the shortest is chosen.
func TestPresence(t *testing.T) {
	rng := rand.New(rand.NewSource(5))
	modes := map[byte]int{}
	for _, density := range []float64{0.001, 0.05, 0.5, 0.97, 1} {
		n := 3000
		var ps []posting
		for d := 0; d < n; d++ {
			if rng.Float64() < density {
				ps = append(ps, posting{doc: uint32(d)})
			}
		}
		b := appendPresence(nil, ps, n)
		if len(b) != presenceBytes(ps, n) {
			t.Errorf("density %v: %d bytes, presenceBytes %d", density, len(b), presenceBytes(ps, n))
		}
		modes[b[0]]++
		got := decodePresence(b, n, len(ps))
		if len(got) != len(ps) {
			t.Fatalf("density %v (mode %d): %d documents, want %d", density, b[0], len(got), len(ps))
		}
		for i := range ps {
			if got[i] != ps[i].doc {
				t.Fatalf("density %v: document %d is %d, want %d", density, i, got[i], ps[i].doc)
			}
		}
	}
	if len(modes) != 3 {
		t.Errorf("modes used: %v", modes)
	}
}

// StaticFiles hands over exactly the files WriteStatic writes, by their
// slash names, from one call of put each; an error from put ends it.
func TestStaticFiles(t *testing.T) {
	// about 180 documents make some 150 files; each export of twice as
	// many costs seconds under the race detector, and there are five
	docs := testcorpus.Docs(150)
	for _, portable := range []bool{false, true} {
		dir := t.TempDir()
		if err := WriteStatic(dir, docs, Options{Portable: portable}); err != nil {
			t.Fatal(err)
		}
		files := tree(t, dir)
		var mu sync.Mutex
		got := map[string][]byte{}
		err := StaticFiles(docs, Options{Portable: portable}, func(name string, data []byte) error {
			mu.Lock()
			defer mu.Unlock()
			if _, ok := got[name]; ok {
				t.Errorf("%s twice", name)
			}
			got[name] = bytes.Clone(data) // data is only lent
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(files) {
			t.Errorf("portable %v: %d files, WriteStatic wrote %d", portable, len(got), len(files))
		}
		for name, b := range files {
			if !bytes.Equal(got[name], b) {
				t.Errorf("portable %v: %s differs", portable, name)
			}
		}
	}

	boom := errors.New("disk full")
	var calls atomic.Int32
	err := StaticFiles(docs, Options{}, func(string, []byte) error {
		calls.Add(1)
		return boom
	})
	if !errors.Is(err, boom) {
		t.Errorf("error %v, want %v", err, boom)
	}
	if n := calls.Load(); n > int32(runtime.GOMAXPROCS(0)) {
		t.Errorf("put called %d times after failing", n)
	}
	if err := StaticFiles(append(docs, docs[0]), Options{}, func(string, []byte) error { return nil }); err == nil {
		t.Error("duplicate URLs accepted")
	}
}

// appendJSONStrings writes what json.Marshal writes for a []string.
func TestAppendJSONStrings(t *testing.T) {
	cases := [][]string{
		{}, {""}, {"a", "b"}, {"社区\n\"工作\"", "<b>&amp;</b>", "\u2028\u2029\u2027\u202a"},
		{"\x00\x01\b\f\n\r\t\x1f\x7f", "\xff\xfe", "a\xe4\xb8", "\xed\xa0\x80", "\xe0\x80\x80", "𠀀𪜀", "ｆｕｌｌ"},
	}
	rng := rand.New(rand.NewSource(2))
	alphabet := []byte("a<>&\"\\\n\x00\x7f\xe2\x80\xa8\xa9\xe4\xb8\xad\xed\xa0\xf0\x9f\x98\x80\xff")
	for i := 0; i < 2000; i++ {
		b := make([]byte, rng.Intn(12))
		for k := range b {
			b[k] = alphabet[rng.Intn(len(alphabet))]
		}
		cases = append(cases, []string{string(b), string(b[len(b)/2:])})
	}
	for _, ss := range cases {
		want, err := json.Marshal(ss)
		if err != nil {
			t.Fatal(err)
		}
		if got := appendJSONStrings(nil, ss...); !bytes.Equal(got, want) {
			t.Fatalf("%q: %s, json.Marshal %s", ss, got, want)
		}
	}
}

func TestSelectRank(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	for iter := 0; iter < 3000; iter++ {
		n := 1 + rng.Intn(700)
		keys := make([]rankKey, n)
		for i := range keys {
			var imp float64
			switch iter % 4 {
			case 0:
				imp = rng.Float64()
			case 1:
				imp = float64(rng.Intn(3)) // many ties, broken by index
			case 2:
				imp = float64(i) // ascending
			case 3:
				imp = float64(n - i) // descending
			}
			keys[i] = rankKey{imp, int32(i)}
		}
		sorted := slices.Clone(keys)
		slices.SortFunc(sorted, rankKey.compare)
		r := rng.Intn(n)
		selectRank(keys, r)
		if keys[r] != sorted[r] {
			t.Fatalf("n %d, rank %d: %v, want %v", n, r, keys[r], sorted[r])
		}
		for i := range keys {
			if (i < r) != keys[i].before(keys[r]) && i != r {
				t.Fatalf("n %d, rank %d: key %d (%v) on the wrong side", n, r, i, keys[i])
			}
		}
	}
}

// The impacts in the postings are the scores the bleve index gives: a
// query of one term ranks its head block's documents first, in the same
// order, with the same scores.
func TestImpactsAreTheIndexScores(t *testing.T) {
	// 居民 and 三社 are held by more pages than a head block holds
	docs := testcorpus.Docs(150)
	ix, err := index.Open(filepath.Join(t.TempDir(), "ix"))
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if _, err := ix.Sync(docs); err != nil {
		t.Fatal(err)
	}
	sorted := make([]*search.Document, len(docs))
	for i := range docs {
		sorted[i] = &docs[i]
	}
	slices.SortFunc(sorted, func(a, b *search.Document) int { return strings.Compare(a.URL, b.URL) })
	inv := invert(sorted)
	var st rank.Stats
	st.Docs = len(sorted)
	for _, l := range inv.lens {
		for f := range l {
			st.Total[f] += uint64(l[f])
		}
	}
	tc := termConsts{st: st, kf: lengthNorms(inv.lens, st), lens: inv.lens, fv: facetVocabularies(sorted, &meta{})}
	for _, term := range []string{"电梯", "居民", "三社"} {
		t.Run(term, func(t *testing.T) {
			ti, ok := slices.BinarySearch(inv.names, term)
			if !ok {
				t.Fatalf("%s not inverted", term)
			}
			var sc termScratch
			sc.ps, sc.pos = inv.gather(ti, nil, nil)
			encodeTerm(term, &tc, &sc)
			best := slices.Clone(sc.ps)
			slices.SortStableFunc(best, func(a, b posting) int {
				switch {
				case a.impact > b.impact:
					return -1
				case a.impact < b.impact:
					return 1
				}
				return int(a.doc) - int(b.doc)
			})
			r, err := ix.Search(context.Background(), search.Request{Query: term, Size: 5})
			if err != nil {
				t.Fatal(err)
			}
			for k, h := range r.Hits {
				key := rank.Key{Tier: 2, Rel: best[k].impact}
				if h.URL != sorted[best[k].doc].URL || h.Score != key.Score() {
					t.Errorf("hit %d: %s %v, impact order %s %v", k, h.URL, h.Score, sorted[best[k].doc].URL, key.Score())
				}
			}
		})
	}
}

// BenchmarkStaticFiles measures making the static index of generated
// documents without writing it (put only adds up the sizes, reported as
// index-bytes).
func BenchmarkStaticFiles(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		docs := testcorpus.Docs(n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			var size atomic.Int64
			for i := 0; i < b.N; i++ {
				size.Store(0)
				err := StaticFiles(docs, Options{}, func(name string, data []byte) error {
					size.Add(int64(len(data)))
					return nil
				})
				if err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(size.Load()), "index-bytes")
		})
	}
}
