// Package starter holds the new library that jianghan init writes: a
// site.yaml whose every setting says what it is for, with the streets of
// 江汉区 and a starting set of topics and methods; one example page of each
// kind showing every field; a .gitignore for the build's output and side
// folders; and a short writing guide. The library passes check at once.
package starter

import (
	"embed"
	"errors"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/jianghan-district/jianghan/internal/msg"
)

//go:embed all:files
var embedded embed.FS

// Files is the new library, as a file system.
func Files() fs.FS {
	sub, err := fs.Sub(embedded, "files")
	if err != nil {
		panic(err) // the embed pattern above guarantees the folder
	}
	return sub
}

// Errors Write returns, in the chain of a worded error: a folder that is
// not empty, or a file where the folder should be, is the user's slip.
var (
	ErrNotEmpty = errors.New("folder not empty")
	ErrNotDir   = errors.New("not a folder")
)

// Write writes the new library into dir, which must be missing or empty:
// init never mixes its files with someone's work.
func Write(dir string) error {
	abs, err := filepath.Abs(dir)
	if err != nil {
		abs = dir
	}
	switch st, err := os.Stat(dir); {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return err
	case !st.IsDir():
		return msg.Wrap(ErrNotDir, msg.InitNotDir, abs)
	default:
		entries, err := os.ReadDir(dir)
		if err != nil {
			return err
		}
		if len(entries) > 0 {
			return msg.Wrap(ErrNotEmpty, msg.InitNotEmpty, abs)
		}
	}
	return fs.WalkDir(Files(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		dst := filepath.Join(dir, filepath.FromSlash(p))
		if d.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		b, err := fs.ReadFile(Files(), p)
		if err != nil {
			return err
		}
		return os.WriteFile(dst, b, 0o644)
	})
}
