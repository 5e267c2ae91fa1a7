// Package diag holds the problems found in a site's content, in the form
// compilers use, so that trainers and editors can jump straight to the place:
//
//	content/cases/lift.md:7:9: 街道「民族街」不在 site.yaml 的街道列表里，是不是「民族街道」？
//
// Every message comes from the catalogue (package msg), in the process
// language; a Diagnostic keeps its key, so that many of one kind can be
// folded into one line.
package diag

import (
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/jianghan-district/jianghan/internal/msg"
)

// Severity tells whether a problem stops publication.
type Severity int

const (
	// Error problems fail the build: nothing is published.
	Error Severity = iota
	// Warning problems are printed but the site is still published.
	Warning
)

// Diagnostic is one problem at one place in one file.
type Diagnostic struct {
	File     string // path relative to the site root, with forward slashes
	Line     int    // 1-based; 0 when the problem concerns the whole file
	Col      int    // 1-based, counted in characters (runes), not bytes
	Severity Severity
	Msg      string  // what is wrong and how to fix it
	Key      msg.Key // the catalogue's name for Msg: what kind of problem it is
}

// String formats the diagnostic as file:line:col: message, the form editors
// and terminals recognise as a jump target.
func (d Diagnostic) String() string {
	var b strings.Builder
	b.WriteString(d.File)
	if d.Line > 0 {
		fmt.Fprintf(&b, ":%d", d.Line)
		if d.Col > 0 {
			fmt.Fprintf(&b, ":%d", d.Col)
		}
	}
	b.WriteString(": ")
	b.WriteString(d.text())
	return b.String()
}

// text is the message with the warning's prefix.
func (d Diagnostic) text() string {
	if d.Severity == Warning {
		return msg.T(msg.WarningPrefix) + d.Msg
	}
	return d.Msg
}

// Plain writes the place in words rather than as a jump target, for a
// person reading it in the browser: "content/cases/lift.md 第 7 行第 9 列：…".
func (d Diagnostic) Plain() string {
	switch {
	case d.Line > 0 && d.Col > 0:
		return msg.T(msg.PlainAtLineCol, d.File, d.Line, d.Col, d.text())
	case d.Line > 0:
		return msg.T(msg.PlainAtLine, d.File, d.Line, d.text())
	}
	return msg.T(msg.PlainAtFile, d.File, d.text())
}

// List collects diagnostics from many goroutines; every check appends to one
// List so that a single run reports every problem at once.
type List struct {
	mu    sync.Mutex
	items []Diagnostic
}

// Add records a problem.
func (l *List) Add(d Diagnostic) {
	l.mu.Lock()
	l.items = append(l.items, d)
	l.mu.Unlock()
}

// Error records an error at file:line:col, its text from the message
// catalogue in the process language.
func (l *List) Error(file string, line, col int, key msg.Key, args ...any) {
	l.Add(Diagnostic{File: file, Line: line, Col: col, Severity: Error, Msg: msg.T(key, args...), Key: key})
}

// Warn records a warning at file:line:col, its text from the catalogue.
func (l *List) Warn(file string, line, col int, key msg.Key, args ...any) {
	l.Add(Diagnostic{File: file, Line: line, Col: col, Severity: Warning, Msg: msg.T(key, args...), Key: key})
}

// Err records err as an error at file:line:col: one found by a package that
// returns errors rather than diagnostics (a Markdown link that does not
// resolve, a file that cannot be read). A catalogue error keeps its key.
func (l *List) Err(file string, line, col int, err error) {
	l.Add(Of(file, line, col, err))
}

// Of makes an error diagnostic of err at file:line:col.
func Of(file string, line, col int, err error) Diagnostic {
	k, _ := msg.KeyOf(err)
	return Diagnostic{File: file, Line: line, Col: col, Severity: Error, Msg: err.Error(), Key: k}
}

// Sorted returns the diagnostics ordered by file, line and column, so output is
// stable from run to run however the checks were scheduled.
func (l *List) Sorted() []Diagnostic {
	l.mu.Lock()
	out := append([]Diagnostic(nil), l.items...)
	l.mu.Unlock()
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Col != b.Col {
			return a.Col < b.Col
		}
		return a.Msg < b.Msg
	})
	return out
}

// HasErrors reports whether any problem should stop publication.
func (l *List) HasErrors() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, d := range l.items {
		if d.Severity == Error {
			return true
		}
	}
	return false
}

// Counts returns the number of errors and warnings.
func (l *List) Counts() (errors, warnings int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, d := range l.items {
		if d.Severity == Error {
			errors++
		} else {
			warnings++
		}
	}
	return
}

// Failed is returned by a build whose content has errors; it carries every
// diagnostic so the caller can print them and exit with status 1.
type Failed struct {
	Diagnostics []Diagnostic
}

func (f *Failed) Error() string {
	n := 0
	for _, d := range f.Diagnostics {
		if d.Severity == Error {
			n++
		}
	}
	return msg.T(msg.ContentFailed, n)
}

// FoldAfter is how many warnings of one kind check, build and serve print
// before they count the rest in one line.
const FoldAfter = 20

// Folded returns the lines to print for ds, in order: every error, and of
// the warnings of one kind (one key) the first n, followed by one line that
// says how many more there are. A library of ten thousand cases whose
// lectures lack summaries gets twenty lines and a count, not five hundred
// alike. n <= 0 keeps every line.
func Folded(ds []Diagnostic, n int) []string {
	seen := map[msg.Key]int{}
	total := map[msg.Key]int{}
	for _, d := range ds {
		if d.Severity == Warning {
			total[d.Key]++
		}
	}
	var out []string
	for _, d := range ds {
		if d.Severity != Warning || n <= 0 || d.Key == (msg.Key{}) {
			out = append(out, d.String())
			continue
		}
		seen[d.Key]++
		if c := seen[d.Key]; c <= n {
			out = append(out, d.String())
			if c == n && total[d.Key] > n {
				out = append(out, msg.T(msg.MoreOfKind, total[d.Key]-n))
			}
		}
	}
	return out
}
