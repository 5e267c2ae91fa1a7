package markdown

import (
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	gast "github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// CommonMark decides whether `**` may open or close emphasis from the
// characters on either side of it ("flanking"). Its rules assume words are
// separated by spaces, so in Chinese — where emphasis is often wrapped around
// full-width punctuation with no spaces at all — `这是**「重点」**内容` stays
// literal. The CJK-friendly amendments to CommonMark
// (https://github.com/tats-u/markdown-cjk-friendly/blob/main/specification.md)
// fix that by treating CJK characters and CJK punctuation as good neighbours
// for a delimiter run, while leaving text without CJK characters exactly as
// CommonMark says. This file implements those amendments for goldmark by
// replacing its `*`/`_` (and GFM `~`) inline parsers.

// A CJKEmphasisOption configures the CJKEmphasis extension.
type CJKEmphasisOption func(*cjkEmphasis)

// WithCJKStrikethrough makes the extension also parse GFM `~~strikethrough~~`
// with the CJK-friendly flanking rules, so `~~「删除」~~文字` works. Use it
// together with goldmark's extension.Strikethrough (which still renders the
// <del> element); without that extension, leave this off.
func WithCJKStrikethrough(on bool) CJKEmphasisOption {
	return func(e *cjkEmphasis) { e.strikethrough = on }
}

// WithCJKUnderscore lets `_` and `__` open and close emphasis between CJK
// characters (`中文__下划线__中文`). The published specification deliberately
// keeps CommonMark's rule that `_` inside a word is literal, and counts CJK
// characters as word characters, so it leaves that example unemphasised;
// Chinese has no snake_case words to protect, so this option relaxes the rule
// when the outer neighbour of the run is CJK and the inner one is not a
// non-CJK letter or digit (`文件名_v2_最终版` stays literal). On by default.
func WithCJKUnderscore(on bool) CJKEmphasisOption {
	return func(e *cjkEmphasis) { e.underscore = on }
}

type cjkEmphasis struct {
	strikethrough bool
	underscore    bool
}

// CJKEmphasis is the CJK-friendly emphasis extension with its defaults:
// `*` and `_` follow the CJK-friendly rules, `_` between CJK characters is
// allowed, and `~` is left to goldmark.
var CJKEmphasis = NewCJKEmphasis()

// NewCJKEmphasis returns the CJK-friendly emphasis extension configured by
// opts, so `**重点：**然后` becomes <strong> where plain CommonMark would print
// the asterisks.
func NewCJKEmphasis(opts ...CJKEmphasisOption) goldmark.Extender {
	e := &cjkEmphasis{underscore: true}
	for _, o := range opts {
		o(e)
	}
	return e
}

// cjkParserPriority must be below (that is, ahead of) the 500 that goldmark
// gives its own emphasis and strikethrough parsers: for a trigger character
// goldmark tries parsers in ascending priority and keeps the first that
// returns a node, and ours always return one where goldmark's would.
const cjkParserPriority = 450

// Extend implements goldmark.Extender.
func (e *cjkEmphasis) Extend(m goldmark.Markdown) {
	ps := []util.PrioritizedValue{
		util.Prioritized(&cjkDelimiterParser{
			triggers:   []byte{'*', '_'},
			proc:       emphasisProcessor{},
			underscore: e.underscore,
		}, cjkParserPriority),
	}
	if e.strikethrough {
		ps = append(ps, util.Prioritized(&cjkDelimiterParser{
			triggers: []byte{'~'},
			proc:     strikethroughProcessor{},
			tilde:    true,
		}, cjkParserPriority))
	}
	m.Parser().AddOptions(parser.WithInlineParsers(ps...))
}

// emphasisProcessor turns matched `*`/`_` runs into ast.Emphasis, as
// goldmark's own (unexported) processor does.
type emphasisProcessor struct{}

func (emphasisProcessor) IsDelimiter(b byte) bool { return b == '*' || b == '_' }

func (emphasisProcessor) CanOpenCloser(opener, closer *parser.Delimiter) bool {
	return opener.Char == closer.Char
}

func (emphasisProcessor) OnMatch(consumes int) gast.Node { return gast.NewEmphasis(consumes) }

// strikethroughProcessor turns matched `~` runs into a GFM Strikethrough node.
type strikethroughProcessor struct{}

func (strikethroughProcessor) IsDelimiter(b byte) bool { return b == '~' }

func (strikethroughProcessor) CanOpenCloser(opener, closer *parser.Delimiter) bool {
	return opener.Char == closer.Char
}

func (strikethroughProcessor) OnMatch(int) gast.Node { return extast.NewStrikethrough() }

// cjkDelimiterParser scans a delimiter run and decides, with the CJK-friendly
// flanking rules, whether it can open and/or close; goldmark's delimiter
// algorithm (parser.ProcessDelimiters) then pairs the runs up.
type cjkDelimiterParser struct {
	triggers   []byte
	proc       parser.DelimiterProcessor
	underscore bool // relax the intraword rule for `_` next to CJK
	tilde      bool // GFM strikethrough: runs of one or two only
}

func (p *cjkDelimiterParser) Trigger() []byte { return p.triggers }

func (p *cjkDelimiterParser) Parse(_ gast.Node, block text.Reader, pc parser.Context) gast.Node {
	before := block.PrecendingCharacter()
	line, segment := block.PeekLine()
	if len(line) == 0 || !p.proc.IsDelimiter(line[0]) {
		return nil
	}
	if p.tilde && before == '~' {
		return nil
	}
	c := line[0]
	n := 1
	for n < len(line) && line[n] == c {
		n++
	}
	if p.tilde && n > 2 {
		return nil
	}
	after := rune(' ') // the end of the line counts as whitespace
	if n < len(line) {
		after, _ = utf8.DecodeRune(line[n:])
	}
	canOpen, canClose := flanking(before, precedingBeforeVS(block.Source(), segment.Start, before), after, c == '_', p.underscore)
	d := parser.NewDelimiter(canOpen, canClose, n, c, p.proc)
	d.Segment = segment.WithStop(segment.Start + n)
	block.Advance(n)
	pc.PushDelimiter(d)
	return d
}

// precedingBeforeVS returns the character before a variation selector that
// immediately precedes the run (the "CJK sequence" and "punctuation sequence"
// of the specification are a character plus such a selector), or 0 when
// before is not a general-use variation selector.
func precedingBeforeVS(source []byte, start int, before rune) rune {
	if !isGeneralVS(before) {
		return 0
	}
	i := start - utf8.RuneLen(before)
	if i <= 0 || i > len(source) {
		return 0
	}
	r, _ := utf8.DecodeLastRune(source[:i])
	return r
}

// flanking applies the CJK-friendly definitions of left- and right-flanking
// delimiter runs and then CommonMark's rules 1–8 for `*`, `_` (and `~`, which
// GFM treats like `*`). before is the character just before the run (a line
// start counts as whitespace), vsBase the character before a variation
// selector in that position (or 0), after the character just after the run.
func flanking(before, vsBase, after rune, underscore, relaxUnderscore bool) (canOpen, canClose bool) {
	main := before // the character that classifies the preceding "sequence"
	prevCJK := false
	if vsBase != 0 && !isSpace(vsBase) {
		main = vsBase
		// A CJK ambiguous punctuation sequence: ‘’“” + U+FE01 asks for the
		// full-width form and counts as CJK punctuation.
		if before == 0xfe01 && (vsBase == '‘' || vsBase == '’' || vsBase == '“' || vsBase == '”') {
			prevCJK = true
		}
	}
	prevCJK = prevCJK || isCJK(main) || isIVS(before)

	beforeSpace := isSpace(before)
	afterSpace := isSpace(after)
	beforePunct := isPunct(main)
	afterPunct := isPunct(after)
	nextCJK := isCJK(after)
	beforeNonCJKPunct := beforePunct && !prevCJK
	afterNonCJKPunct := afterPunct && !nextCJK

	left := !afterSpace &&
		(!afterNonCJKPunct || beforeSpace || beforeNonCJKPunct || prevCJK)
	right := !beforeSpace &&
		(!beforeNonCJKPunct || afterSpace || afterNonCJKPunct || nextCJK)

	if !underscore {
		return left, right
	}
	canOpen = left && (!right || beforePunct)
	canClose = right && (!left || afterPunct)
	if relaxUnderscore {
		canOpen = canOpen || (left && prevCJK && !isNonCJKWordChar(after))
		canClose = canClose || (right && nextCJK && !isNonCJKWordChar(main))
	}
	return canOpen, canClose
}

// isNonCJKWordChar reports whether r is a letter or digit of a script that
// separates words with spaces, where `_` inside a word must stay literal.
func isNonCJKWordChar(r rune) bool {
	return (unicode.IsLetter(r) || unicode.IsDigit(r)) && !isCJK(r)
}
