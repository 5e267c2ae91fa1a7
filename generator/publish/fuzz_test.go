package publish

import (
	"io/fs"
	"maps"
	"path/filepath"
	"testing"

	"github.com/jianghan-district/jianghan/internal/fuzztest"
)

// FuzzManifest reads any bytes as a Marker. The Marker lies in the output
// folder, where anyone who can write there can change it, and the next
// build deletes what it lists: whatever it accepts must name only paths
// inside the folder, and read back what markerBytes writes of it. The seeds
// are in testdata/fuzz/FuzzManifest.
func FuzzManifest(f *testing.F) {
	f.Add([]byte(markerHead + "\n120 0123456789abcdef0123456789abcdef \"index.html\"\n7 00 \"topics/居民自治/index.html\"\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		var files map[string]entry
		var ok bool
		fuzztest.Timed(t, func() { files, ok = parseManifest(b) })
		if !ok {
			return
		}
		for name, e := range files {
			if !fs.ValidPath(name) || name == "." || name == Marker || !filepath.IsLocal(filepath.FromSlash(name)) {
				t.Fatalf("%q: accepted the path %q", b, name)
			}
			if e.size < 0 {
				t.Fatalf("%q: accepted the size %d", b, e.size)
			}
		}
		again, ok := parseManifest(markerBytes(files))
		if !ok || !maps.Equal(again, files) {
			t.Fatalf("%q: the manifest does not read back what it wrote", b)
		}
	})
}
