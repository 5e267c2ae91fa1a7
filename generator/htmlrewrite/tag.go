package htmlrewrite

import "strings"

// hasTag reports whether b starts with the opening tag of name.
func hasTag(b []byte, name string) bool {
	if len(b) < len(name)+2 || b[0] != '<' || !strings.EqualFold(string(b[1:1+len(name)]), name) {
		return false
	}
	switch b[1+len(name)] {
	case ' ', '\t', '\n', '\r', '/', '>':
		return true
	}
	return false
}

// tagEnd returns the length of the tag at the start of b, through its '>',
// honouring quoted attribute values, or -1.
func tagEnd(b []byte) int {
	var quote byte
	for i := 1; i < len(b); i++ {
		c := b[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return i + 1
		}
	}
	return -1
}

// attr is one attribute of a tag as written: Raw is the value still
// escaped, as it stands between the quotes.
type attr struct {
	Name, Raw string
	HasValue  bool
}

// space is what separates a tag's name and attributes.
const space = " \t\n\r"

// parseTag splits a tag such as `<img src="a.png" alt="x">` into its name
// and attributes.
func parseTag(tag []byte) (string, []attr) {
	s := string(tag)
	s = strings.TrimPrefix(s, "<")
	s = strings.TrimSuffix(s, ">")
	s = strings.TrimSuffix(s, "/")
	i := strings.IndexAny(s, space)
	if i < 0 {
		return s, nil
	}
	name, s := s[:i], s[i:]
	var attrs []attr
	for {
		s = strings.TrimLeft(s, space)
		if s == "" {
			return name, attrs
		}
		k := strings.IndexAny(s, space+"=")
		if k < 0 {
			return name, append(attrs, attr{Name: s})
		}
		a := attr{Name: s[:k]}
		s = strings.TrimLeft(s[k:], space)
		if !strings.HasPrefix(s, "=") {
			attrs = append(attrs, a)
			continue
		}
		a.HasValue = true
		a.Raw, s = attrValue(strings.TrimLeft(s[1:], space))
		attrs = append(attrs, a)
	}
}

// attrValue splits s, which starts with an attribute's value, into the
// value as written (without its quotes) and what follows it.
func attrValue(s string) (string, string) {
	if s != "" && (s[0] == '"' || s[0] == '\'') {
		q := s[0]
		e := strings.IndexByte(s[1:], q)
		if e < 0 {
			return s[1:], ""
		}
		return s[1 : 1+e], s[2+e:]
	}
	e := strings.IndexAny(s, space)
	if e < 0 {
		e = len(s)
	}
	return s[:e], s[e:]
}
