//go:build unix

package publish

import (
	"errors"
	"os"
	"syscall"
)

// tryLock takes the lock on the open folder f without waiting; free is
// false when a running build holds it. The lock goes when f is closed or
// the process ends, however it ends.
func tryLock(f *os.File) (free bool, err error) {
	err = syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
	if errors.Is(err, syscall.EWOULDBLOCK) {
		return false, nil
	}
	return err == nil, err
}
