package main

import (
	"fmt"
	"io"
)

func cmdServe(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "jianghan serve is not there yet: run jianghan build and open public/ with any web server")
	return exitUsage
}
