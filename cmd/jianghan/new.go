package main

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/jianghan-district/jianghan/generator"
	"github.com/jianghan-district/jianghan/generator/diag"
	"github.com/jianghan-district/jianghan/generator/model"
	"github.com/jianghan-district/jianghan/internal/msg"
)

func cmdNew(c *cli, args []string) int {
	c.cmd.args = msg.T(msg.ArgKind) + " " + msg.T(msg.ArgSlug)
	f := c.flags()
	site := f.site()
	f.extra = kindsHelp
	pos, code, ok := f.parse(args)
	if !ok {
		return code
	}
	if len(pos) != 2 {
		return c.usageError(msg.NewWantArgs)
	}
	kind, ok := parseKind(pos[0])
	if !ok {
		return c.usageError(msg.UnknownKind, pos[0], kindNames(), diag.DidYouMean(pos[0], kindWords()))
	}
	if code, ok := c.siteFolder(*site); !ok {
		return code
	}
	path, err := generator.New(*site, kind, pos[1], time.Now())
	if err != nil {
		c.failErr(err)
		if errors.Is(err, generator.ErrExists) || errors.Is(err, generator.ErrBadSlug) || errors.Is(err, generator.ErrNotALibrary) {
			return exitUsage
		}
		return exitContent
	}
	fmt.Fprintln(c.stdout, msg.T(msg.NewWrote, path))
	fmt.Fprintln(c.stdout, msg.T(msg.NewNext))
	return exitOK
}

// parseKind reads a kind as a trainer may write it: its folder name
// (cases), or its name in either language (案例, lectures).
func parseKind(s string) (model.Kind, bool) {
	for _, k := range model.Kinds {
		if s == string(k) || s == msg.Zh.T(k.Key()) || s == msg.En.T(k.Key()) {
			return k, true
		}
	}
	return "", false
}

// kindNames lists the kinds as folders: "cases, lectures, …".
func kindNames() string {
	var names []string
	for _, k := range model.Kinds {
		names = append(names, string(k))
	}
	return strings.Join(names, ", ")
}

// kindWords are everything parseKind takes, for did-you-mean.
func kindWords() []string {
	var words []string
	for _, k := range model.Kinds {
		words = append(words, string(k), msg.Zh.T(k.Key()))
	}
	return words
}

// kindsHelp lists the kinds with their names, under new's options.
func kindsHelp(w io.Writer) {
	var b strings.Builder
	b.WriteString("\n" + msg.T(msg.HelpKinds) + "\n")
	for _, k := range model.Kinds {
		if w := msg.T(k.Key()); w != string(k) {
			fmt.Fprintf(&b, "  %-9s %s\n", k, w)
		} else {
			fmt.Fprintf(&b, "  %s\n", k)
		}
	}
	io.WriteString(w, b.String())
}
