package markdown

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Authors link pages and bundle files by their path in the content tree
// ([电梯案例](lift.md), ![照片](photo.jpg)); the site serves them at other
// URLs, and a typo must be reported, not published. The LinkResolution
// extension hands every relative destination to a Resolver supplied for one
// conversion and records the ones it rejects as Problems at the position of
// the link in the source.

// linkStateKey holds the *linkState of one conversion in its parser.Context,
// so one goldmark.Markdown serves many goroutines at once.
var linkStateKey = parser.NewContextKey()

type linkState struct {
	resolve  Resolver
	problems []Problem
}

// SetResolver makes the LinkResolution extension send the relative link and
// image destinations of the document parsed with pc through resolve. A nil
// resolve leaves destinations alone. Problems are read back with ProblemsOf.
func SetResolver(pc parser.Context, resolve Resolver) {
	pc.Set(linkStateKey, &linkState{resolve: resolve})
}

// ProblemsOf returns the destinations the resolver rejected while parsing
// with pc, in document order, positioned in the parsed source.
func ProblemsOf(pc parser.Context) []Problem {
	if st, ok := pc.Get(linkStateKey).(*linkState); ok {
		return st.problems
	}
	return nil
}

// A LinkResolutionOption configures the LinkResolution extension.
type LinkResolutionOption func(*linkResolution)

// WithLocalDestination replaces the test for which destinations go to the
// resolver. The default, IsLocalDestination, sends everything that is neither
// external (has a scheme), nor a fragment, nor an absolute path.
func WithLocalDestination(local func(dest []byte) bool) LinkResolutionOption {
	return func(e *linkResolution) { e.local = local }
}

type linkResolution struct {
	local func(dest []byte) bool
}

// LinkResolution is the link resolution extension with its defaults.
var LinkResolution = NewLinkResolution()

// NewLinkResolution returns the extension that rewrites relative link and
// image destinations through the Resolver set with SetResolver.
func NewLinkResolution(opts ...LinkResolutionOption) goldmark.Extender {
	e := &linkResolution{local: IsLocalDestination}
	for _, o := range opts {
		o(e)
	}
	return e
}

// Extend implements goldmark.Extender.
func (e *linkResolution) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(
		util.Prioritized(&linkTransformer{local: e.local}, 500),
	))
}

// IsLocalDestination reports whether dest points into the content tree and so
// needs resolving: it is not empty and does not start with '#', '/' (which
// covers "//host") or a URI scheme such as "https:" or "mailto:".
func IsLocalDestination(dest []byte) bool {
	if len(dest) == 0 || dest[0] == '#' || dest[0] == '/' {
		return false
	}
	return !hasScheme(dest)
}

// hasScheme reports whether dest starts with an RFC 3986 scheme and ':'.
func hasScheme(dest []byte) bool {
	c := dest[0]
	if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') {
		return false
	}
	for _, c := range dest[1:] {
		switch {
		case c == ':':
			return true
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', c == '+', c == '-', c == '.':
		default:
			return false
		}
	}
	return false
}

type linkTransformer struct {
	local func(dest []byte) bool
}

// Transform implements parser.ASTTransformer.
func (t *linkTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	st, _ := pc.Get(linkStateKey).(*linkState)
	if st == nil || st.resolve == nil {
		return
	}
	src := reader.Source()
	var lines lineIndex
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		var dest *[]byte
		image := false
		switch v := n.(type) {
		case *ast.Link:
			dest = &v.Destination
		case *ast.Image:
			dest, image = &v.Destination, true
		default:
			return ast.WalkContinue, nil
		}
		if !t.local(*dest) {
			return ast.WalkContinue, nil
		}
		out, err := st.resolve(string(*dest), image)
		if err != nil {
			line, col := lines.position(src, nodeOffset(n, src))
			st.problems = append(st.problems, Problem{Line: line, Col: col, Err: err})
			return ast.WalkContinue, nil
		}
		*dest = []byte(out)
		return ast.WalkContinue, nil
	})
}

// nodeOffset returns the byte offset in src where n starts: goldmark records
// it for links and images (the '[' or '!'), and for blocks; otherwise the
// first text inside n is used, and failing that 0.
func nodeOffset(n ast.Node, src []byte) int {
	if p := n.Pos(); p >= 0 && p <= len(src) {
		return p
	}
	for c := n; c != nil; c = c.FirstChild() {
		if t, ok := c.(*ast.Text); ok {
			return t.Segment.Start
		}
		if c.Type() == ast.TypeBlock && c.Lines().Len() > 0 {
			return c.Lines().At(0).Start
		}
	}
	return 0
}
