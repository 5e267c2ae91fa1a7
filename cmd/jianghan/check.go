package main

import (
	"fmt"
	"io"

	"github.com/jianghan-district/jianghan/generator"
	"github.com/jianghan-district/jianghan/generator/diag"
	"github.com/jianghan-district/jianghan/internal/msg"
)

func cmdCheck(c *cli, args []string) int {
	f := c.flags()
	site := f.site()
	drafts := f.boolean("drafts", msg.FlagDrafts)
	all := f.all()
	pos, code, ok := f.parse(args)
	if !ok {
		return code
	}
	if code, ok := f.noArgs(pos); !ok {
		return code
	}
	if code, ok := c.site(*site); !ok {
		return code
	}
	p, err := generator.Load(generator.Options{Root: *site, Drafts: *drafts})
	if err != nil {
		c.failErr(err)
		return exitContent
	}
	printDiagnostics(c.stderr, p.Diags.Sorted(), *all)
	errs, warns := p.Diags.Counts()
	if errs > 0 {
		fmt.Fprintln(c.stderr, msg.T(msg.CheckFailed, msg.T(msg.Counts, errs, warns)))
		return exitContent
	}
	fmt.Fprintln(c.stdout, msg.T(msg.CheckOK, len(p.Site.Pages), msg.T(msg.Counts, errs, warns)))
	return exitOK
}

// printDiagnostics prints every problem, one a line, sorted like a
// compiler's, folding the warnings of one kind beyond the first few as
// serve does, unless all.
func printDiagnostics(w io.Writer, ds []diag.Diagnostic, all bool) {
	n := diag.FoldAfter
	if all {
		n = 0
	}
	for _, l := range diag.Folded(ds, n) {
		fmt.Fprintln(w, l)
	}
}
