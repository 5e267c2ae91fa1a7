package server

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"io/fs"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
)

// file is one file of a built site, ready to serve: held in memory with its
// ETag and, when worth it, a gzipped copy made on first request; or, for a
// large file such as a lecture video, opened from disk on each request.
type file struct {
	name    string // path in the output, "cases/x/index.html"
	data    []byte // nil when the file is read from disk
	open    func() (io.ReadSeekCloser, error)
	size    int64
	modTime time.Time
	etag    string // quoted
	ctype   string

	gzOnce sync.Once
	gz     []byte
}

// memFile makes an in-memory file, its ETag a hash of its bytes so that the
// same content keeps the same ETag across rebuilds and restarts.
func memFile(name string, data []byte, mod time.Time) *file {
	sum := sha256.Sum256(data)
	return &file{name: name, data: data, size: int64(len(data)), modTime: mod,
		etag: `"` + hex.EncodeToString(sum[:10]) + `"`, ctype: contentType(name)}
}

// diskFile makes a file streamed from disk, its ETag from size and time.
func diskFile(name string, size int64, mod time.Time, open func() (io.ReadSeekCloser, error)) *file {
	return &file{name: name, open: open, size: size, modTime: mod, ctype: contentType(name),
		etag: `"` + strconv.FormatInt(size, 36) + "-" + strconv.FormatInt(mod.UnixNano(), 36) + `"`}
}

// gzipped returns the file compressed, made once.
func (f *file) gzipped() []byte {
	f.gzOnce.Do(func() {
		var b bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
		zw.Write(f.data)
		zw.Close()
		if b.Len() < len(f.data) {
			f.gz = b.Bytes()
		}
	})
	return f.gz
}

// minGzip is the size below which compressing is not worth a header.
const minGzip = 512

// hashedAsset matches a theme asset published under its content's
// fingerprint, "assets/css/site.3f2a9c1d.css": it never changes, so
// browsers may keep it for a year.
var hashedAsset = regexp.MustCompile(`^assets/(?:.+/)?[^/]+\.[0-9a-f]{8}\.[A-Za-z0-9]+$`)

// Cache-Control values.
const (
	cacheForever = "public, max-age=31536000, immutable"
	cacheRecheck = "no-cache" // keep, but ask with the ETag every time
	cacheNever   = "no-store"
)

// errBadPath is a request path that tries to leave the site folder or
// hides a path separator; it is answered 400.
var errBadPath = errors.New("bad path")

// sitePath checks a request's path and returns it relative to the site's
// base path, without the leading slash ("" for the home page). It refuses
// "..", encoded slashes and backslashes, NUL, and hidden files; a path
// outside the base path is fs.ErrNotExist.
func sitePath(r *http.Request, base string) (string, error) {
	raw := r.URL.EscapedPath()
	lower := strings.ToLower(raw)
	if strings.Contains(lower, "%2f") || strings.Contains(lower, "%5c") || strings.Contains(lower, "%00") || strings.Contains(raw, `\`) {
		return "", errBadPath
	}
	p := r.URL.Path
	if !strings.HasPrefix(p, "/") || strings.ContainsAny(p, "\\\x00") {
		return "", errBadPath
	}
	if strings.Contains(p, "//") {
		return "", fs.ErrNotExist // and never a redirect to another host
	}
	for _, seg := range strings.Split(p, "/") {
		if seg == ".." || seg == "." {
			return "", errBadPath
		}
	}
	if !strings.HasPrefix(p, base) {
		if p+"/" == base || p == "/" {
			return "", errRedirectBase
		}
		return "", fs.ErrNotExist
	}
	rel := strings.TrimPrefix(p, base)
	for _, seg := range strings.Split(rel, "/") {
		if strings.HasPrefix(seg, ".") {
			return "", fs.ErrNotExist // .jianghan-build and the like are not for readers
		}
	}
	return rel, nil
}

// errRedirectBase asks for a redirect to the base path itself.
var errRedirectBase = errors.New("redirect to the base path")

// indexName is the file that answers a path: "x/" and "" are folders.
func indexName(rel string) string {
	if rel == "" || strings.HasSuffix(rel, "/") {
		return rel + "index.html"
	}
	return rel
}

// etagMatch reports whether an If-None-Match header names one of the tags.
func etagMatch(header string, tags ...string) bool {
	if header == "" {
		return false
	}
	for _, h := range strings.Split(header, ",") {
		h = strings.TrimPrefix(strings.TrimSpace(h), "W/")
		if h == "*" {
			return true
		}
		for _, t := range tags {
			if h == t {
				return true
			}
		}
	}
	return false
}

// serveFile answers a GET or HEAD for f with the given status (200, or 404
// for the not-found page): conditional requests, ranges and gzip.
func serveFile(w http.ResponseWriter, r *http.Request, f *file, cacheControl string, status int) {
	h := w.Header()
	h.Set("Content-Type", f.ctype)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Cache-Control", cacheControl)
	zip := compressible(f.ctype) && f.data != nil
	if zip {
		h.Add("Vary", "Accept-Encoding")
	}
	gzTag := strings.TrimSuffix(f.etag, `"`) + `-gz"`
	useGz := zip && len(f.data) >= minGzip && acceptsGzip(r) && f.gzipped() != nil
	if status != http.StatusOK {
		h.Set("Cache-Control", cacheNever)
		body := f.data
		if useGz {
			body = f.gzipped()
			h.Set("Content-Encoding", "gzip")
		}
		if body == nil {
			http.Error(w, "not found", status)
			return
		}
		h.Set("Content-Length", strconv.Itoa(len(body)))
		w.WriteHeader(status)
		if r.Method != http.MethodHead {
			w.Write(body)
		}
		return
	}
	etag := f.etag
	if useGz {
		etag = gzTag
	}
	h.Set("ETag", etag)
	if etagMatch(r.Header.Get("If-None-Match"), f.etag, gzTag) {
		h.Del("Content-Type")
		w.WriteHeader(http.StatusNotModified)
		return
	}
	if useGz {
		gz := f.gzipped()
		h.Set("Content-Encoding", "gzip")
		h.Set("Content-Length", strconv.Itoa(len(gz)))
		if !f.modTime.IsZero() {
			h.Set("Last-Modified", f.modTime.UTC().Format(http.TimeFormat))
		}
		w.WriteHeader(http.StatusOK)
		if r.Method != http.MethodHead {
			w.Write(gz)
		}
		return
	}
	if f.data != nil {
		http.ServeContent(w, r, "", f.modTime, bytes.NewReader(f.data))
		return
	}
	rc, err := f.open()
	if err != nil {
		http.Error(w, "cannot read the file", http.StatusInternalServerError)
		return
	}
	defer rc.Close()
	http.ServeContent(w, r, "", f.modTime, rc)
}

// acceptsGzip reports whether the client takes gzip (and did not turn it
// off with q=0).
func acceptsGzip(r *http.Request) bool {
	for _, part := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if !strings.EqualFold(strings.TrimSpace(name), "gzip") {
			continue
		}
		q := 1.0
		if v, ok := strings.CutPrefix(strings.ReplaceAll(params, " ", ""), "q="); ok {
			if f, err := strconv.ParseFloat(v, 64); err == nil {
				q = f
			}
		}
		return q > 0
	}
	return false
}
