package markdown

import (
	"strconv"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// goldmark's built-in heading ids keep only ASCII letters and digits, so every
// Chinese heading becomes "heading", "heading-1", … and links to #问题 break.
// IDs keeps the Chinese, and the HeadingIDs extension feeds it the heading as
// a reader sees it (without Markdown markup or link destinations) rather than
// the raw source line goldmark would pass.

// IDs is a parser.IDs that makes heading anchors readable in Chinese:
// letters and digits of every script are kept, ASCII and full-width Latin
// letters are lowercased (full-width ones folded to ASCII), runs of spaces and
// hyphens become one '-', and punctuation and symbols (ASCII or full-width,
// like ：，。「」) are dropped. "解决方案 Solution 2" → "解决方案-solution-2".
// Ids are unique within one IDs: a repeat gets "-1", "-2", ….
// An IDs belongs to one document; it is not safe for concurrent use.
type IDs struct {
	used map[string]struct{}
	last map[string]int // last numeric suffix handed out per base id
	buf  []byte
}

// NewIDs returns an empty id set for one document. Pass it to
// parser.NewContext(parser.WithIDs(...)) so every heading in that document
// draws from the same set.
func NewIDs() *IDs {
	return &IDs{used: map[string]struct{}{}, last: map[string]int{}}
}

var _ parser.IDs = (*IDs)(nil)

// Generate implements parser.IDs: it returns a new unique id made from value
// (the heading text). A value with no letters or digits yields "heading" for
// headings and "id" for other kinds.
func (s *IDs) Generate(value []byte, kind ast.NodeKind) []byte {
	s.buf = appendSlug(s.buf[:0], value)
	if len(s.buf) == 0 {
		if kind == ast.KindHeading {
			s.buf = append(s.buf, "heading"...)
		} else {
			s.buf = append(s.buf, "id"...)
		}
	}
	if _, taken := s.used[string(s.buf)]; !taken {
		id := string(s.buf)
		s.used[id] = struct{}{}
		return []byte(id)
	}
	base := string(s.buf)
	for i := s.last[base] + 1; ; i++ {
		id := base + "-" + strconv.Itoa(i)
		if _, taken := s.used[id]; !taken {
			s.used[id] = struct{}{}
			s.last[base] = i
			return []byte(id)
		}
	}
}

// Put implements parser.IDs: it reserves an id given explicitly in the
// document so generated ones do not collide with it.
func (s *IDs) Put(value []byte) {
	s.used[string(value)] = struct{}{}
}

// Slug returns the id IDs would derive from text before making it unique, so
// other packages (a table of contents, a link checker resolving "#问题") can
// predict heading anchors.
func Slug(text string) string {
	return string(appendSlug(nil, []byte(text)))
}

func appendSlug(dst, value []byte) []byte {
	start := len(dst)
	dash := false
	for i := 0; i < len(value); {
		r, size := utf8.DecodeRune(value[i:])
		i += size
		switch {
		case r < utf8.RuneSelf:
			c := byte(r)
			switch {
			case 'a' <= c && c <= 'z', '0' <= c && c <= '9', c == '_':
			case 'A' <= c && c <= 'Z':
				c += 'a' - 'A'
			case c == '-' || util.IsSpace(c):
				dash = true
				continue
			default: // ASCII punctuation
				continue
			}
			if dash && len(dst) > start {
				dst = append(dst, '-')
			}
			dash = false
			dst = append(dst, c)
			continue
		case r >= 0xff01 && r <= 0xff5e && isFullwidthAlnum(r):
			r = unicode.ToLower(r - 0xff01 + '!') // full-width Ａ１ → a1
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.M, r):
			r = unicode.ToLower(r)
		case unicode.IsSpace(r):
			dash = true
			continue
		default: // punctuation, symbols, emoji, control characters
			continue
		}
		if dash && len(dst) > start {
			dst = append(dst, '-')
		}
		dash = false
		dst = utf8.AppendRune(dst, r)
	}
	return dst
}

func isFullwidthAlnum(r rune) bool {
	return (r >= '０' && r <= '９') || (r >= 'Ａ' && r <= 'Ｚ') || (r >= 'ａ' && r <= 'ｚ')
}

// A HeadingIDsOption configures the HeadingIDs extension.
type HeadingIDsOption func(*headingIDs)

// WithHeadingIDLevels limits automatic ids to headings of levels lo..hi;
// others get none. The default is every level, 1 to 6.
func WithHeadingIDLevels(lo, hi int) HeadingIDsOption {
	return func(e *headingIDs) { e.min, e.max = lo, hi }
}

type headingIDs struct {
	min, max int
}

// HeadingIDs is the heading id extension with its defaults.
var HeadingIDs = NewHeadingIDs()

// NewHeadingIDs returns an extension that gives headings an id made from
// their visible text by the parser context's parser.IDs — an *IDs when the
// context is made with parser.WithIDs(NewIDs()), which is what keeps Chinese
// in the anchors. Use it instead of parser.WithAutoHeadingID, which works
// from the raw source line (markup and link destinations included).
// Headings that already carry an id (from an attribute) keep it.
func NewHeadingIDs(opts ...HeadingIDsOption) goldmark.Extender {
	e := &headingIDs{min: 1, max: 6}
	for _, o := range opts {
		o(e)
	}
	return e
}

// Extend implements goldmark.Extender.
func (e *headingIDs) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(
		util.Prioritized(&headingIDTransformer{min: e.min, max: e.max}, 1500),
	))
}

type headingIDTransformer struct {
	min, max int
}

var attrID = []byte("id")

// Transform implements parser.ASTTransformer.
func (t *headingIDTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	src := reader.Source()
	ids := pc.IDs()
	var tw textWriter
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		h, ok := n.(*ast.Heading)
		if !ok {
			if n.Type() == ast.TypeInline {
				return ast.WalkSkipChildren, nil
			}
			return ast.WalkContinue, nil
		}
		if h.Level < t.min || h.Level > t.max {
			return ast.WalkSkipChildren, nil
		}
		if _, has := h.Attribute(attrID); has {
			return ast.WalkSkipChildren, nil
		}
		tw.reset(src)
		tw.inlines(h)
		h.SetAttribute(attrID, ids.Generate(tw.bytes(), ast.KindHeading))
		return ast.WalkSkipChildren, nil
	})
}
