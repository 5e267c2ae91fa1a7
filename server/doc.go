// Package server is `jianghan serve`: the authoring loop and the small web
// server of the district intranet. Serving lives only here; the generator
// knows nothing about HTTP.
//
// In the default mode it builds the site into memory, watches content/ and
// the site's theme, rebuilds only what a save touches (generator's
// LoadIncremental and Apply), and tells open browsers over Server-Sent Events
// to reload, to swap a changed stylesheet, or to show the content errors in
// an overlay while the last good site stays served. With NoWatch it builds
// the site to its output folder once and serves that folder for production:
// gzip, ETags, a year's cache for fingerprinted assets, the site's 404 page,
// no directory listings and no way out of the folder.
//
// Both modes answer /api/search from the site's bleve index.
package server
