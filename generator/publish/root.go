package publish

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"

	"github.com/jianghan-district/jianghan/internal/msg"
)

// Root is a folder of the output that nothing written or deleted through it
// can leave. Every file a build puts in the output and every stale file it
// removes goes through the Root of the folder being built (the writer's
// put, finish, removeUnwritten, removeStale): a path that climbs out (..),
// is absolute, or passes through a symbolic link that leads out is refused,
// so that a name which slipped past load's checks, or a Marker listing
// ../../x, can never become a write or a delete outside the output.
//
// Paths are slash separated and relative to the folder, as render.Job.Path
// is ("cases/lift/index.html"); "." is the folder itself, which may be read
// but not written or removed. A Root is safe for concurrent use. Code that
// adds files to a build (precompressed copies, say) writes them with
// WriteFile on the writer's Root, never with os.WriteFile on a joined path.
type Root struct {
	r   *os.Root
	dir string
}

// ErrOutside is the error, wrapped in an *OutsideError, for a path that
// would leave the folder.
var ErrOutside = errors.New("path leaves the output folder")

// OutsideError is a refused path and the folder it would have left.
type OutsideError struct {
	Dir, Path string
}

func (e *OutsideError) Error() string { return msg.T(msg.OutEscapes, filepath.Join(e.Dir, e.Path)) }

// Unwrap makes errors.Is(err, ErrOutside) hold.
func (e *OutsideError) Unwrap() error { return ErrOutside }

// OpenRoot opens the folder dir, which must exist, as a Root.
func OpenRoot(dir string) (*Root, error) {
	r, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	return &Root{r: r, dir: dir}, nil
}

// Close releases the folder.
func (o *Root) Close() error { return o.r.Close() }

// Dir is the folder's path as it was opened.
func (o *Root) Dir() string { return o.dir }

// local checks that rel names something inside the folder; self allows
// the folder itself.
func (o *Root) local(rel string, self bool) (string, error) {
	if rel == "." && self {
		return rel, nil
	}
	if !fs.ValidPath(rel) || rel == "." || !filepath.IsLocal(filepath.FromSlash(rel)) {
		return "", &OutsideError{Dir: o.dir, Path: rel}
	}
	return filepath.FromSlash(rel), nil
}

// WriteFile writes data to the file rel, making the folders it is in.
func (o *Root) WriteFile(rel string, data []byte) error {
	p, err := o.local(rel, false)
	if err != nil {
		return err
	}
	err = o.r.WriteFile(p, data, 0o644)
	if errors.Is(err, fs.ErrNotExist) {
		if d := path.Dir(rel); d != "." {
			if err := o.MkdirAll(d); err != nil {
				return err
			}
		}
		err = o.r.WriteFile(p, data, 0o644)
	}
	return err
}

// Mkdir makes the folder rel; one that exists already is no error.
func (o *Root) Mkdir(rel string) error {
	p, err := o.local(rel, false)
	if err != nil {
		return err
	}
	if err := o.r.Mkdir(p, 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
		return err
	}
	return nil
}

// MkdirAll makes the folder rel and those it is in.
func (o *Root) MkdirAll(rel string) error {
	p, err := o.local(rel, false)
	if err != nil {
		return err
	}
	return o.r.MkdirAll(p, 0o755)
}

// Remove removes the file or empty folder rel; a symbolic link is removed,
// not what it points at.
func (o *Root) Remove(rel string) error {
	p, err := o.local(rel, false)
	if err != nil {
		return err
	}
	return o.r.Remove(p)
}

// RemoveAll removes rel and everything in it, following no link.
func (o *Root) RemoveAll(rel string) error {
	p, err := o.local(rel, false)
	if err != nil {
		return err
	}
	return o.r.RemoveAll(p)
}

// Lstat describes rel without following a link at its end.
func (o *Root) Lstat(rel string) (fs.FileInfo, error) {
	p, err := o.local(rel, true)
	if err != nil {
		return nil, err
	}
	return o.r.Lstat(p)
}

// Stat describes rel.
func (o *Root) Stat(rel string) (fs.FileInfo, error) {
	p, err := o.local(rel, true)
	if err != nil {
		return nil, err
	}
	return o.r.Stat(p)
}

// ReadFile reads the file rel.
func (o *Root) ReadFile(rel string) ([]byte, error) {
	p, err := o.local(rel, false)
	if err != nil {
		return nil, err
	}
	return o.r.ReadFile(p)
}

// Open opens rel for reading.
func (o *Root) Open(rel string) (*os.File, error) {
	p, err := o.local(rel, true)
	if err != nil {
		return nil, err
	}
	return o.r.Open(p)
}

// ReadDir lists the folder rel.
func (o *Root) ReadDir(rel string) ([]fs.DirEntry, error) {
	if _, err := o.local(rel, true); err != nil {
		return nil, err
	}
	return fs.ReadDir(o.r.FS(), rel)
}

// Rename moves oldRel to newRel, both inside the folder.
func (o *Root) Rename(oldRel, newRel string) error {
	op, err := o.local(oldRel, false)
	if err != nil {
		return err
	}
	np, err := o.local(newRel, false)
	if err != nil {
		return err
	}
	return o.r.Rename(op, np)
}

// Sub opens the folder rel, which must be a folder and not a symbolic
// link, as a Root of its own.
func (o *Root) Sub(rel string) (*Root, error) {
	p, err := o.local(rel, false)
	if err != nil {
		return nil, err
	}
	st, err := o.r.Lstat(p)
	if err != nil {
		return nil, err
	}
	if !st.IsDir() {
		return nil, &OutsideError{Dir: o.dir, Path: rel}
	}
	r, err := o.r.OpenRoot(p)
	if err != nil {
		return nil, err
	}
	return &Root{r: r, dir: filepath.Join(o.dir, p)}, nil
}

// FS is the folder as a file system, for walking it.
func (o *Root) FS() fs.FS { return o.r.FS() }
