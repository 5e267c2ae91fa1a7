// Package link does the work that needs the whole site at once: it checks
// that every reference resolves (front matter slugs, Markdown links and
// images), renders each page's Markdown with its links rewritten to page
// URLs, and fills in the links that run both ways — a worker's cases, a
// lecture's citing cases, a page's courses, related cases and term pages.
package link

import (
	"github.com/jianghan-district/jianghan/generator/diag"
	"github.com/jianghan-district/jianghan/generator/markdown"
	"github.com/jianghan-district/jianghan/generator/model"
	"github.com/jianghan-district/jianghan/generator/urls"
)

// Site checks, renders and links every page of site, adding problems to diags.
func Site(site *model.Site, conv *markdown.Converter, linker urls.Linker, diags *diag.List) {
	r := NewResolver(site, linker)
	References(site, r, diags)
	RenderAll(site, conv, r, diags)
	Backlinks(site)
	Terms(site)
	Warnings(site, diags)
}
