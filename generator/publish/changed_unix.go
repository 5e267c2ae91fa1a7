//go:build linux || darwin

package publish

import (
	"io/fs"
	"syscall"
	"time"
)

func statChanged(st fs.FileInfo) (time.Time, bool) {
	s, ok := st.Sys().(*syscall.Stat_t)
	if !ok {
		return time.Time{}, false
	}
	t := ctim(s)
	return time.Unix(t.Unix()), true
}
