package render

import (
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/jianghan-district/jianghan/internal/msg"
)

// A job is run in one way, here, whoever runs it: jianghan build writes its
// files into the output folder (package publish), serve keeps them in
// memory. Both open a copy job's Source through Sources, the one reader of
// the "theme:" prefix.

// themeSource prefixes a Source that is a file of the theme; files.go
// writes it and Sources.Open alone reads it.
const themeSource = "theme:"

// Sources opens the files that copy jobs name.
type Sources struct {
	Root  string // the site folder, for bundle and static files
	Theme fs.FS  // the theme, for "theme:" sources
}

// Open opens a copy job's Source. A site file is opened through the site
// folder as a root: a symbolic link that load let pass (it reports every
// link leaving the site) still cannot make a build publish, or serve, a
// file from outside the site. The file is an *os.File for a site file and
// the theme's own fs.File for a theme file.
func (s Sources) Open(src string) (fs.File, error) {
	if rest, ok := strings.CutPrefix(src, themeSource); ok {
		return s.Theme.Open(rest)
	}
	root, err := os.OpenRoot(s.Root)
	if err != nil {
		return nil, err
	}
	defer root.Close()
	return root.Open(filepath.FromSlash(src))
}

// Copies reports whether the job copies a file as it is (its Source) rather
// than rendering one or making a folder.
func (j Job) Copies() bool { return j.Render == nil && j.Files == nil && j.Source != "" }

// Bytes makes the one file a job writes at Path: what Render returns, or
// the bytes of its Source. A job that makes a folder (Files) has no one
// file: Bytes returns nil, nil, and Run is the way to run it.
//
// A job that fails inside (a template function, an image decoder fed a
// strange file) returns an error naming the output file instead of taking
// the build or serve down with a stack trace.
func (j Job) Bytes(src Sources) (b []byte, err error) {
	defer recoverJob(j.Path, &err)
	switch {
	case j.Files != nil:
		return nil, nil
	case j.Render != nil:
		return j.Render()
	default:
		f, err := src.Open(j.Source)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		return io.ReadAll(f)
	}
}

// Run makes every file of a job and hands each to put by its slash path in
// the output: the one file of Bytes, or each file of a folder job. put may
// be called from several goroutines and keeps no reference to data once it
// returns. A panic inside the job is an error, as in Bytes.
func (j Job) Run(src Sources, put func(rel string, data []byte) error) (err error) {
	if j.Files == nil {
		b, err := j.Bytes(src)
		if err != nil {
			return err
		}
		return put(j.Path, b)
	}
	defer recoverJob(j.Path, &err)
	return j.Files(func(name string, data []byte) error {
		return put(path.Join(j.Path, name), data)
	})
}

// recoverJob turns a panic of the job making the output file out into *err.
func recoverJob(out string, err *error) {
	if x := recover(); x != nil {
		*err = msg.Errorf(msg.JobPanic, out, x)
	}
}
