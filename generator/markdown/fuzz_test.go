package markdown

import (
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/jianghan-district/jianghan/internal/fuzztest"
)

// FuzzConvert feeds the converter any Markdown, with raw HTML off as every
// site has it unless site.yaml says otherwise: it must not panic, and what
// it writes must hold no script, no event handler and no link or image
// that runs code (javascript:, vbscript:) or carries a document (data:
// other than an image). The seeds are in testdata/fuzz/FuzzConvert.
func FuzzConvert(f *testing.F) {
	f.Add("## 问题\n\n七楼的宋爹爹两年没有下过楼。\n\n## 解决方案\n\n[议事](../lectures/steps.md)、![图](chart.svg)\n")
	conv := New(Options{})
	pass := func(dest string, image bool) (string, error) { return dest, nil }
	f.Fuzz(func(t *testing.T, src string) {
		var res *Result
		fuzztest.Timed(t, func() { res = conv.Convert([]byte(src), pass) })
		checkSafe(t, src, res.HTML)
		for _, s := range res.Sections {
			if !strings.Contains(res.HTML, s.HTML) {
				t.Fatalf("a section's HTML is not part of the page's")
			}
		}
	})
}

var (
	badTags   = map[string]bool{"script": true, "iframe": true, "object": true, "embed": true, "style": true, "base": true, "meta": true, "form": true, "link": true, "svg": true, "math": true}
	urlAttrs  = map[string]bool{"href": true, "src": true, "srcset": true, "action": true, "formaction": true, "poster": true, "xlink:href": true, "data": true}
	imageData = regexp.MustCompile(`^data:image/(png|gif|jpeg|jpg|webp)[;,]`)
	urlNoise  = regexp.MustCompile(`[\x00-\x20\x7f]`)
)

// attr is an attribute of a start tag.
type attr struct{ name, value string }

// startTags reads the start tags of HTML as a browser's tokenizer does,
// closely enough for the converter's output: comments are skipped, a
// quoted value may hold anything but its quote.
func startTags(s string) map[int][]attr {
	out := map[int][]attr{}
	names := map[int]string{}
	for i := 0; i < len(s); i++ {
		if s[i] != '<' {
			continue
		}
		if strings.HasPrefix(s[i:], "<!--") {
			if j := strings.Index(s[i+4:], "-->"); j >= 0 {
				i += 4 + j + 2
				continue
			}
			break
		}
		j := i + 1
		for j < len(s) && (isAlnum(s[j]) || s[j] == '-') {
			j++
		}
		if j == i+1 || !isAlpha(s[i+1]) {
			continue
		}
		at := i
		names[at] = strings.ToLower(s[i+1 : j])
		out[at] = append(out[at], attr{name: "<" + names[at]})
		for j < len(s) && s[j] != '>' {
			if s[j] == ' ' || s[j] == '\t' || s[j] == '\n' || s[j] == '\r' || s[j] == '\f' || s[j] == '/' {
				j++
				continue
			}
			k := j
			for k < len(s) && !strings.ContainsRune(" \t\n\r\f/>=", rune(s[k])) {
				k++
			}
			if k == j { // a lone '=' starts a name
				k++
			}
			a := attr{name: strings.ToLower(s[j:k])}
			for k < len(s) && strings.ContainsRune(" \t\n\r\f", rune(s[k])) {
				k++
			}
			if k < len(s) && s[k] == '=' {
				k++
				for k < len(s) && strings.ContainsRune(" \t\n\r\f", rune(s[k])) {
					k++
				}
				if k < len(s) && (s[k] == '"' || s[k] == '\'') {
					q := s[k]
					e := strings.IndexByte(s[k+1:], q)
					if e < 0 {
						e = len(s) - k - 1
					}
					a.value = s[k+1 : k+1+e]
					k += e + 2
				} else {
					e := k
					for e < len(s) && !strings.ContainsRune(" \t\n\r\f>", rune(s[e])) {
						e++
					}
					a.value = s[k:e]
					k = e
				}
			}
			out[at] = append(out[at], a)
			j = k
		}
		i = j
	}
	return out
}

func isAlpha(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
func isAlnum(c byte) bool { return isAlpha(c) || (c >= '0' && c <= '9') }

// checkSafe fails the test when the HTML made from src could run code.
func checkSafe(t *testing.T, src, out string) {
	t.Helper()
	if why := unsafeHTML(out); why != "" {
		t.Fatalf("%q became HTML with %s:\n%s", src, why, out)
	}
}

// unsafeHTML says what in out could run code, or "" when nothing.
func unsafeHTML(out string) string {
	for _, attrs := range startTags(out) {
		tag := strings.TrimPrefix(attrs[0].name, "<")
		if badTags[tag] {
			return "the tag <" + tag + ">"
		}
		for _, a := range attrs[1:] {
			if strings.HasPrefix(a.name, "on") {
				return "the event handler " + a.name + " on <" + tag + ">"
			}
			if !urlAttrs[a.name] {
				continue
			}
			// As a browser reads it: entities decoded, spaces and control
			// characters inside the scheme ignored, case folded.
			u := strings.ToLower(urlNoise.ReplaceAllString(html.UnescapeString(a.value), ""))
			switch {
			case strings.HasPrefix(u, "javascript:"), strings.HasPrefix(u, "vbscript:"):
				return "a link that runs code: " + a.name + "=" + a.value
			case strings.HasPrefix(u, "data:") && !imageData.MatchString(u):
				return "a data: URL that is not an image: " + a.name + "=" + a.value
			}
		}
	}
	return ""
}

// TestUnsafeHTMLIsCaught checks the fuzz target's own check: it must see
// what it looks for, or the fuzzing proves nothing.
func TestUnsafeHTMLIsCaught(t *testing.T) {
	for _, bad := range []string{
		`<script>alert(1)</script>`, `<SCRIPT src=x>`, `<img src=x onerror=alert(1)>`,
		`<a href="javascript:alert(1)">x</a>`, `<a href="JaVa&#x09;ScRiPt:alert(1)">x</a>`,
		`<a href=" &#106;avascript:x">x</a>`, `<img src="vbscript:x">`, `<a title='x' href='javascript:x'>`,
		`<p/onmouseover=x>`, `<img alt="" src=javascript:x>`,
		`<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>`, `<iframe src="/x">`,
	} {
		if unsafeHTML(bad) == "" {
			t.Errorf("%s passed as safe", bad)
		}
	}
	for _, good := range []string{
		`<p><a href="/cases/lift/">电梯</a></p>`, `<img src="data:image/png;base64,iVBOR" alt="图">`,
		`<p>javascript: 是一种语言</p>`, `<!-- raw HTML omitted -->`, `<p>onclick=1</p>`,
		`<img src="y.png" alt="a&quot;onerror=&quot;x" title="t&quot; onerror=&quot;x">`, `<!-- <script> -->`,
	} {
		if why := unsafeHTML(good); why != "" {
			t.Errorf("%s refused: %s", good, why)
		}
	}
	// With raw HTML on, as site.yaml may ask, the check does see a script.
	res := New(Options{Unsafe: true}).Convert([]byte("<script>alert(1)</script>\n"), nil)
	if unsafeHTML(res.HTML) == "" {
		t.Errorf("raw HTML on: %s passed", res.HTML)
	}
	// With it off, as by default, the same Markdown is safe.
	if res := New(Options{}).Convert([]byte("<script>alert(1)</script>\n[x](javascript:alert(1))\n"), nil); unsafeHTML(res.HTML) != "" {
		t.Errorf("raw HTML off: %s", res.HTML)
	}
}
