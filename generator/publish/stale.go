package publish

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
)

// removeUnwritten deletes, in a folder with a manifest, what this run did
// not write: the files the manifest lists, and anything else in the folders
// that changed since the earlier build (a file put in the output by hand, a
// page.html.gz made beside a page); then the folders left empty.
func (w *writer) removeUnwritten() error {
	for rel := range w.prev.files {
		if _, ok := w.written[rel]; ok {
			continue
		}
		if err := os.Remove(w.abs(rel)); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	keep := folders(w.written)
	listed := folders(w.prev.files)
	for d := range listed {
		if w.prev.unchanged(w.abs(d)) {
			continue
		}
		entries, err := os.ReadDir(w.abs(d))
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return err
		}
		for _, e := range entries {
			rel := relTo(d, e.Name())
			switch {
			case e.IsDir() && !keep[rel] && !listed[rel]:
				err = os.RemoveAll(w.abs(rel))
			case !e.IsDir():
				if _, ok := w.written[rel]; !ok {
					err = os.Remove(w.abs(rel))
				}
			}
			if err != nil && !errors.Is(err, fs.ErrNotExist) {
				return err
			}
		}
	}
	var gone []string
	for d := range listed {
		if !keep[d] {
			gone = append(gone, w.abs(d))
		}
	}
	return removeEmpty(gone)
}

// removeStale deletes, in a folder without a manifest, every file this run
// did not write, then the folders that became empty; it reads the whole
// folder to find them.
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
	for _, d := range slices.Compact(dirs) {
		if entries, err := os.ReadDir(d); err == nil && len(entries) == 0 {
			if err := os.Remove(d); err != nil {
				return err
			}
		}
	}
	return nil
}
