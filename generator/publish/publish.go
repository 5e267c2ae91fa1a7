// Package publish writes a rendered site to its output folder so that a
// reader or web server never sees a half-written site: everything goes into
// a fresh folder beside the output, which is swapped in only when every file
// was written. A folder that jianghan did not make is never emptied.
package publish

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/jianghan-district/jianghan/generator/render"
	"github.com/jianghan-district/jianghan/internal/msg"
)

// Marker is the file that marks a folder as made by jianghan build, and so
// safe to replace.
const Marker = ".jianghan-build"

// Options are the choices of one Publish.
type Options struct {
	// Precompress writes beside every text file its compressed copies,
	// FILE.gz and FILE.br (precompress.go).
	Precompress bool
}

// ErrBusy says that a build holds a folder still (Hold).
var ErrBusy = errors.New("a build holds the folder")

// ErrForeign is returned when the output folder exists, holds files, and was
// not made by jianghan build.
var ErrForeign = errors.New("output folder was not made by jianghan build")

// CheckOut refuses an output folder that holds files and no Marker. Give
// it the output's absolute, cleaned path (see Abs): the same path Publish
// then writes, not the one as typed, which may not exist
// (victim/nonexistent/..) and name another folder once cleaned.
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
		return msg.Wrap(ErrForeign, msg.OutputForeign, out)
	}
	return nil
}

// Abs returns the output folder's path cleaned and made absolute, the one
// path every check and every write of a build uses.
func Abs(out string) (string, error) {
	return filepath.Abs(filepath.Clean(out))
}

// Publish runs every job into a folder beside out and swaps it in. On any
// failure the previous output is left as it was.
//
// The folder it writes into is the output of the build before last, kept
// beside out as .NAME.jianghan-prev: files whose bytes did not change are
// left alone and folders already exist, so a rebuild creates and writes only
// what changed. File creation is what costs most on most disks, and an
// unchanged file keeps its modification time for rsync and caches.
//
// The previous-but-one output is not reused while a server still reads it
// (Hold): the build then starts afresh.
//
// Beside out, Publish touches only its own side folders, by name and never
// through a symbolic link: .NAME.jianghan-prev, and .NAME.new-DIGITS while
// it writes (see sides.go), whose leftovers from killed builds it removes.
func Publish(out string, jobs []render.Job, src render.Sources, opts Options) (err error) {
	out, err = Abs(out)
	if err != nil {
		return err
	}
	if err := CheckOut(out); err != nil {
		return err
	}
	parent, name := filepath.Dir(out), filepath.Base(out)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return err
	}
	side, err := OpenRoot(parent)
	if err != nil {
		return err
	}
	defer side.Close()
	removeLeftovers(side, name)
	b, err := begin(side, name)
	if err != nil {
		return err
	}
	defer b.close()
	defer func() {
		if err != nil {
			side.RemoveAll(b.tmp)
		}
	}()
	w := newWriter(b.root, src, !b.reused)
	w.precompress = opts.Precompress
	if err := w.run(jobs); err != nil {
		return err
	}
	if err := w.finish(); err != nil {
		return err
	}
	return swap(side, b.tmp, name)
}

// PrevDir is where the output before the current one is kept, beside out.
func PrevDir(out string) string {
	out = filepath.Clean(out)
	return filepath.Join(filepath.Dir(out), prevName(filepath.Base(out)))
}
