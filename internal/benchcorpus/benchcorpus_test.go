package benchcorpus

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The corpus is the same for the same N, has every kind in proportion, and
// is a library jianghan reads without an error (its checks are run by the
// generator's benchmarks; here the shape).
func TestCorpus(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	if err := Write(a, 200, false); err != nil {
		t.Fatal(err)
	}
	if err := Write(b, 200, false); err != nil {
		t.Fatal(err)
	}
	count := map[string]int{}
	err := filepath.WalkDir(filepath.Join(a, "content"), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(a, p)
		count[filepath.Base(filepath.Dir(p))]++
		x, _ := os.ReadFile(p)
		y, err := os.ReadFile(filepath.Join(b, rel))
		if err != nil || !bytes.Equal(x, y) {
			t.Errorf("%s differs between two runs", rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{"cases": 200, "workers": 20, "lectures": 10, "guides": 4, "courses": 2, "handbook": 12, "content": 1}
	for k, n := range want {
		if count[k] != n {
			t.Errorf("%d files in %s, want %d", count[k], k, n)
		}
	}
	c, _ := os.ReadFile(filepath.Join(a, "content", "cases", "case-00007.md"))
	for _, part := range []string{"\nstreet: ", "\ntopics: [", "\nworkers: [worker-", "\nlectures: [lecture-", "\n## 问题\n", "\n## 解决方案\n", "| 居民参与人次 |"} {
		if !strings.Contains(string(c), part) {
			t.Errorf("a case lacks %q:\n%s", part, c)
		}
	}
	h := t.TempDir()
	if err := Write(h, 10, true); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"hugo.toml", "layouts/_default/single.html", "content/cases/case-00009.md"} {
		if _, err := os.Stat(filepath.Join(h, f)); err != nil {
			t.Errorf("the Hugo site lacks %s", f)
		}
	}
	if _, err := os.Stat(filepath.Join(h, "content", "site.yaml")); err == nil {
		t.Error("the Hugo site has a site.yaml")
	}
}
