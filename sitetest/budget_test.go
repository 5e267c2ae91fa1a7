package sitetest

import (
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// caseBudget is the most a case page may weigh, gzipped: its HTML with the
// CSS and JS it loads. A phone on a weak intranet signal reads it at once.
const caseBudget = 30 << 10

var pageAssets = regexp.MustCompile(`(?:href|src)="([^"]+\.(?:css|js))"`)

func gzipSize(t *testing.T, b []byte) int {
	t.Helper()
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	w.Write(b)
	w.Close()
	return buf.Len()
}

// TestCaseBudget weighs every case page with its CSS and JS, gzipped.
func TestCaseBudget(t *testing.T) {
	needSite(t)
	cases, err := filepath.Glob(filepath.Join(site.out, "cases", "*", "index.html"))
	if err != nil || len(cases) == 0 {
		t.Fatalf("no case pages: %v", err)
	}
	worst, worstName := 0, ""
	for _, c := range cases {
		b, err := os.ReadFile(c)
		if err != nil {
			t.Fatal(err)
		}
		total := gzipSize(t, b)
		for _, m := range pageAssets.FindAllSubmatch(b, -1) {
			a, err := os.ReadFile(filepath.Join(site.out, filepath.FromSlash(strings.TrimPrefix(string(m[1]), "/"))))
			if err != nil {
				t.Fatalf("%s: %v", c, err)
			}
			total += gzipSize(t, a)
		}
		if total > worst {
			worst, worstName = total, filepath.Base(filepath.Dir(c))
		}
		if total > caseBudget {
			t.Errorf("%s weighs %d bytes gzipped with its CSS and JS, over the %d budget", c, total, caseBudget)
		}
	}
	t.Logf("heaviest case page: %s, %d bytes gzipped with CSS and JS", worstName, worst)
}
