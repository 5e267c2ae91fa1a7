package search

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"sync"
	"unicode/utf8"
)

// StaticOptions tunes WriteStatic.
type StaticOptions struct {
	// Portable writes every file as a .js script that hands its data to a
	// global callback instead of as a .gz/.json/.bin file, because browsers
	// refuse fetch() on file:// pages while <script> tags still load.
	Portable bool
}

// staticFormat is the version of the static index layout below.
const staticFormat = 2

// Layout parameters. A term's postings are ordered by impact (termImpact)
// and cut into blocks of ranks [0, headEntries), then [headEntries·R^(i-1),
// headEntries·R^i) for block i ≥ 1, R = blockRatio. The head sits in the
// term's shard; a query fetches tail blocks only while they could still
// change its top hits. Blocks of ranks below fullRanks carry each posting's
// frequency and field length per field; later ones only its document (a
// query that gets that far scores such documents from their text).
const (
	headEntries = 32
	blockRatio  = 4
	fullRanks   = 512
	// shardTargetBytes is the uncompressed size a term shard aims at: a
	// query fetches one shard per distinct term, so shards are small.
	shardTargetBytes = 1536
	maxShards        = 1 << 14
	// tailFileBytes is the uncompressed size up to which tail blocks of
	// several terms share a file (a larger block has a file of its own), for
	// 10,000 documents or more; smaller sites, whose queries fetch little,
	// share more (tailFileSize).
	tailFileBytes = 4 << 10
	// textFileBytes is the size a file of document texts aims at: the
	// browser reads one text by an HTTP range request, or the whole file
	// from a server that ignores ranges (and from file://).
	textFileBytes = 128 << 10
	// textSlot is the unit in which texts are laid out in their files.
	textSlot = 64
)

// staticMeta is meta.json: what search.js needs before anything else. The
// statistics (n, total) are those Index.Search uses, so both sides compute
// the same BM25.
type staticMeta struct {
	Format  int       `json:"format"`
	N       int       `json:"n"`
	K1      float64   `json:"k1"`
	B       float64   `json:"b"`
	Fields  []string  `json:"fields"`
	Boost   []float64 `json:"boost"`
	Total   []uint64  `json:"total"`
	Shards  int       `json:"shards"`
	Head    int       `json:"head"`
	Ratio   int       `json:"ratio"`
	Full    int       `json:"full"`
	Slot    int       `json:"slot"`
	Group   int       `json:"group"`
	First   int       `json:"first"`
	Kinds   []string  `json:"kinds"`
	Streets []string  `json:"streets"`
	Topics  []string  `json:"topics"`
	Methods []string  `json:"methods"`
	Limits  [4]int    `json:"limits"` // MaxQueryRunes, MaxClauses, MaxPhraseTerms, MaxWordRunes
	Snippet [2]int    `json:"snippet"`
}

// postings of one term in one field: ascending document numbers and their
// frequencies.
type postings struct {
	docs []uint32
	tfs  []uint32
}

// termPostings is one term's postings in each text field.
type termPostings [numText]postings

// WriteStatic writes the browser's search index for docs into dir (the
// build passes OUT/search/), creating dir if needed. search.js fetches only
// what a query needs (rank.go, "In the browser"):
//
//	meta.json      format, document count, BM25 constants and statistics,
//	               field boosts, layout parameters, facet vocabularies
//	facets.bin.gz  per document: kind, street, topics, methods (indexes into
//	               the vocabularies) and the size of its text (facetColumns)
//	t/N.bin.gz     term shard N: every term whose FNV-1a 32 hash of its UTF-8
//	               bytes is N modulo the shard count, with its statistics,
//	               bounds and the head block of its postings (encodeTerm)
//	x/N.bin.gz     tail blocks of postings (packTails)
//	d/N.bin        the texts of documents N·group … N·group+group-1, not
//	               compressed as a whole: each text is two gzip members,
//	               read alone by HTTP range requests (compressTexts)
//
// A posting of a head or full tail block carries, per text field, the
// term's frequency and the field's exact token count (BM25's document
// length, which bleve keeps as the norm), so the browser scores terms as
// Index.Search does without per-document length tables; phrases and later
// postings it scores from the texts. Documents are numbered in URL order,
// which is also the tie-break order of the ranking. With opts.Portable each
// FILE is written as FILE.js instead, holding __jianghanSearch("FILE",
// "<base64 of FILE's bytes>"), so that the index works from file:// (where
// a text file is read whole).
func WriteStatic(dir string, docs []Document, opts StaticOptions) error {
	if err := checkURLs(docs); err != nil {
		return err
	}
	sorted := make([]*Document, len(docs))
	for i := range docs {
		sorted[i] = &docs[i]
	}
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].URL < sorted[j].URL })

	w := &staticWriter{dir: dir, portable: opts.Portable}
	for _, sub := range []string{"", "t", "x", "d"} {
		if err := os.MkdirAll(filepath.Join(dir, sub), 0o755); err != nil {
			return fmt.Errorf("search: %w", err)
		}
	}
	pool := newJobPool()

	// the texts are compressed while the terms are inverted
	texts := make(chan textLayout, 1)
	go func() { texts <- compressTexts(sorted) }()

	terms, lens := invert(sorted)
	meta := staticMeta{
		Format: staticFormat, N: len(sorted), K1: bm25K1(), B: bm25B(),
		Fields: textFields[:], Boost: textBoost[:], Total: make([]uint64, numText),
		Head: headEntries, Ratio: blockRatio, Full: fullRanks, Slot: textSlot,
		Limits:  [4]int{MaxQueryRunes, MaxClauses, MaxPhraseTerms, MaxWordRunes},
		Snippet: [2]int{snippetRunes, snippetBefore},
	}
	var st bm25Stats
	st.docs = len(sorted)
	for _, l := range lens {
		for f := range l {
			meta.Total[f] += uint64(l[f])
			st.totals[f] += uint64(l[f])
		}
	}
	fv := facetVocabularies(sorted, &meta)

	names := make([]string, 0, len(terms))
	for t := range terms {
		names = append(names, t)
	}
	sort.Strings(names)
	enc := make([]encodedTerm, len(names))
	workers := runtime.GOMAXPROCS(0)
	var wg sync.WaitGroup
	for k := 0; k < workers; k++ {
		wg.Add(1)
		go func(k int) {
			defer wg.Done()
			var scratch termScratch
			for i := k; i < len(names); i += workers {
				enc[i] = encodeTerm(names[i], terms[names[i]], st, lens, fv, &scratch)
			}
		}(k)
	}
	wg.Wait()

	headBytes := 0
	for i := range enc {
		headBytes += len(enc[i].pre) + len(enc[i].post) + 30*min(1, len(enc[i].tails))
	}
	meta.Shards = max(1, min(maxShards, (headBytes+shardTargetBytes-1)/shardTargetBytes))
	byShard := make([][]int, meta.Shards)
	for i, t := range names {
		s := shardOf(t, meta.Shards)
		byShard[s] = append(byShard[s], i)
	}
	tails := packTails(names, enc, tailFileSize(len(sorted)))
	for s := 0; s < meta.Shards; s++ {
		s := s
		pool.run(func() error {
			out := []byte("JT2")
			out = binary.AppendUvarint(out, uint64(len(byShard[s])))
			for _, i := range byShard[s] {
				out = enc[i].appendHead(out, tails.fileOf[i])
			}
			return w.write("t/"+strconv.Itoa(s)+".bin.gz", out, true)
		})
	}
	for n, file := range tails.files {
		n, file := n, file
		pool.run(func() error {
			out := []byte("JX2")
			out = binary.AppendUvarint(out, uint64(len(file)))
			for _, ref := range file {
				t := names[ref.term]
				out = binary.AppendUvarint(out, uint64(len(t)))
				out = append(out, t...)
				out = binary.AppendUvarint(out, uint64(ref.block))
				blk := enc[ref.term].appendTail(nil, ref.block, tails.fileOf[ref.term])
				out = binary.AppendUvarint(out, uint64(len(blk)))
				out = append(out, blk...)
			}
			return w.write("x/"+strconv.Itoa(n)+".bin.gz", out, true)
		})
	}

	tl := <-texts
	meta.Group, meta.First = tl.group, tl.first
	for g := range tl.files {
		g := g
		pool.run(func() error { return w.write("d/"+strconv.Itoa(g)+".bin", tl.files[g], false) })
	}
	metaJSON, err := json.Marshal(meta)
	if err != nil {
		return fmt.Errorf("search: %w", err)
	}
	facets := facetColumns(fv, tl.slots)
	pool.run(func() error { return w.write("meta.json", metaJSON, false) })
	pool.run(func() error { return w.write("facets.bin.gz", facets, true) })
	return pool.wait()
}

// jobPool runs write jobs on GOMAXPROCS goroutines and keeps the first error.
type jobPool struct {
	jobs  chan func() error
	wg    sync.WaitGroup
	mu    sync.Mutex
	first error
}

func newJobPool() *jobPool {
	p := &jobPool{jobs: make(chan func() error, 64)}
	for i := 0; i < runtime.GOMAXPROCS(0); i++ {
		p.wg.Add(1)
		go func() {
			defer p.wg.Done()
			for job := range p.jobs {
				if err := job(); err != nil {
					p.mu.Lock()
					if p.first == nil {
						p.first = err
					}
					p.mu.Unlock()
				}
			}
		}()
	}
	return p
}

func (p *jobPool) run(job func() error) { p.jobs <- job }

func (p *jobPool) wait() error {
	close(p.jobs)
	p.wg.Wait()
	return p.first
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
	all := make(map[string]*termPostings, len(parts[0].names)+len(parts[0].names)/4)
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

// termImpact is what a term can add to a document's score, before the
// query norm: for each field f it occurs in, boost_f·idf_f² times BM25's
// term-frequency part (raw[f] gets boost_f times that part), summed and
// scaled by the fraction of fields it occurs in. A term clause scores the
// query norm times this (rank.go), and a phrase clause, field by field, at
// most boost_f·idf(c,f)² times that part for any of its terms; so impacts
// order a term's postings, and bound what the postings not yet fetched can
// add. search.js computes the same for fetched postings.
func termImpact(idf, avg *[numText]float64, tf, length *[numText]uint32, raw *[numText]float64) float64 {
	s, m := 0.0, 0
	k1, b := bm25K1(), bm25B()
	for f := 0; f < numText; f++ {
		if tf[f] == 0 {
			continue
		}
		l := 1 / (normOf(length[f]) * normOf(length[f]))
		t := math.Sqrt(float64(tf[f]))
		part := (t * k1) / (t + k1*(1-b+b*l/avg[f]))
		raw[f] = textBoost[f] * part
		s += textBoost[f] * idf[f] * idf[f] * part
		m++
	}
	return s * float64(m) / float64(numText)
}

// encodedTerm is one term's part of the static index: its head record and
// tail blocks, less the tail blocks' files (known once all are packed).
type encodedTerm struct {
	mask  byte
	pre   []byte // term, field mask, dfs, D, tail count
	post  []byte // facet counts (when there are tails) and the head block
	tails []tailBlock
}

// tailBlock is one encoded tail block and what bounds the postings from it
// to the end of the list.
type tailBlock struct {
	bound float64          // highest impact
	bdoc  uint32           // lowest document with that impact
	next  float64          // highest impact below bound (0 if none)
	raw   [numText]float64 // per field, highest boost·tf part
	data  []byte
}

// appendDesc appends what a term's record or its tail block b-1 says of
// tail block b (1-based): file:uvarint, bound:float64, bdoc:uvarint,
// next:float32, then per field in the term's mask raw:float32 (float32s
// rounded up, all little-endian).
func (e *encodedTerm) appendDesc(out []byte, b int, files []int) []byte {
	tb := &e.tails[b-1]
	out = binary.AppendUvarint(out, uint64(files[b-1]))
	out = binary.LittleEndian.AppendUint64(out, math.Float64bits(tb.bound))
	out = binary.AppendUvarint(out, uint64(tb.bdoc))
	out = binary.LittleEndian.AppendUint32(out, math.Float32bits(roundUp32(tb.next)))
	for f := range tb.raw {
		if e.mask&(1<<f) != 0 {
			out = binary.LittleEndian.AppendUint32(out, math.Float32bits(roundUp32(tb.raw[f])))
		}
	}
	return out
}

// appendHead appends e's record for its shard (see encodeTerm).
func (e *encodedTerm) appendHead(out []byte, files []int) []byte {
	out = append(out, e.pre...)
	if len(e.tails) > 0 {
		out = e.appendDesc(out, 1, files)
	}
	return append(out, e.post...)
}

// appendTail appends tail block b (1-based) as stored in its file: the
// description of block b+1, if any, then the block.
func (e *encodedTerm) appendTail(out []byte, b int, files []int) []byte {
	if b < len(e.tails) {
		out = e.appendDesc(out, b+1, files)
	}
	return append(out, e.tails[b-1].data...)
}

// roundUp32 is the least float32 not below x.
func roundUp32(x float64) float32 {
	f := float32(x)
	if float64(f) < x {
		f = math.Nextafter32(f, float32(math.Inf(1)))
	}
	return f
}

// posting is one document of a term.
type posting struct {
	doc    uint32
	impact float64
	raw    [numText]float64
	tf     [numText]uint32
}

// termScratch is reusable memory for encodeTerm.
type termScratch struct {
	ps     []posting
	top    []int32
	rest   []int32
	values []float64
}

// encodeTerm lays out one term. Its record in the shard:
//
//	len:uvarint utf8, field mask:byte, per field in the mask df:uvarint,
//	D (documents with the term):uvarint, tail blocks:uvarint
//	if there are tail blocks: the description of the first (appendDesc),
//	  and how many of the D documents have each value of kinds, streets,
//	  topics, methods (in vocabulary order):uvarint
//	the head block (encodeBlock)
//
// Postings are ranked by impact (highest first), then document; the ranks
// below fullRanks make the head and full tail blocks (encodeBlock), the
// rest one block of documents (encodeDocs).
func encodeTerm(name string, tp *termPostings, st bm25Stats, lens [][numText]uint32, fv *facetValues, sc *termScratch) encodedTerm {
	var idf, avg [numText]float64
	mask := byte(0)
	n := float64(st.docs)
	for f := range tp {
		avg[f] = math.Ceil(float64(st.totals[f]) / n)
		if d := len(tp[f].docs); d > 0 {
			mask |= 1 << f
			idf[f] = termIDF(avg[f], n, uint64(d))
		}
	}
	// merge the fields' postings by document
	ps := sc.ps[:0]
	var cur [numText]int
	for {
		doc := uint32(math.MaxUint32)
		for f := range tp {
			if cur[f] < len(tp[f].docs) && tp[f].docs[cur[f]] < doc {
				doc = tp[f].docs[cur[f]]
			}
		}
		if doc == math.MaxUint32 {
			break
		}
		p := posting{doc: doc}
		for f := range tp {
			if cur[f] < len(tp[f].docs) && tp[f].docs[cur[f]] == doc {
				p.tf[f] = tp[f].tfs[cur[f]]
				cur[f]++
			}
		}
		p.impact = termImpact(&idf, &avg, &p.tf, &lens[doc], &p.raw)
		ps = append(ps, p)
	}
	sc.ps = ps

	// the fullRanks highest, in rank order; the rest in document order
	top, rest := sc.top[:0], sc.rest[:0]
	if len(ps) <= fullRanks {
		for i := range ps {
			top = append(top, int32(i))
		}
	} else {
		sc.values = sc.values[:0]
		for i := range ps {
			sc.values = append(sc.values, ps[i].impact)
		}
		thr := nthLargest(sc.values, fullRanks)
		for i := range ps {
			if ps[i].impact > thr {
				top = append(top, int32(i))
			}
		}
		for i := range ps {
			switch {
			case ps[i].impact == thr && len(top) < fullRanks:
				top = append(top, int32(i))
			case ps[i].impact <= thr:
				rest = append(rest, int32(i))
			}
		}
	}
	slices.SortFunc(top, func(a, b int32) int {
		pa, pb := &ps[a], &ps[b]
		switch {
		case pa.impact > pb.impact:
			return -1
		case pa.impact < pb.impact:
			return 1
		}
		return int(pa.doc) - int(pb.doc)
	})
	sc.top, sc.rest = top, rest

	e := encodedTerm{mask: mask}
	e.pre = binary.AppendUvarint(e.pre, uint64(len(name)))
	e.pre = append(e.pre, name...)
	e.pre = append(e.pre, mask)
	for f := range tp {
		if d := len(tp[f].docs); d > 0 {
			e.pre = binary.AppendUvarint(e.pre, uint64(d))
		}
	}
	e.pre = binary.AppendUvarint(e.pre, uint64(len(ps)))
	var blocks [][]int32
	for lo, hi := 0, headEntries; lo < len(top); lo, hi = hi, hi*blockRatio {
		blocks = append(blocks, top[lo:min(hi, len(top))])
	}
	if len(rest) > 0 {
		blocks = append(blocks, rest)
	}
	e.pre = binary.AppendUvarint(e.pre, uint64(len(blocks)-1))
	if len(blocks) == 1 {
		e.post = encodeBlock(e.post, sortedByDoc(blocks[0], ps), ps, lens)
		return e
	}
	e.post = fv.counts(e.post, ps)

	// bounds of the ranks from each tail block on, from the last block back
	e.tails = make([]tailBlock, len(blocks)-1)
	var raw [numText]float64
	var bound, next float64 // of the blocks after the current one
	bdoc := uint32(0)
	for i := len(blocks) - 1; i >= 1; i-- {
		tb := &e.tails[i-1]
		if len(rest) > 0 && i == len(blocks)-1 {
			// the documents' block: in document order
			tb.bound = -1
			for _, k := range rest {
				p := &ps[k]
				if p.impact > tb.bound {
					tb.bound, tb.bdoc = p.impact, p.doc
				}
			}
			for _, k := range rest {
				if p := &ps[k]; p.impact < tb.bound && p.impact > tb.next {
					tb.next = p.impact
				}
			}
			for _, k := range rest {
				for f, x := range ps[k].raw {
					raw[f] = max(raw[f], x)
				}
			}
			tb.raw = raw
			tb.data = encodeDocs(nil, rest, ps, st.docs, tb.bound)
		} else {
			blk := blocks[i]
			top := &ps[blk[0]]
			tb.bound, tb.bdoc = top.impact, top.doc
			tb.next = 0
			switch {
			case i+1 < len(blocks) && bound < top.impact:
				tb.next = bound
			case i+1 < len(blocks):
				tb.next = next
			}
			for _, k := range blk {
				if ps[k].impact < top.impact {
					tb.next = ps[k].impact // the first lower one: the block is in rank order
					break
				}
			}
			for _, k := range blk {
				for f, x := range ps[k].raw {
					raw[f] = max(raw[f], x)
				}
			}
			tb.raw = raw
			tb.data = encodeBlock(nil, sortedByDoc(blk, ps), ps, lens)
		}
		bound, bdoc, next = tb.bound, tb.bdoc, tb.next
	}
	_ = bdoc
	e.post = encodeBlock(e.post, sortedByDoc(blocks[0], ps), ps, lens)
	return e
}

// sortedByDoc returns the postings of blk sorted by document.
func sortedByDoc(blk []int32, ps []posting) []int32 {
	out := slices.Clone(blk)
	slices.SortFunc(out, func(a, b int32) int { return int(ps[a].doc) - int(ps[b].doc) })
	return out
}

// nthLargest returns the n-th largest of v (1-based), reordering v.
func nthLargest(v []float64, n int) float64 {
	k := n - 1 // index in descending order
	lo, hi := 0, len(v)-1
	for lo < hi {
		p := v[lo+(hi-lo)/2]
		i, j := lo, hi
		for i <= j {
			for v[i] > p {
				i++
			}
			for v[j] < p {
				j--
			}
			if i <= j {
				v[i], v[j] = v[j], v[i]
				i++
				j--
			}
		}
		switch {
		case k <= j:
			hi = j
		case k >= i:
			lo = i
		default:
			return v[k]
		}
	}
	return v[k]
}

// encodeBlock writes a block of full postings, sorted by document, in columns:
//
//	count:uvarint
//	count × document gap (the first from 0):uvarint
//	count × field mask:byte
//	per posting, per field in its mask: frequency-1:uvarint
//	per posting, per field in its mask: the field's token count:uvarint
func encodeBlock(out []byte, blk []int32, ps []posting, lens [][numText]uint32) []byte {
	out = binary.AppendUvarint(out, uint64(len(blk)))
	prev := uint32(0)
	for _, i := range blk {
		out = binary.AppendUvarint(out, uint64(ps[i].doc-prev))
		prev = ps[i].doc
	}
	for _, i := range blk {
		m := byte(0)
		for f, tf := range ps[i].tf {
			if tf > 0 {
				m |= 1 << f
			}
		}
		out = append(out, m)
	}
	for _, i := range blk {
		for _, tf := range ps[i].tf {
			if tf > 0 {
				out = binary.AppendUvarint(out, uint64(tf-1))
			}
		}
	}
	for _, i := range blk {
		for f, tf := range ps[i].tf {
			if tf > 0 {
				out = binary.AppendUvarint(out, uint64(lens[ps[i].doc][f]))
			}
		}
	}
	return out
}

// encodeDocs writes a block of documents without their frequencies:
// count:uvarint, then mode:byte 0 and count × document gap (the first from
// 0):uvarint, or mode 1 and a bitmap of ceil(n/8) bytes, document i at bit
// i%8 (least significant first) of byte i/8, whichever is smaller; then per
// document, in order, a byte c such that the document's impact is at most
// top·2^(-c/16) (impactCode).
func encodeDocs(out []byte, blk []int32, ps []posting, n int, top float64) []byte {
	out = binary.AppendUvarint(out, uint64(len(blk)))
	var gaps []byte
	prev := uint32(0)
	for _, i := range blk {
		gaps = binary.AppendUvarint(gaps, uint64(ps[i].doc-prev))
		prev = ps[i].doc
	}
	if len(gaps) <= (n+7)/8 {
		out = append(append(out, 0), gaps...)
	} else {
		out = append(out, 1)
		start := len(out)
		out = append(out, make([]byte, (n+7)/8)...)
		for _, i := range blk {
			out[start+int(ps[i].doc>>3)] |= 1 << (ps[i].doc & 7)
		}
	}
	for _, i := range blk {
		out = append(out, impactCode(ps[i].impact, top))
	}
	return out
}

// impactCode is the largest c ≤ 255 with top·2^(-c/16) above impact by a
// margin that no difference between math.Pow and JavaScript's Math.pow can
// take away.
func impactCode(impact, top float64) byte {
	c := 255
	if impact > 0 {
		c = min(255, max(0, int(16*math.Log2(top/impact))+1))
	}
	for c > 0 && top*pow2[c]*(1-1e-9) < impact {
		c--
	}
	return byte(c)
}

// pow2[c] is 2^(-c/16).
var pow2 = func() (t [256]float64) {
	for c := range t {
		t[c] = math.Pow(2, -float64(c)/16)
	}
	return t
}()

// tailFileSize is how many bytes of tail blocks share a file for n
// documents: tailFileBytes times sqrt(10000/n), within 1 to 4 times
// tailFileBytes.
func tailFileSize(n int) int {
	f := math.Sqrt(10000 / float64(max(n, 1)))
	return int(float64(tailFileBytes) * min(4, max(1, f)))
}

// tailRef names tail block `block` (1-based) of term number `term`.
type tailRef struct{ term, block int }

// tailLayout says which file holds each tail block.
type tailLayout struct {
	files  [][]tailRef
	fileOf [][]int // by term, by tail block - 1
}

// packTails puts tail blocks into files, x/N.bin.gz:
//
//	"JX2" blocks:uvarint
//	per block: term len:uvarint utf8, block number b (1-based):uvarint,
//	  length:uvarint, then the description of block b+1 if the term has
//	  one (appendDesc) and the block (encodeBlock below fullRanks,
//	  encodeDocs from there on)
//
// A block of fileBytes or more has a file of its own; smaller ones of the
// same depth share files up to that size, in term order.
func packTails(names []string, enc []encodedTerm, fileBytes int) tailLayout {
	var l tailLayout
	l.fileOf = make([][]int, len(enc))
	maxDepth := 0
	for i := range enc {
		l.fileOf[i] = make([]int, len(enc[i].tails))
		maxDepth = max(maxDepth, len(enc[i].tails))
	}
	for depth := 1; depth <= maxDepth; depth++ {
		open, size := -1, 0
		for i := range enc {
			if len(enc[i].tails) < depth {
				continue
			}
			n := len(enc[i].tails[depth-1].data) + len(names[i]) + 4
			if n >= fileBytes {
				l.fileOf[i][depth-1] = len(l.files)
				l.files = append(l.files, []tailRef{{i, depth}})
				continue
			}
			if open < 0 || size+n > fileBytes {
				open, size = len(l.files), 0
				l.files = append(l.files, nil)
			}
			l.fileOf[i][depth-1] = open
			l.files[open] = append(l.files[open], tailRef{i, depth})
			size += n
		}
	}
	return l
}
