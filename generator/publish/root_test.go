package publish

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jianghan-district/jianghan/generator/render"
)

// The second line of defence: whatever load let pass, a job whose path
// leaves the output, or passes through a link out of it, writes nothing
// outside and fails the build.

func TestRootRefusesPathsLeavingIt(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "out")
	outside := filepath.Join(parent, "outside")
	os.Mkdir(dir, 0o755)
	os.Mkdir(outside, 0o755)
	if err := os.Symlink(outside, filepath.Join(dir, "away")); err != nil {
		t.Skip("no symbolic links here")
	}
	os.Symlink("../outside/victim.txt", filepath.Join(dir, "file-away"))
	os.WriteFile(filepath.Join(outside, "victim.txt"), []byte("mine"), 0o644)
	r := openRoot(t, dir)
	for _, rel := range []string{
		"../outside/x.html", "../../../../../../tmp/x.html", "/tmp/x.html", "a/../../x.html",
		"away/x.html", "away/sub/x.html", "file-away", ".", "", "a//b",
	} {
		t.Run(rel, func(t *testing.T) {
			if err := r.WriteFile(rel, []byte("<p>x")); err == nil {
				t.Errorf("WriteFile(%q) wrote", rel)
			}
			if err := r.MkdirAll(rel + "/d"); err == nil && !strings.HasPrefix(rel, "a//") {
				t.Errorf("MkdirAll(%q) made a folder", rel+"/d")
			}
			if err := r.RemoveAll(rel); err == nil && rel != "file-away" && rel != "away" {
				t.Errorf("RemoveAll(%q) removed", rel)
			}
		})
	}
	for _, rel := range []string{"../outside/victim.txt", "away/victim.txt"} {
		if err := r.Remove(rel); err == nil {
			t.Errorf("Remove(%q) removed a file outside", rel)
		}
	}
	if b, err := os.ReadFile(filepath.Join(outside, "victim.txt")); err != nil || string(b) != "mine" {
		t.Errorf("the file outside: %q, %v", b, err)
	}
	entries, _ := os.ReadDir(outside)
	if len(entries) != 1 {
		t.Errorf("outside holds %d entries", len(entries))
	}
	var oe *OutsideError
	if err := r.WriteFile("../x", nil); !errors.As(err, &oe) || !errors.Is(err, ErrOutside) {
		t.Errorf("err = %v, want an OutsideError", err)
	}
	// Inside, everything works.
	if err := r.WriteFile("cases/加装电梯/index.html", []byte("<p>ok")); err != nil {
		t.Fatal(err)
	}
	if b, err := r.ReadFile("cases/加装电梯/index.html"); err != nil || string(b) != "<p>ok" {
		t.Errorf("read back %q, %v", b, err)
	}
}

// TestPublishRefusesJobsLeavingTheOutput is the missed check: a job path
// that climbs out of the output fails the build and writes nothing.
func TestPublishRefusesJobsLeavingTheOutput(t *testing.T) {
	for _, bad := range []string{"../victim/index.html", "tags/../../victim/index.html", "%s/index.html"} {
		t.Run(bad, func(t *testing.T) {
			parent := t.TempDir()
			out := filepath.Join(parent, "public")
			victim := filepath.Join(parent, "victim")
			os.Mkdir(victim, 0o755)
			if strings.HasPrefix(bad, "%s") {
				bad = strings.Replace(bad, "%s", victim, 1) // an absolute path
			}
			jobs := []render.Job{
				{Path: "index.html", Render: func() ([]byte, error) { return []byte("<p>首页"), nil }},
				{Path: bad, Render: func() ([]byte, error) { return []byte("<p>越界"), nil }},
			}
			err := Publish(out, jobs, render.Sources{Root: parent}, Options{})
			if !errors.Is(err, ErrOutside) {
				t.Errorf("err = %v, want ErrOutside", err)
			}
			entries, _ := os.ReadDir(parent)
			if len(entries) != 1 || entries[0].Name() != "victim" {
				t.Errorf("the failed publish left %v", entries)
			}
			if entries, _ := os.ReadDir(victim); len(entries) != 0 {
				t.Errorf("written outside the output: %v", entries)
			}
		})
	}
}

// TestStaleFilesRemovedInsideOnly: a folder of the output replaced by a
// link to a folder outside (by hand, or by an attacker who can write the
// output) is removed as a link; nothing behind it is deleted.
func TestStaleFilesRemovedInsideOnly(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	page := func(p string) render.Job {
		return render.Job{Path: p, Render: func() ([]byte, error) { return []byte("<p>" + p), nil }}
	}
	jobs := []render.Job{page("index.html"), page("cases/a/index.html"), page("cases/b/index.html")}
	for i := 0; i < 2; i++ { // the second build leaves a previous output to reuse
		if err := Publish(out, jobs, render.Sources{Root: parent}, Options{}); err != nil {
			t.Fatal(err)
		}
	}
	victim := t.TempDir()
	os.WriteFile(filepath.Join(victim, "thesis.docx"), []byte("precious"), 0o644)
	os.MkdirAll(filepath.Join(victim, "b"), 0o755)
	os.WriteFile(filepath.Join(victim, "b", "index.html"), []byte("mine"), 0o644)
	prev := PrevDir(out)
	os.RemoveAll(filepath.Join(prev, "cases"))
	if err := os.Symlink(victim, filepath.Join(prev, "cases")); err != nil {
		t.Skip("no symbolic links here")
	}
	// The next build reuses prev: it must not write or delete through the link.
	if err := Publish(out, jobs[:2], render.Sources{Root: parent}, Options{}); err != nil {
		t.Fatalf("publish: %v", err)
	}
	if st, err := os.Lstat(filepath.Join(out, "cases")); err != nil || !st.IsDir() {
		t.Errorf("the link was not replaced by the folder: %v, %v", st, err)
	}
	for _, f := range []string{"thesis.docx", "b/index.html"} {
		if _, err := os.Stat(filepath.Join(victim, filepath.FromSlash(f))); err != nil {
			t.Errorf("%s behind the link was deleted", f)
		}
	}
	if _, err := os.Stat(filepath.Join(victim, "a")); err == nil {
		t.Error("a page was written behind the link")
	}
}

// TestLeftoverOfARunningBuildStays: a side folder whose build still holds
// its lock is another build at work, not a leftover.
func TestLeftoverOfARunningBuildStays(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	busy := filepath.Join(parent, ".public.new-4242")
	os.Mkdir(busy, 0o755)
	os.WriteFile(filepath.Join(busy, Marker), []byte(markerHead+"\n"), 0o644)
	f, err := os.Open(busy)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if free, err := tryLock(f); err != nil || !free {
		t.Skipf("no locks here: %v", err)
	}
	jobs := []render.Job{{Path: "index.html", Render: func() ([]byte, error) { return []byte("<p>首页"), nil }}}
	if err := Publish(out, jobs, render.Sources{Root: parent}, Options{}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(busy, Marker)); err != nil {
		t.Errorf("the folder of a running build was removed: %v", err)
	}
	f.Close()
	if err := Publish(out, jobs, render.Sources{Root: parent}, Options{}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(busy); err == nil {
		t.Error("the folder of a build that ended was not removed")
	}
}
