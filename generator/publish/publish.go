// Package publish writes a rendered site to its output folder so that a
// reader or web server never sees a half-written site: everything goes into
// a fresh folder beside the output, which is swapped in only when every file
// was written. A folder that jianghan did not make is never emptied.
package publish

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"

	"github.com/jianghan-district/jianghan/generator/render"
)

// Marker is the file that marks a folder as made by jianghan build, and so
// safe to replace.
const Marker = ".jianghan-build"

// Sources opens the files that copy jobs name.
type Sources struct {
	Root  string // the site root, for bundle and static files
	Theme fs.FS  // for "theme:" sources
}

func (s Sources) open(src string) (io.ReadCloser, error) {
	if rest, ok := strings.CutPrefix(src, "theme:"); ok {
		return s.Theme.Open(rest)
	}
	return os.Open(filepath.Join(s.Root, filepath.FromSlash(src)))
}

// ErrForeign is returned when the output folder exists, holds files, and was
// not made by jianghan build.
var ErrForeign = errors.New("output folder was not made by jianghan build")

// CheckOut refuses an output folder that holds files and no Marker.
func CheckOut(out string) error {
	entries, err := os.ReadDir(out)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if len(entries) == 0 {
		return nil
	}
	if _, err := os.Stat(filepath.Join(out, Marker)); err != nil {
		return fmt.Errorf("%s: %w; choose another folder with -o, or empty it yourself", out, ErrForeign)
	}
	return nil
}

// Publish runs every job into a new folder beside out and swaps it in. On
// any failure the previous output is left as it was.
func Publish(out string, jobs []render.Job, src Sources) (err error) {
	if err := CheckOut(out); err != nil {
		return err
	}
	out = filepath.Clean(out)
	parent := filepath.Dir(out)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(out)+".new-")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			os.RemoveAll(tmp)
		}
	}()
	if err := os.Chmod(tmp, 0o755); err != nil {
		return err
	}
	if err := Write(tmp, jobs, src); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(tmp, Marker), []byte("made by jianghan build; this folder is replaced by the next build\n"), 0o644); err != nil {
		return err
	}
	return swap(tmp, out)
}

// swap puts the new folder in place of out and removes the old one.
func swap(tmp, out string) error {
	old := ""
	if _, err := os.Stat(out); err == nil {
		old = tmp + ".old-" + strconv.Itoa(os.Getpid())
		if err := os.Rename(out, old); err != nil {
			return err
		}
	}
	if err := os.Rename(tmp, out); err != nil {
		if old != "" {
			os.Rename(old, out)
		}
		return err
	}
	if old != "" {
		return removeAll(old)
	}
	return nil
}

// removeAll removes a folder tree with one goroutine per top-level entry:
// on a journaling file system each unlink waits on the disk, and an old site
// holds thousands of small files.
func removeAll(dir string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	errs := make([]error, len(entries))
	var wg sync.WaitGroup
	for i, e := range entries {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = os.RemoveAll(filepath.Join(dir, e.Name()))
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return err
	}
	return os.Remove(dir)
}

// Write runs the jobs in parallel into dir, creating folders as needed. It
// returns the first error in job order, so failures are reported stably.
func Write(dir string, jobs []render.Job, src Sources) error {
	errs := make([]error, len(jobs))
	var wg sync.WaitGroup
	next := make(chan int)
	var mkMu sync.Mutex
	made := map[string]bool{}
	mkdir := func(d string) error {
		mkMu.Lock()
		defer mkMu.Unlock()
		if made[d] {
			return nil
		}
		if err := os.MkdirAll(d, 0o755); err != nil {
			return err
		}
		made[d] = true
		return nil
	}
	// More workers than cores: most of a job's time is spent waiting on the
	// file system, not computing.
	for w := 0; w < 4*runtime.GOMAXPROCS(0)+4; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				errs[i] = run(dir, jobs[i], src, mkdir)
			}
		}()
	}
	for i := range jobs {
		next <- i
	}
	close(next)
	wg.Wait()
	return errors.Join(errs...)
}

func run(dir string, j render.Job, src Sources, mkdir func(string) error) error {
	target := filepath.Join(dir, filepath.FromSlash(j.Path))
	if j.WriteDir != nil {
		if err := mkdir(target); err != nil {
			return err
		}
		return j.WriteDir(target)
	}
	if err := mkdir(filepath.Dir(target)); err != nil {
		return err
	}
	if j.Render != nil {
		b, err := j.Render()
		if err != nil {
			return err
		}
		return os.WriteFile(target, b, 0o644)
	}
	in, err := src.open(j.Source)
	if err != nil {
		return err
	}
	defer in.Close()
	f, err := os.Create(target)
	if err != nil {
		return err
	}
	if _, err := io.Copy(f, in); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
