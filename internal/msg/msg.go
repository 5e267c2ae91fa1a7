// Package msg is the message catalogue: every word a person reads — on the
// command line, in serve's overlay, on the built pages — comes from here, so
// that each exists in Chinese, the default, and in English, on request.
//
// A message is named by a Key, declared once in keys.go, and given its text
// in each language's catalogue (zh.go, en.go). Keys are not strings, so a
// caller cannot slip a literal past the catalogue; a test checks that every
// key has both texts with the same verbs.
//
// The process language is chosen once at start (SetLang, from --lang or
// JIANGHAN_LANG); a site's pages use the site's own language (Lang.T).
package msg

import (
	"fmt"
	"os"
	"strings"
	"sync/atomic"
)

// Key names one message. It is comparable and cannot be made from a string
// literal outside this package, which keeps every text in the catalogue.
type Key struct{ id string }

// ID is the key's stable name, as templates write it: {{t "nav.cases"}}.
func (k Key) ID() string { return k.id }

// Lang is a language of the catalogue.
type Lang string

// The languages the catalogue holds. Chinese is the default everywhere.
const (
	Zh Lang = "zh"
	En Lang = "en"
)

// catalogues maps each language to its texts; a text is a fmt format.
var catalogues = map[Lang]map[Key]string{Zh: zh, En: en}

// byID finds a key by the name templates use.
var byID = func() map[string]Key {
	m := make(map[string]Key, len(zh))
	for k := range zh {
		m[k.id] = k
	}
	return m
}()

// Parse reads a language name as people write it: "en", "en-US", "zh-CN",
// "中文". The empty string and anything unknown is Chinese, the default;
// ok tells whether the name was recognised.
func Parse(s string) (l Lang, ok bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	switch {
	case s == "":
		return Zh, true
	case s == "en" || strings.HasPrefix(s, "en-") || strings.HasPrefix(s, "en_") || s == "english":
		return En, true
	case s == "zh" || strings.HasPrefix(s, "zh-") || strings.HasPrefix(s, "zh_") || s == "中文" || s == "chinese":
		return Zh, true
	}
	return Zh, false
}

var current atomic.Value // Lang

func init() {
	l, _ := Parse(os.Getenv("JIANGHAN_LANG"))
	current.Store(l)
}

// SetLang chooses the language of the process's messages: the command line
// calls it once, from --lang or JIANGHAN_LANG.
func SetLang(l Lang) { current.Store(l) }

// Current is the process language.
func Current() Lang { return current.Load().(Lang) }

// T formats a message in the process language.
func T(k Key, args ...any) string { return Current().T(k, args...) }

// T formats a message in language l; a text missing from l falls back to
// Chinese, and a key missing altogether shows its name rather than nothing.
func (l Lang) T(k Key, args ...any) string {
	text, ok := catalogues[l][k]
	if !ok {
		text, ok = zh[k]
	}
	if !ok {
		return k.id
	}
	if len(args) == 0 {
		return text
	}
	return fmt.Sprintf(text, args...)
}

// Join writes a list as the process language does: 甲、乙和丙, or a, b and c.
func Join(items []string) string { return Current().Join(items) }

// Join writes a list as language l does.
func (l Lang) Join(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], l.T(ListSep)) + l.T(ListLast) + items[len(items)-1]
}

// Lookup finds a key by its name, for templates; ok is false for a name the
// catalogue does not hold.
func Lookup(id string) (Key, bool) {
	k, ok := byID[id]
	return k, ok
}
