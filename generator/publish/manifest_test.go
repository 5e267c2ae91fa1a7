package publish

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

func TestManifest(t *testing.T) {
	files := map[string]entry{
		"index.html":                     {size: 120, sum: sum([]byte("home"))},
		"topics/居民自治/index.html":         {size: 4096, sum: sum([]byte("term"))},
		"tags/a b \"quoted\"/index.html": {size: 7, sum: sum([]byte("tag"))},
	}
	t.Run("reads back what it wrote", func(t *testing.T) {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, Marker), markerBytes(files), 0o644); err != nil {
			t.Fatal(err)
		}
		m, ok := readManifest(openRoot(t, dir))
		if !ok {
			t.Fatal("a Marker with a manifest was not read")
		}
		if len(m.files) != len(files) {
			t.Fatalf("read %d files, wrote %d", len(m.files), len(files))
		}
		for name, e := range files {
			if m.files[name] != e {
				t.Errorf("%q: read %+v, wrote %+v", name, m.files[name], e)
			}
		}
	})
	t.Run("same files, same Marker", func(t *testing.T) {
		// Maps are walked in a random order: enough files, put in opposite
		// orders into two maps, would come out in different orders if the
		// Marker followed the walk.
		var names []string
		for i := 0; i < 40; i++ {
			names = append(names, "cases/案例"+strconv.Itoa(i)+"/index.html")
		}
		forward, backward := map[string]entry{}, map[string]entry{}
		for i := range names {
			forward[names[i]] = entry{size: int64(i), sum: sum([]byte(names[i]))}
			j := len(names) - 1 - i
			backward[names[j]] = entry{size: int64(j), sum: sum([]byte(names[j]))}
		}
		first := string(markerBytes(forward))
		for i := 0; i < 5; i++ {
			if again := string(markerBytes(backward)); again != first {
				t.Fatalf("two Markers of the same files differ:\n%s\n%s", first, again)
			}
		}
	})
	for _, tt := range []struct{ name, marker string }{
		{"no manifest: an older build", markerHead + "\n"},
		{"another head", "something else\n1 abc \"x\"\n"},
		{"a broken line", markerHead + "\n12 abc\n"},
		{"a bad size", markerHead + "\nbig abc \"x\"\n"},
		{"an unquoted path", markerHead + "\n1 abc x\n"},
		{"a path out of the folder", markerHead + "\n1 abc \"../victim.txt\"\n"},
		{"an absolute path", markerHead + "\n1 abc \"/etc/passwd\"\n"},
		{"the Marker itself", markerHead + "\n1 abc \".jianghan-build\"\n"},
		{"a negative size", markerHead + "\n-1 abc \"x\"\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, Marker), []byte(tt.marker), 0o644); err != nil {
				t.Fatal(err)
			}
			if _, ok := readManifest(openRoot(t, dir)); ok {
				t.Error("accepted a Marker it cannot trust; the folder must be walked instead")
			}
		})
	}
	t.Run("no Marker", func(t *testing.T) {
		if _, ok := readManifest(openRoot(t, t.TempDir())); ok {
			t.Error("a folder without a Marker has no manifest")
		}
	})
}

// openRoot opens dir as a Root for the test.
func openRoot(t testing.TB, dir string) *Root {
	t.Helper()
	r, err := OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { r.Close() })
	return r
}
