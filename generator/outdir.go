package generator

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/jianghan-district/jianghan/generator/publish"
	"github.com/jianghan-district/jianghan/internal/msg"
	"github.com/jianghan-district/jianghan/themes"
)

// A build replaces its output folder whole. So the folder is named once,
// cleaned and made absolute, before anything looks at it, and that one path
// is both checked and published to: `-o victim/nonexistent/..` is victim,
// and refused as a folder jianghan did not make. Folders whose replacement
// would harm the site, or much more, are refused outright.

// OutDir returns the output folder the options name, cleaned and absolute.
func (o Options) OutDir() string {
	out, err := o.outDir()
	if err != nil {
		return o.rawOut()
	}
	return out
}

func (o Options) rawOut() string {
	if o.Out != "" {
		return o.Out
	}
	return filepath.Join(o.root(), "public")
}

// outDir resolves the output folder and refuses one a build must not
// replace: the file system's root, the home folder, the site folder, a
// folder holding the site, anything inside content/ or the site's themes.
// Each is refused both as written and with symbolic links resolved.
func (o Options) outDir() (string, error) {
	out, err := publish.Abs(o.rawOut())
	if err != nil {
		return "", err
	}
	site, err := filepath.Abs(o.root())
	if err != nil {
		return "", err
	}
	home, _ := os.UserHomeDir()
	if home != "" {
		home, _ = filepath.Abs(home)
	}
	for _, pair := range [][2]string{{out, site}, {realPath(out), realPath(site)}} {
		if err := refuseOut(pair[0], pair[1], home); err != nil {
			return "", err
		}
	}
	return out, nil
}

// refuseOut says why out must not be the output of the site at site.
func refuseOut(out, site, home string) error {
	content := filepath.Join(site, "content")
	theme := filepath.Join(site, filepath.Dir(filepath.FromSlash(themes.Dir)))
	switch {
	case filepath.Dir(out) == out:
		return msg.Errorf(msg.OutIsRoot, out)
	case home != "" && (out == home || out == realPath(home)):
		return msg.Errorf(msg.OutIsHome, out)
	case out == site:
		return msg.Errorf(msg.OutIsSite, out, filepath.Join(site, "public"))
	case within(out, site):
		return msg.Errorf(msg.OutHoldsSite, out, site)
	case within(content, out):
		return msg.Errorf(msg.OutInContent, out)
	case within(theme, out):
		return msg.Errorf(msg.OutInTheme, out, theme)
	}
	return nil
}

// within reports whether p is dir or inside it; both are clean and absolute.
func within(dir, p string) bool {
	return p == dir || strings.HasPrefix(p, strings.TrimSuffix(dir, string(filepath.Separator))+string(filepath.Separator))
}

// realPath resolves the symbolic links in the longest part of the absolute
// path p that exists, and keeps the rest as it is.
func realPath(p string) string {
	rest := ""
	for q := p; ; q = filepath.Dir(q) {
		if r, err := filepath.EvalSymlinks(q); err == nil {
			return filepath.Join(r, rest)
		}
		if filepath.Dir(q) == q {
			return p
		}
		rest = filepath.Join(filepath.Base(q), rest)
	}
}
