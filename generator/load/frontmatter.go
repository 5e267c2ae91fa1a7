package load

import (
	"bytes"
	"errors"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
	"github.com/adrg/frontmatter"
	"gopkg.in/yaml.v3"

	"github.com/jianghan-district/jianghan/internal/msg"
)

// value is one front matter value with the place it was written, so that
// every later check can point the author at the exact line and column.
type value struct {
	Line, Col int
	Scalar    string  // for scalars
	IsScalar  bool    // true for strings, numbers, dates, booleans
	Tag       string  // YAML tag of a scalar (!!str, !!int, !!bool…), or a TOML type name
	List      []value // for sequences
	IsList    bool
	Map       []field // for mappings, in source order
	IsMap     bool
}

// field is a key of a mapping and its value.
type field struct {
	Key       string
	Line, Col int // where the key stands
	Value     value
}

// frontMatter is the decoded block: top-level keys in source order.
type frontMatter struct {
	Fields []field
	// Line is the file line of the opening delimiter.
	Line int
}

// syntaxError is a front matter problem at a file position, worded by the
// catalogue.
type syntaxError struct {
	Line, Col int
	Key       msg.Key
	Args      []any
}

func (e *syntaxError) Error() string { return msg.T(e.Key, e.Args...) }

var utf8BOM = []byte("\xEF\xBB\xBF")

// splitFrontMatter separates the front matter from the body with
// adrg/frontmatter, and returns the decoded block, the body and the file line
// on which the body starts. It handles what the library passes over in
// silence: a UTF-8 byte order mark (stripped, so the block is still found),
// a block that is opened but never closed, and a file with no block at all.
func splitFrontMatter(src []byte) (*frontMatter, []byte, int, error) {
	src = bytes.TrimPrefix(src, utf8BOM)
	var raw []byte
	var format string
	capture := func(name string) frontmatter.UnmarshalFunc {
		return func(data []byte, _ any) error {
			raw, format = data, name
			return nil
		}
	}
	body, err := frontmatter.Parse(bytes.NewReader(src), nil,
		frontmatter.NewFormat("---", "---", capture("yaml")),
		frontmatter.NewFormat("+++", "+++", capture("toml")),
	)
	if err != nil {
		return nil, nil, 0, &syntaxError{Line: 1, Col: 1, Key: msg.CannotRead, Args: []any{err}}
	}
	openLine, opener := firstLine(src)
	if format == "" {
		if opener == "---" || opener == "+++" {
			return nil, nil, 0, &syntaxError{Line: openLine, Col: 1, Key: msg.FMUnclosed, Args: []any{opener, opener}}
		}
		return nil, nil, 0, &syntaxError{Line: 1, Col: 1, Key: msg.FMMissing}
	}
	bodyStart := len(src) - len(body)
	bodyLine := 1 + bytes.Count(src[:bodyStart], []byte("\n"))
	fm := &frontMatter{Line: openLine}
	offset := openLine // data starts on the line after the opener
	switch format {
	case "yaml":
		err = decodeYAML(raw, offset, fm, "front matter")
	case "toml":
		err = decodeTOML(raw, offset, fm)
	}
	if err != nil {
		return nil, nil, 0, err
	}
	// The body as a part of src rather than the library's copy, which has
	// room to spare and would be kept for the whole build.
	return fm, src[bodyStart:], bodyLine, nil
}

// firstLine returns the first non-blank line and its 1-based number, as the
// front matter library detects the opener.
func firstLine(src []byte) (int, string) {
	line := 1
	for len(src) > 0 {
		i := bytes.IndexByte(src, '\n')
		var l []byte
		if i < 0 {
			l, src = src, nil
		} else {
			l, src = src[:i], src[i+1:]
		}
		if t := strings.TrimSpace(string(l)); t != "" {
			return line, t
		}
		line++
	}
	return 0, ""
}

var yamlLineRE = regexp.MustCompile(`^yaml: (?:line (\d+): )?(.*)$`)

// yamlParserProblems are the problems yaml.v3's parser (as opposed to its
// scanner) reports; it gives their line counted from 0.
var yamlParserProblems = map[string]bool{
	"did not find expected <stream-start>":   true,
	"did not find expected <document start>": true,
	"found undefined tag handle":             true,
	"did not find expected node content":     true,
	"did not find expected '-' indicator":    true,
	"did not find expected key":              true,
	"did not find expected ',' or ']'":       true,
	"did not find expected ',' or '}'":       true,
	"found duplicate %YAML directive":        true,
	"found incompatible YAML document":       true,
	"found duplicate %TAG directive":         true,
}

// yamlHints tell the cure for the YAML mistakes authors make most.
var yamlHints = map[string]msg.Key{
	"did not find expected ',' or ']'":                msg.YAMLHintList,
	"did not find expected ',' or '}'":                msg.YAMLHintGroup,
	"found a tab character that violates indentation": msg.YAMLHintTab,
	"found character that cannot start any token":     msg.YAMLHintToken,
	"mapping values are not allowed in this context":  msg.YAMLHintColon,
	"did not find expected key":                       msg.YAMLHintIndent,
	"found unexpected end of stream":                  msg.YAMLHintQuote,
	"could not find expected ':'":                     msg.YAMLHintLine,
}

// decodeYAML decodes raw, which starts offset lines into its file, into fm;
// what names the text in messages ("front matter", "site.yaml").
func decodeYAML(raw []byte, offset int, fm *frontMatter, what string) (err error) {
	var doc yaml.Node
	defer func() {
		// The YAML library is third-party code fed untrusted text: should
		// it fail inside, the file gets an error, not the process.
		if p := recover(); p != nil {
			err = &syntaxError{Line: offset + 1, Col: 1, Key: msg.ReadPanic, Args: []any{p}}
		}
	}()
	if err := yaml.Unmarshal(raw, &doc); err != nil {
		said := err.Error()
		line := 1
		var te *yaml.TypeError
		if errors.As(err, &te) && len(te.Errors) > 0 {
			said = te.Errors[0]
		}
		if m := yamlLineRE.FindStringSubmatch(said); m != nil {
			said = m[2]
			if m[1] != "" {
				line, _ = strconv.Atoi(m[1])
				// yaml.v3 numbers lines from 0 in the errors of its
				// parser and from 1 in those of its scanner.
				if yamlParserProblems[said] {
					line++
				}
			}
		}
		hint, ok := yamlHints[said]
		if !ok {
			hint = msg.YAMLHintOther
		}
		return &syntaxError{Line: offset + line, Col: 1, Key: msg.YAMLInvalid, Args: []any{what, msg.T(hint), said}}
	}
	if len(doc.Content) == 0 {
		return nil
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return &syntaxError{Line: offset + root.Line, Col: root.Column, Key: msg.YAMLNotMap, Args: []any{what}}
	}
	y := yamlReader{offset: offset, open: map[*yaml.Node]bool{}}
	v := y.value(root)
	if y.err != nil {
		return y.err
	}
	fm.Fields = v.Map
	return nil
}

// maxAliasValues is how many values the aliases (*name) of one file may
// expand to. Aliases save an author retyping a list; a few hundred values
// is a long vocabulary, and nine nested aliases of nine ("billion laughs")
// would otherwise make a billion.
const maxAliasValues = 1000

// yamlReader turns YAML nodes into values, expanding aliases within the
// budget and refusing an alias used inside its own anchor, which would
// never end.
type yamlReader struct {
	offset int
	// expanded counts the values made by expanding aliases; at is the
	// outermost alias being expanded, where the budget is reported.
	expanded int
	at       *yaml.Node
	open     map[*yaml.Node]bool // anchored nodes being read
	err      *syntaxError
}

func (y *yamlReader) value(n *yaml.Node) value {
	if y.err != nil {
		return value{}
	}
	if n.Kind == yaml.AliasNode && n.Alias != nil {
		if y.open[n.Alias] {
			y.err = &syntaxError{Line: n.Line + y.offset, Col: n.Column, Key: msg.YAMLAliasCycle, Args: []any{n.Value, n.Alias.Anchor}}
			return value{}
		}
		if y.at == nil {
			y.at = n
			defer func() { y.at = nil }()
		}
		n = n.Alias
	}
	if y.at != nil {
		if y.expanded++; y.expanded > maxAliasValues {
			y.err = &syntaxError{Line: y.at.Line + y.offset, Col: y.at.Column, Key: msg.YAMLAliasBudget, Args: []any{maxAliasValues}}
			return value{}
		}
	}
	if n.Anchor != "" {
		y.open[n] = true
		defer delete(y.open, n)
	}
	v := value{Line: n.Line + y.offset, Col: n.Column}
	switch n.Kind {
	case yaml.ScalarNode:
		v.IsScalar, v.Scalar, v.Tag = true, n.Value, n.ShortTag()
		if v.Tag == "!!null" {
			v.IsScalar, v.Scalar = false, ""
		}
	case yaml.SequenceNode:
		v.IsList = true
		for _, c := range n.Content {
			v.List = append(v.List, y.value(c))
		}
	case yaml.MappingNode:
		v.IsMap = true
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			v.Map = append(v.Map, field{Key: k.Value, Line: k.Line + y.offset, Col: k.Column, Value: y.value(n.Content[i+1])})
		}
	}
	return v
}

var tomlKeyRE = regexp.MustCompile(`^\s*([A-Za-z0-9_-]+|"[^"]*")\s*=\s*`)

func decodeTOML(raw []byte, offset int, fm *frontMatter) (err error) {
	defer func() {
		if p := recover(); p != nil { // as in decodeYAML
			err = &syntaxError{Line: offset + 1, Col: 1, Key: msg.ReadPanic, Args: []any{p}}
		}
	}()
	// The TOML library reads nested arrays by recursion with no bound: 2 MB
	// of [ would exhaust the stack, which no recover can catch.
	if line, col, ok := tomlNestingOK(raw); !ok {
		return &syntaxError{Line: offset + line, Col: col, Key: msg.TOMLNesting, Args: []any{maxTOMLNesting}}
	}
	var m map[string]any
	md, err := toml.Decode(string(raw), &m)
	if err != nil {
		var pe toml.ParseError
		line, col, said := 1, 1, err.Error()
		if errors.As(err, &pe) {
			line, col, said = pe.Position.Line, pe.Position.Col, pe.Message
			// The library counts the column in bytes, and on the line
			// before when the error is at a line's first character;
			// count both again from the error's byte offset.
			if at := pe.Position.Start; at >= 0 && at <= len(raw) {
				ls := bytes.LastIndexByte(raw[:at], '\n') + 1
				line = 1 + bytes.Count(raw[:ls], []byte("\n"))
				col = 1 + utf8.RuneCount(raw[ls:at])
			}
		}
		return &syntaxError{Line: offset + line, Col: col, Key: msg.TOMLInvalid, Args: []any{said}}
	}
	// TOML's decoder gives no positions; find each top-level key's line by
	// reading the text, so errors still point at the right place.
	where := map[string][2]int{}
	for i, l := range strings.Split(string(raw), "\n") {
		if mm := tomlKeyRE.FindStringSubmatchIndex(l); mm != nil {
			k := strings.Trim(l[mm[2]:mm[3]], `"`)
			if _, seen := where[k]; !seen {
				where[k] = [2]int{offset + i + 1, len([]rune(l[:mm[1]])) + 1}
			}
		}
	}
	for _, k := range md.Keys() {
		if len(k) != 1 {
			continue
		}
		name := k[0]
		pos := where[name]
		fm.Fields = append(fm.Fields, field{Key: name, Line: pos[0], Col: 1, Value: tomlValue(m[name], pos[0], pos[1])})
	}
	return nil
}

func tomlValue(x any, line, col int) value {
	v := value{Line: line, Col: col}
	switch t := x.(type) {
	case string:
		v.IsScalar, v.Scalar, v.Tag = true, t, "!!str"
	case int64:
		v.IsScalar, v.Scalar, v.Tag = true, strconv.FormatInt(t, 10), "!!int"
	case float64:
		v.IsScalar, v.Scalar, v.Tag = true, strconv.FormatFloat(t, 'g', -1, 64), "!!float"
	case bool:
		v.IsScalar, v.Scalar, v.Tag = true, strconv.FormatBool(t), "!!bool"
	case interface{ Format(string) string }:
		v.IsScalar, v.Scalar, v.Tag = true, t.Format("2006-01-02"), "!!timestamp"
	case []any:
		v.IsList = true
		for _, e := range t {
			v.List = append(v.List, tomlValue(e, line, col))
		}
	case []map[string]any:
		v.IsList = true
		for _, e := range t {
			v.List = append(v.List, tomlValue(e, line, col))
		}
	case map[string]any:
		v.IsMap = true
		keys := make([]string, 0, len(t))
		for k := range t {
			keys = append(keys, k)
		}
		sortStrings(keys)
		for _, k := range keys {
			v.Map = append(v.Map, field{Key: k, Line: line, Col: col, Value: tomlValue(t[k], line, col)})
		}
	}
	return v
}

// maxTOMLNesting is how deep arrays and inline tables may nest in TOML
// front matter; a page's fields nest one or two deep.
const maxTOMLNesting = 32

// tomlNestingOK reports whether the brackets and braces of TOML text nest
// at most maxTOMLNesting deep, reading strings and comments as TOML does;
// when not, line and col are where they go too deep.
func tomlNestingOK(raw []byte) (line, col int, ok bool) {
	depth, line, col := 0, 1, 0
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		col++
		switch c {
		case '\n':
			line, col = line+1, 0
		case '#':
			for i+1 < len(raw) && raw[i+1] != '\n' {
				i++
			}
		case '"', '\'':
			q := []byte{c}
			if i+2 < len(raw) && raw[i+1] == c && raw[i+2] == c {
				q = []byte{c, c, c}
			}
			j := i + len(q)
			for j < len(raw) && !bytes.HasPrefix(raw[j:], q) {
				if raw[j] == '\\' && c == '"' {
					j++
				}
				if j < len(raw) && raw[j] == '\n' {
					line, col = line+1, 0
				}
				j++
			}
			i = j + len(q) - 1
		case '[', '{':
			if depth++; depth > maxTOMLNesting {
				return line, col, false
			}
		case ']', '}':
			depth--
		}
	}
	return 0, 0, true
}
