// Command corpus writes the synthetic library the benchmarks measure, for
// scripts such as bench/hugo.sh:
//
//	go run ./bench/corpus N OUT [--hugo]
//
// N cases and the other kinds in proportion go into OUT/content; with
// --hugo the same pages go into OUT as a Hugo site. See internal/benchcorpus.
package main

import (
	"fmt"
	"os"
	"strconv"

	"github.com/jianghan-district/jianghan/internal/benchcorpus"
)

func main() {
	args := os.Args[1:]
	hugo := len(args) == 3 && args[2] == "--hugo"
	n, err := 0, error(nil)
	if len(args) >= 2 {
		n, err = strconv.Atoi(args[0])
	}
	if len(args) < 2 || len(args) > 3 || (len(args) == 3 && !hugo) || err != nil || n < 1 {
		fmt.Fprintln(os.Stderr, "usage: go run ./bench/corpus N OUT [--hugo]")
		os.Exit(2)
	}
	if err := benchcorpus.Write(args[1], n, hugo); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
