package link

import (
	"github.com/jianghan-district/jianghan/generator/diag"
	"github.com/jianghan-district/jianghan/generator/model"
)

// Warnings reports what does not stop publication but weakens the library:
// pages with no summary (lists fall back to the first lines of the text) and
// exemplar workers no page mentions.
func Warnings(site *model.Site, diags *diag.List) {
	for _, p := range site.Pages {
		if p.Summary == "" && (p.Kind == model.Cases || p.Kind == model.Lectures) {
			diags.Warnf(p.Source, p.BodyLine-1, 1, "no summary: add `summary: 一句话概括` so lists and search results can describe this page")
		}
	}
	for _, w := range site.Workers {
		if len(w.Cases)+len(w.Lectures)+len(w.Guides) == 0 {
			diags.Warnf(w.Source, 1, 1, "no case, lecture or guide names %s: add `workers: [%s]` to the pages they led", w.Title, w.Slug)
		}
	}
}
