package main

import (
	"os"
	"path/filepath"

	"github.com/jianghan-district/jianghan/internal/msg"
)

// site checks the folder -s names before a command reads it, so that every
// command says the same of a folder that is not there, is a file, or holds
// no content/: one line with the absolute path, exit status 2. ok is false
// when it has said so.
func (c *cli) site(root string) (code int, ok bool) {
	if code, ok := c.siteFolder(root); !ok {
		return code, false
	}
	if st, err := os.Stat(filepath.Join(root, "content")); err != nil || !st.IsDir() {
		c.fail(msg.NoContent, absPath(root))
		return exitUsage, false
	}
	return 0, true
}

// siteFolder is site for new, which needs the folder but says itself what
// a folder without a library in it lacks.
func (c *cli) siteFolder(root string) (code int, ok bool) {
	abs := absPath(root)
	st, err := os.Stat(root)
	switch {
	case err != nil:
		c.fail(msg.SiteFolderMissing, abs)
		return exitUsage, false
	case !st.IsDir():
		c.fail(msg.SiteFolderNotDir, abs)
		return exitUsage, false
	}
	return 0, true
}

func absPath(p string) string {
	if abs, err := filepath.Abs(p); err == nil {
		return abs
	}
	return p
}
