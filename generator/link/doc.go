// Package link does the work that needs the whole site at once: it checks
// that every reference resolves (front matter slugs, Markdown links and
// images), renders each page's Markdown with its links rewritten to page
// URLs, and fills in the links that run both ways — a worker's cases, a
// lecture's citing cases, a page's courses, related cases and term pages.
package link
