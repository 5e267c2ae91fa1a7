package markdown

import (
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/util"
)

// cjkTable holds the code points the CJK-friendly emphasis specification calls
// "CJK characters": East Asian Width W, F or H, minus characters with default
// emoji presentation (those are excluded range by range below). Hangul is
// checked separately by script. Unassigned code points inside CJK blocks are
// included, as UAX #11 recommends treating them as wide.
var cjkTable = &unicode.RangeTable{
	R16: []unicode.Range16{
		{Lo: 0x1100, Hi: 0x115f, Stride: 1}, // Hangul Jamo (leading consonants, W)
		{Lo: 0x20a9, Hi: 0x20a9, Stride: 1}, // WON SIGN (H)
		{Lo: 0x2329, Hi: 0x232a, Stride: 1}, // 〈 〉
		{Lo: 0x2e80, Hi: 0x2e99, Stride: 1}, // CJK Radicals Supplement
		{Lo: 0x2e9b, Hi: 0x2ef3, Stride: 1},
		{Lo: 0x2f00, Hi: 0x2fd5, Stride: 1}, // Kangxi Radicals
		{Lo: 0x2ff0, Hi: 0x303e, Stride: 1}, // IDC, CJK Symbols and Punctuation
		{Lo: 0x3041, Hi: 0x3096, Stride: 1}, // Hiragana
		{Lo: 0x3099, Hi: 0x30ff, Stride: 1}, // Katakana
		{Lo: 0x3105, Hi: 0x312f, Stride: 1}, // Bopomofo
		{Lo: 0x3131, Hi: 0x318e, Stride: 1}, // Hangul Compatibility Jamo
		{Lo: 0x3190, Hi: 0x31e5, Stride: 1}, // Kanbun, Bopomofo Ext, CJK Strokes
		{Lo: 0x31ef, Hi: 0x321e, Stride: 1},
		{Lo: 0x3220, Hi: 0x3247, Stride: 1}, // Enclosed CJK
		{Lo: 0x3250, Hi: 0x4dbf, Stride: 1}, // … CJK Ext A
		{Lo: 0x4e00, Hi: 0xa48c, Stride: 1}, // CJK Unified Ideographs, Yi
		{Lo: 0xa490, Hi: 0xa4c6, Stride: 1},
		{Lo: 0xa960, Hi: 0xa97c, Stride: 1}, // Hangul Jamo Extended-A
		{Lo: 0xac00, Hi: 0xd7a3, Stride: 1}, // Hangul Syllables
		{Lo: 0xf900, Hi: 0xfaff, Stride: 1}, // CJK Compatibility Ideographs
		{Lo: 0xfe10, Hi: 0xfe19, Stride: 1}, // Vertical Forms
		{Lo: 0xfe30, Hi: 0xfe52, Stride: 1}, // CJK Compatibility Forms, Small Forms
		{Lo: 0xfe54, Hi: 0xfe66, Stride: 1},
		{Lo: 0xfe68, Hi: 0xfe6b, Stride: 1},
		{Lo: 0xff01, Hi: 0xffbe, Stride: 1}, // Fullwidth forms (F), halfwidth Katakana/Hangul (H)
		{Lo: 0xffc2, Hi: 0xffc7, Stride: 1},
		{Lo: 0xffca, Hi: 0xffcf, Stride: 1},
		{Lo: 0xffd2, Hi: 0xffd7, Stride: 1},
		{Lo: 0xffda, Hi: 0xffdc, Stride: 1},
		{Lo: 0xffe0, Hi: 0xffe6, Stride: 1}, // Fullwidth signs (F)
		{Lo: 0xffe8, Hi: 0xffee, Stride: 1}, // Halfwidth symbols (H)
	},
	R32: []unicode.Range32{
		{Lo: 0x16fe0, Hi: 0x16fe4, Stride: 1}, // Ideographic Symbols
		{Lo: 0x16ff0, Hi: 0x16ff1, Stride: 1},
		{Lo: 0x17000, Hi: 0x18cd5, Stride: 1}, // Tangut, Khitan
		{Lo: 0x18d00, Hi: 0x18d08, Stride: 1},
		{Lo: 0x1aff0, Hi: 0x1b2fb, Stride: 1}, // Kana Extended/Supplement, Nushu
		{Lo: 0x1f200, Hi: 0x1f200, Stride: 1}, // Enclosed Ideographic Supplement,
		{Lo: 0x1f202, Hi: 0x1f202, Stride: 1}, // skipping the emoji among them
		{Lo: 0x1f210, Hi: 0x1f219, Stride: 1},
		{Lo: 0x1f21b, Hi: 0x1f22e, Stride: 1},
		{Lo: 0x1f230, Hi: 0x1f231, Stride: 1},
		{Lo: 0x1f237, Hi: 0x1f237, Stride: 1},
		{Lo: 0x1f23b, Hi: 0x1f23b, Stride: 1},
		{Lo: 0x1f240, Hi: 0x1f248, Stride: 1},
		{Lo: 0x1f260, Hi: 0x1f265, Stride: 1},
		{Lo: 0x20000, Hi: 0x2fffd, Stride: 1}, // CJK Ext B… (plane 2)
		{Lo: 0x30000, Hi: 0x3fffd, Stride: 1}, // CJK Ext G… (plane 3)
	},
}

// isCJK reports whether r is a "CJK character" in the sense of the
// markdown-cjk-friendly specification (EAW W/F/H and not an emoji, or Hangul).
func isCJK(r rune) bool {
	if r < 0x1100 {
		return false
	}
	return unicode.Is(cjkTable, r) || unicode.Is(unicode.Hangul, r)
}

// isPunct reports whether r is a CommonMark "Unicode punctuation character"
// (general category P or S).
func isPunct(r rune) bool {
	if r < utf8.RuneSelf {
		return util.IsPunct(byte(r))
	}
	return util.IsPunctRune(r)
}

// isSpace reports whether r is CommonMark "Unicode whitespace".
func isSpace(r rune) bool {
	return util.IsSpaceRune(r)
}

// isGeneralVS reports whether r is a non-emoji general-use variation selector
// (U+FE00–U+FE0E), which the specification looks through.
func isGeneralVS(r rune) bool {
	return r >= 0xfe00 && r <= 0xfe0e
}

// isIVS reports whether r is an ideographic variation selector.
func isIVS(r rune) bool {
	return r >= 0xe0100 && r <= 0xe01ef
}

// joinsLines reports whether a soft line break between a and b should vanish
// rather than become a space: both sides are CJK (not Hangul, which uses
// spaces between words), either side is a zero-width space, or, when
// punctJoin is set, either side is CJK punctuation such as ，。「」 (see
// w3c/csswg-drafts#5086: writers break lines after full-width punctuation).
func joinsLines(a, b rune, punctJoin bool) bool {
	if a == '\u200b' || b == '\u200b' {
		return true
	}
	ca, cb := isCJK(a) && !unicode.Is(unicode.Hangul, a), isCJK(b) && !unicode.Is(unicode.Hangul, b)
	if ca && cb {
		return true
	}
	if !punctJoin {
		return false
	}
	return (ca && isPunct(a) && !isSpace(b)) || (cb && isPunct(b) && !isSpace(a))
}

// lastRune returns the last rune of b, or utf8.RuneError if b is empty.
func lastRune(b []byte) rune {
	r, _ := utf8.DecodeLastRune(b)
	return r
}

// firstRune returns the first rune of b, or utf8.RuneError if b is empty.
func firstRune(b []byte) rune {
	r, _ := utf8.DecodeRune(b)
	return r
}
