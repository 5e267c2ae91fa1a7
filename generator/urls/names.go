package urls

import (
	"strings"
	"unicode/utf8"

	"github.com/jianghan-district/jianghan/internal/msg"
)

// Names that become paths: a page's slug, a tag, street, topic or method,
// the name of a page file or a bundle file. Each is one segment of a URL
// and of a path in the output folder, so a name that climbs out of its
// folder (.., /, \), that a web server hides (a leading dot), that breaks
// the markup or the URL it is written in (< > " ? # %), or that is not
// text (control characters, bytes that are not UTF-8) is refused where it
// is read. Publishing refuses any path leaving the output folder again, in
// case a name slips past.

// ProblemKind is what is wrong with a name.
type ProblemKind int

// The problems a name can have, in the order they are looked for.
const (
	// NameOK is a name that can be used.
	NameOK ProblemKind = iota
	// NameNotUTF8 holds bytes that are not UTF-8.
	NameNotUTF8
	// NameControl holds a control character (Char).
	NameControl
	// NameDots is empty, ".", "..", or only dots.
	NameDots
	// NameChar holds a printable character that a URL segment cannot (Char).
	NameChar
	// NameLeadingDot starts with a dot: a hidden file.
	NameLeadingDot
)

// Problem is the first thing wrong with a name.
type Problem struct {
	Kind ProblemKind
	Char rune // for NameControl and NameChar
}

// Describe names the problem in the process language, as a message's
// "it holds …": 控制字符 U+001B, 字符「<」.
func (p Problem) Describe() string {
	switch p.Kind {
	case NameNotUTF8:
		return msg.T(msg.CharNotUTF8)
	case NameControl:
		return msg.T(msg.CharControl, p.Char)
	case NameDots:
		return msg.T(msg.CharDots)
	case NameLeadingDot:
		return msg.T(msg.CharLeadingDot)
	}
	return msg.T(msg.CharPrintable, string(p.Char))
}

// segmentChars cannot stand in a URL segment made from a value: they
// leave the folder (/ \), end the path (? #), start an escape (%) or break
// the markup the URL is written in (< > ").
const segmentChars = `/\?#%<>"`

// IsControl reports whether r is a control character: C0 but tab and the
// line ends, DEL, and C1.
func IsControl(r rune) bool {
	return (r < 0x20 && r != '\t' && r != '\n' && r != '\r') || r == 0x7f || (r >= 0x80 && r <= 0x9f)
}

// CheckSegment finds what keeps name from being one segment of a URL and a
// folder of the output: a slug, or a tag, street, topic or method.
func CheckSegment(name string) Problem {
	if p := checkText(name); p.Kind != NameOK {
		return p
	}
	if strings.Trim(name, ".") == "" {
		return Problem{Kind: NameDots}
	}
	if i := strings.IndexAny(name, segmentChars); i >= 0 {
		return Problem{Kind: NameChar, Char: rune(name[i])}
	}
	if strings.HasPrefix(name, ".") {
		return Problem{Kind: NameLeadingDot}
	}
	return Problem{}
}

// CheckFile finds what keeps a file's path under content/ (slash separated,
// as the walk found it) from being published: bytes that are not UTF-8,
// control characters (line ends too: a file name is one line), and
// backslashes, which some servers and every Windows reader take for a
// folder. Hidden files are passed over before this is asked.
func CheckFile(rel string) Problem {
	if p := checkText(rel); p.Kind != NameOK {
		return p
	}
	for _, seg := range strings.Split(rel, "/") {
		if seg == "" || strings.Trim(seg, ".") == "" {
			return Problem{Kind: NameDots}
		}
	}
	if strings.Contains(rel, `\`) {
		return Problem{Kind: NameChar, Char: '\\'}
	}
	return Problem{}
}

// checkText finds bytes that are not UTF-8 and control characters; a name
// is one line, so tabs and line ends count as control characters here.
func checkText(s string) Problem {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			return Problem{Kind: NameNotUTF8}
		case IsControl(r), r == '\t', r == '\n', r == '\r':
			return Problem{Kind: NameControl, Char: r}
		}
		i += n
	}
	return Problem{}
}
