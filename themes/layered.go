package themes

import (
	"errors"
	"io"
	"io/fs"
	"path"
	"sort"
	"time"
)

// Layered returns a file system where each file of top hides the file of
// the same path in bottom, and folders hold the entries of both: the site's
// own theme files over the built-in theme. A file is taken from one layer
// whole; nothing is merged inside a file.
func Layered(top, bottom fs.FS) fs.FS { return &layered{top: top, bottom: bottom} }

type layered struct{ top, bottom fs.FS }

// Open opens name from top when top has it as a file, as a merged folder
// when either layer has it as a folder, else from bottom.
func (l *layered) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	ts, terr := fs.Stat(l.top, name)
	if terr == nil && !ts.IsDir() {
		return l.top.Open(name)
	}
	bs, berr := fs.Stat(l.bottom, name)
	switch {
	case terr == nil || (berr == nil && bs.IsDir()):
		entries, err := l.ReadDir(name)
		if err != nil {
			return nil, err
		}
		info := ts
		if info == nil {
			info = bs
		}
		return &dir{info: info, entries: entries}, nil
	case berr == nil:
		return l.bottom.Open(name)
	}
	return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
}

// ReadFile reads name from the layer that has it, top first.
func (l *layered) ReadFile(name string) ([]byte, error) {
	f, err := l.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if st.IsDir() {
		return nil, &fs.PathError{Op: "read", Path: name, Err: errors.New("is a directory")}
	}
	return io.ReadAll(f)
}

// ReadDir lists a folder as the two layers together make it, sorted by
// name; an entry of top hides the entry of the same name in bottom.
func (l *layered) ReadDir(name string) ([]fs.DirEntry, error) {
	te, terr := fs.ReadDir(l.top, name)
	be, berr := fs.ReadDir(l.bottom, name)
	if terr != nil && berr != nil {
		if errors.Is(terr, fs.ErrNotExist) {
			return nil, berr
		}
		return nil, terr
	}
	byName := map[string]fs.DirEntry{}
	for _, e := range be {
		byName[e.Name()] = e
	}
	for _, e := range te {
		if old, ok := byName[e.Name()]; ok && old.IsDir() && e.IsDir() {
			continue // a folder in both: the same merged folder either way
		}
		byName[e.Name()] = e
	}
	out := make([]fs.DirEntry, 0, len(byName))
	for _, e := range byName {
		out = append(out, e)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name() < out[j].Name() })
	return out, nil
}

// Stat describes name as Open would find it.
func (l *layered) Stat(name string) (fs.FileInfo, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: fs.ErrInvalid}
	}
	if st, err := fs.Stat(l.top, name); err == nil {
		return st, nil
	}
	return fs.Stat(l.bottom, name)
}

// dir is a merged folder opened for reading its entries.
type dir struct {
	info    fs.FileInfo
	entries []fs.DirEntry
	read    int
}

func (d *dir) Stat() (fs.FileInfo, error) { return dirInfo{d.info}, nil }
func (d *dir) Read([]byte) (int, error) {
	return 0, &fs.PathError{Op: "read", Path: d.info.Name(), Err: errors.New("is a directory")}
}
func (d *dir) Close() error { return nil }

// ReadDir follows fs.ReadDirFile: n <= 0 gives the rest, else at most n
// entries and io.EOF at the end.
func (d *dir) ReadDir(n int) ([]fs.DirEntry, error) {
	rest := d.entries[d.read:]
	if n <= 0 {
		d.read = len(d.entries)
		return rest, nil
	}
	if len(rest) == 0 {
		return nil, io.EOF
	}
	if n > len(rest) {
		n = len(rest)
	}
	d.read += n
	return rest[:n], nil
}

// dirInfo is a folder's info, whichever layer gave it; it always says dir.
type dirInfo struct{ fs.FileInfo }

func (i dirInfo) IsDir() bool        { return true }
func (i dirInfo) Mode() fs.FileMode  { return fs.ModeDir | 0o555 }
func (i dirInfo) ModTime() time.Time { return i.FileInfo.ModTime() }
func (i dirInfo) Name() string       { return path.Base(i.FileInfo.Name()) }
