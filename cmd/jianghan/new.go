package main

import (
	"fmt"
	"io"
	"time"

	"github.com/jianghan-district/jianghan/generator"
	"github.com/jianghan-district/jianghan/generator/model"
)

func cmdNew(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("new", stderr)
	site := siteFlag(fs)
	pos, err := parse(fs, args)
	if err != nil {
		return exitUsage
	}
	if len(pos) != 2 {
		return usageError(fs, stderr, "want KIND SLUG, e.g. jianghan new cases lift-seven-floors")
	}
	path, err := generator.New(*site, model.Kind(pos[0]), pos[1], time.Now())
	if err != nil {
		fmt.Fprintf(stderr, "jianghan new: %v\n", err)
		return exitUsage
	}
	fmt.Fprintf(stdout, "wrote %s\n", path)
	return exitOK
}
