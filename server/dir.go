package server

import (
	"io"
	"io/fs"
	"os"
	"sync"
)

// Production serves the output folder from disk through os.Root, which
// refuses any path that leaves the folder, by "..", by an absolute path or
// by a symbolic link pointing outside. Files are kept in memory with their
// ETag and gzipped copy until they change on disk; large ones (videos) are
// streamed.

// maxMemFile is the largest file kept in memory; larger ones are streamed.
const maxMemFile = 8 << 20

// maxMemTotal bounds the memory spent keeping files.
const maxMemTotal = 512 << 20

// dirSource is a built site folder on disk.
type dirSource struct {
	dir string

	mu    sync.Mutex
	cache map[string]*file
	total int64
}

func newDirSource(dir string) *dirSource {
	return &dirSource{dir: dir, cache: map[string]*file{}}
}

func (d *dirSource) file(name string) (*file, error) {
	root, err := os.OpenRoot(d.dir)
	if err != nil {
		return nil, fs.ErrNotExist
	}
	defer root.Close()
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
		dir := d.dir
		return diskFile(name, st.Size(), st.ModTime(), func() (io.ReadSeekCloser, error) {
			root, err := os.OpenRoot(dir)
			if err != nil {
				return nil, err
			}
			defer root.Close()
			return root.Open(name)
		}), nil
	}
	f, err := root.Open(name)
	if err != nil {
		return nil, fs.ErrNotExist
	}
	data, err := io.ReadAll(io.LimitReader(f, maxMemFile+1))
	f.Close()
	if err != nil {
		return nil, err
	}
	nf := memFile(name, data, st.ModTime())
	d.mu.Lock()
	if old := d.cache[name]; old != nil {
		d.total -= old.size
		delete(d.cache, name)
	}
	if d.total+nf.size <= maxMemTotal {
		d.cache[name] = nf
		d.total += nf.size
	}
	d.mu.Unlock()
	return nf, nil
}

func (d *dirSource) page(name string) bool {
	root, err := os.OpenRoot(d.dir)
	if err != nil {
		return false
	}
	defer root.Close()
	st, err := root.Stat(name + "/index.html")
	return err == nil && st.Mode().IsRegular()
}
