// Command jianghan checks and builds the district's case-course library.
//
//	jianghan init   [DIR]
//	jianghan new    KIND SLUG [-s SITE]
//	jianghan check  [-s SITE] [--drafts] [--all]
//	jianghan serve  [-s SITE] [--addr 127.0.0.1:1313] [--drafts] [--no-watch] [--all]
//	                [--tls-cert FILE --tls-key FILE] [--http-redirect ADDR] [--access-log FILE]
//	jianghan build  [-s SITE] [-o OUT] [--base-url URL] [--drafts] [--portable] [--precompress] [--all]
//	jianghan search [-s SITE] [-n 10] [--kind K] [--street S] [--topic T] [--method M] [--json] QUERY
//	jianghan version
//
// It speaks Chinese; --lang en, anywhere on the line, or JIANGHAN_LANG=en
// gives English. Every command takes -h. Exit status: 0 done, 1 the content
// has errors (nothing published), 2 bad usage.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/jianghan-district/jianghan/generator/diag"
	"github.com/jianghan-district/jianghan/internal/msg"
	"github.com/jianghan-district/jianghan/internal/term"
)

// Exit statuses, as the SPEC fixes them.
const (
	exitOK      = 0
	exitContent = 1
	exitUsage   = 2
)

// command is one verb of the command line.
type command struct {
	name  string
	about msg.Key
	// args are the positional arguments as the synopsis shows them,
	// in brackets when optional.
	args string
	run  func(c *cli, args []string) int
}

// commands, in the order the usage lists them: a trainer's day.
var commands = []*command{
	{name: "init", about: msg.CmdInit, run: cmdInit},
	{name: "new", about: msg.CmdNew, run: cmdNew},
	{name: "check", about: msg.CmdCheck, run: cmdCheck},
	{name: "serve", about: msg.CmdServe, run: cmdServe},
	{name: "build", about: msg.CmdBuild, run: cmdBuild},
	{name: "search", about: msg.CmdSearch, run: cmdSearch},
	{name: "version", about: msg.CmdVersion, run: cmdVersion},
}

// cli is one run of the command line: where it writes, and for which
// command.
type cli struct {
	stdout, stderr io.Writer
	cmd            *command
	// stop, when set, ends serve instead of Ctrl-C (tests set it).
	stop context.Context
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run is main without the process: tests call it.
func run(args []string, stdout, stderr io.Writer) int {
	// What a command prints may quote content (titles, snippets, file
	// names); none of it may drive the terminal.
	out, errOut := term.NewWriter(stdout), term.NewWriter(stderr)
	defer out.Flush()
	defer errOut.Flush()
	return (&cli{stdout: out, stderr: errOut}).run(args)
}

func (c *cli) run(args []string) int {
	args, lang, err := langArg(args)
	if err != nil {
		c.fail(err.Key, err.Args...)
		return exitUsage
	}
	msg.SetLang(lang)
	if len(args) == 0 {
		c.usage(c.stderr)
		return exitUsage
	}
	switch args[0] {
	case "-h", "--help", "-help", "help":
		if len(args) > 1 {
			if cmd := find(args[1]); cmd != nil {
				c.cmd = cmd
				return cmd.run(c, []string{"-h"})
			}
		}
		c.usage(c.stdout)
		return exitOK
	case "-version", "--version", "-v":
		args[0] = "version"
	}
	cmd := find(args[0])
	if cmd == nil {
		var names []string
		for _, k := range commands {
			names = append(names, k.name)
		}
		c.fail(msg.UnknownCommand, args[0], diag.DidYouMean(args[0], names))
		return exitUsage
	}
	c.cmd = cmd
	return cmd.run(c, args[1:])
}

func find(name string) *command {
	for _, k := range commands {
		if k.name == name {
			return k
		}
	}
	return nil
}

// langArg takes --lang out of args wherever it stands, so that it works
// before or after the command; without it the language is JIANGHAN_LANG's.
func langArg(args []string) ([]string, msg.Lang, *msg.Error) {
	lang := msg.Current()
	var rest []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			rest = append(rest, args[i:]...)
			break
		}
		name, val, hasVal := strings.Cut(a, "=")
		if name != "--lang" && name != "-lang" {
			rest = append(rest, a)
			continue
		}
		if !hasVal {
			if i+1 >= len(args) {
				return nil, lang, &msg.Error{Key: msg.FlagNeedsValue, Args: []any{"--lang"}}
			}
			i++
			val = args[i]
		}
		l, ok := msg.Parse(val)
		if !ok {
			return nil, lang, &msg.Error{Key: msg.UnknownLang, Args: []any{val}}
		}
		lang = l
	}
	return rest, lang, nil
}

// fail prints one line naming the command and what is wrong.
func (c *cli) fail(key msg.Key, args ...any) {
	fmt.Fprintln(c.stderr, c.prefix()+msg.T(key, args...))
}

// failErr prints an error the same way.
func (c *cli) failErr(err error) {
	fmt.Fprintln(c.stderr, c.prefix()+err.Error())
}

// usageError is fail with the hint where to read the command's usage.
func (c *cli) usageError(key msg.Key, args ...any) int {
	c.fail(key, args...)
	if c.cmd != nil {
		fmt.Fprintln(c.stderr, msg.T(msg.SeeHelp, c.cmd.name))
	}
	return exitUsage
}

func (c *cli) prefix() string {
	name := "jianghan"
	if c.cmd != nil {
		name += " " + c.cmd.name
	}
	return msg.T(msg.ErrPrefix, name)
}

// usage prints the list of commands.
func (c *cli) usage(w io.Writer) {
	var b strings.Builder
	b.WriteString(msg.T(msg.UsageIntro) + "\n\n" + msg.T(msg.HelpUsage) + "\n")
	for _, k := range commands {
		fmt.Fprintf(&b, "  jianghan %-8s %s\n", k.name, msg.T(k.about))
	}
	b.WriteString("\n" + msg.T(msg.UsageFooter) + "\n")
	io.WriteString(w, b.String())
}
