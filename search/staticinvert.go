package search

import (
	"encoding/binary"
	"math/bits"
	"runtime"
	"slices"
	"strings"
	"sync"
	"unsafe"
)

// inverted is the postings of every term of some documents, as invert
// leaves them for encodeTerms: terms are numbered in the byte order of
// their UTF-8, which is the order of the static index's files.
type inverted struct {
	names []string
	lens  [][numText]uint32 // per document, the tokens of each text field
	// stream holds the postings of term t at stream[start[t]:start[t+1]],
	// in document order, each as document:uvarint, field mask:byte, per
	// field in the mask frequency:uvarint
	stream []byte
	start  []int
}

// gather appends the postings of term t to ps in document order, with
// only their documents, field masks and frequencies set.
func (inv *inverted) gather(t int, ps []posting) []posting {
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
		ps = append(ps, p)
	}
	return ps
}

// invertPart is one goroutine's share of invert: the terms of a range of
// documents, numbered in order of first appearance, and their postings.
type invertPart struct {
	names []string
	// stream holds one record per term and document, in document order:
	// term:uvarint, the size of the posting:byte, then the posting as
	// inverted.stream has it
	stream []byte
	size   []int // by term, the bytes of its postings (less the term)

	unigrams []uint32 // by BMP rune, 1 + the term's number (0: none yet)
	cjk      cjkTable // other CJK terms (bigrams, unigrams beyond the BMP)
	words    map[string]uint32
}

// id returns the number of t's term, adding the term if it is new.
func (p *invertPart) id(t *tok) uint32 {
	if t.kind != Word && len(t.term) <= 8 {
		// CJK runes take three bytes in UTF-8, four beyond the BMP
		if b := t.term; len(b) == 3 {
			r := decode3(b[0], b[1], b[2])
			if v := p.unigrams[r]; v != 0 {
				return v - 1
			}
			id := p.add(b)
			p.unigrams[r] = id + 1
			return id
		}
		return p.cjk.id(packKey(t.term), p, t.term)
	}
	if id, ok := p.words[string(t.term)]; ok {
		return id
	}
	id := p.add(t.term)
	p.words[string(t.term)] = id
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
func invert(docs []*Document) *inverted {
	inv := &inverted{lens: make([][numText]uint32, len(docs))}
	workers := min(runtime.GOMAXPROCS(0), max(1, len(docs)/64))
	parts := make([]*invertPart, workers)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		lo, hi := w*len(docs)/workers, (w+1)*len(docs)/workers
		wg.Add(1)
		go func() {
			defer wg.Done()
			parts[w] = invertRange(docs, lo, hi, inv.lens)
		}()
	}
	wg.Wait()

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
	for k, part := range parts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			part.scatter(inv.stream, at[k])
			parts[k] = nil
		}()
	}
	wg.Wait()
	return inv
}

// scatter copies the part's postings to out, term by term: those of term
// id at at[id] onwards.
func (p *invertPart) scatter(out []byte, at []int) {
	s := p.stream
	for j := 0; j < len(s); {
		id, n := binary.Uvarint(s[j:])
		j += n
		size := int(s[j])
		j++
		at[id] += copy(out[at[id]:], s[j:j+size])
		j += size
	}
}

// maxRecord is the most bytes of a record of invertPart.stream.
const maxRecord = 5 + 1 + 5 + 1 + 5*numText

// invertRange inverts documents lo to hi-1, filling their lens.
func invertRange(docs []*Document, lo, hi int, lens [][numText]uint32) *invertPart {
	p := &invertPart{unigrams: make([]uint32, 1<<16), words: map[string]uint32{}}
	size, done := 0, 0 // bytes of text in all, and so far
	for _, d := range docs[lo:hi] {
		for _, text := range documentText(d) {
			size += len(text)
		}
	}
	var counts []uint32 // by term, by field: occurrences in the document
	var seen []int32    // by term: 1 + the last document it was counted for
	var touched []uint32
	var sc scanner
	for i := lo; i < hi; i++ {
		touched = touched[:0]
		for f, text := range documentText(docs[i]) {
			if text == "" {
				continue
			}
			done += len(text)
			// the scanner only reads its input, and its tokens are used up
			// before text is
			toks := sc.scan(unsafe.Slice(unsafe.StringData(text), len(text)))
			lens[i][f] = uint32(len(toks))
			for k := range toks {
				id := p.id(&toks[k])
				if int(id) >= len(seen) {
					seen = append(seen, make([]int32, int(id)+1-len(seen)+1024)...)
					counts = append(counts, make([]uint32, len(seen)*numText-len(counts))...)
				}
				if seen[id] != int32(i)+1 {
					seen[id] = int32(i) + 1
					touched = append(touched, id)
				}
				counts[int(id)*numText+f]++
			}
		}
		s := p.stream
		if need := len(s) + len(touched)*maxRecord; need > cap(s) {
			// as much more as the text so far took, for the text to come
			more := int(float64(len(s)) / float64(max(done, 1)) * 1.1 * float64(size-done))
			s = slices.Grow(s, max(need-len(s), more, 4096))
		}
		for _, id := range touched {
			s = binary.AppendUvarint(s, uint64(id))
			s = append(s, 0) // the size, below
			start := len(s)
			s = binary.AppendUvarint(s, uint64(i))
			c := counts[int(id)*numText : int(id)*numText+numText]
			mask := byte(0)
			for f, n := range c {
				if n > 0 {
					mask |= 1 << f
				}
			}
			s = append(s, mask)
			for f, n := range c {
				if n > 0 {
					s = binary.AppendUvarint(s, uint64(n))
					c[f] = 0
				}
			}
			s[start-1] = byte(len(s) - start) // less than maxRecord
			p.size[id] += len(s) - start
		}
		p.stream = s
	}
	p.unigrams, p.cjk, p.words = nil, cjkTable{}, nil
	return p
}
