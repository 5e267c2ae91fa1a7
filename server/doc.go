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
//
// The files, by what they hold:
//
//	server.go       Options, Run and Serve: the entry
//	listen.go       what is read before listening, the http.Server, a graceful stop
//	dev.go          the authoring loop: build, rebuild, run jobs into memory
//	watch.go        the file watcher and its batches of changes
//	livereload.go   the Server-Sent Events hub browsers listen on
//	devscript.go    the live-reload script, the error overlay, the problem page
//	livesearch.go   serve's /api/search and its browser index, kept up to date
//	production.go   --no-watch: serve the published build
//	follow.go       follow each new build, its pages and search index together
//	health.go       /healthz
//	sitehandler.go  the one static file server (siteServer, FileServer)
//	sitepath.go     a request path checked and turned into a site path
//	servefile.go    one file answered: ETag, ranges, precompressed copies
//	contenttypes.go the content types of the site's files
//	store.go        serve's output in memory
//	dirsource.go    a built site folder on disk, read through os.Root
//	tls.go          certificates, read again on SIGHUP
//	accesslog.go    the access log
//
// The server reaches the generator and search through their root packages
// alone (generator/serve.go names what it needs); imports_test.go holds it
// to that.
package server
