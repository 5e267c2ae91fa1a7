// Package load reads a site from disk: content/site.yaml and every page under
// content/, front matter and body, into the typed values of package model.
// It checks what a single file can tell (required fields, vocabularies,
// dates, unknown keys) and reports each problem at its file:line:col;
// checks that need the whole site (references, links) belong to package link.
package load
