package publish

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"strings"

	"github.com/jianghan-district/jianghan/internal/msg"
)

// The side folders of an output OUT, beside it in the same parent folder:
//
//	.OUT.new-DIGITS       the folder a build writes into, renamed to OUT
//	                      when every file is written
//	.OUT.jianghan-prev    the output before the current one, which the next
//	                      build reuses as its .OUT.new-DIGITS
//
// Both are ours: each holds a Marker from the moment it is made, and a
// build holds a lock on the folder it writes into. A server reading an
// output holds it too (Hold): such a folder is never reused, and when it
// would be replaced it is moved aside as a .OUT.new-DIGITS of its own. A build killed with
// kill -9 leaves its .OUT.new-DIGITS behind; the next build of the same
// output removes it, but only when it is a real folder (not a symbolic
// link), its name is exactly ours, it holds our Marker or nothing at all,
// and no running build holds its lock. A folder that is not ours is never
// touched. Every operation here goes through the parent folder's Root, by
// name, so none follows a link.

func prevName(name string) string  { return "." + name + ".jianghan-prev" }
func newPrefix(name string) string { return "." + name + ".new-" }
func isNewName(name, e string) bool {
	return isDigits(strings.TrimPrefix(e, newPrefix(name))) && strings.HasPrefix(e, newPrefix(name))
}

func isDigits(s string) bool {
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return s != ""
}

// ours reports whether the side folder dir of side is a real folder made by
// a build: its Marker is a regular file beginning with markerHead; or, with
// empty, it holds nothing at all (a build killed before it wrote a file).
func ours(side *Root, dir string, empty bool) bool {
	st, err := side.Lstat(dir)
	if err != nil || !st.IsDir() {
		return false
	}
	if st, err := side.Lstat(dir + "/" + Marker); err == nil && st.Mode().IsRegular() {
		f, err := side.Open(dir + "/" + Marker)
		if err != nil {
			return false
		}
		defer f.Close()
		head := make([]byte, len(markerHead)+1)
		_, err = io.ReadFull(f, head)
		return err == nil && bytes.Equal(head, []byte(markerHead+"\n"))
	}
	if !empty {
		return false
	}
	entries, err := side.ReadDir(dir)
	return err == nil && len(entries) == 0
}

// removeLeftovers removes the .NAME.new-DIGITS folders that killed builds
// of the output NAME left in side. Failures are not errors: the folder is
// tried again by the next build.
func removeLeftovers(side *Root, name string) {
	entries, err := side.ReadDir(".")
	if err != nil {
		return
	}
	for _, e := range entries {
		if !isNewName(name, e.Name()) || !ours(side, e.Name(), true) {
			continue
		}
		f, err := side.Open(e.Name())
		if err != nil {
			continue
		}
		// A build still writing into it holds its lock.
		if free, err := tryLock(f); err == nil && free {
			side.RemoveAll(e.Name())
		}
		f.Close()
	}
}

// heldBy reports whether a server holds the side folder name (Hold).
func heldBy(side *Root, name string) bool {
	f, err := side.Open(name)
	if err != nil {
		return false
	}
	defer f.Close()
	free, err := tryLock(f)
	return err == nil && !free
}

// building is the folder a build writes into, locked while it does.
type building struct {
	tmp    string // its name in the parent folder
	root   *Root
	reused bool // it is the previous output, not a new empty folder
	lock   *os.File
}

func (b *building) close() {
	b.root.Close()
	if b.lock != nil {
		b.lock.Close()
	}
}

// begin makes the folder a build of the output name writes into: the
// previous output renamed, when there is one of ours, or a new folder
// holding a Marker that says so.
func begin(side *Root, name string) (*building, error) {
	prev := prevName(name)
	b := &building{}
	st, err := side.Lstat(prev)
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return nil, err
	case st.IsDir() && ours(side, prev, false) && heldBy(side, prev):
		// A server still reads it (Hold): start afresh; swap moves it aside.
	case st.IsDir() && ours(side, prev, false):
		b.tmp = newPrefix(name) + fmt.Sprint(rand.Uint32())
		b.reused = side.Rename(prev, b.tmp) == nil
	case st.IsDir():
		return nil, msg.Errorf(msg.OutSideForeign, side.Dir()+string(os.PathSeparator)+prev)
	default:
		// A symbolic link or a file under the build's own name: remove
		// it, never what it points at.
		if err := side.Remove(prev); err != nil {
			return nil, err
		}
	}
	if !b.reused {
		for i := 0; ; i++ {
			b.tmp = newPrefix(name) + fmt.Sprint(rand.Uint32())
			err := side.r.Mkdir(b.tmp, 0o755)
			if err == nil {
				break
			}
			if !errors.Is(err, fs.ErrExist) || i > 100 {
				return nil, err
			}
		}
	}
	if err := side.r.Chmod(b.tmp, 0o755); err != nil {
		side.RemoveAll(b.tmp)
		return nil, err
	}
	root, err := side.Sub(b.tmp)
	if err != nil {
		side.RemoveAll(b.tmp)
		return nil, err
	}
	b.root = root
	if !b.reused {
		// Marked at once, so that a build killed from here on leaves a
		// folder the next one knows as its own.
		if err := root.WriteFile(Marker, []byte(markerHead+"\n")); err != nil {
			root.Close()
			side.RemoveAll(b.tmp)
			return nil, err
		}
	}
	// The lock only keeps another build from taking this folder for a
	// leftover; where the file system has no locks, the build goes on.
	if f, err := side.Open(b.tmp); err == nil {
		b.lock = f
		tryLock(f)
	}
	return b, nil
}

// swap puts the new folder tmp in place of the output name and keeps the
// old output as its previous one. Between the two renames the output is
// missing for an instant, never half-written.
func swap(side *Root, tmp, name string) error {
	prev := prevName(name)
	moved := false
	if _, err := side.Lstat(name); err == nil {
		// prev is there when an earlier build was interrupted (begin
		// refused a folder there that is not ours), or when a server
		// still reads it (Hold): that one is moved aside under the name
		// of an unfinished build, and a later build removes it once it is
		// let go (removeLeftovers).
		if heldBy(side, prev) {
			if err := side.Rename(prev, newPrefix(name)+fmt.Sprint(rand.Uint32())); err != nil {
				return err
			}
		} else if err := side.RemoveAll(prev); err != nil {
			return err
		}
		if err := side.Rename(name, prev); err != nil {
			return err
		}
		moved = true
	}
	if err := side.Rename(tmp, name); err != nil {
		if moved {
			side.Rename(prev, name)
		}
		return err
	}
	return nil
}
