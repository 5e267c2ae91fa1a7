package search

import (
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// StaticOptions tunes WriteStatic.
type StaticOptions struct {
	// Portable writes every file as a .js script that hands its data to a
	// global callback instead of as a .gz/.json file, because browsers refuse
	// fetch() on file:// pages while <script> tags still load.
	Portable bool
}

// staticFormat is the version of the static index layout below.
const staticFormat = 1

// shardTargetBytes is the uncompressed size WriteStatic aims at for one term
// shard: small enough that a query's shards are cheap, big enough that a
// large site does not get tens of thousands of files.
const shardTargetBytes = 16 << 10

// maxShards bounds the number of term shards.
const maxShards = 4096

// staticMeta is meta.json: what search.js needs before anything else. The
// statistics (n, total) are those Index.Search hands bleve, so both sides
// compute the same BM25.
type staticMeta struct {
	Format  int       `json:"format"`
	N       int       `json:"n"`
	K1      float64   `json:"k1"`
	B       float64   `json:"b"`
	Fields  []string  `json:"fields"`
	Boost   []float64 `json:"boost"`
	Total   []uint64  `json:"total"`
	Shards  int       `json:"shards"`
	Kinds   []string  `json:"kinds"`
	Streets []string  `json:"streets"`
	Topics  []string  `json:"topics"`
	Methods []string  `json:"methods"`
	Limits  [4]int    `json:"limits"` // MaxQueryRunes, MaxClauses, MaxPhraseTerms, MaxWordRunes
	Snippet [2]int    `json:"snippet"`
}

// postings of one term in one field: ascending document numbers, frequencies.
type postings struct {
	docs []uint32
	tfs  []uint32
}

// termPostings is one term's postings in each text field.
type termPostings [numText]postings

// WriteStatic writes the browser's search index for docs into dir (the
// build passes OUT/search/), creating dir if needed. Everything but
// meta.json is gzip-compressed, and search.js fetches only what a query needs:
//
//	meta.json         format, document count, BM25 constants and statistics,
//	                  field boosts, shard count, facet vocabularies, limits
//	facets.bin.gz     per document: kind, street, topics, methods (indexes
//	                  into the vocabularies): needed for facets and filters
//	len/F.bin.gz      per document: token count of text field F (0 title,
//	                  1 summary, 2 problem, 3 solution, 4 body), loaded only
//	                  when a query's terms occur in F
//	t/N.bin.gz        term shard N: every term whose FNV-1a 32 hash of its
//	                  UTF-8 bytes is N modulo the shard count, with its
//	                  postings (document number, frequency) per text field
//	d/N.json.gz       document N's [url, title, kind, summary, problem,
//	                  solution, body]: fetched for a hit shown (its snippet)
//	                  or to check a phrase
//
// Documents are numbered in URL order, which is also the tie-break order of
// the ranking. With opts.Portable each FILE is written as FILE.js instead,
// holding __jianghanSearch("FILE", "<base64 of FILE's bytes>"), so that the
// index works from file://. The binary layouts are documented at encodeShard
// and docColumns; search.js reads them.
func WriteStatic(dir string, docs []Document, opts StaticOptions) error {
	if err := checkURLs(docs); err != nil {
		return err
	}
	sorted := make([]*Document, len(docs))
	for i := range docs {
		sorted[i] = &docs[i]
	}
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].URL < sorted[j].URL })

	terms, lens := invert(sorted)

	meta := staticMeta{
		Format: staticFormat, N: len(sorted), K1: bm25K1(), B: bm25B(),
		Fields: textFields[:], Boost: textBoost[:], Total: make([]uint64, numText),
		Limits:  [4]int{MaxQueryRunes, MaxClauses, MaxPhraseTerms, MaxWordRunes},
		Snippet: [2]int{snippetRunes, snippetBefore},
	}
	for _, l := range lens {
		for f := range l {
			meta.Total[f] += uint64(l[f])
		}
	}

	// term shards
	names := make([]string, 0, len(terms))
	raw := 0
	for t, p := range terms {
		names = append(names, t)
		raw += len(t) + 2
		for f := range p {
			raw += 2 + 3*len(p[f].docs)
		}
	}
	sort.Strings(names)
	shards := 1
	for shards < maxShards && raw/shards > shardTargetBytes {
		shards *= 2
	}
	meta.Shards = shards
	byShard := make([][]string, shards)
	for _, t := range names {
		s := shardOf(t, shards)
		byShard[s] = append(byShard[s], t)
	}

	w := &staticWriter{dir: dir, portable: opts.Portable}
	for _, sub := range []string{"", "t", "d", "len"} {
		if err := os.MkdirAll(filepath.Join(dir, sub), 0o755); err != nil {
			return fmt.Errorf("search: %w", err)
		}
	}

	facets := facetColumns(sorted, &meta)
	metaJSON, err := json.Marshal(meta)
	if err != nil {
		return fmt.Errorf("search: %w", err)
	}

	jobs := make(chan func() error)
	var wg sync.WaitGroup
	var errMu sync.Mutex
	var firstErr error
	for i := 0; i < runtime.GOMAXPROCS(0); i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for job := range jobs {
				if err := job(); err != nil {
					errMu.Lock()
					if firstErr == nil {
						firstErr = err
					}
					errMu.Unlock()
				}
			}
		}()
	}
	jobs <- func() error { return w.write("meta.json", metaJSON, false) }
	jobs <- func() error { return w.write("facets.bin.gz", facets, true) }
	for f := 0; f < numText; f++ {
		f := f
		jobs <- func() error { return w.write("len/"+strconv.Itoa(f)+".bin.gz", lengthColumn(lens, f), true) }
	}
	for s := 0; s < shards; s++ {
		s := s
		jobs <- func() error {
			return w.write("t/"+strconv.Itoa(s)+".bin.gz", encodeShard(byShard[s], terms, len(sorted)), true)
		}
	}
	const perJob = 64
	for lo := 0; lo < len(sorted); lo += perJob {
		lo, hi := lo, min(lo+perJob, len(sorted))
		jobs <- func() error {
			for i := lo; i < hi; i++ {
				d := sorted[i]
				b, err := json.Marshal([]string{d.URL, d.Title, d.Kind, d.Summary, d.Problem, d.Solution, d.Body})
				if err != nil {
					return fmt.Errorf("search: %w", err)
				}
				if err := w.write("d/"+strconv.Itoa(i)+".json.gz", b, true); err != nil {
					return err
				}
			}
			return nil
		}
	}
	close(jobs)
	wg.Wait()
	return firstErr
}

// shardOf is the term shard of t: FNV-1a 32 of its UTF-8 bytes modulo shards.
func shardOf(t string, shards int) int {
	h := fnv.New32a()
	h.Write([]byte(t))
	return int(h.Sum32() % uint32(shards))
}

// termKey identifies a CJK unigram or bigram by its runes, so that the hot
// loop of invert looks terms up in a map of integers rather than strings.
func termKey(t *tok) (uint64, bool) {
	switch t.kind {
	case Unigram:
		r, _ := utf8.DecodeRune(t.term)
		return uint64(r), true
	case Bigram:
		r1, n := utf8.DecodeRune(t.term)
		r2, _ := utf8.DecodeRune(t.term[n:])
		return 1<<42 | uint64(r1)<<21 | uint64(r2), true
	}
	return 0, false
}

// invertPart is one worker's share of invert: terms numbered in order of
// first appearance, with their postings over a contiguous range of documents.
type invertPart struct {
	cjk   map[uint64]uint32
	words map[string]uint32
	names []string
	posts []termPostings
}

// id returns the number of t's term, adding the term if it is new.
func (p *invertPart) id(t *tok) uint32 {
	if k, ok := termKey(t); ok {
		if id, ok := p.cjk[k]; ok {
			return id
		}
		id := uint32(len(p.names))
		p.cjk[k] = id
		p.names = append(p.names, string(t.term))
		p.posts = append(p.posts, termPostings{})
		return id
	}
	if id, ok := p.words[string(t.term)]; ok {
		return id
	}
	id := uint32(len(p.names))
	p.words[string(t.term)] = id
	p.names = append(p.names, string(t.term))
	p.posts = append(p.posts, termPostings{})
	return id
}

// invert analyses every document's text fields (in parallel) and returns
// each term's postings and each document's token count per field.
func invert(docs []*Document) (map[string]*termPostings, [][numText]uint32) {
	lens := make([][numText]uint32, len(docs))
	workers := min(runtime.GOMAXPROCS(0), max(1, len(docs)/64))
	parts := make([]*invertPart, workers)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		lo, hi := w*len(docs)/workers, (w+1)*len(docs)/workers
		wg.Add(1)
		go func(w, lo, hi int) {
			defer wg.Done()
			p := &invertPart{cjk: map[uint64]uint32{}, words: map[string]uint32{}}
			var counts []uint32
			var touched []uint32
			var sc scanner
			for i := lo; i < hi; i++ {
				for f, text := range documentText(docs[i]) {
					if text == "" {
						continue
					}
					toks := sc.scan([]byte(text))
					lens[i][f] = uint32(len(toks))
					touched = touched[:0]
					for k := range toks {
						id := p.id(&toks[k])
						if int(id) >= len(counts) {
							counts = append(counts, make([]uint32, int(id)+1-len(counts)+1024)...)
						}
						if counts[id] == 0 {
							touched = append(touched, id)
						}
						counts[id]++
					}
					for _, id := range touched {
						pf := &p.posts[id][f]
						pf.docs = append(pf.docs, uint32(i))
						pf.tfs = append(pf.tfs, counts[id])
						counts[id] = 0
					}
				}
			}
			parts[w] = p
		}(w, lo, hi)
	}
	wg.Wait()
	all := map[string]*termPostings{}
	for _, part := range parts { // later parts hold later documents
		for id, name := range part.names {
			p := &part.posts[id]
			q := all[name]
			if q == nil {
				all[name] = p
				continue
			}
			for f := range p {
				q[f].docs = append(q[f].docs, p[f].docs...)
				q[f].tfs = append(q[f].tfs, p[f].tfs...)
			}
		}
	}
	return all, lens
}

// encodeShard writes the terms of one shard (sorted); n is the number of
// documents:
//
//	"JT1" count:uvarint
//	per term: len:uvarint utf8 fieldmask:byte
//	  per field in mask, ascending: df:uvarint, mode:byte, documents, then
//	  df × (frequency-1):uvarint
//	  documents, mode 0: df gaps between document numbers (the first from 0):uvarint
//	  documents, mode 1: a bitmap of ceil(n/8) bytes, document i at bit i%8
//	                     (least significant first) of byte i/8
//
// The bitmap is used when it is smaller: for terms in most documents.
func encodeShard(names []string, terms map[string]*termPostings, n int) []byte {
	out := []byte("JT1")
	out = binary.AppendUvarint(out, uint64(len(names)))
	bitmapBytes := (n + 7) / 8
	for _, t := range names {
		p := terms[t]
		out = binary.AppendUvarint(out, uint64(len(t)))
		out = append(out, t...)
		mask := byte(0)
		for f := range p {
			if len(p[f].docs) > 0 {
				mask |= 1 << f
			}
		}
		out = append(out, mask)
		for f := range p {
			docs := p[f].docs
			if len(docs) == 0 {
				continue
			}
			out = binary.AppendUvarint(out, uint64(len(docs)))
			if len(docs) > bitmapBytes {
				out = append(out, 1)
				start := len(out)
				out = append(out, make([]byte, bitmapBytes)...)
				for _, d := range docs {
					out[start+int(d>>3)] |= 1 << (d & 7)
				}
			} else {
				out = append(out, 0)
				prev := uint32(0)
				for _, d := range docs {
					out = binary.AppendUvarint(out, uint64(d-prev))
					prev = d
				}
			}
			for _, tf := range p[f].tfs {
				out = binary.AppendUvarint(out, uint64(tf-1))
			}
		}
	}
	return out
}

// facetColumns writes facets.bin and fills the facet vocabularies of meta:
//
//	"JF1" n:uvarint
//	n × kind (index into kinds, +1; 0 none)
//	n × street (index into streets, +1; 0 none)
//	n × (count, then count × index into topics)
//	n × (count, then count × index into methods)
//
// all as uvarints, column after column (they compress better so).
func facetColumns(docs []*Document, meta *staticMeta) []byte {
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
	one := func(s string) []string { return []string{s} }
	var kindIdx, streetIdx, topicIdx, methodIdx map[string]int
	meta.Kinds, kindIdx = vocab(func(d *Document) []string { return one(d.Kind) })
	meta.Streets, streetIdx = vocab(func(d *Document) []string { return one(d.Street) })
	meta.Topics, topicIdx = vocab(func(d *Document) []string { return d.Topics })
	meta.Methods, methodIdx = vocab(func(d *Document) []string { return d.Methods })

	out := []byte("JF1")
	out = binary.AppendUvarint(out, uint64(len(docs)))
	single := func(v string, idx map[string]int) {
		if i, ok := idx[v]; ok && v != "" {
			out = binary.AppendUvarint(out, uint64(i+1))
		} else {
			out = append(out, 0)
		}
	}
	multi := func(vs []string, idx map[string]int) {
		vs = nonEmptyStrings(vs)
		out = binary.AppendUvarint(out, uint64(len(vs)))
		for _, v := range vs {
			out = binary.AppendUvarint(out, uint64(idx[v]))
		}
	}
	for _, d := range docs {
		single(d.Kind, kindIdx)
	}
	for _, d := range docs {
		single(d.Street, streetIdx)
	}
	for _, d := range docs {
		multi(d.Topics, topicIdx)
	}
	for _, d := range docs {
		multi(d.Methods, methodIdx)
	}
	return out
}

// lengthColumn writes len/F.bin: "JL1" n:uvarint, then n × token count of
// field f (uvarints). These are the document lengths of BM25, the same
// numbers bleve stores as each posting's norm.
func lengthColumn(lens [][numText]uint32, f int) []byte {
	out := []byte("JL1")
	out = binary.AppendUvarint(out, uint64(len(lens)))
	for i := range lens {
		out = binary.AppendUvarint(out, uint64(lens[i][f]))
	}
	return out
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
