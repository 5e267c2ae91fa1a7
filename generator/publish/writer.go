package publish

import (
	"bytes"
	"errors"
	"path"
	"runtime"
	"sync"

	"github.com/jianghan-district/jianghan/internal/parallel"

	"github.com/jianghan-district/jianghan/generator/render"
)

// writer puts files into a folder that may already hold an earlier build,
// writing only what changed and remembering what it put there. Every write
// and delete goes through root, which nothing can leave.
type writer struct {
	root *Root
	src  render.Sources
	// fresh is set when the folder was created empty for this run, so no
	// file or folder in it exists yet.
	fresh bool
	// prev is the manifest of the earlier build the folder holds, when it
	// holds one and its Marker lists it (known); a folder made before
	// manifests existed is compared file by file and walked for stale files.
	prev  manifest
	known bool
	// precompress writes compressed copies of the text files (precompress.go);
	// taken holds the paths jobs write themselves, which no copy replaces.
	precompress bool
	taken       map[string]bool

	mu      sync.Mutex
	made    map[string]bool  // folders known to exist, slash paths
	written map[string]entry // slash paths put by this run
}

func newWriter(root *Root, src render.Sources, fresh bool) *writer {
	w := &writer{root: root, src: src, fresh: fresh, made: map[string]bool{".": true}, written: map[string]entry{}}
	if !fresh {
		w.prev, w.known = readManifest(root)
	}
	return w
}

// run executes the jobs in parallel. It returns every error, in job order.
func (w *writer) run(jobs []render.Job) error {
	// Jobs that make many files (the search index) go first: they take
	// longest, and starting them last would leave them running alone.
	order := make([]int, 0, len(jobs))
	for i, j := range jobs {
		if j.Files != nil {
			order = append(order, i)
		}
	}
	for i, j := range jobs {
		if j.Files == nil {
			order = append(order, i)
		}
	}
	if w.precompress {
		w.taken = make(map[string]bool, len(jobs))
		for _, j := range jobs {
			w.taken[j.Path] = true
		}
	}
	errs := make([]error, len(jobs))
	// More goroutines than processors: a job may wait on the disk.
	parallel.For(len(order), 4*runtime.GOMAXPROCS(0)+4, func(k int) {
		errs[order[k]] = jobs[order[k]].Run(w.src, w.put)
	})
	return errors.Join(errs...)
}

// put writes data at the slash path rel unless the file already holds
// exactly those bytes, and then its compressed copies when asked for.
func (w *writer) put(rel string, data []byte) error {
	same, err := w.putFile(rel, data)
	if err != nil || !w.precompress || !precompressible(rel, len(data)) {
		return err
	}
	return w.putCopies(rel, data, same)
}

// putFile is put for the file itself; same reports that the folder held
// those bytes already. Like every write of a build, it goes through the
// folder's Root.
func (w *writer) putFile(rel string, data []byte) (same bool, err error) {
	if _, err := w.root.local(rel, false); err != nil {
		return false, err
	}
	e := entry{size: int64(len(data)), sum: sum(data)}
	w.mu.Lock()
	w.written[rel] = e
	w.mu.Unlock()
	if !w.fresh && w.holds(rel, e, data) {
		return true, nil
	}
	if d := path.Dir(rel); d != "." {
		if err := w.mkdir(d); err != nil {
			return false, err
		}
	}
	if !w.fresh {
		if err := w.unlink(rel, false); err != nil {
			return false, err
		}
	}
	return false, w.root.WriteFile(rel, data)
}

// unlink removes what stands at rel in a reused folder when it is not what
// the build puts there (a regular file, or with dir a folder): a symbolic
// link or a folder left by hand. The link itself goes, never its target.
func (w *writer) unlink(rel string, dir bool) error {
	st, err := w.root.Lstat(rel)
	if err != nil || (dir && st.IsDir()) || (!dir && st.Mode().IsRegular()) {
		return nil
	}
	return w.root.RemoveAll(rel)
}

// holds reports whether the file at rel already holds data: by the
// manifest and one stat when the folder has one, otherwise (and for a file
// changed since its build) by reading it.
func (w *writer) holds(rel string, e entry, data []byte) bool {
	if w.known {
		old, ok := w.prev.files[rel]
		if !ok || old != e {
			return false // not listed, or listed with other bytes
		}
		if w.prev.holds(w.root, rel, e) {
			return true
		}
	}
	st, err := w.root.Lstat(rel)
	if err != nil || !st.Mode().IsRegular() || st.Size() != e.size {
		return false
	}
	old, err := w.root.ReadFile(rel)
	return err == nil && bytes.Equal(old, data)
}

// mkdir makes the folder d (a slash path) and its parents, remembering
// what exists.
func (w *writer) mkdir(d string) error {
	w.mu.Lock()
	known := w.made[d]
	w.mu.Unlock()
	if known {
		return nil
	}
	if parent := path.Dir(d); parent != "." && parent != d {
		if err := w.mkdir(parent); err != nil {
			return err
		}
	}
	if !w.fresh {
		if err := w.unlink(d, true); err != nil {
			return err
		}
	}
	if err := w.root.Mkdir(d); err != nil {
		return err
	}
	w.mu.Lock()
	w.made[d] = true
	w.mu.Unlock()
	return nil
}

// finish removes what the earlier build left that this one did not write,
// then writes the Marker with this run's manifest. The Marker comes last,
// even when its bytes did not change, so that it is newer than everything
// in the folder (see manifest).
func (w *writer) finish() error {
	marker := markerBytes(w.written)
	w.written[Marker] = entry{}
	var err error
	switch {
	case w.fresh: // nothing was there to go stale
	case w.known:
		err = w.removeUnwritten()
	default:
		err = w.removeStale()
	}
	if err != nil {
		return err
	}
	return w.root.WriteFile(Marker, marker)
}
