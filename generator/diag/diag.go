// Package diag holds the problems found in a site's content, in the form
// compilers use, so that trainers and editors can jump straight to the place:
//
//	content/cases/lift.md:7:9: street "民族街" is not in site.yaml streets (did you mean "民族街道"?)
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
	Msg      string // what is wrong and how to fix it
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
	if d.Severity == Warning {
		b.WriteString("warning: ")
	}
	b.WriteString(d.Msg)
	return b.String()
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
	l.Add(Diagnostic{File: file, Line: line, Col: col, Severity: Error, Msg: msg.T(key, args...)})
}

// Warn records a warning at file:line:col, its text from the catalogue.
func (l *List) Warn(file string, line, col int, key msg.Key, args ...any) {
	l.Add(Diagnostic{File: file, Line: line, Col: col, Severity: Warning, Msg: msg.T(key, args...)})
}

// Errorf records an error at file:line:col.
//
// Deprecated: a literal format bypasses the message catalogue; use Error.
func (l *List) Errorf(file string, line, col int, format string, args ...any) {
	l.Add(Diagnostic{File: file, Line: line, Col: col, Severity: Error, Msg: fmt.Sprintf(format, args...)})
}

// Warnf records a warning at file:line:col.
//
// Deprecated: use Warn.
func (l *List) Warnf(file string, line, col int, format string, args ...any) {
	l.Add(Diagnostic{File: file, Line: line, Col: col, Severity: Warning, Msg: fmt.Sprintf(format, args...)})
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
	var b strings.Builder
	n := 0
	for _, d := range f.Diagnostics {
		if d.Severity == Error {
			n++
		}
	}
	fmt.Fprintf(&b, "%d error(s) in content", n)
	return b.String()
}
