// Package render turns a linked model.Site into the files of the output:
// one job per output file (pages, lists, term pages, feed, sitemap, search
// index, assets), so that the publisher can run them in parallel and serve
// can re-run only the jobs a change touches. It writes nothing to disk.
package render
