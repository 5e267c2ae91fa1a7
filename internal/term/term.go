// Package term makes text safe to print on a terminal. Content is untrusted:
// a title, a file name or a search snippet may hold escape sequences that
// retitle the window, clear the screen or hide text, and a terminal obeys
// them. Clean and Writer show every such character as a visible escape
// instead, like Go's %q does, and leave Chinese, tabs and line breaks alone.
//
// Check refuses control characters in front matter (the read side); this
// package is the use side, for whatever reaches a terminal anyway (body
// text in snippets, file names, messages that quote values).
package term

import (
	"fmt"
	"io"
	"strings"
	"sync"
	"unicode/utf8"
)

// unsafe reports whether r must not reach a terminal as it is: C0 controls
// but tab and line feed, DEL, C1 controls (ESC's 8-bit forms among them),
// and the bidirectional overrides that reorder what a line appears to say.
func unsafe(r rune) bool {
	switch {
	case r == '\t' || r == '\n':
		return false
	case r < 0x20 || r == 0x7f:
		return true
	case r >= 0x80 && r <= 0x9f:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}

// Safe reports whether s can be printed as it is.
func Safe(s string) bool {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && n == 1) || unsafe(r) {
			return false
		}
		i += n
	}
	return true
}

// Clean returns s with every control character and every byte that is not
// UTF-8 written as a visible escape: ESC becomes \x1b, a stray byte \xb4,
// U+202E \u202e.
func Clean(s string) string {
	if Safe(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case unsafe(r) && r < 0x80:
			fmt.Fprintf(&b, `\x%02x`, r)
		case unsafe(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

// Writer cleans everything written through it on its way to w. A character
// split across two writes is held back until its end arrives. It is safe
// for concurrent use.
type Writer struct {
	mu   sync.Mutex
	w    io.Writer
	tail []byte // the start of a character whose end has not been written yet
}

// NewWriter returns a Writer printing to w.
func NewWriter(w io.Writer) *Writer { return &Writer{w: w} }

// Write cleans p and writes it; it reports all of p written when the
// cleaned text was.
func (cw *Writer) Write(p []byte) (int, error) {
	cw.mu.Lock()
	defer cw.mu.Unlock()
	buf := append(cw.tail, p...)
	cw.tail = nil
	// Hold back an incomplete character at the end, at most three bytes.
	end := len(buf)
	for k := 1; k <= 3 && k <= len(buf); k++ {
		c := buf[len(buf)-k]
		if c < 0x80 {
			break
		}
		if utf8.RuneStart(c) {
			if !utf8.FullRune(buf[len(buf)-k:]) {
				end = len(buf) - k
			}
			break
		}
	}
	cw.tail = append([]byte(nil), buf[end:]...)
	if _, err := io.WriteString(cw.w, Clean(string(buf[:end]))); err != nil {
		return 0, err
	}
	return len(p), nil
}

// Flush writes what is held back, cleaned; call it when nothing more
// follows.
func (cw *Writer) Flush() error {
	cw.mu.Lock()
	defer cw.mu.Unlock()
	if len(cw.tail) == 0 {
		return nil
	}
	t := cw.tail
	cw.tail = nil
	_, err := io.WriteString(cw.w, Clean(string(t)))
	return err
}
