package search

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"math"
	"math/bits"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
)

// StaticOptions tunes StaticFiles and WriteStatic.
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

// StaticFiles makes the browser's search index for docs, the files that
// WriteStatic writes (the layout is described there), and hands each one to
// put instead of writing it, so that a build can send the files through
// its own writer (which skips a file whose bytes did not change: creating
// files is what costs most). name is the file's slash path inside the
// index folder: "meta.json", "t/12.bin.gz", "d/0.bin", or with
// opts.Portable "meta.json.js", "t/12.bin.gz.js" and so on.
//
// put is called once per file, from several goroutines at once, in no
// particular order. data belongs to StaticFiles: put must neither keep nor
// change it after returning (StaticFiles reuses the memory for the next
// file), so a put that needs the bytes later must copy them. Once put
// fails, StaticFiles starts no more files (those under way on other
// goroutines may still arrive) and returns the first error.
// The files are the same bytes, whatever the order of docs.
func StaticFiles(docs []Document, opts StaticOptions, put func(name string, data []byte) error) error {
	if err := checkURLs(docs); err != nil {
		return err
	}
	return staticFiles(docs, opts, put)
}

// WriteStatic writes the browser's search index for docs into dir (the
// build passes OUT/search/), creating dir and its folders if needed; it is
// StaticFiles writing each file under dir. search.js fetches only what a
// query needs (rank.go, "In the browser"):
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
	for _, sub := range []string{"", "t", "x", "d"} {
		if err := os.MkdirAll(filepath.Join(dir, sub), 0o755); err != nil {
			return fmt.Errorf("search: %w", err)
		}
	}
	// files are created by one goroutine at a time: concurrent creates in
	// one folder contend for it and are slower than one after another
	var mu sync.Mutex
	return staticFiles(docs, opts, func(name string, data []byte) error {
		mu.Lock()
		err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(name)), data, 0o644)
		mu.Unlock()
		if err != nil {
			return fmt.Errorf("search: %w", err)
		}
		return nil
	})
}

// staticFiles is StaticFiles for documents whose URLs were checked.
func staticFiles(docs []Document, opts StaticOptions, put func(name string, data []byte) error) error {
	sorted := make([]*Document, len(docs))
	for i := range docs {
		sorted[i] = &docs[i]
	}
	slices.SortFunc(sorted, func(a, b *Document) int { return strings.Compare(a.URL, b.URL) })

	out := newEmitter(put, opts.Portable)

	// the texts are compressed, and written, while the terms are inverted
	texts := make(chan textLayout, 1)
	go func() {
		tl := compressTexts(sorted)
		for g, recs := range tl.files {
			out.file("d/"+strconv.Itoa(g)+".bin", false, func(b []byte) []byte {
				n := 0
				for _, r := range recs {
					n += len(r)
				}
				b = slices.Grow(b, n)
				for _, r := range recs {
					b = append(b, r...)
				}
				return b
			})
		}
		tl.files = nil
		texts <- tl // after the files: out.wait must not come first
	}()

	inv := invert(sorted)
	meta := staticMeta{
		Format: staticFormat, N: len(sorted), K1: bm25K1(), B: bm25B(),
		Fields: textFields[:], Boost: textBoost[:], Total: make([]uint64, numText),
		Head: headEntries, Ratio: blockRatio, Full: fullRanks, Slot: textSlot,
		Limits:  [4]int{MaxQueryRunes, MaxClauses, MaxPhraseTerms, MaxWordRunes},
		Snippet: [2]int{snippetRunes, snippetBefore},
	}
	var st bm25Stats
	st.docs = len(sorted)
	for _, l := range inv.lens {
		for f := range l {
			meta.Total[f] += uint64(l[f])
			st.totals[f] += uint64(l[f])
		}
	}
	fv := facetVocabularies(sorted, &meta)
	enc := encodeTerms(inv, st, fv)
	names := inv.names
	inv = nil // the postings are encoded: let them go

	headBytes := 0
	for i := range enc {
		headBytes += len(enc[i].pre) + len(enc[i].post) + 30*min(1, len(enc[i].tails))
	}
	meta.Shards = max(1, min(maxShards, (headBytes+shardTargetBytes-1)/shardTargetBytes))
	byShard := make([][]int32, meta.Shards)
	for i, t := range names {
		s := shardOf(t, meta.Shards)
		byShard[s] = append(byShard[s], int32(i))
	}
	tails := packTails(names, enc, tailFileSize(len(sorted)))
	for s := range byShard {
		out.file("t/"+strconv.Itoa(s)+".bin.gz", true, func(b []byte) []byte {
			b = append(b, "JT2"...)
			b = binary.AppendUvarint(b, uint64(len(byShard[s])))
			for _, i := range byShard[s] {
				b = enc[i].appendHead(b, tails.fileOf[i])
			}
			return b
		})
	}
	for n, file := range tails.files {
		out.file("x/"+strconv.Itoa(n)+".bin.gz", true, func(b []byte) []byte {
			b = append(b, "JX2"...)
			b = binary.AppendUvarint(b, uint64(len(file)))
			var desc [64]byte
			for _, ref := range file {
				t, e := names[ref.term], &enc[ref.term]
				b = binary.AppendUvarint(b, uint64(len(t)))
				b = append(b, t...)
				b = binary.AppendUvarint(b, uint64(ref.block))
				d := desc[:0]
				if ref.block < len(e.tails) {
					d = e.appendDesc(d, ref.block+1, tails.fileOf[ref.term])
				}
				data := e.tails[ref.block-1].data
				b = binary.AppendUvarint(b, uint64(len(d)+len(data)))
				b = append(append(b, d...), data...)
			}
			return b
		})
	}

	tl := <-texts
	meta.Group, meta.First = tl.group, tl.first
	metaJSON, err := json.Marshal(meta)
	if err != nil {
		out.wait() // put is not called once StaticFiles has returned
		return fmt.Errorf("search: %w", err)
	}
	out.file("meta.json", false, func(b []byte) []byte { return append(b, metaJSON...) })
	out.file("facets.bin.gz", true, func(b []byte) []byte { return facetColumns(b, fv, tl.slots) })
	return out.wait()
}

// shardOf is the term shard of t: FNV-1a 32 of its UTF-8 bytes modulo shards.
func shardOf(t string, shards int) int {
	h := uint32(2166136261)
	for i := 0; i < len(t); i++ {
		h ^= uint32(t[i])
		h *= 16777619
	}
	return int(h % uint32(shards))
}

// termImpact is what a term can add to a document's score, before the
// query norm: for each field f it occurs in, boost_f·idf_f² times BM25's
// term-frequency part (raw[f] gets boost_f times that part), summed and
// scaled by the fraction of fields it occurs in. A term clause scores the
// query norm times this (rank.go), and a phrase clause, field by field, at
// most boost_f·idf(c,f)² times that part for any of its terms; so impacts
// order a term's postings, and bound what the postings not yet fetched can
// add. search.js computes the same for fetched postings.
//
// w[f] is boost_f·idf_f·idf_f, and norm[f] the document's k1·(1-b+b·l/avg_f)
// (docNorms), computed once per term and once per document; p gets its raw.
func termImpact(w, norm *[numText]float64, p *posting) float64 {
	s, m := 0.0, 0
	k1 := bm25K1()
	for fs := p.mask; fs != 0; fs &= fs - 1 {
		f := bits.TrailingZeros8(fs)
		t := math.Sqrt(float64(p.tf[f]))
		part := (t * k1) / (t + norm[f])
		p.raw[f] = textBoost[f] * part
		s += w[f] * part
		m++
	}
	return s * float64(m) / float64(numText)
}

// docNorms is, per document and text field, BM25's k1·(1-b+b·l/avg) for
// the field's length l as bleve has it (from its norm) and the field's
// average length avg (rounded up, as bleve does).
func docNorms(lens [][numText]uint32, st bm25Stats) [][numText]float64 {
	k1, b := bm25K1(), bm25B()
	var avg [numText]float64
	for f := range avg {
		avg[f] = math.Ceil(float64(st.totals[f]) / float64(st.docs))
	}
	out := make([][numText]float64, len(lens))
	for d := range lens {
		for f := range avg {
			nf := normOf(lens[d][f])
			l := 1 / (nf * nf)
			out[d][f] = float64(k1 * (1 - b + b*l/avg[f]))
		}
	}
	return out
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
	mask   uint8 // the fields with tf > 0
	impact float64
	raw    [numText]float64
	tf     [numText]uint32
}

// termScratch is reusable memory for encodeTerm.
type termScratch struct {
	ps     []posting
	keys   []rankKey
	blocks [][]int32
	all    []int32
	counts []uint32
}

// encodeTerms encodes every term of inv (encodeTerm) on GOMAXPROCS
// goroutines, each taking the next few terms, so that a few long posting
// lists do not leave one goroutine working alone.
func encodeTerms(inv *inverted, st bm25Stats, fv *facetValues) []encodedTerm {
	enc := make([]encodedTerm, len(inv.names))
	tc := termConsts{st: st, norms: docNorms(inv.lens, st), lens: inv.lens, fv: fv}
	for f := range tc.avg {
		tc.avg[f] = math.Ceil(float64(st.totals[f]) / float64(st.docs))
	}
	const chunk = 8
	var next atomic.Int64
	var wg sync.WaitGroup
	for k := 0; k < runtime.GOMAXPROCS(0); k++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var sc termScratch
			for {
				lo := int(next.Add(chunk)) - chunk
				if lo >= len(enc) {
					return
				}
				for t := lo; t < min(lo+chunk, len(enc)); t++ {
					sc.ps = inv.gather(t, sc.ps[:0])
					enc[t] = encodeTerm(inv.names[t], &tc, &sc)
				}
			}
		}()
	}
	wg.Wait()
	return enc
}

// termConsts is what encodeTerm needs beyond the term itself.
type termConsts struct {
	st    bm25Stats
	avg   [numText]float64
	norms [][numText]float64 // docNorms
	lens  [][numText]uint32
	fv    *facetValues
}

// encodeTerm lays out one term, whose postings (doc and tf only) are in
// sc.ps in document order. Its record in the shard:
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
// rest one block of documents (encodeDocs). Blocks are cut by selecting
// the postings at the cut ranks (selectRank), not by sorting: a block is
// written in document order, and its bounds need only its maxima.
func encodeTerm(name string, tc *termConsts, sc *termScratch) encodedTerm {
	ps := sc.ps
	var df [numText]int
	for i := range ps {
		for m := ps[i].mask; m != 0; m &= m - 1 {
			df[bits.TrailingZeros8(m)]++
		}
	}
	var w [numText]float64
	mask := byte(0)
	n := float64(tc.st.docs)
	for f, d := range df {
		if d > 0 {
			mask |= 1 << f
			idf := termIDF(tc.avg[f], n, uint64(d))
			w[f] = textBoost[f] * idf * idf
		}
	}
	for i := range ps {
		p := &ps[i]
		p.impact = termImpact(&w, &tc.norms[p.doc], p)
	}

	// the cut ranks: blocks of ranks [0, headEntries), then ×blockRatio up
	// to fullRanks, then the rest
	var cutsArr [8]int
	cuts := cutsArr[:0]
	for hi := headEntries; hi < min(len(ps), fullRanks); hi *= blockRatio {
		cuts = append(cuts, hi)
	}
	if len(ps) > fullRanks {
		cuts = append(cuts, fullRanks)
	}
	restBlock := len(ps) > fullRanks // the last block is the rest

	// one buffer for the whole term: pre, post, then the tail blocks
	size := 16 + len(name) + 7*min(len(ps), fullRanks) + 3*max(0, len(ps)-fullRanks)
	if len(cuts) > 0 {
		size += 2*tc.fv.total + 64*len(cuts)
	}
	buf := make([]byte, 0, size)
	buf = binary.AppendUvarint(buf, uint64(len(name)))
	buf = append(buf, name...)
	buf = append(buf, mask)
	for _, d := range df {
		if d > 0 {
			buf = binary.AppendUvarint(buf, uint64(d))
		}
	}
	buf = binary.AppendUvarint(buf, uint64(len(ps)))
	buf = binary.AppendUvarint(buf, uint64(len(cuts)))
	e := encodedTerm{mask: mask}
	preEnd := len(buf)
	if len(cuts) == 0 {
		all := sc.all[:0]
		for i := range ps {
			all = append(all, int32(i))
		}
		sc.all = all
		buf = encodeBlock(buf, all, ps, tc.lens)
		e.pre, e.post = buf[:preEnd:preEnd], buf[preEnd:len(buf):len(buf)]
		return e
	}
	buf = tc.fv.counts(buf, ps, &sc.counts)

	// the posting at each cut rank
	keys := sc.keys[:0]
	for i := range ps {
		keys = append(keys, rankKey{ps[i].impact, int32(i)})
	}
	sc.keys = keys
	var cutKey [8]rankKey
	for c, hi := len(cuts)-1, len(keys); c >= 0; c-- {
		selectRank(keys[:hi], cuts[c])
		cutKey[c] = keys[cuts[c]]
		hi = cuts[c]
	}

	// each block's postings in document order, with its maxima
	nb := len(cuts) + 1
	for len(sc.blocks) < nb {
		sc.blocks = append(sc.blocks, nil)
	}
	blocks := sc.blocks[:nb]
	for b := range blocks {
		blocks[b] = blocks[b][:0]
	}
	var lower [8]float64 // highest impact below the block's top
	var found [8]bool
	var raw [8][numText]float64
	for i := range ps {
		p := &ps[i]
		k := rankKey{p.impact, int32(i)}
		b := 0
		for b < len(cuts) && !k.before(cutKey[b]) {
			b++
		}
		blocks[b] = append(blocks[b], int32(i))
		if b == 0 {
			continue
		}
		if top := cutKey[b-1].impact; p.impact < top && (!found[b] || p.impact > lower[b]) {
			lower[b], found[b] = p.impact, true
		}
		for m := p.mask; m != 0; m &= m - 1 {
			f := bits.TrailingZeros8(m)
			raw[b][f] = max(raw[b][f], p.raw[f])
		}
	}

	// bounds of the ranks from each tail block on, from the last block back
	e.tails = make([]tailBlock, nb-1)
	var suffix [numText]float64
	var bound, next float64 // of the blocks after the current one
	for b := nb - 1; b >= 1; b-- {
		tb := &e.tails[b-1]
		top := cutKey[b-1]
		tb.bound, tb.bdoc = top.impact, ps[top.i].doc
		switch {
		case found[b] && (b < nb-1 || !restBlock):
			tb.next = lower[b] // a block in rank order: its first lower impact
		case found[b]:
			tb.next = max(0, lower[b]) // the documents' block: above 0 only
		case b+1 < nb && bound < top.impact:
			tb.next = bound
		case b+1 < nb:
			tb.next = next
		}
		for f, x := range raw[b] {
			suffix[f] = max(suffix[f], x)
		}
		tb.raw = suffix
		bound, next = tb.bound, tb.next
	}
	buf = encodeBlock(buf, blocks[0], ps, tc.lens)
	postEnd := len(buf)
	ends := make([]int, nb)
	for b := 1; b < nb; b++ {
		if restBlock && b == nb-1 {
			buf = encodeDocs(buf, blocks[b], ps, tc.st.docs, e.tails[b-1].bound)
		} else {
			buf = encodeBlock(buf, blocks[b], ps, tc.lens)
		}
		ends[b] = len(buf)
	}
	e.pre, e.post = buf[:preEnd:preEnd], buf[preEnd:postEnd:postEnd]
	for b := 1; b < nb; b++ {
		lo := postEnd
		if b > 1 {
			lo = ends[b-1]
		}
		e.tails[b-1].data = buf[lo:ends[b]:ends[b]]
	}
	return e
}

// rankKey is a posting's place in the rank order of its term: higher
// impact first, then lower document (postings are numbered in document
// order, so i orders documents).
type rankKey struct {
	impact float64
	i      int32
}

// before reports whether k ranks before o.
func (k rankKey) before(o rankKey) bool {
	return k.impact > o.impact || (k.impact == o.impact && k.i < o.i)
}

// compare orders keys by rank, for slices.SortFunc.
func (k rankKey) compare(o rankKey) int {
	switch {
	case k.before(o):
		return -1
	case o.before(k):
		return 1
	}
	return 0
}

// selectRank reorders keys so that keys[r] is the key of rank r (0-based),
// the keys before it all rank before it and those after it after it
// (quickselect, falling back on sorting should the pivots go badly).
func selectRank(keys []rankKey, r int) {
	lo, hi := 0, len(keys)-1
	for budget := 2*bits.Len(uint(len(keys))) + 8; lo < hi; budget-- {
		if budget == 0 {
			slices.SortFunc(keys[lo:hi+1], rankKey.compare)
			return
		}
		// the median of the first, middle and last as the pivot
		m := lo + (hi-lo)/2
		if keys[m].before(keys[lo]) {
			keys[m], keys[lo] = keys[lo], keys[m]
		}
		if keys[hi].before(keys[m]) {
			keys[hi], keys[m] = keys[m], keys[hi]
			if keys[m].before(keys[lo]) {
				keys[m], keys[lo] = keys[lo], keys[m]
			}
		}
		p := keys[m]
		i, j := lo, hi
		for i <= j {
			for keys[i].before(p) {
				i++
			}
			for p.before(keys[j]) {
				j--
			}
			if i <= j {
				keys[i], keys[j] = keys[j], keys[i]
				i++
				j--
			}
		}
		switch {
		case r <= j:
			hi = j
		case r >= i:
			lo = i
		default:
			return
		}
	}
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
		out = append(out, ps[i].mask)
	}
	for _, i := range blk {
		p := &ps[i]
		for m := p.mask; m != 0; m &= m - 1 {
			out = binary.AppendUvarint(out, uint64(p.tf[bits.TrailingZeros8(m)]-1))
		}
	}
	for _, i := range blk {
		p := &ps[i]
		l := &lens[p.doc]
		for m := p.mask; m != 0; m &= m - 1 {
			out = binary.AppendUvarint(out, uint64(l[bits.TrailingZeros8(m)]))
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
	gapBytes := 0
	prev := uint32(0)
	for _, i := range blk {
		gapBytes += uvarintLen(uint64(ps[i].doc - prev))
		prev = ps[i].doc
	}
	if gapBytes <= (n+7)/8 {
		out = append(out, 0)
		prev = 0
		for _, i := range blk {
			out = binary.AppendUvarint(out, uint64(ps[i].doc-prev))
			prev = ps[i].doc
		}
	} else {
		out = append(out, 1)
		start := len(out)
		out = append(out, make([]byte, (n+7)/8)...)
		for _, i := range blk {
			out[start+int(ps[i].doc>>3)] |= 1 << (ps[i].doc & 7)
		}
	}
	codes := newImpactCodes(top)
	for _, i := range blk {
		out = append(out, codes.of(ps[i].impact))
	}
	return out
}

// uvarintLen is the length of x as a uvarint.
func uvarintLen(x uint64) int {
	return (bits.Len64(x|1) + 6) / 7
}

// impactCodes finds, for the postings of a block whose highest impact is
// top, the largest c ≤ 255 with top·2^(-c/16) above impact by a margin
// that no difference between math.Pow and JavaScript's Math.pow can take
// away (or 0 if there is none).
type impactCodes [256]float64 // by c, top·2^(-c/16) less the margin

func newImpactCodes(top float64) *impactCodes {
	var t impactCodes
	for c := range t {
		t[c] = top * pow2[c] * (1 - 1e-9)
	}
	return &t
}

// of is the code of impact: t decreases with c, so a binary search finds it.
func (t *impactCodes) of(impact float64) byte {
	c := 0
	for step := 128; step > 0; step >>= 1 {
		if t[c+step] >= impact {
			c += step
		}
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
