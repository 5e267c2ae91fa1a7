package main

import (
	"fmt"
	"runtime"
	"runtime/debug"

	"github.com/jianghan-district/jianghan/internal/msg"
)

func cmdVersion(c *cli, args []string) int {
	f := c.flags()
	pos, code, ok := f.parse(args)
	if !ok {
		return code
	}
	if code, ok := f.noArgs(pos); !ok {
		return code
	}
	v := readVersion()
	fmt.Fprintln(c.stdout, msg.T(msg.VersionLine, v.module))
	commit := msg.VersionCommit
	if v.dirty {
		commit = msg.VersionDirty
	}
	fmt.Fprintln(c.stdout, msg.T(commit, v.revision, v.time))
	fmt.Fprintln(c.stdout, msg.T(msg.VersionGo, runtime.Version(), runtime.GOOS, runtime.GOARCH))
	return exitOK
}

// version is what the build info says of this binary.
type version struct {
	module, revision, time string
	dirty                  bool
}

// readVersion reads the module version and the commit the binary was built
// from (go build in a git checkout records them); what is not known says so.
func readVersion() version {
	bi, _ := debug.ReadBuildInfo()
	return versionOf(bi)
}

// versionOf reads a build info; nil is a binary that has none.
func versionOf(bi *debug.BuildInfo) version {
	unknown := msg.T(msg.Unknown)
	v := version{module: unknown, revision: unknown, time: unknown}
	if bi == nil {
		return v
	}
	if bi.Main.Version != "" {
		v.module = bi.Main.Version
	}
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			v.revision = s.Value
		case "vcs.time":
			v.time = s.Value
		case "vcs.modified":
			v.dirty = s.Value == "true"
		}
	}
	return v
}
