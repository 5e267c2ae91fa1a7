package server

import (
	"encoding/json"
	"net/http"
	"time"
)

// healthPath is where the district's monitoring asks which build is served;
// it answers under the site's base path too.
const healthPath = "/healthz"

// health is the answer of /healthz.
type health struct {
	// Status is "ok" while a build is served.
	Status string `json:"status"`
	// Build is the build served.
	Build struct {
		Time string `json:"time"` // when it was published, RFC 3339
		Hash string `json:"hash"` // its content hash (SHA-256 of its file list)
	} `json:"build"`
	// Search is "ready", "indexing" (at start) or "off".
	Search string `json:"search"`
	// Reason says why search is off, in the server's language.
	Reason string `json:"reason,omitempty"`
	// Documents is how many pages /api/search knows.
	Documents int `json:"documents"`
}

// serveHealth answers /healthz for the build b, never from a cache.
func serveHealth(w http.ResponseWriter, r *http.Request, b *served) {
	var h health
	h.Status = "ok"
	h.Build.Time = b.pub.Time.Format(time.RFC3339)
	h.Build.Hash = b.pub.Hash
	h.Documents = b.docs
	switch {
	case b.index.Load() != nil:
		h.Search = "ready"
	case b.searchErr.Load() == nil:
		h.Search = "indexing"
	default:
		h.Search, h.Reason = "off", b.searchError().Error()
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", cacheNever)
	w.Header().Set("X-Content-Type-Options", "nosniff")
	if r.Method == http.MethodHead {
		return
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	enc.Encode(h)
}
