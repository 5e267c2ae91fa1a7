package urls

import (
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestCheckSegment(t *testing.T) {
	for _, tt := range []struct {
		name string
		want Problem
	}{
		{"居民自治", Problem{}},
		{"lift-seven-floors", Problem{}},
		{"老旧小区 改造", Problem{}},
		{"C++", Problem{}},
		{"../../tmp/www", Problem{Kind: NameChar, Char: '/'}},
		{"www/../../x", Problem{Kind: NameChar, Char: '/'}},
		{`..\..\x`, Problem{Kind: NameChar, Char: '\\'}},
		{`电\梯`, Problem{Kind: NameChar, Char: '\\'}},
		{"..", Problem{Kind: NameDots}},
		{".", Problem{Kind: NameDots}},
		{"", Problem{Kind: NameDots}},
		{".hidden", Problem{Kind: NameLeadingDot}},
		{"a\x00b", Problem{Kind: NameControl, Char: 0}},
		{"a\nb", Problem{Kind: NameControl, Char: '\n'}},
		{"a\tb", Problem{Kind: NameControl, Char: '\t'}},
		{"\x1b[2J", Problem{Kind: NameControl, Char: 0x1b}},
		{"a\u0085b", Problem{Kind: NameControl, Char: 0x85}},
		{"\xb4\xf3", Problem{Kind: NameNotUTF8}},
		{"<b>", Problem{Kind: NameChar, Char: '<'}},
		{"a>", Problem{Kind: NameChar, Char: '>'}},
		{`a"b`, Problem{Kind: NameChar, Char: '"'}},
		{"C#", Problem{Kind: NameChar, Char: '#'}},
		{"why?", Problem{Kind: NameChar, Char: '?'}},
		{"100%", Problem{Kind: NameChar, Char: '%'}},
	} {
		if got := CheckSegment(tt.name); got != tt.want {
			t.Errorf("CheckSegment(%q) = %+v, want %+v", tt.name, got, tt.want)
		}
	}
}

func TestCheckFile(t *testing.T) {
	for _, tt := range []struct {
		rel  string
		want Problem
	}{
		{"robots.txt", Problem{}},
		{"图片/楼栋 议事.jpg", Problem{}},
		{"100%.pdf", Problem{}},
		{"a/../b.txt", Problem{Kind: NameDots}},
		{"a//b.txt", Problem{Kind: NameDots}},
		{`a\b.svg`, Problem{Kind: NameChar, Char: '\\'}},
		{"a\nb.svg", Problem{Kind: NameControl, Char: '\n'}},
		{"a\x1b[2J.svg", Problem{Kind: NameControl, Char: 0x1b}},
		{"\xb4\xf3.md", Problem{Kind: NameNotUTF8}},
	} {
		if got := CheckFile(tt.rel); got != tt.want {
			t.Errorf("CheckFile(%q) = %+v, want %+v", tt.rel, got, tt.want)
		}
	}
}

// FuzzCheckSegment: a name CheckSegment accepts is one local path element
// that needs no escaping to stay in its folder and in its markup.
func FuzzCheckSegment(f *testing.F) {
	for _, s := range []string{"居民自治", "../../tmp/www", ".hidden", "a\x00b", "\xb4"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if CheckSegment(s).Kind != NameOK {
			return
		}
		if !filepath.IsLocal(s) || filepath.Base(s) != s || strings.ContainsAny(s, "/\\<>\"?#%") || !utf8.ValidString(s) || strings.HasPrefix(s, ".") {
			t.Fatalf("CheckSegment accepted %q", s)
		}
		for _, r := range s {
			if r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f) {
				t.Fatalf("CheckSegment accepted %q with %U", s, r)
			}
		}
	})
}
