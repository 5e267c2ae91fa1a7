package generator

import (
	"html/template"

	"github.com/jianghan-district/jianghan/generator/diag"
	"github.com/jianghan-district/jianghan/generator/load"
	"github.com/jianghan-district/jianghan/generator/render"
	"github.com/jianghan-district/jianghan/search"
	"github.com/jianghan-district/jianghan/search/index"
	"github.com/jianghan-district/jianghan/search/static"
	"github.com/jianghan-district/jianghan/themes"
)

// The front door for serve. Package server reaches the generator through
// this package alone, never its stages (load, render, publish, diag), so
// that the stages can change behind it; a test in server holds it to that.
// What serve needs of a stage is named here once.

// Job produces one output file (see render.Job); Delta.Jobs are these.
// Job.Bytes and Job.Run are the one way to produce a job's output, for
// build and serve alike.
type Job = render.Job

// Sources opens the files that copy jobs name: the site's own files and
// the theme's (see render.Sources).
type Sources = render.Sources

// Sources are the files the project's copy jobs read: the site folder and
// its theme, the built-in one under the site's own files.
func (p *Project) Sources() Sources {
	root := p.Options.root()
	return Sources{Root: root, Theme: themes.ForSite(root)}
}

// LoadLive is LoadIncremental for serve: every page it renders carries
// devScript before </body> (the live-reload script).
func LoadLive(opts Options, devScript template.HTML) (*Project, *Delta, error) {
	return LoadIncremental(opts, render.Options{DevScript: devScript})
}

// IsIgnored reports whether a file name is one the site's reading passes
// over (hidden files and the like), so a change to it changes nothing.
func IsIgnored(name string) bool { return load.IsIgnored(name) }

// Diagnostic is one problem at one place in one file (see package diag).
type Diagnostic = diag.Diagnostic

// Failed is the error of a build whose content has errors; it holds every
// diagnostic.
type Failed = diag.Failed

// CountDiagnostics counts the errors and the warnings among ds.
func CountDiagnostics(ds []Diagnostic) (errs, warns int) {
	for _, d := range ds {
		if d.Severity == diag.Error {
			errs++
		} else {
			warns++
		}
	}
	return errs, warns
}

// Errors are the diagnostics of ds that stop publication, in order.
func Errors(ds []Diagnostic) []Diagnostic {
	var out []Diagnostic
	for _, d := range ds {
		if d.Severity == diag.Error {
			out = append(out, d)
		}
	}
	return out
}

// FoldDiagnostics returns the lines to print for ds as check and build
// print them: every error, and of the warnings of one kind the first
// diag.FoldAfter and a count of the rest; all keeps every line (--all).
func FoldDiagnostics(ds []Diagnostic, all bool) []string {
	n := diag.FoldAfter
	if all {
		n = 0
	}
	return diag.Folded(ds, n)
}

// SearchIndex is a site's bleve index, which answers /api/search (see
// package search/index). It is named here rather than in package search,
// which the index package itself builds on.
type SearchIndex = index.Index

// OpenSearchIndex opens the bleve index in dir, making it when there is
// none. serve and the production server keep theirs in the site's
// CacheDir, each in its own folder: bleve locks its files.
func OpenSearchIndex(dir string) (*SearchIndex, error) { return index.Open(dir) }

// SearchInput is what the site gives its search as it is now: the
// documents and synonyms /api/search indexes, and the options of the
// browser's index (synonyms, the pages' language).
type SearchInput struct {
	Documents []search.Document
	Synonyms  [][]string
	browser   static.Options
}

// SearchInput is the project's search input; serve takes one after each
// change of pages. Its browser index is the one a published build has
// (not the portable one).
func (p *Project) SearchInput() SearchInput {
	return SearchInput{Documents: Documents(p.Site), Synonyms: Synonyms(p.Site), browser: StaticOptions(p.Site, false)}
}

// BrowserIndex makes the browser's search index of in, handing each file to
// put by its path under search/; put is called from several goroutines and
// must copy data to keep it (see static.StaticFiles).
func (in SearchInput) BrowserIndex(put func(name string, data []byte) error) error {
	return static.StaticFiles(in.Documents, in.browser, put)
}
