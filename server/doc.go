// Package server is `jianghan serve`: the authoring loop and the web server
// of the district intranet. Serving lives only here; the generator knows
// nothing about HTTP.
//
// In the default mode it builds the site into memory, watches content/ and
// the site's theme, rebuilds only what a save touches (generator's
// LoadIncremental and Apply), and tells open browsers over Server-Sent Events
// to reload, to swap a changed stylesheet, or to show the content errors in
// an overlay while the last good site stays served.
//
// With NoWatch it is the production server (production.go, follow.go): it
// serves the last build `jianghan build` published to the output folder and
// follows each new one, pages and /api/search moving together, each request
// finishing on the build it started on; /healthz says which build is
// served. Its files (FileServer, shared with bench/staticserve) go out
// compressed, the build's precompressed copies as they are, with ETags, a
// year's cache for fingerprinted assets, the site's 404 page, no folder
// listings and no way out of the folder.
//
// Either mode speaks HTTPS with a certificate read again on SIGHUP
// (tls.go), may redirect plain HTTP to it, and may keep an access log in
// the Combined Log Format (accesslog.go). Both answer /api/search from a
// bleve index of the site.
package server
