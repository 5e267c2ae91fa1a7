package search

import (
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"
)

// AnalyzerName is the name under which the Chinese analyzer is registered
// with bleve, so an index mapping can name it for its text fields.
const AnalyzerName = "jianghan_zh"

// TokenizerName is the name of the analyzer's tokenizer in bleve's registry,
// for mappings that want to build their own analyzer around it.
const TokenizerName = "jianghan_zh_grams"

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
	var sc scanner
	toks := sc.scan([]byte(text))
	out := make([]Token, len(toks))
	for i, t := range toks {
		out[i] = Token{Term: string(t.term), Pos: int(t.pos), Start: int(t.start), End: int(t.end), Kind: t.kind}
	}
	return out
}

// charClass is what a (folded) rune is to the tokenizer.
type charClass uint8

const (
	classSep charClass = iota
	classWord
	classCJK
)

// fold maps a rune to its search form: full-width ASCII to half-width, then
// lower case for the letters that form words. It never changes a CJK rune.
func fold(r rune) rune {
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

// tok is the tokenizer's internal token: term aliases the input or an arena.
type tok struct {
	term       []byte
	pos        int32
	start, end int32
	kind       TokenKind
}

// scanner is the single-pass tokenizer. Reusing one scanner across calls
// reuses its token and arena buffers; CJK terms alias the input itself.
type scanner struct {
	toks  []tok
	arena []byte
}

// scan tokenizes in. The returned slice and the terms in it are valid until
// the next call to scan (words folded into the arena) and while in is unchanged.
func (s *scanner) scan(in []byte) []tok {
	toks := s.toks[:0]
	arena := s.arena[:0]
	if cap(toks) == 0 {
		toks = make([]tok, 0, len(in)/2+4)
	}
	pos := int32(0)

	// the current word run
	inWord := false
	wordStart, wordCut, wordEnd := 0, 0, 0
	wordRunes := 0
	wordCopy := false // the word needs folding, so it is built in the arena
	arenaStart := 0

	// the previous rune was CJK and started at prevStart
	prevCJK := false
	prevStart := 0

	for i := 0; i <= len(in); {
		r, f := rune(0), rune(0)
		size := 1
		cls := classSep
		if i < len(in) {
			r = rune(in[i])
			if r < utf8.RuneSelf {
				f = r
				switch {
				case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
					cls = classWord
				case r >= 'A' && r <= 'Z':
					f = r + ('a' - 'A')
					cls = classWord
				}
			} else if i+2 < len(in) && isPlain3(in[i], in[i+1], in[i+2]) {
				// decoded here because most CJK text is just that
				r, size = decode3(in[i], in[i+1], in[i+2]), 3
				if r >= 0x4E00 && r <= 0x9FFF {
					f, cls = r, classCJK // fold leaves CJK as it is
				} else {
					f = fold(r)
					cls = classOf(f)
				}
			} else {
				r, size = utf8.DecodeRune(in[i:])
				f = fold(r)
				cls = classOf(f)
			}
		}
		if cls == classWord {
			prevCJK = false
			if !inWord {
				inWord = true
				wordStart, wordCut, wordRunes, arenaStart = i, i, 0, len(arena)
				wordCopy = false
			}
			if wordRunes < MaxWordRunes {
				if f != r && !wordCopy {
					wordCopy = true
					arena = append(arena, in[wordStart:wordCut]...)
				}
				if wordCopy {
					if f < utf8.RuneSelf {
						arena = append(arena, byte(f))
					} else {
						arena = utf8.AppendRune(arena, f)
					}
				}
				wordRunes++
				wordCut = i + size
			}
			wordEnd = i + size
			i += size
			continue
		}
		if inWord {
			var term []byte
			if wordCopy {
				term = arena[arenaStart:len(arena):len(arena)]
			} else {
				term = in[wordStart:wordCut:wordCut]
			}
			pos++
			toks = append(toks, tok{term: term, pos: pos, start: int32(wordStart), end: int32(wordEnd), kind: Word})
			inWord = false
		}
		if cls == classCJK {
			pos++
			if prevCJK {
				// the bigram of the previous rune and this one, at the previous position
				toks = append(toks, tok{term: in[prevStart : i+size : i+size], pos: pos - 1, start: int32(prevStart), end: int32(i + size), kind: Bigram})
			}
			toks = append(toks, tok{term: in[i : i+size : i+size], pos: pos, start: int32(i), end: int32(i + size), kind: Unigram})
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

// isPlain3 reports whether b0 b1 b2 is a valid three-byte UTF-8 sequence
// with the lead byte E1–EC or EE–EF, which take any continuation bytes (E0
// and ED take narrower ones: utf8.DecodeRune checks those).
func isPlain3(b0, b1, b2 byte) bool {
	return b0 >= 0xE1 && b0 <= 0xEF && b0 != 0xED && b1&0xC0 == 0x80 && b2&0xC0 == 0x80
}

// decode3 is the rune of a sequence that isPlain3.
func decode3(b0, b1, b2 byte) rune {
	return rune(b0&0x0F)<<12 | rune(b1&0x3F)<<6 | rune(b2&0x3F)
}

// bleveTokenizer adapts the scanner to bleve's analysis.Tokenizer.
type bleveTokenizer struct{}

// Tokenize implements analysis.Tokenizer. Each call owns its memory, since
// bleve keeps the terms until the document is indexed.
func (bleveTokenizer) Tokenize(input []byte) analysis.TokenStream {
	var sc scanner
	toks := sc.scan(input)
	store := make([]analysis.Token, len(toks))
	rv := make(analysis.TokenStream, len(toks))
	for i, t := range toks {
		typ := analysis.AlphaNumeric
		switch t.kind {
		case Unigram:
			typ = analysis.Ideographic
		case Bigram:
			typ = analysis.Double
		}
		store[i] = analysis.Token{Term: t.term, Start: int(t.start), End: int(t.end), Position: int(t.pos), Type: typ}
		rv[i] = &store[i]
	}
	return rv
}

func init() {
	if err := registry.RegisterTokenizer(TokenizerName, func(map[string]interface{}, *registry.Cache) (analysis.Tokenizer, error) {
		return bleveTokenizer{}, nil
	}); err != nil {
		panic(err)
	}
	if err := registry.RegisterAnalyzer(AnalyzerName, func(map[string]interface{}, *registry.Cache) (analysis.Analyzer, error) {
		return &analysis.DefaultAnalyzer{Tokenizer: bleveTokenizer{}}, nil
	}); err != nil {
		panic(err)
	}
}
