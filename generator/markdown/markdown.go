package markdown

import (
	"bytes"
	"sort"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"

	"github.com/jianghan-district/jianghan/internal/msg"
)

// Options configure a Converter.
type Options struct {
	// Unsafe passes raw HTML in the Markdown through to the page
	// (site.yaml markdown.unsafe). Otherwise raw HTML is omitted, because
	// the site promises not to publish markup an author did not mean to.
	Unsafe bool
}

// Resolver maps a link or image destination written in Markdown to the URL to
// emit, so authors can link by content path and the site can check and
// rewrite every reference. It is called for every relative destination: one
// with no scheme (http:, mailto:, …) that does not start with '#' or '/'.
// The whole destination is passed, "#fragment" included. image is true for
// ![…](…). It returns the new destination, or an error whose message is
// shown to the author; the original destination is then kept.
type Resolver func(dest string, image bool) (string, error)

// Heading is a heading of the body, for tables of contents and deep links.
type Heading struct {
	Level int    // 1–6
	ID    string // the id attribute of the rendered heading, unique in the page
	Text  string // plain text, no markup
	Line  int    // 1-based line in the Markdown source
}

// Section is the body cut at level-2 headings, so a page kind (a case's
// 问题/解决方案) can place and index its parts separately.
type Section struct {
	Heading Heading // zero for the lead (content before the first level-2 heading)
	HTML    string  // the section's HTML without its own h2, a part of Result.HTML
	Text    string  // plain text of the section without its heading (for search), a part of Result.Text
}

// Problem is a link or image that failed to resolve, or another issue in the
// Markdown, positioned so the author can find it: Line and Col are 1-based
// and relative to the Markdown passed to Convert, Col counted in characters.
type Problem struct {
	Line, Col int
	// Err is what the resolver returned, or the renderer's failure; the
	// caller reports it (package diag keeps a catalogue error's key).
	Err error
}

// Result is everything the generator needs from one page body.
type Result struct {
	HTML     string    // the whole body
	Headings []Heading // all headings h2..h6 in order, with their unique ids
	Sections []Section // body split at level-2 headings: Sections[0] is the lead (may be empty)
	Text     string    // plain text of the whole body
	Problems []Problem
	// Refused is set when the body was not converted at all, being too
	// costly to convert (see complexity.go); Problems says why.
	Refused bool
}

// Converter turns page bodies into HTML. It holds one goldmark instance built
// in New, because building one is costly and a build converts thousands of
// pages; all per-page state lives in the parser.Context of each Convert, so
// a Converter is safe for concurrent use by many goroutines.
type Converter struct {
	md goldmark.Markdown
}

// New returns a Converter for the site's Markdown dialect: CommonMark with
// GFM tables, task lists, strikethrough and autolinks, footnotes, no
// typographic replacements (Chinese quotes stay as written), soft line breaks
// that vanish inside Chinese text, CJK-friendly emphasis, heading ids that
// keep Chinese, and link resolution.
func New(opts Options) *Converter {
	var ropts []goldmark.Option
	if opts.Unsafe {
		ropts = append(ropts, goldmark.WithRendererOptions(html.WithUnsafe()))
	}
	md := goldmark.New(append(ropts,
		goldmark.WithExtensions(
			extension.GFM, // tables, task lists, strikethrough, linkify
			extension.Footnote,
			// Soft line breaks between two CJK characters render as
			// nothing (EastAsianLineBreaksSimple); `\ ` renders as nothing.
			extension.NewCJK(
				extension.WithEastAsianLineBreaks(extension.EastAsianLineBreaksSimple),
				extension.WithEscapedSpace(),
			),
			NewCJKSoftBreaks(),
			NewCJKEmphasis(WithCJKStrikethrough(true)),
			NewHeadingIDs(),
			NewLinkResolution(),
		))...)
	return &Converter{md: md}
}

// Convert renders src, a page body without front matter, sending relative
// link and image destinations through resolve (nil leaves them alone).
// It never fails: what an author got wrong is reported in Result.Problems.
// src should be UTF-8 (package load reports a page that is not); any byte
// that is not is read as U+FFFD, since goldmark's CJK handling fails on
// one.
func (c *Converter) Convert(src []byte, resolve Resolver) *Result {
	if !utf8.Valid(src) {
		src = bytes.ToValidUTF8(src, []byte("\uFFFD"))
	}
	if p := tooComplex(src); p != nil {
		return &Result{Problems: []Problem{*p}, Refused: true}
	}
	pc := parser.NewContext(parser.WithIDs(NewIDs()))
	if resolve != nil {
		SetResolver(pc, resolve)
	}
	doc := c.md.Parser().Parse(text.NewReader(src), parser.WithContext(pc))

	res := &Result{Problems: ProblemsOf(pc)}
	var lines lineIndex
	var tw textWriter

	// Headings, everywhere in the tree (a heading in a blockquote is still
	// a link target).
	headings := map[*ast.Heading]Heading{}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if n.Type() == ast.TypeInline {
			return ast.WalkSkipChildren, nil
		}
		h, ok := n.(*ast.Heading)
		if !ok {
			return ast.WalkContinue, nil
		}
		hd := Heading{Level: h.Level}
		if id, ok := h.AttributeString("id"); ok {
			if b, ok := id.([]byte); ok {
				hd.ID = string(b)
			} else if s, ok := id.(string); ok {
				hd.ID = s
			}
		}
		tw.reset(src)
		tw.inlines(h)
		hd.Text = tw.String()
		hd.Line, _ = lines.position(src, nodeOffset(h, src))
		headings[h] = hd
		if h.Level >= 2 {
			res.Headings = append(res.Headings, hd)
		}
		return ast.WalkSkipChildren, nil
	})

	// Render the top-level blocks one by one into a single buffer, noting
	// where each section starts and ends, so the whole body and each
	// section come from one rendering pass. Top-level blocks render the
	// same alone as inside the document.
	var buf bytes.Buffer
	buf.Grow(len(src) + len(src)/2 + 64)
	w := bufWriter{&buf}
	r := c.md.Renderer()
	type span struct {
		first, stop ast.Node // nodes of the section
		start, end  int      // its HTML in buf
		heading     *ast.Heading
	}
	spans := []span{{first: doc.FirstChild()}}
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		h, isH2 := n.(*ast.Heading)
		if isH2 && h.Level == 2 {
			cur := &spans[len(spans)-1]
			cur.stop, cur.end = n, buf.Len()
			spans = append(spans, span{heading: h})
		}
		if err := r.Render(w, src, n); err != nil {
			line, col := lines.position(src, nodeOffset(n, src))
			res.Problems = append(res.Problems, Problem{Line: line, Col: col, Err: msg.Errorf(msg.CannotRender, err)})
		}
		if isH2 && h.Level == 2 {
			cur := &spans[len(spans)-1]
			cur.first, cur.start = n.NextSibling(), buf.Len()
		}
	}
	spans[len(spans)-1].end = buf.Len()
	// A site keeps every page's HTML and text in memory for the whole
	// build; sections are parts of those strings, not copies.
	res.HTML = buf.String()

	var all []byte
	texts := make([][2]int, len(spans))
	res.Sections = make([]Section, len(spans))
	for i, s := range spans {
		sec := Section{HTML: res.HTML[s.start:s.end]}
		if s.heading != nil {
			sec.Heading = headings[s.heading]
			all = appendLine(all, sec.Heading.Text)
		}
		text := plainText(&tw, src, s.first, s.stop)
		all = appendLine(all, text)
		texts[i] = [2]int{len(all) - len(text), len(all)}
		res.Sections[i] = sec
	}
	res.Text = string(all)
	for i, t := range texts {
		res.Sections[i].Text = res.Text[t[0]:t[1]]
	}

	sort.SliceStable(res.Problems, func(i, j int) bool {
		a, b := res.Problems[i], res.Problems[j]
		return a.Line < b.Line || a.Line == b.Line && a.Col < b.Col
	})
	return res
}

// appendLine appends s to b as a new line; empty strings add nothing.
func appendLine[S string | []byte](b []byte, s S) []byte {
	if len(s) == 0 {
		return b
	}
	if len(b) > 0 {
		b = append(b, '\n')
	}
	return append(b, s...)
}

// bufWriter lets goldmark's renderer write straight into a bytes.Buffer
// (it would otherwise wrap it in a bufio.Writer and copy every byte twice).
type bufWriter struct{ *bytes.Buffer }

func (bufWriter) Available() int { return 1 << 30 }
func (bufWriter) Buffered() int  { return 0 }
func (bufWriter) Flush() error   { return nil }

// lineIndex converts byte offsets in a source to 1-based line and column
// (in runes). It scans the source for line starts once, on first use.
type lineIndex struct {
	starts []int
}

func (li *lineIndex) position(src []byte, off int) (line, col int) {
	if li.starts == nil {
		li.starts = append(make([]int, 0, 64), 0)
		for i, c := range src {
			if c == '\n' {
				li.starts = append(li.starts, i+1)
			}
		}
	}
	off = min(max(off, 0), len(src))
	i := sort.SearchInts(li.starts, off+1) - 1 // last start <= off
	return i + 1, utf8.RuneCount(src[li.starts[i]:off]) + 1
}
