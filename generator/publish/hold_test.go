//go:build unix

package publish

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/jianghan-district/jianghan/generator/render"
)

// TestHeldFolderIsNotRewritten: a server reading an output holds it
// (Hold). Two builds later, when that folder would be reused as the
// starting point of the next output, it is left as it was, readable
// through the server's handle, and the build starts afresh.
func TestHeldFolderIsNotRewritten(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	page := func(v string) []byte { return []byte("<!doctype html><h1>第" + v + "版</h1>") }
	publishVersion := func(v string) {
		t.Helper()
		jobs := []render.Job{job("index.html", page(v)), job("cases/lift/index.html", page(v))}
		if err := Publish(out, jobs, render.Sources{}, Options{}); err != nil {
			t.Fatal(err)
		}
	}
	publishVersion("1")
	publishVersion("2")

	// A server opens build 2 and holds it.
	root, err := os.OpenRoot(out)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	dir, err := root.Open(".")
	if err != nil {
		t.Fatal(err)
	}
	defer dir.Close()
	if err := Hold(dir); err != nil {
		t.Fatal(err)
	}

	publishVersion("3") // reuses build 1's folder; build 2's becomes the previous output
	publishVersion("4") // would reuse build 2's folder: held, so not
	publishVersion("5")
	for _, name := range []string{"index.html", "cases/lift/index.html"} {
		b, err := root.ReadFile(name)
		if err != nil || !bytes.Equal(b, page("2")) {
			t.Errorf("the held build's %s reads %q (%v), want build 2's", name, b, err)
		}
		now, _ := os.ReadFile(filepath.Join(out, filepath.FromSlash(name)))
		if !bytes.Equal(now, page("5")) {
			t.Errorf("the output's %s reads %q, want build 5's", name, now)
		}
	}
}
