package server

import (
	"errors"
	"net/http"
	"strings"

	"github.com/jianghan-district/jianghan/internal/fingerprint"
	"github.com/jianghan-district/jianghan/internal/msg"
)

// source is where a built site's files come from: serve's memory, or the
// output folder on disk in production.
type source interface {
	// file returns the file at an output path ("cases/x/index.html"),
	// or fs.ErrNotExist.
	file(name string) (*file, error)
	// page reports whether a path without a trailing slash is a folder
	// with an index.html, to redirect "cases" to "cases/".
	page(name string) bool
}

// siteServer is the one static file server of serve, of the production
// server and of bench/staticserve: siteHandler for the files of src,
// compressed on the fly by gzhttp (compress) where the build left no copy.
func siteServer(src source, base func() string, cache func(name string) string) http.Handler {
	return compress(&siteHandler{src: src, base: base, cache: cache})
}

// siteHandler serves a built site's files under its base path: the files
// themselves, the site's 404.html for what is not there, and 400 for a
// path that tries to leave the folder. There are no folder listings.
type siteHandler struct {
	src source
	// base returns the site's base path, "/" or "/jianghan/".
	base func() string
	// cache returns the Cache-Control of an output path.
	cache func(name string) string
}

// ServeHTTP answers GET and HEAD for the site's files.
func (h *siteHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	base := h.base()
	rel, err := sitePath(r, base)
	switch {
	case errors.Is(err, errBadPath):
		http.Error(w, "bad path", http.StatusBadRequest)
		return
	case errors.Is(err, errRedirectBase):
		redirect(w, r, base)
		return
	case err != nil:
		h.notFound(w, r)
		return
	}
	name := indexName(rel)
	f, err := h.src.file(name)
	if err != nil {
		if rel != "" && !strings.HasSuffix(rel, "/") && h.src.page(rel) {
			redirect(w, r, r.URL.EscapedPath()+"/")
			return
		}
		h.notFound(w, r)
		return
	}
	serveFile(w, r, f, h.cache(name), http.StatusOK)
}

// notFound answers with the site's own 404 page, status 404.
func (h *siteHandler) notFound(w http.ResponseWriter, r *http.Request) {
	f, err := h.src.file("404.html")
	if err != nil {
		http.Error(w, msg.T(msg.ServeNotFound), http.StatusNotFound)
		return
	}
	serveFile(w, r, f, cacheNever, http.StatusNotFound)
}

// redirect sends the browser to a path on this server, keeping the query.
func redirect(w http.ResponseWriter, r *http.Request, to string) {
	if r.URL.RawQuery != "" {
		to += "?" + r.URL.RawQuery
	}
	http.Redirect(w, r, to, http.StatusMovedPermanently)
}

// productionCache is the Cache-Control of production: a year for
// fingerprinted assets, a check with the ETag for everything else, so a
// new build is seen at once.
func productionCache(name string) string {
	if fingerprint.Is(name) {
		return cacheForever
	}
	return cacheRecheck
}

// devCache is the Cache-Control of serve: always ask again.
func devCache(string) string { return cacheRecheck }

// Cache-Control values.
const (
	cacheForever = "public, max-age=31536000, immutable"
	cacheRecheck = "no-cache" // keep, but ask with the ETag every time
	cacheNever   = "no-store"
)

// FileServer serves a built site folder (base is its base path, "/" or
// "/jianghan/") as the production server does, so that an intranet needs no
// other web server: text compressed (the build's precompressed copies as
// they are, or on the fly), ETags, a year's cache for fingerprinted assets,
// the site's 404.html, no folder listings, and no path out of the folder,
// whether by "..", encoded slashes, backslashes or symbolic links. The
// folder may be rebuilt while it is served. bench/staticserve uses it too.
func FileServer(dir, base string) http.Handler {
	return siteServer(newDirSource(dir), func() string { return base }, productionCache)
}
