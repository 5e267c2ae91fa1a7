package main

import (
	"errors"
	"fmt"
	"io"

	"github.com/jianghan-district/jianghan/generator"
	"github.com/jianghan-district/jianghan/generator/diag"
)

func cmdBuild(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("build", stderr)
	site := siteFlag(fs)
	out := fs.String("o", "", "the output folder (default SITE/public)")
	base := fs.String("base-url", "", "serve the site under this URL or sub-path, e.g. /jianghan/")
	drafts := fs.Bool("drafts", false, "include pages marked draft")
	portable := fs.Bool("portable", false, "write a copy that works opened from disk (file://)")
	pos, err := parse(fs, args)
	if err != nil {
		return exitUsage
	}
	if len(pos) > 0 {
		return usageError(fs, stderr, "unexpected argument %q", pos[0])
	}
	opts := generator.Options{Root: *site, Out: *out, BaseURL: *base, Drafts: *drafts, Portable: *portable}
	res, err := generator.Build(opts)
	if res != nil {
		printDiagnostics(res.Project.Diags, stderr)
	}
	var failed *diag.Failed
	switch {
	case errors.As(err, &failed):
		n, _ := res.Project.Diags.Counts()
		fmt.Fprintf(stderr, "build failed: %s; nothing was published\n", plural(n, "error"))
		return exitContent
	case err != nil:
		fmt.Fprintf(stderr, "build failed: %v\n", err)
		return exitContent
	}
	fmt.Fprintf(stdout, "built %d pages (%d files) into %s in %s\n", len(res.Project.Site.Pages), res.Files, opts.OutDir(), res.Duration.Round(1e6))
	return exitOK
}

func cmdCheck(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("check", stderr)
	site := siteFlag(fs)
	drafts := fs.Bool("drafts", false, "check pages marked draft too")
	pos, err := parse(fs, args)
	if err != nil {
		return exitUsage
	}
	if len(pos) > 0 {
		return usageError(fs, stderr, "unexpected argument %q", pos[0])
	}
	p, err := generator.Load(generator.Options{Root: *site, Drafts: *drafts})
	if err != nil {
		fmt.Fprintf(stderr, "check failed: %v\n", err)
		return exitContent
	}
	printDiagnostics(p.Diags, stderr)
	errs, warns := p.Diags.Counts()
	if errs > 0 {
		fmt.Fprintf(stderr, "%s, %s\n", plural(errs, "error"), plural(warns, "warning"))
		return exitContent
	}
	fmt.Fprintf(stdout, "ok: %d pages, %s\n", len(p.Site.Pages), plural(warns, "warning"))
	return exitOK
}

// printDiagnostics prints every problem, one a line, sorted like a compiler's.
func printDiagnostics(l *diag.List, w io.Writer) {
	for _, d := range l.Sorted() {
		fmt.Fprintln(w, d.String())
	}
}
