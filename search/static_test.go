package search

import (
	"bytes"
	"compress/gzip"
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
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

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
	if err := WriteStatic(dir, docs, StaticOptions{}); err != nil {
		t.Fatal(err)
	}
	var meta staticMeta
	if err := json.Unmarshal(tree(t, dir)["meta.json"], &meta); err != nil {
		t.Fatal(err)
	}
	ix := openSynced(t, docs)
	if meta.N != len(docs) || meta.Format != staticFormat || meta.Shards < 1 || meta.K1 != 1.2 || meta.B != 0.75 {
		t.Errorf("meta %+v", meta)
	}
	for f := range textFields {
		// the statistics the browser uses are the ones bleve is given
		if meta.Total[f] != ix.stats.totals[f] {
			t.Errorf("total of %s: %d, index %d", textFields[f], meta.Total[f], ix.stats.totals[f])
		}
	}
	if strings.Join(meta.Kinds, ",") != "cases,guides,lectures,workers" || len(meta.Streets) != 2 {
		t.Errorf("vocabularies %v %v", meta.Kinds, meta.Streets)
	}
	files := tree(t, dir)
	for name := range files {
		if name != "meta.json" && !strings.HasSuffix(name, ".gz") && !strings.HasSuffix(name, ".bin") {
			t.Errorf("unexpected file %s", name)
		}
	}
	if !bytes.HasPrefix(readGz(t, filepath.Join(dir, "facets.bin.gz")), []byte("JF2")) {
		t.Error("bad magic")
	}
	// documents are numbered in URL order; a text is two gzip members
	d0 := files["d/0.bin"]
	la, n1 := binary.Uvarint(d0)
	lb, n2 := binary.Uvarint(d0[n1:])
	var first, rest []string
	for i, part := range []struct {
		b   []byte
		out *[]string
	}{{d0[n1+n2 : n1+n2+int(la)], &first}, {d0[n1+n2+int(la) : n1+n2+int(la+lb)], &rest}} {
		zr, err := gzip.NewReader(bytes.NewReader(part.b))
		if err != nil {
			t.Fatal(i, err)
		}
		b, _ := io.ReadAll(zr)
		if err := json.Unmarshal(b, part.out); err != nil {
			t.Fatal(err)
		}
	}
	if first[0] != "/cases/corridor-clutter/" || len(first) != 3 || len(rest) != 3 || rest[1] != docs[1].Solution {
		t.Errorf("document 0: %v %v", first, rest)
	}
	if len(d0)%textSlot != 0 || meta.Group < 1 || meta.Slot != textSlot {
		t.Errorf("text file of %d bytes, group %d", len(d0), meta.Group)
	}
	// the term 电梯 is in its shard
	shard := readGz(t, filepath.Join(dir, "t", fmt.Sprintf("%d.bin.gz", shardOf("电梯", meta.Shards))))
	if !bytes.HasPrefix(shard, []byte("JT2")) || !bytes.Contains(shard, []byte("电梯")) {
		t.Error("电梯 not in its shard")
	}

	t.Run("same input, same bytes", func(t *testing.T) {
		again := t.TempDir()
		rev := append([]Document(nil), docs...)
		for i, j := 0, len(rev)-1; i < j; i, j = i+1, j-1 {
			rev[i], rev[j] = rev[j], rev[i]
		}
		if err := WriteStatic(again, rev, StaticOptions{}); err != nil {
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
		if err := WriteStatic(pdir, docs, StaticOptions{Portable: true}); err != nil {
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

	t.Run("duplicate URLs are refused", func(t *testing.T) {
		bad := append(sampleDocs(), sampleDocs()[0])
		if err := WriteStatic(t.TempDir(), bad, StaticOptions{}); err == nil {
			t.Error("no error")
		}
	})

	t.Run("no documents", func(t *testing.T) {
		if err := WriteStatic(t.TempDir(), nil, StaticOptions{}); err != nil {
			t.Error(err)
		}
	})
}

// StaticFiles hands over exactly the files WriteStatic writes, by their
// slash names, from one call of put each; an error from put ends it.
func TestStaticFiles(t *testing.T) {
	docs := genDocs(300)
	for _, portable := range []bool{false, true} {
		dir := t.TempDir()
		if err := WriteStatic(dir, docs, StaticOptions{Portable: portable}); err != nil {
			t.Fatal(err)
		}
		files := tree(t, dir)
		var mu sync.Mutex
		got := map[string][]byte{}
		err := StaticFiles(docs, StaticOptions{Portable: portable}, func(name string, data []byte) error {
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
	err := StaticFiles(docs, StaticOptions{}, func(string, []byte) error {
		calls.Add(1)
		return boom
	})
	if !errors.Is(err, boom) {
		t.Errorf("error %v, want %v", err, boom)
	}
	if n := calls.Load(); n > int32(runtime.GOMAXPROCS(0)) {
		t.Errorf("put called %d times after failing", n)
	}
	if err := StaticFiles(append(docs, docs[0]), StaticOptions{}, func(string, []byte) error { return nil }); err == nil {
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

func TestWriteStaticTime(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	docs := genDocs(1000)
	start := time.Now()
	if err := WriteStatic(t.TempDir(), docs, StaticOptions{}); err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d > 20*time.Second {
		t.Errorf("WriteStatic of %d documents took %v", len(docs), d)
	}
}

// BenchmarkWriteStatic measures the static export of generated documents.
func BenchmarkWriteStatic(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		docs := genDocs(n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if err := WriteStatic(b.TempDir(), docs, StaticOptions{}); err != nil {
					b.Fatal(err)
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
		docs := genDocs(n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			var size atomic.Int64
			for i := 0; i < b.N; i++ {
				size.Store(0)
				err := StaticFiles(docs, StaticOptions{}, func(name string, data []byte) error {
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
