package publish

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
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
	// prev is the manifest of the earlier build the folder holds, when it
	// holds one and its Marker lists it (known); a folder made before
	// manifests existed is compared file by file and walked for stale files.
	prev  manifest
	known bool
	// fresh is set when the folder was created empty for this run, so no
	// file or folder in it exists yet.
	fresh bool

	mu      sync.Mutex
	made    map[string]bool  // folders known to exist
	written map[string]entry // slash paths put by this run
}

func newWriter(dir string, src Sources) *writer {
	w := &writer{dir: dir, src: src, made: map[string]bool{dir: true}, written: map[string]entry{}}
	w.prev, w.known = readManifest(dir)
	return w
}

// run executes the jobs in parallel. It returns every error, in job order.
func (w *writer) run(jobs []render.Job) error {
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
	// Jobs that make many files (the search index) go first: they take
	// longest, and starting them last would leave them running alone.
	for i, j := range jobs {
		if j.Files != nil {
			next <- i
		}
	}
	for i, j := range jobs {
		if j.Files == nil {
			next <- i
		}
	}
	close(next)
	wg.Wait()
	return errors.Join(errs...)
}

func (w *writer) job(j render.Job) error {
	switch {
	case j.Files != nil:
		return j.Files(func(name string, data []byte) error {
			return w.put(path.Join(j.Path, name), data)
		})
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
// exactly those bytes: by the manifest and one stat when the folder has
// one, otherwise by reading the file.
func (w *writer) put(rel string, data []byte) error {
	e := entry{size: int64(len(data)), sum: sum(data)}
	w.mu.Lock()
	w.written[rel] = e
	w.mu.Unlock()
	target := filepath.Join(w.dir, filepath.FromSlash(rel))
	compare := !w.fresh
	if w.known {
		old, ok := w.prev.files[rel]
		if ok && old == e && w.prev.holds(target, e) {
			return nil
		}
		// Only a file listed with these bytes may hold them still; one
		// written in the Marker's tick (or touched since) must be read.
		compare = ok && old == e
	}
	if compare {
		if st, err := os.Stat(target); err == nil && st.Mode().IsRegular() && st.Size() == e.size {
			if old, err := os.ReadFile(target); err == nil && bytes.Equal(old, data) {
				return nil
			}
		}
	}
	dir := filepath.Dir(target)
	w.mu.Lock()
	exists := w.made[dir]
	w.mu.Unlock()
	if !exists && w.fresh {
		if err := w.mkdir(dir); err != nil {
			return err
		}
	}
	err := os.WriteFile(target, data, 0o644)
	if errors.Is(err, fs.ErrNotExist) && !exists {
		if err := w.mkdir(dir); err != nil {
			return err
		}
		err = os.WriteFile(target, data, 0o644)
	}
	return err
}

// mkdir makes the folder d and its parents, remembering what exists.
func (w *writer) mkdir(d string) error {
	w.mu.Lock()
	known := w.made[d]
	w.mu.Unlock()
	if known {
		return nil
	}
	if parent := filepath.Dir(d); parent != d {
		if err := w.mkdir(parent); err != nil {
			return err
		}
	}
	if err := os.Mkdir(d, 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
		return err
	}
	w.mu.Lock()
	w.made[d] = true
	w.mu.Unlock()
	return nil
}

// finish writes the Marker with this run's manifest and removes what the
// earlier build left that this one did not write.
func (w *writer) finish() error {
	files := make(map[string]entry, len(w.written))
	for k, v := range w.written {
		files[k] = v
	}
	// Written even when its bytes did not change, so that it is newer than
	// every file of the manifest (see manifest); the kernel's own stamp, not
	// the clock of this process, since that is what files edited later get.
	w.written[Marker] = entry{}
	if err := os.WriteFile(filepath.Join(w.dir, Marker), markerBytes(files), 0o644); err != nil {
		return err
	}
	switch {
	case w.fresh:
		return nil // nothing was there to go stale
	case w.known:
		return w.removeListed()
	}
	return w.removeStale()
}

// removeListed deletes the files the earlier build's manifest lists and
// this run did not write, then the folders that became empty.
func (w *writer) removeListed() error {
	dirs := map[string]bool{}
	for rel := range w.prev.files {
		if _, ok := w.written[rel]; ok {
			continue
		}
		p := filepath.Join(w.dir, filepath.FromSlash(rel))
		if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		for d := filepath.Dir(p); d != w.dir && len(d) > len(w.dir); d = filepath.Dir(d) {
			dirs[d] = true
		}
	}
	return removeEmpty(slices.Collect(maps.Keys(dirs)))
}

// removeEmpty removes those of dirs that are empty, deepest first, so a
// folder whose only content was an emptied folder goes too.
func removeEmpty(dirs []string) error {
	sort.Slice(dirs, func(i, j int) bool {
		ci, cj := strings.Count(dirs[i], string(os.PathSeparator)), strings.Count(dirs[j], string(os.PathSeparator))
		if ci != cj {
			return ci > cj
		}
		return dirs[i] < dirs[j]
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
		if d.IsDir() {
			dirs = append(dirs, p)
			return nil
		}
		if _, ok := w.written[rel]; !ok {
			return os.Remove(p)
		}
		return nil
	})
	if err != nil {
		return err
	}
	return removeEmpty(dirs)
}
