package search

import (
	"encoding/base64"
	"encoding/binary"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"github.com/klauspost/compress/gzip"
)

// facetValues is every document's facet values as indexes into the
// vocabularies of meta.json, for the per-term facet counts of encodeTerm.
type facetValues struct {
	sizes [4]int     // vocabulary sizes: kinds, streets, topics, methods
	vals  [][4][]int // by document, by facet
	// flat[at[d]:at[d+1]] is document d's values numbered across the four
	// vocabularies one after the other (total values in all)
	flat  []int32
	at    []int32
	total int
}

// counts appends, for the documents of ps, how many have each value of each
// facet: kinds, streets, topics and methods in vocabulary order, as uvarints.
// search.js uses them for the facet counts of a query whose postings it
// has not all fetched. scratch is reusable memory.
func (fv *facetValues) counts(out []byte, ps []posting, scratch *[]uint32) []byte {
	c := *scratch
	if len(c) < fv.total {
		c = make([]uint32, fv.total)
		*scratch = c
	}
	c = c[:fv.total]
	for i := range ps {
		d := ps[i].doc
		for _, v := range fv.flat[fv.at[d]:fv.at[d+1]] {
			c[v]++
		}
	}
	for v, n := range c {
		out = binary.AppendUvarint(out, uint64(n))
		c[v] = 0
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
	fv.at = make([]int32, len(docs)+1)
	for i := range fv.vals {
		base := 0
		for k, vs := range fv.vals[i] {
			for _, v := range vs {
				fv.flat = append(fv.flat, int32(base+v))
			}
			base += fv.sizes[k]
		}
		fv.at[i+1] = int32(len(fv.flat))
	}
	fv.total = fv.sizes[0] + fv.sizes[1] + fv.sizes[2] + fv.sizes[3]
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
// all as uvarints, column after column (they compress better so), appended
// to out.
func facetColumns(out []byte, fv *facetValues, slots []uint32) []byte {
	n := len(fv.vals)
	out = append(out, "JF2"...)
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
	group int        // documents per file
	first int        // bytes that hold the first part of nine texts in ten
	files [][][]byte // d/N.bin: the texts it holds, one after the other
	slots []uint32   // per document, the slots its text takes
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
			var js, a, b []byte
			zw := gzipWriters.Get().(*gzipWriter)
			defer gzipWriters.Put(zw)
			var arena []byte // the texts, carved from large blocks
			for i := k; i < len(docs); i += workers {
				d := docs[i]
				js = appendJSONStrings(js[:0], d.URL, d.Title, d.Summary)
				a = zw.compress(a[:0], js)
				js = appendJSONStrings(js[:0], d.Problem, d.Solution, d.Body)
				b = zw.compress(b[:0], js)
				n := uvarintLen(uint64(len(a))) + uvarintLen(uint64(len(b))) + len(a) + len(b)
				n += (textSlot - n%textSlot) % textSlot
				if cap(arena)-len(arena) < n {
					arena = make([]byte, 0, max(n, 256<<10))
				}
				rec := binary.AppendUvarint(arena[len(arena):len(arena):len(arena)+n], uint64(len(a)))
				rec = binary.AppendUvarint(rec, uint64(len(b)))
				firsts[i] = len(rec) + len(a)
				rec = append(append(rec, a...), b...)
				rec = rec[:n] // the padding: arena memory is zero until used
				arena = arena[:len(arena)+n]
				recs[i] = rec
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
		l.files = append(l.files, recs[lo:min(lo+l.group, len(recs))])
	}
	return l
}

// appendJSONStrings appends the JSON array of ss, exactly as json.Marshal
// writes a []string (HTML characters, U+2028 and U+2029 escaped, invalid
// UTF-8 as \ufffd), without its reflection and allocations.
func appendJSONStrings(out []byte, ss ...string) []byte {
	const hex = "0123456789abcdef"
	out = append(out, '[')
	for k, s := range ss {
		if k > 0 {
			out = append(out, ',')
		}
		out = append(out, '"')
		start := 0
		for i := 0; i < len(s); {
			c := s[i]
			if c < utf8.RuneSelf {
				if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
					i++
					continue
				}
				out = append(out, s[start:i]...)
				switch c {
				case '\\', '"':
					out = append(out, '\\', c)
				case '\b':
					out = append(out, '\\', 'b')
				case '\f':
					out = append(out, '\\', 'f')
				case '\n':
					out = append(out, '\\', 'n')
				case '\r':
					out = append(out, '\\', 'r')
				case '\t':
					out = append(out, '\\', 't')
				default:
					out = append(out, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
				}
				i++
				start = i
				continue
			}
			if i+2 < len(s) && isPlain3(c, s[i+1], s[i+2]) && (c != 0xE2 || s[i+1] != 0x80 || s[i+2]&0xFE != 0xA8) {
				i += 3 // a valid three-byte rune other than U+2028 and U+2029
				continue
			}
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size == 1 {
				out = append(out, s[start:i]...)
				out = append(out, `\ufffd`...)
				i += size
				start = i
				continue
			}
			if r == '\u2028' || r == '\u2029' {
				out = append(out, s[start:i]...)
				out = append(out, '\\', 'u', '2', '0', '2', hex[r&0xF])
				i += size
				start = i
				continue
			}
			i += size
		}
		out = append(append(out, s[start:]...), '"')
	}
	return append(out, ']')
}

// gzipLevel is the compression level of every gzip member: the best of the
// fast encoders of github.com/klauspost/compress/flate (levels 1 to 6),
// which make the index about as small as compress/gzip at level 4 did, in
// a fraction of its time. Postings are mostly varints with little for LZ77
// to find, and texts are small: level 7 and up (the lazy matcher) would
// save a percent or two of bytes for twice the time.
const gzipLevel = 6

// gzipWriter makes standard gzip members (what DecompressionStream reads)
// with reusable state.
type gzipWriter struct {
	zw, huff *gzip.Writer
	out      appendWriter
}

// appendWriter is an io.Writer appending to a slice.
type appendWriter struct{ b []byte }

// Write appends p; it never fails, as gzip.Writer's destination must not.
func (w *appendWriter) Write(p []byte) (int, error) {
	w.b = append(w.b, p...)
	return len(p), nil
}

// gzipWriters keeps gzipWriters (some hundred kilobytes each) from one
// file, and one build, to the next.
var gzipWriters = sync.Pool{New: func() any {
	g := &gzipWriter{}
	g.zw, _ = gzip.NewWriterLevel(&g.out, gzipLevel)
	return g
}}

// compress appends data as one gzip member to out. The fast levels store a
// block in which they find no match at all, though Huffman coding alone
// would shrink it (a bitmap of documents followed by impact codes, say): so
// data that hardly compresses is tried with Huffman coding alone too, and
// the smaller kept.
func (g *gzipWriter) compress(out, data []byte) []byte {
	start := len(out)
	out = deflate(g.zw, &g.out, out, data)
	if n := len(out) - start; n > len(data)-len(data)/8 && len(data) > 64 {
		if g.huff == nil {
			g.huff, _ = gzip.NewWriterLevel(&g.out, gzip.HuffmanOnly)
		}
		out = deflate(g.huff, &g.out, out, data)
		if m := len(out) - start - n; m < n {
			copy(out[start:], out[start+n:])
			return out[:start+m]
		}
		out = out[:start+n]
	}
	return out
}

// deflate appends data compressed by zw to out, through w.
func deflate(zw *gzip.Writer, w *appendWriter, out, data []byte) []byte {
	w.b = out
	zw.Reset(w)
	zw.Write(data) // an appendWriter does not fail
	zw.Close()
	out = w.b
	w.b = nil
	return out
}

// emitter makes the files of the static index on GOMAXPROCS goroutines
// (compressing them, or in portable mode wrapping them in scripts) and
// hands them to put; it keeps the first error and, after one, makes no
// more files.
type emitter struct {
	put      func(name string, data []byte) error
	portable bool
	jobs     chan func(*emitWorker)
	wg       sync.WaitGroup
	failed   atomic.Bool
	mu       sync.Mutex
	first    error
}

func newEmitter(put func(name string, data []byte) error, portable bool) *emitter {
	e := &emitter{put: put, portable: portable, jobs: make(chan func(*emitWorker), 64)}
	for i := 0; i < runtime.GOMAXPROCS(0); i++ {
		e.wg.Add(1)
		go func() {
			defer e.wg.Done()
			var w emitWorker
			for job := range e.jobs {
				if !e.failed.Load() {
					job(&w)
				}
			}
		}()
	}
	return e
}

// emitWorker is one goroutine's reusable memory.
type emitWorker struct {
	raw, gz, js []byte
}

// file makes the file name from what build appends to the slice it is
// given, as one gzip member when gz, and hands it to put. build runs
// later, on another goroutine.
func (e *emitter) file(name string, gz bool, build func([]byte) []byte) {
	e.jobs <- func(w *emitWorker) {
		data := build(w.raw[:0])
		w.raw = data
		if gz {
			zw := gzipWriters.Get().(*gzipWriter)
			w.gz = zw.compress(w.gz[:0], data)
			gzipWriters.Put(zw)
			data = w.gz
		}
		if e.portable {
			js := append(w.js[:0], "__jianghanSearch("...)
			js = strconv.AppendQuote(js, name)
			js = append(js, ",\""...)
			js = base64.StdEncoding.AppendEncode(js, data)
			js = append(js, "\");\n"...)
			w.js = js
			data, name = js, name+".js"
		}
		if err := e.put(name, data); err != nil {
			e.mu.Lock()
			if e.first == nil {
				e.first = err
			}
			e.mu.Unlock()
			e.failed.Store(true)
		}
	}
}

// wait waits for every file and returns the first error.
func (e *emitter) wait() error {
	close(e.jobs)
	e.wg.Wait()
	return e.first
}
