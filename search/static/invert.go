package static

import (
	"encoding/binary"
	"math/bits"
	"runtime"
	"slices"
	"strings"
	"unsafe"

	"github.com/jianghan-district/jianghan/internal/parallel"
	"github.com/jianghan-district/jianghan/search"
	"github.com/jianghan-district/jianghan/search/analysis"
	"github.com/jianghan-district/jianghan/search/rank"
)

// inverted is the postings of every term of some documents, as invert
// leaves them for encodeTerms: terms are numbered in the byte order of
// their UTF-8, which is the order of the static index's files.
type inverted struct {
	names []string
	lens  [][rank.NumFields]uint32 // per document, the tokens of each text field
	// stream holds the postings of term t at stream[start[t]:start[t+1]],
	// in document order, each as document:uvarint, field mask:byte, per
	// field in the mask frequency:uvarint, then per short field in the
	// mask (shortFields) its positions, each less the one before (the
	// first less 0):uvarint
	stream []byte
	start  []int
}

// shortFields are the fields whose positions postings carry: all but the
// text, which is long.
const shortFields = 1<<rank.Title | 1<<rank.Summary | 1<<rank.Headings | 1<<rank.Filed

// gather appends the postings of term t to ps in document order, with
// their documents, field masks, frequencies and short fields' positions
// set; the positions are carved from arena, which it returns grown.
func (inv *inverted) gather(t int, ps []posting, arena []int32) ([]posting, []int32) {
	s := inv.stream[inv.start[t]:inv.start[t+1]]
	for j := 0; j < len(s); {
		doc, n := binary.Uvarint(s[j:])
		j += n
		mask := s[j]
		j++
		p := posting{doc: uint32(doc), mask: mask}
		for m := mask; m != 0; m &= m - 1 {
			tf, n := binary.Uvarint(s[j:])
			j += n
			p.tf[bits.TrailingZeros8(m)] = uint32(tf)
		}
		for m := mask & shortFields; m != 0; m &= m - 1 {
			f := bits.TrailingZeros8(m)
			start := len(arena)
			prev := uint64(0)
			for k := uint32(0); k < p.tf[f]; k++ {
				d, n := binary.Uvarint(s[j:])
				j += n
				prev += d
				arena = append(arena, int32(prev))
			}
			p.pos[f] = arena[start:len(arena):len(arena)]
		}
		ps = append(ps, p)
	}
	return ps, arena
}

// invertPart is one goroutine's share of invert: the terms of a range of
// documents, numbered in order of first appearance, and their postings.
type invertPart struct {
	names []string
	// stream holds one record per term and document, in document order:
	// term:uvarint, the size of the posting:uvarint, then the posting as
	// inverted.stream has it
	stream []byte
	size   []int // by term, the bytes of its postings (less the term)

	unigrams []uint32 // by BMP rune, 1 + the term's number (0: none yet)
	cjk      cjkTable // other CJK terms (bigrams, unigrams beyond the BMP)
	words    map[string]uint32
}

// id returns the number of t's term, adding the term if it is new.
func (p *invertPart) id(t *analysis.Tok) uint32 {
	if t.Kind != analysis.Word && len(t.Term) <= 8 {
		// CJK runes take three bytes in UTF-8, four beyond the BMP
		if b := t.Term; len(b) == 3 {
			r := analysis.Decode3(b[0], b[1], b[2])
			if v := p.unigrams[r]; v != 0 {
				return v - 1
			}
			id := p.add(b)
			p.unigrams[r] = id + 1
			return id
		}
		return p.cjk.id(packKey(t.Term), p, t.Term)
	}
	if id, ok := p.words[string(t.Term)]; ok {
		return id
	}
	id := p.add(t.Term)
	p.words[string(t.Term)] = id
	return id
}

// packKey is the bytes of a term of at most 8 bytes, none of them 0 (as
// no byte of a CJK rune is), as an integer: different terms, different keys.
func packKey(b []byte) uint64 {
	k := uint64(0)
	for i, c := range b {
		k |= uint64(c) << (8 * i)
	}
	return k
}

// add numbers a new term.
func (p *invertPart) add(term []byte) uint32 {
	id := uint32(len(p.names))
	p.names = append(p.names, string(term))
	p.size = append(p.size, 0)
	return id
}

// cjkTable maps CJK terms, by their packKey (never 0), to term numbers: an
// open-addressing hash table, which in the hot loop of invert is quicker
// than a Go map.
type cjkTable struct {
	keys []uint64
	ids  []uint32
	used int
}

// id returns the number of the term of key, adding term if it is new.
func (c *cjkTable) id(key uint64, p *invertPart, term []byte) uint32 {
	if 2*(c.used+1) > len(c.keys) {
		c.grow()
	}
	mask := uint64(len(c.keys) - 1)
	for h := (key * 0x9E3779B97F4A7C15) >> 32 & mask; ; h = (h + 1) & mask {
		switch c.keys[h] {
		case key:
			return c.ids[h]
		case 0:
			id := p.add(term)
			c.keys[h], c.ids[h] = key, id
			c.used++
			return id
		}
	}
}

// grow doubles the table (or makes it).
func (c *cjkTable) grow() {
	old, oldIDs := c.keys, c.ids
	size := max(1024, 2*len(old))
	c.keys, c.ids = make([]uint64, size), make([]uint32, size)
	mask := uint64(size - 1)
	for i, key := range old {
		if key == 0 {
			continue
		}
		h := (key * 0x9E3779B97F4A7C15) >> 32 & mask
		for c.keys[h] != 0 {
			h = (h + 1) & mask
		}
		c.keys[h], c.ids[h] = key, oldIDs[i]
	}
}

// invert analyses every document's text fields (in parallel, by ranges of
// documents) and returns each term's postings and each document's token
// count per field.
func invert(docs []*search.Document) *inverted {
	inv := &inverted{lens: make([][rank.NumFields]uint32, len(docs))}
	workers := min(runtime.GOMAXPROCS(0), max(1, len(docs)/64))
	parts := make([]*invertPart, workers)
	parallel.For(workers, workers, func(w int) {
		parts[w] = invertRange(docs, w*len(docs)/workers, (w+1)*len(docs)/workers, inv.lens)
	})

	// number the terms of all parts in byte order
	index := make(map[string]uint32, len(parts[0].names)+len(parts[0].names)/4)
	var names []string
	for _, part := range parts {
		for _, name := range part.names {
			if _, ok := index[name]; !ok {
				index[name] = uint32(len(names))
				names = append(names, name)
			}
		}
	}
	order := make([]uint32, len(names))
	for i := range order {
		order[i] = uint32(i)
	}
	slices.SortFunc(order, func(a, b uint32) int { return strings.Compare(names[a], names[b]) })
	rank := make([]uint32, len(order))
	inv.names = make([]string, len(order))
	for r, i := range order {
		rank[i] = uint32(r)
		inv.names[r] = names[i]
	}

	// where each part's postings of each term go: after those of the
	// earlier parts, which hold earlier documents
	global := make([][]uint32, len(parts)) // by part, by its term number
	sizes := make([]int, len(inv.names)+1)
	for k, part := range parts {
		global[k] = make([]uint32, len(part.names))
		for id, name := range part.names {
			t := rank[index[name]]
			global[k][id] = t
			sizes[t] += part.size[id]
		}
	}
	inv.start = make([]int, len(inv.names)+1)
	for t := range inv.names {
		inv.start[t+1] = inv.start[t] + sizes[t]
	}
	inv.stream = make([]byte, inv.start[len(inv.names)])
	at := make([][]int, len(parts)) // by part, by its term number: next offset
	copy(sizes, inv.start)
	for k, part := range parts {
		at[k] = make([]int, len(part.names))
		for id, t := range global[k] {
			at[k][id] = sizes[t]
			sizes[t] += part.size[id]
		}
	}
	parallel.For(len(parts), 0, func(k int) {
		parts[k].scatter(inv.stream, at[k])
		parts[k] = nil
	})
	return inv
}

// scatter copies the part's postings to out, term by term: those of term
// id at at[id] onwards.
func (p *invertPart) scatter(out []byte, at []int) {
	s := p.stream
	for j := 0; j < len(s); {
		id, n := binary.Uvarint(s[j:])
		j += n
		size, n := binary.Uvarint(s[j:])
		j += n
		at[id] += copy(out[at[id]:], s[j:j+int(size)])
		j += int(size)
	}
}

// invertRange inverts documents lo to hi-1, filling their lens.
func invertRange(docs []*search.Document, lo, hi int, lens [][rank.NumFields]uint32) *invertPart {
	p := &invertPart{unigrams: make([]uint32, 1<<16), words: map[string]uint32{}}
	size, done := 0, 0 // bytes of text in all, and so far
	texts := make([][rank.NumFields]string, hi-lo)
	for i, d := range docs[lo:hi] {
		texts[i] = rank.FieldTexts(d)
		for _, text := range texts[i] {
			size += len(text)
		}
	}
	var counts []uint32 // by term, by field: occurrences in the document
	var pos [][]int32   // by term, by field: positions in a short field
	var seen []int32    // by term: 1 + the last document it was counted for
	var touched []uint32
	var rec []byte
	var sc analysis.Scanner
	for i := lo; i < hi; i++ {
		touched = touched[:0]
		for f, text := range texts[i-lo] {
			if text == "" {
				continue
			}
			done += len(text)
			short := shortFields&(1<<f) != 0
			// the scanner only reads its input, and its tokens are used up
			// before text is
			toks := sc.Scan(unsafe.Slice(unsafe.StringData(text), len(text)))
			lens[i][f] = uint32(len(toks))
			for k := range toks {
				id := p.id(&toks[k])
				if int(id) >= len(seen) {
					seen = append(seen, make([]int32, int(id)+1-len(seen)+1024)...)
					counts = append(counts, make([]uint32, len(seen)*rank.NumFields-len(counts))...)
					pos = append(pos, make([][]int32, len(seen)*rank.NumFields-len(pos))...)
				}
				if seen[id] != int32(i)+1 {
					seen[id] = int32(i) + 1
					touched = append(touched, id)
				}
				counts[int(id)*rank.NumFields+f]++
				if short {
					pos[int(id)*rank.NumFields+f] = append(pos[int(id)*rank.NumFields+f], toks[k].Pos)
				}
			}
		}
		s := p.stream
		if need := len(s) + len(touched)*24; need > cap(s) {
			// as much more as the text so far took, for the text to come
			more := int(float64(len(s)) / float64(max(done, 1)) * 1.1 * float64(size-done))
			s = slices.Grow(s, max(need-len(s), more, 4096))
		}
		for _, id := range touched {
			rec = binary.AppendUvarint(rec[:0], uint64(i))
			c := counts[int(id)*rank.NumFields : int(id)*rank.NumFields+rank.NumFields]
			ps := pos[int(id)*rank.NumFields : int(id)*rank.NumFields+rank.NumFields]
			mask := byte(0)
			for f, n := range c {
				if n > 0 {
					mask |= 1 << f
				}
			}
			rec = append(rec, mask)
			for f, n := range c {
				if n > 0 {
					rec = binary.AppendUvarint(rec, uint64(n))
					c[f] = 0
				}
			}
			for f := range ps {
				prev := int32(0)
				for _, x := range ps[f] {
					rec = binary.AppendUvarint(rec, uint64(x-prev))
					prev = x
				}
				ps[f] = ps[f][:0]
			}
			s = binary.AppendUvarint(s, uint64(id))
			s = binary.AppendUvarint(s, uint64(len(rec)))
			s = append(s, rec...)
			p.size[id] += len(rec)
		}
		p.stream = s
	}
	p.unigrams, p.cjk, p.words = nil, cjkTable{}, nil
	return p
}
