package generator

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestSampleLibrary keeps content/ clean: the library a newcomer sees first
// must pass jianghan check with no errors and no warnings, and read like a
// real library (issue 3).
func TestSampleLibrary(t *testing.T) {
	p, err := Load(Options{Root: ".."})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range p.Diags.Sorted() {
		t.Errorf("sample library: %s", d)
	}
	s := p.Site
	counts := map[string]struct{ got, min int }{
		"cases":    {len(s.Cases), 40},
		"workers":  {len(s.Workers), 8},
		"lectures": {len(s.Lectures), 10},
		"guides":   {len(s.Guides), 6},
		"courses":  {len(s.Courses), 3},
		"handbook": {len(s.Chapters), 8},
	}
	for kind, c := range counts {
		if c.got < c.min {
			t.Errorf("%s: %d pages, want at least %d", kind, c.got, c.min)
		}
	}
	streets := map[string]bool{}
	topics := map[string]bool{}
	for _, c := range s.Cases {
		streets[c.Street] = true
		for _, x := range c.Topics {
			topics[x] = true
		}
		if n := utf8.RuneCountInString(strings.Join(strings.Fields(c.Text), "")); n < 600 || n > 1800 {
			t.Errorf("%s: %d characters, want a story of 600–1500", c.Source, n)
		}
	}
	if len(streets) < 8 {
		t.Errorf("cases cover %d streets, want at least 8", len(streets))
	}
	for _, x := range s.Config.Topics {
		if !topics[x] {
			t.Errorf("no case has topic %s", x)
		}
	}
	for _, w := range s.Workers {
		if len(w.Cases) < 2 {
			t.Errorf("worker %s is named by %d cases, want at least 2", w.Slug, len(w.Cases))
		}
	}
}

// TestNoRepeatedSentences fails when a sentence of some length appears in
// two places of the sample library: filler copied from page to page.
func TestNoRepeatedSentences(t *testing.T) {
	seen := map[string]string{}
	err := filepath.WalkDir("../content", func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".md") {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		body := string(b)
		if i := strings.Index(body[3:], "\n---"); strings.HasPrefix(body, "---") && i >= 0 {
			body = body[i+7:]
		}
		for _, s := range strings.FieldsFunc(body, func(r rune) bool { return strings.ContainsRune("。！？；\n", r) }) {
			s = strings.Trim(s, " -*#>|0123456789.")
			if utf8.RuneCountInString(s) < 16 {
				continue
			}
			if prev, ok := seen[s]; ok && prev != path {
				t.Errorf("sentence repeated in %s and %s: %s", prev, path, s)
			}
			seen[s] = path
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(seen) < 500 {
		t.Errorf("only %d sentences read: the test is not reading the library", len(seen))
	}
}
