package publish

import (
	"io/fs"
	"time"
)

// changed returns when a file's or folder's inode last changed: its content,
// its entries for a folder, or its times. Unlike the modification time, no
// one can set it back (`touch -r`, `cp -p`, rsync -t and tar all can), so a
// file or folder changed after a build is told apart from one the build
// left as it was. Where the system does not report it, the modification
// time stands in.
func changed(st fs.FileInfo) time.Time {
	if t, ok := statChanged(st); ok {
		return t
	}
	return st.ModTime()
}
