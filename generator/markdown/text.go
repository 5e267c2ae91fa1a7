package markdown

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/util"
)

// textWriter extracts the plain text a reader sees from an AST: no markup,
// entities and backslash escapes resolved, one line per block, soft line
// breaks as a space except where they join CJK text. It feeds the search
// index, summaries and heading ids. The zero value is ready after reset.
type textWriter struct {
	src     []byte
	buf     []byte
	pending bool // a soft line break waits for the next character
}

func (w *textWriter) reset(src []byte) {
	w.src = src
	w.buf = w.buf[:0]
	w.pending = false
}

func (w *textWriter) bytes() []byte { return w.buf }

func (w *textWriter) String() string { return string(w.buf) }

func (w *textWriter) write(b []byte) {
	if len(b) == 0 {
		return
	}
	if w.pending {
		w.pending = false
		if len(w.buf) > 0 && w.buf[len(w.buf)-1] != '\n' && !joinsLines(lastRune(w.buf), firstRune(b), true) {
			w.buf = append(w.buf, ' ')
		}
	}
	w.buf = append(w.buf, b...)
}

// newBlock starts a new line unless the text is empty or already ends one.
func (w *textWriter) newBlock() {
	w.pending = false
	if len(w.buf) > 0 && w.buf[len(w.buf)-1] != '\n' {
		w.buf = append(w.buf, '\n')
	}
}

// blocks writes the text of n and its following siblings.
func (w *textWriter) blocks(n ast.Node) {
	for ; n != nil; n = n.NextSibling() {
		w.block(n)
	}
}

func (w *textWriter) block(n ast.Node) {
	switch n.Kind() {
	case ast.KindParagraph, ast.KindTextBlock, ast.KindHeading:
		w.newBlock()
		w.inlines(n)
	case ast.KindCodeBlock, ast.KindFencedCodeBlock:
		w.newBlock()
		lines := n.Lines()
		for i := 0; i < lines.Len(); i++ {
			seg := lines.At(i)
			w.write(seg.Value(w.src))
		}
		w.buf = bytes.TrimRight(w.buf, "\n")
	case ast.KindHTMLBlock, ast.KindThematicBreak:
		// raw HTML and rules carry no text
	case extast.KindTable:
		for row := n.FirstChild(); row != nil; row = row.NextSibling() {
			w.newBlock()
			for cell := row.FirstChild(); cell != nil; cell = cell.NextSibling() {
				if cell != row.FirstChild() {
					w.write(space)
				}
				w.inlines(cell)
			}
		}
	default:
		if c := n.FirstChild(); c != nil && c.Type() == ast.TypeInline {
			w.newBlock()
			w.inlines(n)
			return
		}
		w.blocks(n.FirstChild())
	}
}

// inlines writes the text of the inline children of n.
func (w *textWriter) inlines(n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		w.inline(c)
	}
}

func (w *textWriter) inline(n ast.Node) {
	switch v := n.(type) {
	case *ast.Text:
		b := v.Value(w.src)
		if !v.IsRaw() && bytes.ContainsAny(b, `\&`) {
			b = util.UnescapePunctuations(b)
			b = util.ResolveNumericReferences(b)
			b = util.ResolveEntityNames(b)
		}
		w.write(b)
		if v.HardLineBreak() {
			w.pending = false
			w.buf = append(w.buf, '\n')
		} else if v.SoftLineBreak() {
			w.pending = true
		}
	case *ast.String:
		w.write(v.Value)
	case *ast.CodeSpan:
		for c := v.FirstChild(); c != nil; c = c.NextSibling() {
			t, ok := c.(*ast.Text)
			if !ok {
				continue
			}
			b := t.Value(w.src)
			if len(b) > 0 && b[len(b)-1] == '\n' {
				w.write(b[:len(b)-1])
				w.write(space)
			} else {
				w.write(b)
			}
		}
	case *ast.AutoLink:
		w.write(v.Label(w.src))
	case *ast.RawHTML, *extast.FootnoteLink, *extast.FootnoteBacklink, *extast.TaskCheckBox:
		// markup, not text
	default:
		w.inlines(n)
	}
}

// space separates table cells and ends code span lines in plain text.
var space = []byte{' '}

// plainText returns the text of the nodes from first up to (not including)
// stop, one line per block, in tw's buffer: valid until tw is reset.
func plainText(tw *textWriter, src []byte, first, stop ast.Node) []byte {
	tw.reset(src)
	for n := first; n != nil && n != stop; n = n.NextSibling() {
		tw.block(n)
	}
	return bytes.TrimRight(tw.bytes(), "\n ")
}
