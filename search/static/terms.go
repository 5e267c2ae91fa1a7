package static

import (
	"encoding/binary"
	"math"
	"sync"

	"github.com/jianghan-district/jianghan/internal/parallel"
	"github.com/jianghan-district/jianghan/search/rank"
)

// encodedTerm is one term's part of the static index: its head record and
// tail blocks, less the tail blocks' files (known once all are packed).
type encodedTerm struct {
	pre   []byte // term, D, tail count
	post  []byte // presence (when there are tails) and the head block
	tails []tailBlock
}

// tailBlock is one encoded tail block and what bounds the postings from it
// to the end of the list.
type tailBlock struct {
	bound float64 // highest impact
	bdoc  uint32  // lowest document with that impact
	next  float64 // highest impact below bound (0 if none)
	data  []byte
}

// appendDesc appends what a term's record or its tail block b-1 says of
// tail block b (1-based): file:uvarint, bound:float64, bdoc:uvarint,
// next:float32 (rounded up), little-endian.
func (e *encodedTerm) appendDesc(out []byte, b int, files []int) []byte {
	tb := &e.tails[b-1]
	out = binary.AppendUvarint(out, uint64(files[b-1]))
	out = binary.LittleEndian.AppendUint64(out, math.Float64bits(tb.bound))
	out = binary.AppendUvarint(out, uint64(tb.bdoc))
	return binary.LittleEndian.AppendUint32(out, math.Float32bits(roundUp32(tb.next)))
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
	tf     [rank.NumFields]uint32
	pos    [rank.NumFields][]int32 // in the short fields
}

// termScratch is reusable memory for encodeTerm.
type termScratch struct {
	ps     []posting
	pos    []int32
	keys   []rankKey
	blocks [][]int32
	all    []int32
}

var scratches = sync.Pool{New: func() any { return new(termScratch) }}

// encodeTerms encodes every term of inv (encodeTerm) on every processor.
func encodeTerms(inv *inverted, st rank.Stats, fv *facetValues) []encodedTerm {
	enc := make([]encodedTerm, len(inv.names))
	tc := termConsts{st: st, kf: lengthNorms(inv.lens, st), lens: inv.lens, fv: fv}
	parallel.For(len(enc), 0, func(t int) {
		sc := scratches.Get().(*termScratch)
		sc.ps, sc.pos = inv.gather(t, sc.ps[:0], sc.pos[:0])
		enc[t] = encodeTerm(inv.names[t], &tc, sc)
		scratches.Put(sc)
	})
	return enc
}

// lengthNorms is, per document and field, BM25's (1-b) + b·l/avg for the
// field's length l as bleve has it (through its norm): what
// rank.Params.TermScore divides by.
func lengthNorms(lens [][rank.NumFields]uint32, st rank.Stats) [][rank.NumFields]float64 {
	p := rank.Default
	avg := st.Avg()
	out := make([][rank.NumFields]float64, len(lens))
	for d := range lens {
		for f := range avg {
			if lens[d][f] > 0 {
				out[d][f] = p.LengthNorm(rank.FieldLen(rank.Norm(int(lens[d][f]))), avg[f])
			}
		}
	}
	return out
}

// termConsts is what encodeTerm needs beyond the term itself.
type termConsts struct {
	st   rank.Stats
	kf   [][rank.NumFields]float64 // lengthNorms
	lens [][rank.NumFields]uint32
	fv   *facetValues
}

// encodeTerm lays out one term, whose postings (doc and tf only) are in
// sc.ps in document order. Its record in the shard:
//
//	len:uvarint utf8, D (documents with the term):uvarint, tail blocks:uvarint
//	if there are tail blocks: the description of the first (appendDesc),
//	  and every document holding the term (appendPresence)
//	the head block (encodeBlock)
//
// Postings are ranked by impact, the term's BM25F score in the document
// (rank.Params.TermScore), highest first, then by document, and cut into
// blocks of ranks [0, headEntries), then ×blockRatio each. Blocks are cut
// by selecting the postings at the cut ranks (selectRank), not by
// sorting: a block is written in document order, and its bounds need only
// its maxima. So a query knows from the shard alone which documents hold
// each of its terms, and the best of them exactly; a document further
// down a list has its impact bounded by the next block it would be in.
func encodeTerm(name string, tc *termConsts, sc *termScratch) encodedTerm {
	ps := sc.ps
	idf := rank.IDF(tc.st.Docs, len(ps))
	params := rank.Default
	for i := range ps {
		p := &ps[i]
		p.impact = params.TermScore(idf, &p.tf, &tc.kf[p.doc])
	}

	// the cut ranks: headEntries, then ×blockRatio
	var cutsArr [16]int
	cuts := cutsArr[:0]
	for hi := headEntries; hi < len(ps); hi *= blockRatio {
		cuts = append(cuts, hi)
	}

	// one buffer for the whole term: pre, post, then the tail blocks
	size := 16 + len(name) + 7*len(ps)
	if len(cuts) > 0 {
		size += presenceBytes(ps, tc.st.Docs) + 32*len(cuts)
	}
	buf := make([]byte, 0, size)
	buf = binary.AppendUvarint(buf, uint64(len(name)))
	buf = append(buf, name...)
	buf = binary.AppendUvarint(buf, uint64(len(ps)))
	buf = binary.AppendUvarint(buf, uint64(len(cuts)))
	var e encodedTerm
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
	buf = appendPresence(buf, ps, tc.st.Docs)

	// the posting at each cut rank
	keys := sc.keys[:0]
	for i := range ps {
		keys = append(keys, rankKey{ps[i].impact, int32(i)})
	}
	sc.keys = keys
	var cutKey [16]rankKey
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
	var lower [16]float64 // highest impact below the block's top
	var found [16]bool
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
	}

	// bounds of the ranks from each tail block on, from the last block back
	e.tails = make([]tailBlock, nb-1)
	var bound, next float64 // of the blocks after the current one
	for b := nb - 1; b >= 1; b-- {
		tb := &e.tails[b-1]
		top := cutKey[b-1]
		tb.bound, tb.bdoc = top.impact, ps[top.i].doc
		switch {
		case found[b]:
			tb.next = lower[b] // the block's highest impact below its top
		case b+1 < nb && bound < top.impact:
			tb.next = bound
		case b+1 < nb:
			tb.next = next
		}
		bound, next = tb.bound, tb.next
	}
	buf = encodeBlock(buf, blocks[0], ps, tc.lens)
	postEnd := len(buf)
	ends := make([]int, nb)
	for b := 1; b < nb; b++ {
		buf = encodeBlock(buf, blocks[b], ps, tc.lens)
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

// appendPresence appends the documents of ps (in document order) among n,
// whichever way is shortest: mode:byte 0 and the gaps between them (the
// first from 0), mode 1 and a bitmap of ceil(n/8) bytes (document i at bit
// i%8, least significant first, of byte i/8), or mode 2 and the gaps
// between the documents that do not hold the term; gaps as uvarints.
func appendPresence(out []byte, ps []posting, n int) []byte {
	docs, bitmap, absent := presenceSizes(ps, n)
	switch {
	case docs <= bitmap && docs <= absent:
		out = append(out, 0)
		prev := uint32(0)
		for i := range ps {
			out = binary.AppendUvarint(out, uint64(ps[i].doc-prev))
			prev = ps[i].doc
		}
	case bitmap <= absent:
		out = append(out, 1)
		start := len(out)
		out = append(out, make([]byte, (n+7)/8)...)
		for i := range ps {
			out[start+int(ps[i].doc>>3)] |= 1 << (ps[i].doc & 7)
		}
	default:
		out = append(out, 2)
		out = binary.AppendUvarint(out, uint64(n-len(ps)))
		prev, j := uint32(0), 0
		for d := uint32(0); d < uint32(n); d++ {
			if j < len(ps) && ps[j].doc == d {
				j++
				continue
			}
			out = binary.AppendUvarint(out, uint64(d-prev))
			prev = d
		}
	}
	return out
}

// presenceBytes is the size appendPresence will take.
func presenceBytes(ps []posting, n int) int {
	docs, bitmap, absent := presenceSizes(ps, n)
	return 1 + min(docs, bitmap, absent)
}

// presenceSizes are the sizes of the three ways to write the documents of ps.
func presenceSizes(ps []posting, n int) (docs, bitmap, absent int) {
	prev := uint32(0)
	for i := range ps {
		docs += uvarintLen(uint64(ps[i].doc - prev))
		prev = ps[i].doc
	}
	absent = uvarintLen(uint64(n - len(ps)))
	last, j := 0, 0
	for d := 0; d < n; d++ {
		if j < len(ps) && int(ps[j].doc) == d {
			j++
			continue
		}
		absent += uvarintLen(uint64(d - last))
		last = d
	}
	return docs, (n + 7) / 8, absent
}
