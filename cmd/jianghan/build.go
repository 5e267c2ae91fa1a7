package main

import (
	"errors"
	"fmt"
	"time"

	"github.com/jianghan-district/jianghan/generator"
	"github.com/jianghan-district/jianghan/generator/diag"
	"github.com/jianghan-district/jianghan/internal/msg"
)

func cmdBuild(c *cli, args []string) int {
	f := c.flags()
	site := f.site()
	out := f.str("o", "", msg.ArgOut, msg.FlagOut)
	base := f.str("base-url", "", msg.ArgURL, msg.FlagBaseURL)
	drafts := f.boolean("drafts", msg.FlagDrafts)
	portable := f.boolean("portable", msg.FlagPortable)
	precompress := f.boolean("precompress", msg.FlagPrecompress)
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
	opts := generator.Options{Root: *site, Out: *out, BaseURL: *base, Drafts: *drafts, Portable: *portable, Precompress: *precompress}
	res, err := generator.Build(opts)
	errs, warns := 0, 0
	if res != nil {
		printDiagnostics(c.stderr, res.Project.Diags.Sorted(), *all)
		errs, warns = res.Project.Diags.Counts()
	}
	var failed *diag.Failed
	switch {
	case errors.As(err, &failed):
		fmt.Fprintln(c.stderr, msg.T(msg.BuildFailedContent, msg.T(msg.Counts, errs, warns)))
		return exitContent
	case err != nil:
		fmt.Fprintln(c.stderr, msg.T(msg.BuildFailed, err))
		return exitContent
	}
	fmt.Fprintln(c.stdout, msg.T(msg.BuildOK, len(res.Project.Site.Pages), res.Files, opts.OutDir(),
		res.Duration.Round(time.Millisecond), msg.T(msg.Counts, errs, warns)))
	return exitOK
}
