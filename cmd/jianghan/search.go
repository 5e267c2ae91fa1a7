package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/jianghan-district/jianghan/generator"
	"github.com/jianghan-district/jianghan/search"
)

func cmdSearch(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("search", stderr)
	site := siteFlag(fs)
	n := fs.Int("n", 10, "how many results")
	kind := fs.String("kind", "", "only this kind: cases, lectures, guides, workers, courses, handbook")
	street := fs.String("street", "", "only this street")
	topic := fs.String("topic", "", "only this topic")
	method := fs.String("method", "", "only this method")
	asJSON := fs.Bool("json", false, "print the result as JSON, as /api/search answers")
	pos, err := parse(fs, args)
	if err != nil {
		return exitUsage
	}
	q := strings.TrimSpace(strings.Join(pos, " "))
	if q == "" {
		return usageError(fs, stderr, "what to search for? e.g. jianghan search 加装电梯")
	}
	ix, err := generator.OpenSearch(generator.Options{Root: *site})
	if err != nil {
		fmt.Fprintf(stderr, "jianghan search: %v\n", err)
		return exitContent
	}
	defer ix.Close()
	res, err := ix.Search(search.Request{Query: q, Kind: *kind, Street: *street, Topic: *topic, Method: *method, Size: *n})
	if err != nil {
		fmt.Fprintf(stderr, "jianghan search: %v\n", err)
		return exitUsage
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(res); err != nil {
			return exitContent
		}
		return exitOK
	}
	if err := res.WriteText(stdout); err != nil {
		return exitContent
	}
	return exitOK
}
