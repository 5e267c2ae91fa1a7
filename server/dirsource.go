package server

import (
	"io"
	"io/fs"
	"os"
	"sync"
)

// A built site on disk is read through os.Root, which refuses any path that
// leaves the folder, by "..", by an absolute path or by a symbolic link
// pointing outside. Files are kept in memory with their ETag and their
// precompressed copies; large ones (videos) are streamed.

// maxMemFile is the largest file kept in memory; larger ones are streamed.
const maxMemFile = 8 << 20

// maxMemTotal bounds the memory spent keeping files, per folder served.
const maxMemTotal = 512 << 20

// dirSource is a built site folder on disk.
type dirSource struct {
	// root opens the folder; done releases what root returned.
	root func() (r *os.Root, done func(), err error)
	// fixed is set when the folder cannot change while it is served (a
	// published build held open): a file kept in memory needs no stat.
	fixed bool

	mu    sync.Mutex
	cache map[string]*file
	total int64
}

// newDirSource serves the folder at dir, which may change under it: each
// request opens it anew and checks a kept file against the disk.
func newDirSource(dir string) *dirSource {
	return &dirSource{cache: map[string]*file{}, root: func() (*os.Root, func(), error) {
		r, err := os.OpenRoot(dir)
		if err != nil {
			return nil, nil, err
		}
		return r, func() { r.Close() }, nil
	}}
}

// fixedDirSource serves a folder held open that nothing changes while it
// is served: a published build.
func fixedDirSource(r *os.Root) *dirSource {
	return &dirSource{cache: map[string]*file{}, fixed: true,
		root: func() (*os.Root, func(), error) { return r, func() {}, nil }}
}

func (d *dirSource) file(name string) (*file, error) {
	if d.fixed {
		d.mu.Lock()
		c := d.cache[name]
		d.mu.Unlock()
		if c != nil {
			return c, nil
		}
	}
	root, done, err := d.root()
	if err != nil {
		return nil, fs.ErrNotExist
	}
	defer done()
	st, err := root.Stat(name)
	if err != nil || !st.Mode().IsRegular() {
		return nil, fs.ErrNotExist
	}
	d.mu.Lock()
	c := d.cache[name]
	d.mu.Unlock()
	if c != nil && c.size == st.Size() && c.modTime.Equal(st.ModTime()) {
		return c, nil
	}
	if st.Size() > maxMemFile {
		return diskFile(name, st.Size(), st.ModTime(), func() (io.ReadSeekCloser, error) {
			root, done, err := d.root()
			if err != nil {
				return nil, err
			}
			defer done()
			return root.Open(name)
		}), nil
	}
	data, err := readSmall(root, name)
	if err != nil {
		return nil, fs.ErrNotExist
	}
	nf := memFile(name, data, st.ModTime())
	if compressible(nf.ctype) {
		nf.br, _ = readSmall(root, name+".br")
		nf.gz, _ = readSmall(root, name+".gz")
	}
	d.keep(nf)
	return nf, nil
}

// keep remembers a file read, within maxMemTotal.
func (d *dirSource) keep(f *file) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if old := d.cache[f.name]; old != nil {
		d.total -= old.memSize()
		delete(d.cache, f.name)
	}
	if d.total+f.memSize() <= maxMemTotal {
		d.cache[f.name] = f
		d.total += f.memSize()
	}
}

// readSmall reads a regular file of at most maxMemFile bytes.
func readSmall(root *os.Root, name string) ([]byte, error) {
	f, err := root.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() || st.Size() > maxMemFile {
		return nil, fs.ErrNotExist
	}
	return io.ReadAll(io.LimitReader(f, maxMemFile+1))
}

func (d *dirSource) page(name string) bool {
	root, done, err := d.root()
	if err != nil {
		return false
	}
	defer done()
	st, err := root.Stat(name + "/index.html")
	return err == nil && st.Mode().IsRegular()
}
