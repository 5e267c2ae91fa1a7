package static

import (
	"encoding/binary"
	"math"
	"math/bits"
	"slices"

	"github.com/jianghan-district/jianghan/search/rank"
)

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

// encodeBlock writes a block of postings, sorted by document, in columns:
//
//	count:uvarint
//	count × document gap (the first from 0):uvarint
//	count × field mask:byte
//	per posting, per field in its mask: frequency-1:uvarint
//	per posting, per field in its mask: the field's token count:uvarint
//	per posting, per short field in its mask (all but the text): its
//	  positions, each less the one before (the first less 0):uvarint
//
// so that a query learns from the postings alone where a phrase stands in
// a title, a summary, a heading or the terms a page is filed under.
func encodeBlock(out []byte, blk []int32, ps []posting, lens [][rank.NumFields]uint32) []byte {
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
	for _, i := range blk {
		p := &ps[i]
		for m := p.mask & shortFields; m != 0; m &= m - 1 {
			prev := int32(0)
			for _, x := range p.pos[bits.TrailingZeros8(m)] {
				out = binary.AppendUvarint(out, uint64(x-prev))
				prev = x
			}
		}
	}
	return out
}

// uvarintLen is the length of x as a uvarint.
func uvarintLen(x uint64) int {
	return (bits.Len64(x|1) + 6) / 7
}

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
//	"JX3" blocks:uvarint
//	per block: term len:uvarint utf8, block number b (1-based):uvarint,
//	  length:uvarint, then the description of block b+1 if the term has
//	  one (appendDesc) and the block (encodeBlock)
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

// appendTails appends the tail file of refs (packTails).
func appendTails(b []byte, refs []tailRef, names []string, enc []encodedTerm, tails *tailLayout) []byte {
	b = append(b, "JX3"...)
	b = binary.AppendUvarint(b, uint64(len(refs)))
	var desc [32]byte
	for _, ref := range refs {
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
}
