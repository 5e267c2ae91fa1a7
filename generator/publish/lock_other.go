//go:build !unix

package publish

import "os"

// tryLock is a no-op where the system has no advisory locks: leftovers are
// removed by the next build, and two builds of one output at once are not
// supported there.
func tryLock(f *os.File) (free bool, err error) { return true, nil }
