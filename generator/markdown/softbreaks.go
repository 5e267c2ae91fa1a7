package markdown

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Trainers hard-wrap Chinese paragraphs. A browser turns each soft line break
// into a space, which in Chinese shows as a stray gap mid-sentence. goldmark's
// extension.CJK removes a break only when the characters on both sides are
// plain Text siblings, and in v1.8.7 it has two gaps this extension closes:
//
//   - A break right before an inline element (code span, link, emphasis) is
//     dropped entirely, in every language, so "run\n`go`" renders as
//     "run<code>go</code>" (yuin/goldmark#582, fix pending in #587).
//   - Its Simple style keeps the break after full-width punctuation such as
//     ，：, the most common place to wrap a Chinese line; its CSS3Draft style
//     removes that one but also the one in "hello,\nworld".
//
// The extension decides every soft line break itself, from the characters on
// either side even across inline elements: a break it removes is cleared on
// the AST, and a break it keeps is made to survive goldmark's renderer.

// A CJKSoftBreaksOption configures the CJKSoftBreaks extension.
type CJKSoftBreaksOption func(*cjkSoftBreaks)

// WithPunctuationJoin controls whether a line break next to CJK punctuation
// (，。：「」…) disappears even when the other side is Latin text, as in
// "中文，\nEnglish". On by default, because the punctuation already carries
// its own spacing.
func WithPunctuationJoin(on bool) CJKSoftBreaksOption {
	return func(e *cjkSoftBreaks) { e.punctJoin = on }
}

type cjkSoftBreaks struct {
	punctJoin bool
}

// CJKSoftBreaks is the soft-line-break extension with its defaults. Use it
// together with goldmark's extension.CJK, whose renderer option it complements.
var CJKSoftBreaks = NewCJKSoftBreaks()

// NewCJKSoftBreaks returns the soft-line-break extension configured by opts,
// so hard-wrapped Chinese reads as one unbroken line.
func NewCJKSoftBreaks(opts ...CJKSoftBreaksOption) goldmark.Extender {
	e := &cjkSoftBreaks{punctJoin: true}
	for _, o := range opts {
		o(e)
	}
	return e
}

// Extend implements goldmark.Extender.
func (e *cjkSoftBreaks) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(
		util.Prioritized(&softBreakTransformer{punctJoin: e.punctJoin}, 2000),
	))
}

type softBreakTransformer struct {
	punctJoin bool
}

// Transform implements parser.ASTTransformer.
func (t *softBreakTransformer) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	src := reader.Source()
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.Kind() {
		case ast.KindCodeSpan, ast.KindRawHTML, ast.KindAutoLink:
			return ast.WalkSkipChildren, nil
		case ast.KindText:
		default:
			return ast.WalkContinue, nil
		}
		tn := n.(*ast.Text)
		if !tn.SoftLineBreak() || tn.HardLineBreak() {
			return ast.WalkContinue, nil
		}
		next := tn.NextSibling()
		if next == nil {
			return ast.WalkContinue, nil
		}
		value := tn.Value(src)
		var before rune
		var ok bool
		if len(value) > 0 {
			before, ok = lastRune(value), true
		} else {
			before, ok = lastRuneOf(tn.PreviousSibling(), src)
		}
		after, okAfter := firstRuneOf(next, src)
		if ok && okAfter && joinsLines(before, after, t.punctJoin) {
			tn.SetSoftLineBreak(false)
			return ast.WalkContinue, nil
		}
		if len(value) > 0 && next.Kind() != ast.KindText {
			// goldmark#582: the renderer writes nothing for a soft break
			// before a non-Text sibling, but it always writes one for an
			// empty Text. Move the break onto an empty Text.
			tn.SetSoftLineBreak(false)
			br := ast.NewTextSegment(text.NewSegment(tn.Segment.Stop, tn.Segment.Stop))
			br.SetSoftLineBreak(true)
			tn.Parent().InsertAfter(tn.Parent(), tn, br)
		}
		return ast.WalkContinue, nil
	})
}

// firstRuneOf returns the first character a reader sees in n and, if n has
// none of its own (it is an empty Text), in its following siblings. Images,
// raw HTML and other nodes without readable text yield ok == false.
func firstRuneOf(n ast.Node, src []byte) (r rune, ok bool) {
	for ; n != nil; n = n.NextSibling() {
		switch v := n.(type) {
		case *ast.Text:
			if b := v.Value(src); len(b) > 0 {
				return firstRune(b), true
			}
			if v.SoftLineBreak() || v.HardLineBreak() {
				return 0, false
			}
			continue
		case *ast.String:
			if len(v.Value) > 0 {
				return firstRune(v.Value), true
			}
			continue
		case *ast.AutoLink:
			return firstRune(v.Label(src)), true
		case *ast.Image, *ast.RawHTML:
			return 0, false
		}
		if n.Type() != ast.TypeInline || n.FirstChild() == nil {
			return 0, false
		}
		return firstRuneOf(n.FirstChild(), src)
	}
	return 0, false
}

// lastRuneOf is firstRuneOf from the other end: the last readable character
// of n or of its preceding siblings.
func lastRuneOf(n ast.Node, src []byte) (r rune, ok bool) {
	for ; n != nil; n = n.PreviousSibling() {
		switch v := n.(type) {
		case *ast.Text:
			if v.SoftLineBreak() || v.HardLineBreak() {
				return 0, false
			}
			if b := v.Value(src); len(b) > 0 {
				return lastRune(b), true
			}
			continue
		case *ast.String:
			if len(v.Value) > 0 {
				return lastRune(v.Value), true
			}
			continue
		case *ast.AutoLink:
			return lastRune(v.Label(src)), true
		case *ast.Image, *ast.RawHTML:
			return 0, false
		}
		if n.Type() != ast.TypeInline || n.LastChild() == nil {
			return 0, false
		}
		return lastRuneOf(n.LastChild(), src)
	}
	return 0, false
}
