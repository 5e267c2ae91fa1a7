// Command jianghan checks and builds the district's case-course library.
//
//	jianghan build  [-s SITE] [-o OUT] [--base-url URL] [--drafts] [--portable]
//	jianghan serve  [-s SITE] [--addr 127.0.0.1:1313] [--drafts] [--no-watch]
//	jianghan new    KIND SLUG [-s SITE]
//	jianghan check  [-s SITE]
//	jianghan search [-s SITE] [-n 10] [--kind K] [--street S] [--topic T] [--json] QUERY
//
// Exit status: 0 done, 1 the content has errors (nothing published), 2 bad usage.
package main

import (
	"fmt"
	"io"
	"os"
)

const usage = `jianghan builds the community-work case-course library.

Usage:
  jianghan build  [-s SITE] [-o OUT] [--base-url URL] [--drafts] [--portable]
  jianghan serve  [-s SITE] [--addr 127.0.0.1:1313] [--drafts] [--no-watch]
  jianghan new    KIND SLUG [-s SITE]
  jianghan check  [-s SITE]
  jianghan search [-s SITE] [-n 10] [--kind K] [--street S] [--topic T] [--method M] [--json] QUERY

SITE is the site folder (holding content/), the current folder by default.
Exit status: 0 done, 1 the content has errors, 2 bad usage.
`

// Exit statuses, as the SPEC fixes them.
const (
	exitOK      = 0
	exitContent = 1
	exitUsage   = 2
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run is main without the process: tests call it.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	cmds := map[string]func([]string, io.Writer, io.Writer) int{
		"build":  cmdBuild,
		"serve":  cmdServe,
		"new":    cmdNew,
		"check":  cmdCheck,
		"search": cmdSearch,
	}
	switch args[0] {
	case "-h", "--help", "help":
		fmt.Fprint(stdout, usage)
		return exitOK
	}
	cmd, ok := cmds[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "jianghan: unknown command %q\n\n%s", args[0], usage)
		return exitUsage
	}
	return cmd(args[1:], stdout, stderr)
}
