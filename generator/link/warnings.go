package link

import (
	"github.com/jianghan-district/jianghan/generator/diag"
	"github.com/jianghan-district/jianghan/generator/model"
	"github.com/jianghan-district/jianghan/internal/msg"
)

// Warnings reports what does not stop publication but weakens the library:
// pages with no summary (lists fall back to the first lines of the text) and
// exemplar workers no page mentions.
func Warnings(site *model.Site, diags *diag.List) {
	for _, p := range site.Pages {
		if p.Summary == "" && (p.Kind == model.Cases || p.Kind == model.Lectures) {
			diags.Warn(p.Source, p.BodyLine-1, 1, msg.NoSummary)
		}
	}
	for _, w := range site.Workers {
		// A worker page still being written has its one warning, 待填写.
		if len(w.Cases)+len(w.Lectures)+len(w.Guides) == 0 && w.Unfilled == 0 {
			diags.Warn(w.Source, 1, 1, msg.WorkerUnnamed, w.Title, w.Slug)
		}
	}
}
