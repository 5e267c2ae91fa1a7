//go:build !unix

package publish

import "os"

// Hold does nothing where the system has no advisory locks.
func Hold(f *os.File) error { return nil }
