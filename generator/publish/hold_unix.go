//go:build unix

package publish

import (
	"errors"
	"os"
	"syscall"
)

// Hold takes a shared lock on the open folder f, an output a server is
// reading, without waiting: a build does not reuse a folder held so as the
// starting point of the next output (Publish), so nothing a server still
// reads is rewritten under it. The lock goes when f is closed. ErrBusy
// means a build still holds the folder: try again in a moment.
func Hold(f *os.File) error {
	err := syscall.Flock(int(f.Fd()), syscall.LOCK_SH|syscall.LOCK_NB)
	if errors.Is(err, syscall.EWOULDBLOCK) {
		return ErrBusy
	}
	return err
}
