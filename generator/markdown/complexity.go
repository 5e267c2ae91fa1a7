package markdown

import (
	"bytes"

	"github.com/jianghan-district/jianghan/internal/msg"
)

// Markdown parsers do far more work than a text's length on some shapes of
// it (CommonMark's own spec notes several), and goldmark is no exception:
// 16 KB of `>` (a quote in a quote, 16,000 deep) takes seconds; so does
// 16 KB of `[a](`, links never closed, each looked for to the end of its
// paragraph; and each mark the inline parser has to weigh (* _ ~ [ < `,
// an autolink) costs it up to 7 µs, so that 2 MB of them take seconds
// even where the cost is linear. No author writes such text; an attacker
// or a broken export can. So before a page is converted, one linear pass
// measures those shapes, and a page beyond any limit is refused with a
// Problem where it is worst, and not converted. With the limits below and
// the page size limit (load.MaxPageSize, 2 MB), no page takes more than
// about a second; bench/badinputs measures it.

const (
	// MaxNesting is how deep blocks may nest on one line: a quote in a
	// list in a quote… Handbooks nest three or four deep.
	MaxNesting = 32
	// MaxUnclosedWork bounds, summed over the paragraphs of a page, the
	// paragraph's length in bytes times its brackets and link
	// destinations that are never closed. Written text has none.
	MaxUnclosedWork = 30_000_000
	// MaxMarks bounds the marks of a page that the inline parser weighs:
	// * _ ~ [ < ` and autolinks (www., ://). A long chapter has a few
	// thousand.
	MaxMarks = 100_000
)

// tooComplex returns the problem of a page that is too costly to convert,
// or nil.
func tooComplex(src []byte) *Problem {
	var marks, work, worstWork, worstLine, worstOpen int
	var p paragraph
	line := 0
	fence := byte(0) // the fence character while inside a fenced code block
	end := func() {
		w := p.len * p.unclosed()
		work += w
		if w > worstWork {
			worstWork, worstLine, worstOpen = w, p.start, p.unclosed()
		}
		p = paragraph{}
	}
	for len(src) > 0 {
		line++
		l := src
		if i := bytes.IndexByte(src, '\n'); i >= 0 {
			l, src = src[:i], src[i+1:]
		} else {
			src = nil
		}
		depth, marker, rest := containers(l)
		if depth > MaxNesting {
			return &Problem{Line: line, Col: 1, Err: msg.Errorf(msg.MarkdownNesting, MaxNesting)}
		}
		if f := fenceChar(rest); f != 0 && (fence == 0 || f == fence) {
			end()
			if fence == 0 {
				fence = f
			} else {
				fence = 0
			}
			continue
		}
		if fence != 0 {
			continue // code: read as it is
		}
		// A paragraph ends at a blank line, a heading, a table row, and a
		// list item that can interrupt it: a bullet, "1.", or any number
		// in a list. Where unsure the paragraph runs on, which counts
		// more work, never less.
		blank := len(bytes.TrimSpace(rest)) == 0
		row := bytes.IndexByte(rest, '|') >= 0
		item := marker == '-' || marker == '1' || (marker == '2' && p.item)
		if blank || row || item || (len(rest) > 0 && rest[0] == '#') || p.len == 0 {
			end()
			p.start, p.item = line, marker != 0
		}
		if blank {
			continue
		}
		p.len += len(l) + 1
		marks += p.scan(rest)
		if row { // a table row: its cells are parsed one by one
			end()
		}
	}
	end()
	switch {
	case marks > MaxMarks:
		return &Problem{Line: 1, Col: 1, Err: msg.Errorf(msg.MarkdownMarks, marks, MaxMarks)}
	case work > MaxUnclosedWork:
		return &Problem{Line: worstLine, Col: 1, Err: msg.Errorf(msg.MarkdownTooComplex, worstOpen)}
	}
	return nil
}

// paragraph is what tooComplex keeps of the paragraph it is in.
type paragraph struct {
	start, len int
	item       bool // it is a list item's
	// brackets are the [ not closed yet; dests the link destinations, ](,
	// not closed yet, and parens the ( opened inside them.
	brackets, dests, parens int
}

// unclosed is how many brackets and link destinations are open.
func (p *paragraph) unclosed() int { return p.brackets + p.dests }

// scan follows one line of the paragraph and returns its marks.
func (p *paragraph) scan(l []byte) int {
	marks := 0
	for i := 0; i < len(l); i++ {
		switch b := l[i]; b {
		case '\\':
			i++ // an escaped character is text
		case '[':
			marks++
			p.brackets++
		case ']':
			if p.brackets == 0 {
				break // text: nothing to close
			}
			p.brackets--
			if i+1 < len(l) && l[i+1] == '(' {
				p.dests++
				i++
			}
		case '(':
			if p.dests > 0 {
				p.parens++
			}
		case ')':
			switch {
			case p.parens > 0:
				p.parens--
			case p.dests > 0:
				p.dests--
			}
		case '*', '_', '~', '<', '`':
			marks++
		case '.', ':': // www. and :// start autolinks, which cost as much
			if bytes.HasSuffix(l[:i], []byte("www")) || bytes.HasPrefix(l[i:], []byte("://")) {
				marks++
			}
		}
	}
	return marks
}

// containers counts the quote and list markers that open a line, and
// returns the rest of it; deep indentation counts as nesting too. marker
// is the last list marker: '-' for a bullet, '1' for "1." or "1)", '2' for
// another number, 0 for none.
func containers(l []byte) (depth int, marker byte, rest []byte) {
	indent := 0
	for {
		i := 0
		for i < len(l) && (l[i] == ' ' || l[i] == '\t') {
			i++
		}
		indent += i
		l = l[i:]
		switch n := orderedMarker(l); {
		case len(l) > 0 && l[0] == '>':
			l = l[1:]
		case len(l) > 1 && (l[0] == '-' || l[0] == '*' || l[0] == '+') && (l[1] == ' ' || l[1] == '\t'):
			l, marker = l[2:], '-'
		case n > 0:
			marker = '2'
			if n == 3 && l[0] == '1' {
				marker = '1'
			}
			l = l[n:]
		default:
			return depth + indent/4, marker, l
		}
		depth++
	}
}

// orderedMarker is the length of an ordered list marker ("12. ") at the
// start of l, or 0.
func orderedMarker(l []byte) int {
	i := 0
	for i < len(l) && i < 9 && l[i] >= '0' && l[i] <= '9' {
		i++
	}
	if i == 0 || i+1 >= len(l) || (l[i] != '.' && l[i] != ')') || (l[i+1] != ' ' && l[i+1] != '\t') {
		return 0
	}
	return i + 2
}

// fenceChar is ` or ~ when l opens or closes a fenced code block.
func fenceChar(l []byte) byte {
	if len(l) >= 3 && (l[0] == '`' || l[0] == '~') && l[1] == l[0] && l[2] == l[0] {
		return l[0]
	}
	return 0
}
