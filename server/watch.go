package server

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/jianghan-district/jianghan/generator"
)

// The watcher turns file system events into batches of changed paths.
// fsnotify watches single folders, so every folder under content/ and the
// theme is added, folders that appear are added (and the files already in
// them reported), and folders that go are dropped. Editors' temporary files
// and permission-only changes are ignored. Events are gathered until the
// files have been quiet for a moment: a save is one batch, and a git
// checkout of five hundred files is one batch too.

// Debounce timings. A save (one to four events) is sent after quiet; a
// burst waits for burstQuiet of silence; no batch waits more than maxWait.
const (
	quiet      = 12 * time.Millisecond
	burstQuiet = 150 * time.Millisecond
	burstSize  = 8
	maxWait    = 2 * time.Second
)

// watchedTops are the folders of the site root that matter to serve.
var watchedTops = map[string]bool{"content": true, "themes": true}

// watcher watches a site's content and theme.
type watcher struct {
	root string
	fw   *fsnotify.Watcher
	dirs map[string]bool // absolute paths being watched
	out  chan []generator.Change
	errs func(error)
}

// newWatcher starts watching root's content/ and themes/ (if there), and
// the root itself, so that content/ or a theme appearing later is seen.
func newWatcher(root string, errs func(error)) (*watcher, error) {
	abs, err := filepath.Abs(root)
	if err != nil {
		return nil, err
	}
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	w := &watcher{root: abs, fw: fw, dirs: map[string]bool{}, out: make(chan []generator.Change), errs: errs}
	if err := w.add(abs); err != nil {
		fw.Close()
		return nil, err
	}
	for top := range watchedTops {
		if _, err := w.addTree(filepath.Join(abs, top)); err != nil && !errors.Is(err, fs.ErrNotExist) {
			fw.Close()
			return nil, err
		}
	}
	return w, nil
}

func (w *watcher) add(dir string) error {
	if w.dirs[dir] {
		return nil
	}
	if err := w.fw.Add(dir); err != nil {
		return err
	}
	w.dirs[dir] = true
	return nil
}

// addTree watches dir and every folder under it, and returns the files
// found, which may have been written before the watch began.
func (w *watcher) addTree(dir string) ([]string, error) {
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == dir {
				return err
			}
			return nil // gone meanwhile
		}
		if p != dir && ignoredName(d.Name()) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return w.add(p)
		}
		files = append(files, p)
		return nil
	})
	return files, err
}

// drop forgets dir and the folders under it.
func (w *watcher) drop(dir string) {
	prefix := dir + string(filepath.Separator)
	for d := range w.dirs {
		if d == dir || strings.HasPrefix(d, prefix) {
			w.fw.Remove(d) // fails harmlessly when the folder is gone
			delete(w.dirs, d)
		}
	}
}

// ignoredName is a file serve does not react to: hidden files, editors'
// temporary files (vim's .swp/.swx/4913 and ~ backups, emacs' #autosave#
// and .#locks, JetBrains' ___jb_ files, kate's swap files).
func ignoredName(name string) bool {
	return generator.IsIgnored(name) ||
		(strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#")) ||
		strings.HasSuffix(name, "___jb_tmp___") || strings.HasSuffix(name, "___jb_old___") ||
		strings.HasSuffix(name, ".kate-swp") || strings.HasSuffix(name, ".crswap")
}

// relevant turns an event's path into a site-relative path, or "" when
// serve does not care about it.
func (w *watcher) relevant(name string) string {
	rel, err := filepath.Rel(w.root, name)
	if err != nil || rel == "." || strings.HasPrefix(rel, "..") {
		return ""
	}
	rel = filepath.ToSlash(rel)
	top, _, _ := strings.Cut(rel, "/")
	if !watchedTops[top] {
		return ""
	}
	for _, part := range strings.Split(rel, "/") {
		if ignoredName(part) {
			return ""
		}
	}
	return rel
}

// handle files one event into pending, adding and dropping watches; it
// reports whether the event mattered.
func (w *watcher) handle(ev fsnotify.Event, pending map[string]bool) bool {
	if ev.Op == fsnotify.Chmod {
		return false // touch, chmod, and the metadata storms of some sync tools
	}
	rel := w.relevant(ev.Name)
	if rel == "" {
		return false
	}
	pending[rel] = true
	if ev.Op.Has(fsnotify.Remove) || ev.Op.Has(fsnotify.Rename) {
		w.drop(ev.Name)
	}
	if ev.Op.Has(fsnotify.Create) {
		if st, err := os.Stat(ev.Name); err == nil && st.IsDir() {
			files, err := w.addTree(ev.Name)
			if err != nil && w.errs != nil {
				w.errs(err)
			}
			for _, f := range files {
				if r := w.relevant(f); r != "" {
					pending[r] = true
				}
			}
		}
	}
	return true
}

// run reads events until ctx ends, sending debounced batches to w.out.
func (w *watcher) run(ctx context.Context) {
	defer w.fw.Close()
	pending := map[string]bool{}
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	var first time.Time
	ready := false
	for {
		var out chan []generator.Change
		var batch []generator.Change
		if ready && len(pending) > 0 {
			out = w.out
			batch = changes(pending)
		}
		select {
		case <-ctx.Done():
			return
		case ev, ok := <-w.fw.Events:
			if !ok {
				return
			}
			if !w.handle(ev, pending) {
				continue
			}
			if first.IsZero() {
				first = time.Now()
			}
			wait := quiet
			if len(pending) >= burstSize {
				wait = burstQuiet
			}
			if left := maxWait - time.Since(first); left < wait {
				wait = max(left, 0)
			}
			ready = false
			timer.Reset(wait)
		case err, ok := <-w.fw.Errors:
			if !ok {
				return
			}
			if w.errs != nil {
				w.errs(err)
			}
		case <-timer.C:
			ready = true
		case out <- batch:
			pending = map[string]bool{}
			ready = false
			first = time.Time{}
		}
	}
}

// changes lists pending paths in a stable order.
func changes(pending map[string]bool) []generator.Change {
	paths := make([]string, 0, len(pending))
	for p := range pending {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	out := make([]generator.Change, len(paths))
	for i, p := range paths {
		out[i] = generator.Change{Path: p}
	}
	return out
}
