package load

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/jianghan-district/jianghan/generator/diag"
	"github.com/jianghan-district/jianghan/generator/urls"
	"github.com/jianghan-district/jianghan/internal/msg"
)

// Reading text that may be anything: a file of any size or type, in any
// encoding, with any bytes in it. A page is read only when it is a regular
// file within the size limit, it must be UTF-8, and its front matter may
// hold no control characters.

// MaxPageSize is the largest page file read, in bytes. The longest handbook
// chapter is some 60 KB; 2 MB is some 700,000 Chinese characters. Markdown
// written to be costly (see markdown/complexity.go) still converts in well
// under a second at this size. Larger material (a report, a recording)
// goes in the page's bundle, where it is published as it is.
const MaxPageSize = 2 << 20

// MaxConfigSize is the largest site.yaml read, in bytes: settings and
// vocabularies, a few KB in practice.
const MaxConfigSize = 1 << 20

// errTooLarge is a file over its size limit; the file is not read.
type errTooLarge struct{ size, limit int64 }

func (e *errTooLarge) Error() string {
	return fmt.Sprintf("%s is over the limit of %s", sizeString(e.size), sizeString(e.limit))
}

// errNotRegular is a path that is not a regular file (a folder, a named
// pipe, a device): reading one could wait forever.
type errNotRegular struct{ mode fs.FileMode }

func (e *errNotRegular) Error() string { return "not a regular file: " + e.mode.Type().String() }

// readLimited reads the regular file at path, refusing a larger one than
// limit without reading it.
func readLimited(path string, limit int64) ([]byte, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, &errNotRegular{mode: st.Mode()}
	}
	if st.Size() > limit {
		return nil, &errTooLarge{size: st.Size(), limit: limit}
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	// Room for the whole file and a byte more, read at once as
	// os.ReadFile does; the byte more tells a file grown since the stat.
	var buf bytes.Buffer
	buf.Grow(int(st.Size()) + 1)
	if _, err := buf.ReadFrom(io.LimitReader(f, limit+1)); err != nil {
		return nil, err
	}
	if int64(buf.Len()) > limit {
		return nil, &errTooLarge{size: int64(buf.Len()), limit: limit}
	}
	return buf.Bytes(), nil
}

// ReadPageFile reads the bytes of the page file at rel (relative to root,
// slash separated), as Read does: a file over MaxPageSize or one that is
// not a regular file is an error, and is not read.
func ReadPageFile(root, rel string) ([]byte, error) {
	return readLimited(filepath.Join(root, filepath.FromSlash(rel)), MaxPageSize)
}

// readError reports why file could not be read.
func readError(file string, err error, tooLarge msg.Key, diags *diag.List) {
	var big *errTooLarge
	var odd *errNotRegular
	switch {
	case errors.As(err, &big):
		diags.Error(file, 0, 0, tooLarge, sizeString(big.size), sizeString(big.limit))
	case errors.As(err, &odd):
		diags.Error(file, 0, 0, msg.FileNotRegular, odd.mode.Type().String())
	default:
		diags.Error(file, 0, 0, msg.CannotRead, err)
	}
}

// sizeString writes a size as people read it: "2 MB", "50.3 MB", "980 KB".
func sizeString(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MB", n>>20)
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d B", n)
}

// checkUTF8 reports a file that is not UTF-8 at its first bad byte, naming
// GBK when the line reads as GBK (what Windows' Notepad long saved Chinese
// in), and returns the text with every bad byte made U+FFFD, so the rest
// can still be read; ok is false when it was not UTF-8.
func checkUTF8(file string, raw []byte, diags *diag.List) ([]byte, bool) {
	if utf8.Valid(raw) {
		return raw, true
	}
	at := badByte(raw)
	ls := bytes.LastIndexByte(raw[:at], '\n') + 1
	le := bytes.IndexByte(raw[at:], '\n')
	if le < 0 {
		le = len(raw)
	} else {
		le += at
	}
	line := 1 + bytes.Count(raw[:ls], []byte("\n"))
	col := 1 + utf8.RuneCount(raw[ls:at])
	key := msg.TextNotUTF8
	if looksGBK(raw[ls:le]) {
		key = msg.TextLooksGBK
	}
	diags.Error(file, line, col, key)
	return bytes.ToValidUTF8(raw, []byte("\uFFFD")), false
}

// badByte is the offset of the first byte of raw that is not UTF-8.
func badByte(raw []byte) int {
	for i := 0; i < len(raw); {
		r, n := utf8.DecodeRune(raw[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return len(raw)
}

// looksGBK reports whether a line that is not UTF-8 reads as Chinese in
// GBK: it decodes without a bad byte, into more Chinese characters than it
// holds UTF-8 ones (a UTF-8 line with a stray byte in it is not GBK).
func looksGBK(line []byte) bool {
	if bytes.IndexByte(line, 0) >= 0 {
		return false // UTF-16 is full of NULs, GBK text has none
	}
	dec, err := simplifiedchinese.GBK.NewDecoder().Bytes(line)
	if err != nil || bytes.ContainsRune(dec, utf8.RuneError) {
		return false
	}
	han := 0
	for _, r := range string(dec) {
		if unicode.Is(unicode.Han, r) || (r >= 0x3000 && r <= 0x303f) || (r >= 0xff00 && r <= 0xffef) || r == '“' || r == '”' {
			han++
		}
	}
	multi := 0
	for i := 0; i < len(line); {
		r, n := utf8.DecodeRune(line[i:])
		if n > 1 && r != utf8.RuneError {
			multi++
		}
		i += n
	}
	return han > 0 && han > 2*multi
}

// lineEnds makes every lone carriage return (an old Mac line end) a line
// feed. YAML and Markdown take it for a line end, and positions are
// counted in line feeds: read as it is, a file of such lines would have
// its problems reported on lines that do not exist.
func lineEnds(raw []byte) []byte {
	if bytes.IndexByte(raw, '\r') < 0 {
		return raw
	}
	out := bytes.Clone(raw)
	for i, b := range out {
		if b == '\r' && (i+1 == len(out) || out[i+1] != '\n') {
			out[i] = '\n'
		}
	}
	return out
}

// controlChars reports every control character (other than tab and line
// ends) in the keys and values of a front matter block or site.yaml: a
// title holding ESC [2J clears the terminal that prints it.
func controlChars(file string, fm *frontMatter, diags *diag.List) {
	var walk func(key string, v value)
	report := func(key string, line, col int, s string) {
		for _, r := range s {
			if urls.IsControl(r) {
				diags.Error(file, line, col, msg.TextControl, key, msg.T(msg.CharControl, r))
				return
			}
		}
	}
	walk = func(key string, v value) {
		switch {
		case v.IsScalar:
			report(key, v.Line, v.Col, v.Scalar)
		case v.IsList:
			for _, it := range v.List {
				walk(key, it)
			}
		case v.IsMap:
			for _, f := range v.Map {
				report(key, f.Line, f.Col, f.Key)
				walk(key, f.Value)
			}
		}
	}
	for _, f := range fm.Fields {
		report(f.Key, f.Line, f.Col, f.Key)
		walk(f.Key, f.Value)
	}
}
