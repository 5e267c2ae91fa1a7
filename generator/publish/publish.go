// Package publish writes a rendered site to its output folder so that a
// reader or web server never sees a half-written site: everything goes into
// a fresh folder beside the output, which is swapped in only when every file
// was written. A folder that jianghan did not make is never emptied.
package publish

import (
	"errors"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/jianghan-district/jianghan/generator/render"
	"github.com/jianghan-district/jianghan/internal/msg"
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
		return msg.Wrap(ErrForeign, msg.OutputForeign, out)
	}
	return nil
}

// Publish runs every job into a folder beside out and swaps it in. On any
// failure the previous output is left as it was.
//
// The folder it writes into is the output of the build before last, kept
// beside out as .NAME.jianghan-prev: files whose bytes did not change are
// left alone and folders already exist, so a rebuild creates and writes only
// what changed. File creation is what costs most on most disks, and an
// unchanged file keeps its modification time for rsync and caches.
func Publish(out string, jobs []render.Job, src Sources, opts Options) (err error) {
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
	prev := PrevDir(out)
	reused := false
	if _, err := os.Stat(filepath.Join(prev, Marker)); err == nil && !held(prev) {
		// Reuse the previous-but-one output as the starting point, unless
		// a server still reads it (Hold): then start afresh.
		if err := os.Remove(tmp); err == nil {
			if err := os.Rename(prev, tmp); err != nil {
				if err := os.Mkdir(tmp, 0o755); err != nil {
					return err
				}
			} else {
				reused = true
			}
		}
	}
	defer func() {
		if err != nil {
			os.RemoveAll(tmp)
		}
	}()
	if err := os.Chmod(tmp, 0o755); err != nil {
		return err
	}
	w := newWriter(tmp, src, !reused)
	w.precompress = opts.Precompress
	if err := w.run(jobs); err != nil {
		return err
	}
	if err := w.finish(); err != nil {
		return err
	}
	return swap(tmp, out, prev)
}

// PrevDir is where the output before the current one is kept, beside out.
func PrevDir(out string) string {
	out = filepath.Clean(out)
	return filepath.Join(filepath.Dir(out), "."+filepath.Base(out)+".jianghan-prev")
}

// swap puts the new folder in place of out and keeps the old one as prev.
// Between the two renames out is missing for an instant, never half-written.
func swap(tmp, out, prev string) error {
	moved := false
	if _, err := os.Stat(out); err == nil {
		// prev is there when an earlier build was interrupted, or when a
		// server still reads it (Hold): that one is moved aside, under the
		// name of an unfinished build, and removed once it is let go.
		if held(prev) {
			retire(prev, out)
		} else {
			os.RemoveAll(prev)
		}
		if err := os.Rename(out, prev); err != nil {
			return err
		}
		moved = true
	}
	if err := os.Rename(tmp, out); err != nil {
		if moved {
			os.Rename(prev, out)
		}
		return err
	}
	return nil
}

// retire moves the folder prev, which a server still reads, out of the
// way of the next swap, beside out under the name of a build's unfinished
// folder.
func retire(prev, out string) {
	parent, name := filepath.Dir(out), filepath.Base(out)
	for i := 0; i < 100; i++ {
		to := filepath.Join(parent, "."+name+".new-"+strconv.FormatUint(uint64(rand.Uint32()), 10))
		if _, err := os.Lstat(to); errors.Is(err, fs.ErrNotExist) {
			os.Rename(prev, to)
			return
		}
	}
}
