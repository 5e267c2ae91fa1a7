package publish

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/jianghan-district/jianghan/generator/render"
)

// writer puts files into a folder that may already hold an earlier build,
// writing only what changed and remembering what it put there.
type writer struct {
	dir string
	src Sources

	mu      sync.Mutex
	made    map[string]bool // folders known to exist
	written map[string]bool // slash paths put by this run
	owned   []string        // folders filled by WriteDir jobs, left as they wrote them
}

func newWriter(dir string, src Sources) *writer {
	return &writer{dir: dir, src: src, made: map[string]bool{}, written: map[string]bool{}}
}

// run executes the jobs in parallel. It returns every error, in job order.
func (w *writer) run(jobs []render.Job) error {
	// A folder writer knows nothing of what an earlier build left in its
	// folder: clear those folders before any job, since other jobs may
	// write into them too (the search page lives in the search index's).
	for _, j := range jobs {
		if j.WriteDir != nil {
			if err := os.RemoveAll(filepath.Join(w.dir, filepath.FromSlash(j.Path))); err != nil {
				return err
			}
			w.owned = append(w.owned, j.Path+"/")
		}
	}
	errs := make([]error, len(jobs))
	var wg sync.WaitGroup
	next := make(chan int)
	// More workers than cores: most of a job's time is spent waiting on the
	// file system, not computing.
	for n := 0; n < 4*runtime.GOMAXPROCS(0)+4; n++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				errs[i] = w.job(jobs[i])
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

func (w *writer) job(j render.Job) error {
	switch {
	case j.WriteDir != nil:
		target := filepath.Join(w.dir, filepath.FromSlash(j.Path))
		if err := w.mkdir(target); err != nil {
			return err
		}
		return j.WriteDir(target)
	case j.Render != nil:
		b, err := j.Render()
		if err != nil {
			return err
		}
		return w.put(j.Path, b)
	default:
		in, err := w.src.open(j.Source)
		if err != nil {
			return err
		}
		defer in.Close()
		b, err := io.ReadAll(in)
		if err != nil {
			return err
		}
		return w.put(j.Path, b)
	}
}

// put writes data at the slash path rel unless the file already holds
// exactly those bytes.
func (w *writer) put(rel string, data []byte) error {
	w.mu.Lock()
	w.written[rel] = true
	w.mu.Unlock()
	target := filepath.Join(w.dir, filepath.FromSlash(rel))
	if st, err := os.Stat(target); err == nil && st.Mode().IsRegular() && st.Size() == int64(len(data)) {
		if old, err := os.ReadFile(target); err == nil && bytes.Equal(old, data) {
			return nil
		}
	}
	if err := w.mkdir(filepath.Dir(target)); err != nil {
		return err
	}
	return os.WriteFile(target, data, 0o644)
}

func (w *writer) mkdir(d string) error {
	w.mu.Lock()
	known := w.made[d]
	w.mu.Unlock()
	if known {
		return nil
	}
	if err := os.MkdirAll(d, 0o755); err != nil {
		return err
	}
	w.mu.Lock()
	w.made[d] = true
	w.mu.Unlock()
	return nil
}

// removeStale deletes what an earlier build left that this one did not
// write, then the folders that became empty, so no stale page survives.
func (w *writer) removeStale() error {
	var dirs []string
	err := filepath.WalkDir(w.dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(w.dir, p)
		rel = filepath.ToSlash(rel)
		if rel == "." {
			return nil
		}
		for _, o := range w.owned {
			if rel+"/" == o {
				return fs.SkipDir
			}
		}
		if d.IsDir() {
			dirs = append(dirs, p)
			return nil
		}
		if !w.written[rel] {
			return os.Remove(p)
		}
		return nil
	})
	if err != nil {
		return err
	}
	// Deepest first, so a folder is empty once its children are gone.
	sort.Slice(dirs, func(i, j int) bool {
		return strings.Count(dirs[i], string(os.PathSeparator)) > strings.Count(dirs[j], string(os.PathSeparator))
	})
	for _, d := range dirs {
		if entries, err := os.ReadDir(d); err == nil && len(entries) == 0 {
			if err := os.Remove(d); err != nil {
				return err
			}
		}
	}
	return nil
}
