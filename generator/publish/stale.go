package publish

import (
	"errors"
	"io/fs"
	"path"
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
		if err := w.root.Remove(rel); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	keep := folders(w.written)
	listed := folders(w.prev.files)
	for d := range listed {
		if w.prev.unchanged(w.root, d) {
			continue
		}
		entries, err := w.root.ReadDir(d)
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
				err = w.root.RemoveAll(rel)
			case !e.IsDir():
				if _, ok := w.written[rel]; !ok {
					err = w.root.Remove(rel)
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
			gone = append(gone, d)
		}
	}
	return w.removeEmpty(gone)
}

// removeStale deletes, in a folder without a manifest, every file this run
// did not write, then the folders that became empty; it reads the whole
// folder to find them, following no link.
func (w *writer) removeStale() error {
	var dirs []string
	err := fs.WalkDir(w.root.FS(), ".", func(rel string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if rel == "." {
			return nil
		}
		if d.IsDir() {
			dirs = append(dirs, rel)
			return nil
		}
		if _, ok := w.written[rel]; !ok {
			return w.root.Remove(rel)
		}
		return nil
	})
	if err != nil {
		return err
	}
	return w.removeEmpty(dirs)
}

// removeEmpty removes those of dirs (slash paths) that are empty, deepest
// first, so a folder whose only content was an emptied folder goes too.
func (w *writer) removeEmpty(dirs []string) error {
	sort.Slice(dirs, func(i, j int) bool {
		ci, cj := strings.Count(dirs[i], "/"), strings.Count(dirs[j], "/")
		if ci != cj {
			return ci > cj
		}
		return dirs[i] < dirs[j]
	})
	for _, d := range slices.Compact(dirs) {
		if d == "." {
			continue
		}
		if entries, err := w.root.ReadDir(d); err == nil && len(entries) == 0 {
			if err := w.root.Remove(d); err != nil {
				return err
			}
		}
	}
	return nil
}

// relTo returns the slash path of name in the folder at slash path dir.
func relTo(dir, name string) string {
	if dir == "." {
		return name
	}
	return path.Join(dir, name)
}
