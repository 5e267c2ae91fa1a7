package load

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/jianghan-district/jianghan/generator/diag"
	"github.com/jianghan-district/jianghan/internal/msg"
	"github.com/jianghan-district/jianghan/themes"
)

// Symbolic links: a link to a file inside the site is read as that file; a
// link whose target is outside the site (content/static/passwd ->
// /etc/passwd) would publish whatever it points at, and is an error naming
// it. A link to a folder is not followed (it could loop, or lead anywhere),
// and a folder's files belong in the folder. Named pipes, sockets and
// devices are not files to publish: reading one could wait forever.

// walker walks the site's folders, knowing where the site really is.
type walker struct {
	root  string
	real  string // the site folder with every link resolved, absolute
	diags *diag.List
}

func newWalker(root string, diags *diag.List) *walker {
	w := &walker{root: root, diags: diags}
	abs, err := filepath.Abs(root)
	if err != nil {
		abs = root
	}
	w.real = abs
	if r, err := filepath.EvalSymlinks(abs); err == nil {
		w.real = r
	}
	return w
}

// entry tells what the entry at rel (site-relative, slash separated), of
// the type a folder listing gave, is to the walk: a folder, a file, or
// (ok false, reported) nothing to use.
func (w *walker) entry(rel string, typ fs.FileMode) (isDir, ok bool) {
	switch {
	case typ.IsDir():
		return true, true
	case typ.IsRegular():
		return false, true
	case typ&fs.ModeSymlink == 0:
		w.diags.Error(rel, 0, 0, msg.FileNotRegular, typ.Type().String())
		return false, false
	}
	p := filepath.Join(w.root, filepath.FromSlash(rel))
	target, err := filepath.EvalSymlinks(p)
	if err != nil {
		to, _ := os.Readlink(p)
		w.diags.Error(rel, 0, 0, msg.LinkBroken, to)
		return false, false
	}
	if abs, err := filepath.Abs(target); err == nil {
		target = abs
	}
	if !within(w.real, target) {
		w.diags.Error(rel, 0, 0, msg.LinkOutside, target)
		return false, false
	}
	st, err := os.Stat(p)
	switch {
	case err != nil:
		w.diags.Error(rel, 0, 0, msg.CannotRead, err)
		return false, false
	case st.IsDir():
		w.diags.Error(rel, 0, 0, msg.LinkFolder, target)
		return false, false
	case !st.Mode().IsRegular():
		w.diags.Error(rel, 0, 0, msg.FileNotRegular, st.Mode().Type().String())
		return false, false
	}
	return false, true
}

// within reports whether the absolute path p is dir or inside it.
func within(dir, p string) bool {
	return p == dir || strings.HasPrefix(p, strings.TrimSuffix(dir, string(filepath.Separator))+string(filepath.Separator))
}

// ThemeLinks reports the links in the templates and assets of the site's
// own theme that leave the site, link a folder, or lead nowhere, and
// whatever there is not a file or a folder: the theme is read and
// published as content is.
func ThemeLinks(root string, diags *diag.List) {
	w := newWalker(root, diags)
	for _, sub := range []string{"templates", "assets"} {
		top := filepath.Join(root, filepath.FromSlash(themes.Dir), sub)
		err := filepath.WalkDir(top, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			r, _ := filepath.Rel(root, p)
			w.entry(filepath.ToSlash(r), d.Type())
			return nil
		})
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			diags.Error(themes.Dir+"/"+sub, 0, 0, msg.CannotRead, err)
		}
	}
}
