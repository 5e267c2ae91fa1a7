package search

import (
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// facetValues is every document's facet values as indexes into the
// vocabularies of meta.json, for the per-term facet counts of encodeTerm.
type facetValues struct {
	sizes [4]int     // vocabulary sizes: kinds, streets, topics, methods
	vals  [][4][]int // by document, by facet
}

// counts appends, for the documents of ps, how many have each value of each
// facet: kinds, streets, topics and methods in vocabulary order, as uvarints.
// search.js uses them for the facet counts of a query whose postings it
// has not all fetched.
func (fv *facetValues) counts(out []byte, ps []posting) []byte {
	var c [4][]int
	for k := range c {
		c[k] = make([]int, fv.sizes[k])
	}
	for i := range ps {
		for k, vs := range fv.vals[ps[i].doc] {
			for _, v := range vs {
				c[k][v]++
			}
		}
	}
	for k := range c {
		for _, n := range c[k] {
			out = binary.AppendUvarint(out, uint64(n))
		}
	}
	return out
}

// facetVocabularies fills the facet vocabularies of meta and returns every
// document's facet values as indexes into them.
func facetVocabularies(docs []*Document, meta *staticMeta) *facetValues {
	vocab := func(get func(d *Document) []string) ([]string, map[string]int) {
		set := map[string]bool{}
		for _, d := range docs {
			for _, v := range get(d) {
				if v != "" {
					set[v] = true
				}
			}
		}
		list := make([]string, 0, len(set))
		for v := range set {
			list = append(list, v)
		}
		sort.Strings(list)
		idx := make(map[string]int, len(list))
		for i, v := range list {
			idx[v] = i
		}
		return list, idx
	}
	getters := [4]func(d *Document) []string{
		func(d *Document) []string { return []string{d.Kind} },
		func(d *Document) []string { return []string{d.Street} },
		func(d *Document) []string { return d.Topics },
		func(d *Document) []string { return d.Methods },
	}
	lists := [4]*[]string{&meta.Kinds, &meta.Streets, &meta.Topics, &meta.Methods}
	fv := &facetValues{vals: make([][4][]int, len(docs))}
	for k, get := range getters {
		var idx map[string]int
		*lists[k], idx = vocab(get)
		fv.sizes[k] = len(*lists[k])
		for i, d := range docs {
			for _, v := range nonEmptyStrings(get(d)) {
				fv.vals[i][k] = append(fv.vals[i][k], idx[v])
			}
		}
	}
	return fv
}

// facetColumns writes facets.bin:
//
//	"JF2" n:uvarint
//	n × kind (index into kinds, +1; 0 none)
//	n × street (index into streets, +1; 0 none)
//	n × (count, then count × index into topics)
//	n × (count, then count × index into methods)
//	n × the number of textSlot-byte slots the document's text takes
//
// all as uvarints, column after column (they compress better so).
func facetColumns(fv *facetValues, slots []uint32) []byte {
	n := len(fv.vals)
	out := []byte("JF2")
	out = binary.AppendUvarint(out, uint64(n))
	for k := 0; k < 2; k++ {
		for i := 0; i < n; i++ {
			if vs := fv.vals[i][k]; len(vs) > 0 {
				out = binary.AppendUvarint(out, uint64(vs[0]+1))
			} else {
				out = append(out, 0)
			}
		}
	}
	for k := 2; k < 4; k++ {
		for i := 0; i < n; i++ {
			vs := fv.vals[i][k]
			out = binary.AppendUvarint(out, uint64(len(vs)))
			for _, v := range vs {
				out = binary.AppendUvarint(out, uint64(v))
			}
		}
	}
	for _, s := range slots {
		out = binary.AppendUvarint(out, uint64(s))
	}
	return out
}

// textLayout is the texts of the documents, laid out in files.
type textLayout struct {
	group int      // documents per file
	first int      // bytes that hold the first part of nine texts in ten
	files [][]byte // d/N.bin
	slots []uint32 // per document, the slots its text takes
}

// compressTexts lays out each document's text in two parts, each a JSON
// array compressed with gzip on its own: [url, title, summary], then
// [problem, solution, body]. A text is the lengths of the two (uvarints),
// then the two, then zeros to a whole number of textSlot bytes, so that a
// hit whose snippet is in its summary or title needs only the first bytes.
// The texts of group consecutive documents follow each other in a file, so
// a text starts at textSlot times the slots of the documents before it in
// its file. group is chosen so that files are about textFileBytes; search.js
// first reads the first layout.first bytes of a text, which hold its first
// part in nine cases of ten.
func compressTexts(docs []*Document) textLayout {
	recs := make([][]byte, len(docs))
	firsts := make([]int, len(docs))
	var wg sync.WaitGroup
	workers := runtime.GOMAXPROCS(0)
	for k := 0; k < workers; k++ {
		wg.Add(1)
		go func(k int) {
			defer wg.Done()
			var buf bytes.Buffer
			zw, _ := gzip.NewWriterLevel(&buf, 4)
			gz := func(parts ...string) []byte {
				js, _ := json.Marshal(parts)
				buf.Reset()
				zw.Reset(&buf)
				zw.Write(js)
				zw.Close()
				return append([]byte(nil), buf.Bytes()...)
			}
			for i := k; i < len(docs); i += workers {
				d := docs[i]
				a, b := gz(d.URL, d.Title, d.Summary), gz(d.Problem, d.Solution, d.Body)
				rec := binary.AppendUvarint(nil, uint64(len(a)))
				rec = binary.AppendUvarint(rec, uint64(len(b)))
				firsts[i] = len(rec) + len(a)
				rec = append(append(rec, a...), b...)
				recs[i] = append(rec, make([]byte, (textSlot-len(rec)%textSlot)%textSlot)...)
			}
		}(k)
	}
	wg.Wait()
	l := textLayout{group: 1, slots: make([]uint32, len(docs))}
	total := 0
	for i, r := range recs {
		l.slots[i] = uint32(len(r) / textSlot)
		total += len(r)
	}
	if len(recs) > 0 {
		l.group = max(1, min(len(recs), textFileBytes*len(recs)/max(1, total)))
		slices.Sort(firsts)
		l.first = firsts[len(firsts)*9/10]
	}
	for lo := 0; lo < len(recs); lo += l.group {
		l.files = append(l.files, bytes.Join(recs[lo:min(lo+l.group, len(recs))], nil))
	}
	return l
}

// staticWriter writes the files of the static index, gzip-compressed or,
// in portable mode, as self-registering scripts.
type staticWriter struct {
	dir      string
	portable bool
	bin      sync.Pool // *gzip.Writer for binary files
	text     sync.Pool // *gzip.Writer for JSON
	fileMu   sync.Mutex
}

// write stores data as name (compressed when gz), or as name+".js".
// Postings are mostly varints with little for LZ77 to find, so a low
// compression level costs a few percent of size and saves most of the time.
func (w *staticWriter) write(name string, data []byte, gz bool) error {
	if gz {
		var buf bytes.Buffer
		buf.Grow(len(data)/3 + 64)
		pool, level := &w.text, gzip.DefaultCompression
		if strings.HasSuffix(name, ".bin.gz") {
			pool, level = &w.bin, 4
		}
		zw, _ := pool.Get().(*gzip.Writer)
		if zw == nil {
			zw, _ = gzip.NewWriterLevel(&buf, level)
		} else {
			zw.Reset(&buf)
		}
		if _, err := zw.Write(data); err != nil {
			return err
		}
		if err := zw.Close(); err != nil {
			return err
		}
		pool.Put(zw)
		data = buf.Bytes()
	}
	path := filepath.Join(w.dir, filepath.FromSlash(name))
	if w.portable {
		js := make([]byte, 0, len(data)*4/3+64)
		js = append(js, "__jianghanSearch("...)
		js = strconv.AppendQuote(js, name)
		js = append(js, ",\""...)
		js = base64.StdEncoding.AppendEncode(js, data)
		js = append(js, "\");\n"...)
		data, path = js, path+".js"
	}
	// files are created by one goroutine: concurrent creates in one folder
	// contend for it and are slower than one after another
	w.fileMu.Lock()
	err := os.WriteFile(path, data, 0o644)
	w.fileMu.Unlock()
	if err != nil {
		return fmt.Errorf("search: %w", err)
	}
	return nil
}
