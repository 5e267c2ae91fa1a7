// Package analysis is the one tokenizer of jianghan's search: the bleve
// index, the static index, queries, snippets and search.js (which mirrors
// it character range for character range) all cut text into the same
// terms at the same positions.
//
// Chinese has no spaces, so every run of CJK characters yields each
// character (a unigram) and each pair of adjacent characters (a bigram): any
// substring of two or more characters is then a phrase of bigrams, and a
// single character a unigram. Latin letters and digits form words, folded to
// half-width lower case.
package analysis

import (
	"unicode"
	"unicode/utf8"
)

// MaxWordRunes caps a Latin/digit word: longer words are cut to this many
// runes, so a pasted 10,000-letter "word" cannot make a giant term.
const MaxWordRunes = 32

// TokenKind tells what a token stands for.
type TokenKind uint8

// The kinds of token Analyze produces.
const (
	// Word is a run of Latin letters and digits, folded to half-width lower case.
	Word TokenKind = iota
	// Unigram is one CJK character.
	Unigram
	// Bigram is two adjacent CJK characters of the same run.
	Bigram
)

// Token is one term of analysed text: what both the bleve index and the
// static index store, and what queries are built from.
type Token struct {
	Term string
	// Pos is 1-based. A CJK character takes one position (its unigram and the
	// bigram starting at it share it); a word takes one position. Separators
	// take none, so "3社联动" and "3 社联动" have the same positions.
	Pos int
	// Start and End are byte offsets of the token in the analysed text.
	Start, End int
	Kind       TokenKind
}

// Analyze splits text into the terms search uses: Latin/digit words (full-width
// folded to half-width, lower-cased) and, for every run of CJK characters,
// each character and each pair of adjacent characters. Everything else
// (spaces, punctuation, full-width punctuation, symbols, control characters)
// separates. search.js implements exactly the same function.
func Analyze(text string) []Token {
	var sc Scanner
	toks := sc.Scan([]byte(text))
	out := make([]Token, len(toks))
	for i, t := range toks {
		out[i] = Token{Term: string(t.Term), Pos: int(t.Pos), Start: int(t.Start), End: int(t.End), Kind: t.Kind}
	}
	return out
}

// Count is the number of tokens Analyze makes of text: the length of a
// field, as BM25 counts it.
func Count(text string) int {
	var sc Scanner
	return len(sc.Scan([]byte(text)))
}

// charClass is what a (folded) rune is to the tokenizer.
type charClass uint8

const (
	classSep charClass = iota
	classWord
	classCJK
)

// Fold maps a rune to its search form: full-width ASCII to half-width, then
// lower case for the letters that form words. It never changes a CJK rune.
func Fold(r rune) rune {
	if r >= 0xFF01 && r <= 0xFF5E {
		r -= 0xFEE0
	}
	if r < 0x80 {
		if r >= 'A' && r <= 'Z' {
			r += 'a' - 'A'
		}
		return r
	}
	if classOf(r) == classWord {
		l := unicode.ToLower(r)
		// Lower-casing must stay a one-to-one map inside the word ranges, as
		// it is in JavaScript's toLowerCase (which maps İ to two code points).
		if l != r && classOf(l) == classWord && l >= 0x80 {
			return l
		}
	}
	return r
}

// classOf classifies a folded rune. The ranges are spelled out (rather than
// taken from unicode tables) so that search.js can use the very same ones.
func classOf(r rune) charClass {
	switch {
	case r < 0x80:
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') || (r >= 'A' && r <= 'Z') {
			return classWord
		}
		return classSep
	case r < 0x0370:
		if r >= 0x00C0 && r <= 0x024F && r != 0x00D7 && r != 0x00F7 {
			return classWord // Latin-1 letters, Latin Extended-A and -B
		}
		return classSep
	case r <= 0x052F:
		return classWord // Greek, Cyrillic
	case r < 0x3005:
		return classSep
	case r == 0x3005 || r == 0x3007: // 々 〇
		return classCJK
	case r >= 0x3040 && r <= 0x30FF: // Hiragana, Katakana
		if r == 0x30FB { // katakana middle dot ・ is punctuation
			return classSep
		}
		return classCJK
	case r >= 0x3400 && r <= 0x4DBF, r >= 0x4E00 && r <= 0x9FFF, r >= 0xAC00 && r <= 0xD7AF, r >= 0xF900 && r <= 0xFAFF:
		return classCJK // CJK Ext A, Unified, Hangul syllables, compatibility
	case r >= 0x20000 && r <= 0x323AF:
		return classCJK // CJK Ext B–H and compatibility supplement
	}
	return classSep
}

// Tok is the Scanner's token: Term aliases the input or the Scanner's arena.
type Tok struct {
	Term       []byte
	Pos        int32
	Start, End int32
	Kind       TokenKind
}

// Scanner is the single-pass tokenizer behind Analyze, for the indexers,
// which analyse many texts: reusing one Scanner reuses its token and arena
// buffers, and CJK terms alias the input itself. The zero value is ready.
type Scanner struct {
	toks  []Tok
	arena []byte
}

// Scan tokenizes in as Analyze does. The returned slice and the terms in it
// are valid until the next call to Scan (words are folded into the arena)
// and while in is unchanged.
func (s *Scanner) Scan(in []byte) []Tok {
	toks := s.toks[:0]
	arena := s.arena[:0]
	if cap(toks) == 0 {
		toks = make([]Tok, 0, len(in)/2+4)
	}
	pos := int32(0)
	var w wordRun
	// the previous rune was CJK and started at prevStart
	prevCJK := false
	prevStart := 0

	for i := 0; i <= len(in); {
		r, f, size, cls := scanRune(in, i)
		if cls == classWord {
			prevCJK = false
			arena = w.add(in, arena, i, size, r, f)
			i += size
			continue
		}
		if w.on {
			pos++
			toks = append(toks, w.tok(in, arena, pos))
		}
		if cls == classCJK {
			pos++
			if prevCJK {
				// the bigram of the previous rune and this one, at the previous position
				toks = append(toks, Tok{Term: in[prevStart : i+size : i+size], Pos: pos - 1, Start: int32(prevStart), End: int32(i + size), Kind: Bigram})
			}
			toks = append(toks, Tok{Term: in[i : i+size : i+size], Pos: pos, Start: int32(i), End: int32(i + size), Kind: Unigram})
			prevCJK = true
			prevStart = i
		} else {
			prevCJK = false
		}
		i += size
	}
	s.toks = toks
	s.arena = arena
	return toks
}

// scanRune reads the rune at in[i]: the rune, its folded form, its size in
// bytes and its class. Past the end it is a separator, which ends the last
// word.
func scanRune(in []byte, i int) (r, f rune, size int, cls charClass) {
	if i >= len(in) {
		return 0, 0, 1, classSep
	}
	r = rune(in[i])
	switch {
	case r < utf8.RuneSelf:
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			return r, r, 1, classWord
		case r >= 'A' && r <= 'Z':
			return r, r + ('a' - 'A'), 1, classWord
		}
		return r, r, 1, classSep
	case i+2 < len(in) && IsPlain3(in[i], in[i+1], in[i+2]):
		// decoded here because most CJK text is just that
		r = Decode3(in[i], in[i+1], in[i+2])
		if r >= 0x4E00 && r <= 0x9FFF {
			return r, r, 3, classCJK // Fold leaves CJK as it is
		}
		f = Fold(r)
		return r, f, 3, classOf(f)
	}
	r, size = utf8.DecodeRune(in[i:])
	f = Fold(r)
	return r, f, size, classOf(f)
}

// wordRun is the run of word runes (letters and digits) being read. Its
// term is the input itself until a rune folds to another, then a folded
// copy in the arena; only its first MaxWordRunes runes make the term.
type wordRun struct {
	on         bool // a word is being read
	start, cut int  // in the input: where it starts, where its term ends
	end        int  // where the run ends
	runes      int  // runes in the term
	copied     bool // the term is built in the arena
	arenaStart int
}

// add adds the rune r, folded to f and size bytes long at in[i], to the
// run, starting one if none is on; it returns the arena.
func (w *wordRun) add(in, arena []byte, i, size int, r, f rune) []byte {
	if !w.on {
		*w = wordRun{on: true, start: i, cut: i, arenaStart: len(arena)}
	}
	w.end = i + size
	if w.runes >= MaxWordRunes {
		return arena
	}
	if f != r && !w.copied {
		w.copied = true
		arena = append(arena, in[w.start:w.cut]...)
	}
	if w.copied {
		if f < utf8.RuneSelf {
			arena = append(arena, byte(f))
		} else {
			arena = utf8.AppendRune(arena, f)
		}
	}
	w.runes++
	w.cut = i + size
	return arena
}

// tok ends the run, returning its token at position pos.
func (w *wordRun) tok(in, arena []byte, pos int32) Tok {
	w.on = false
	term := in[w.start:w.cut:w.cut]
	if w.copied {
		term = arena[w.arenaStart:len(arena):len(arena)]
	}
	return Tok{Term: term, Pos: pos, Start: int32(w.start), End: int32(w.end), Kind: Word}
}

// IsPlain3 reports whether b0 b1 b2 is a valid three-byte UTF-8 sequence
// with the lead byte E1–EC or EE–EF, which take any continuation bytes (E0
// and ED take narrower ones: utf8.DecodeRune checks those).
func IsPlain3(b0, b1, b2 byte) bool {
	return b0 >= 0xE1 && b0 <= 0xEF && b0 != 0xED && b1&0xC0 == 0x80 && b2&0xC0 == 0x80
}

// Decode3 is the rune of a sequence that IsPlain3.
func Decode3(b0, b1, b2 byte) rune {
	return rune(b0&0x0F)<<12 | rune(b1&0x3F)<<6 | rune(b2&0x3F)
}
