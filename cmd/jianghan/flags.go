package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"regexp"
	"strings"

	"github.com/jianghan-district/jianghan/generator/diag"
	"github.com/jianghan-district/jianghan/internal/msg"
)

// flags is a command's options: Go's flag set, with the words of its help
// from the catalogue and its errors worded there too.
type flags struct {
	fs *flag.FlagSet
	c  *cli
	// order and arg remember each option as the help shows it.
	order []string
	arg   map[string]msg.Key
	// extra, when set, adds a section to the help (the kinds of new).
	extra func(w io.Writer)
}

func (c *cli) flags() *flags {
	fs := flag.NewFlagSet("jianghan "+c.cmd.name, flag.ContinueOnError)
	fs.SetOutput(io.Discard) // errors are worded by parse
	return &flags{fs: fs, c: c, arg: map[string]msg.Key{}}
}

func (f *flags) str(name, def string, arg, usage msg.Key, usageArgs ...any) *string {
	f.order, f.arg[name] = append(f.order, name), arg
	return f.fs.String(name, def, msg.T(usage, usageArgs...))
}

func (f *flags) integer(name string, def int, arg, usage msg.Key, usageArgs ...any) *int {
	f.order, f.arg[name] = append(f.order, name), arg
	return f.fs.Int(name, def, msg.T(usage, usageArgs...))
}

func (f *flags) boolean(name string, usage msg.Key) *bool {
	f.order = append(f.order, name)
	return f.fs.Bool(name, false, msg.T(usage))
}

// site adds -s, which every command on a library takes.
func (f *flags) site() *string { return f.str("s", ".", msg.ArgSite, msg.FlagSite) }

// all adds --all, which lists every warning rather than folding them.
func (f *flags) all() *bool { return f.boolean("all", msg.FlagAll) }

// name writes an option as people type it: -s, --drafts.
func name(n string) string {
	if len(n) == 1 {
		return "-" + n
	}
	return "--" + n
}

// synopsis is the command's line of usage, built from its options.
func (f *flags) synopsis() string {
	parts := []string{"jianghan", f.c.cmd.name}
	for _, n := range f.order {
		if arg, ok := f.arg[n]; ok {
			parts = append(parts, "["+name(n)+" "+msg.T(arg)+"]")
		} else {
			parts = append(parts, "["+name(n)+"]")
		}
	}
	if f.c.cmd.args != "" {
		parts = append(parts, f.c.cmd.args)
	}
	return strings.Join(parts, " ")
}

// help prints the command's help: what it does, its synopsis, its options.
func (f *flags) help(w io.Writer) {
	var b strings.Builder
	fmt.Fprintf(&b, "%s%s\n\n%s\n  %s\n\n%s\n", msg.T(msg.ErrPrefix, "jianghan "+f.c.cmd.name), msg.T(f.c.cmd.about), msg.T(msg.HelpUsage), f.synopsis(), msg.T(msg.HelpOptions))
	type row struct{ left, right string }
	var rows []row
	for _, n := range f.order {
		left := name(n)
		if arg, ok := f.arg[n]; ok {
			left += " " + msg.T(arg)
		}
		rows = append(rows, row{left, f.fs.Lookup(n).Usage})
	}
	rows = append(rows, row{"--lang " + msg.T(msg.ArgLang), msg.T(msg.FlagLang)}, row{"-h, --help", msg.T(msg.FlagHelp)})
	width := 0
	for _, r := range rows {
		width = max(width, displayWidth(r.left))
	}
	for _, r := range rows {
		fmt.Fprintf(&b, "  %s%s  %s\n", r.left, strings.Repeat(" ", width-displayWidth(r.left)), r.right)
	}
	io.WriteString(w, b.String())
	if f.extra != nil {
		f.extra(w)
	}
}

// displayWidth counts a Chinese character as two columns, as terminals do.
func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x1100 {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// The errors of Go's flag package, to be worded again.
var (
	unknownFlagRE = regexp.MustCompile(`^flag provided but not defined: -+(.+)$`)
	needsValueRE  = regexp.MustCompile(`^flag needs an argument: -+(.+)$`)
	badValueRE    = regexp.MustCompile(`^invalid (?:boolean )?value "(.*)" for (?:flag )?-+([^:]+): `)
	badSyntaxRE   = regexp.MustCompile(`^bad flag syntax: (.*)$`)
)

// parse reads the options and returns the positional arguments; flags may
// come before, between and after them (`jianghan new cases lift -s site`),
// which Go's flag package alone does not allow. ok is false when parsing
// ended the command: -h printed the help (code 0), or an option was wrong
// (code 2, said in one line).
func (f *flags) parse(args []string) (pos []string, code int, ok bool) {
	for {
		if err := f.fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				f.help(f.c.stdout)
				return nil, exitOK, false
			}
			return nil, f.badFlag(err), false
		}
		args = f.fs.Args()
		if len(args) == 0 {
			return pos, 0, true
		}
		if args[0] == "--" {
			return append(pos, args[1:]...), 0, true
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// badFlag words an error of the flag package.
func (f *flags) badFlag(err error) int {
	s := err.Error()
	if m := unknownFlagRE.FindStringSubmatch(s); m != nil {
		var known []string
		for _, n := range f.order {
			known = append(known, name(n))
		}
		return f.c.usageError(msg.FlagUnknown, name(m[1]), diag.DidYouMean(name(m[1]), known))
	}
	if m := needsValueRE.FindStringSubmatch(s); m != nil {
		return f.c.usageError(msg.FlagNeedsValue, name(m[1]))
	}
	if m := badValueRE.FindStringSubmatch(s); m != nil {
		return f.c.usageError(msg.FlagBadValue, name(m[2]), m[1])
	}
	if m := badSyntaxRE.FindStringSubmatch(s); m != nil {
		s = m[1]
	}
	return f.c.usageError(msg.FlagUnknown, s, "")
}

// noArgs refuses positional arguments for a command that takes none.
func (f *flags) noArgs(pos []string) (int, bool) {
	if len(pos) > 0 {
		return f.c.usageError(msg.ExtraArg, pos[0]), false
	}
	return 0, true
}
