package server

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/klauspost/compress/gzhttp"
	"github.com/klauspost/compress/gzip"
)

// file is one file of a built site, ready to serve: held in memory with its
// ETag, or, for a large file such as a lecture video, opened from disk on
// each request. A file written with jianghan build --precompress comes with
// its compressed copies (FILE.br, FILE.gz), which are sent as they are.
type file struct {
	name    string // path in the output, "cases/x/index.html"
	data    []byte // nil when the file is read from disk
	open    func() (io.ReadSeekCloser, error)
	size    int64
	modTime time.Time
	etag    string // quoted
	ctype   string

	br, gz []byte // the build's precompressed copies, if any

	gzOnce sync.Once
	gzMade []byte // the gzipped copy made here when the build has none
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

// memSize is the memory a file holds.
func (f *file) memSize() int64 { return int64(len(f.data) + len(f.br) + len(f.gz)) }

// gzipped returns the file gzipped: the build's copy (--precompress), or
// else one made on first use and kept with the file, so that a file asked
// for a thousand times is compressed once, not a thousand times (which
// halves what the server sustains); nil when compressing does not pay.
func (f *file) gzipped() []byte {
	if f.gz != nil {
		return f.gz
	}
	if len(f.data) < minCompress || !compressible(f.ctype) {
		return nil
	}
	f.gzOnce.Do(func() {
		var b bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
		zw.Write(f.data)
		zw.Close()
		if b.Len() < len(f.data) {
			f.gzMade = b.Bytes()
		}
	})
	return f.gzMade
}

// minCompress is the size below which compressing is not worth a header.
const minCompress = 512

// compress compresses the answers of h that are worth it (text, larger than
// minCompress) on the fly with gzip or zstd, as the browser accepts, and
// leaves alone an answer that is compressed already (a file's kept copy,
// the search index's .gz files): the search API's answers, a file too large
// to keep in memory, the pages shown while serve has no site. The ETag of a compressed answer gets the
// coding as a suffix ("…-gzip"), as RFC 9110 wants a different tag for
// different bytes; serveFile takes the suffix off again when a browser
// revalidates.
var compress = func() func(http.Handler) http.HandlerFunc {
	w, err := gzhttp.NewWrapper(gzhttp.MinSize(minCompress), gzhttp.ContentTypeFilter(compressible), gzhttp.SuffixETag(etagSuffix))
	if err != nil {
		panic(err) // the options are constants
	}
	return w
}()

// etagSuffix marks the ETag of a compressed answer; gzhttp writes "-zstd"
// for zstd, and serveFile "-br" for a Brotli copy.
const etagSuffix = "-gzip"

// baseETag takes a coding's suffix and a weak prefix off an ETag a browser
// sends back.
func baseETag(tag string) string {
	tag = strings.TrimPrefix(strings.TrimSpace(tag), "W/")
	for _, s := range []string{"-gzip", "-zstd", "-br"} {
		if strings.HasSuffix(tag, s+`"`) {
			return strings.TrimSuffix(tag, s+`"`) + `"`
		}
	}
	return tag
}

// etagMatch reports whether an If-None-Match header names the tag, in any
// of its codings.
func etagMatch(header, tag string) bool {
	if header == "" {
		return false
	}
	for _, h := range strings.Split(header, ",") {
		if h = baseETag(h); h == "*" || h == tag {
			return true
		}
	}
	return false
}

// precompressed picks the compressed copy of f that the browser accepts:
// the build's Brotli copy, then the gzipped one (the build's or our own);
// none for a range request, which counts bytes of the file itself.
func precompressed(r *http.Request, f *file) (coding string, body []byte) {
	if r.Header.Get("Range") != "" || r.Header.Get("Accept-Encoding") == "" {
		return "", nil
	}
	accepts := acceptedCodings(r.Header.Get("Accept-Encoding"))
	if f.br != nil && accepts["br"] {
		return "br", f.br
	}
	if accepts["gzip"] {
		if gz := f.gzipped(); gz != nil {
			return "gzip", gz
		}
	}
	return "", nil
}

// acceptedCodings reads an Accept-Encoding header: the codings named
// without q=0.
func acceptedCodings(header string) map[string]bool {
	out := map[string]bool{}
	for _, part := range strings.Split(header, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		q := 1.0
		if v, ok := strings.CutPrefix(strings.ReplaceAll(strings.TrimSpace(params), " ", ""), "q="); ok {
			if f, err := strconv.ParseFloat(v, 64); err == nil {
				q = f
			}
		}
		if name = strings.ToLower(strings.TrimSpace(name)); name != "" && q > 0 {
			out[name] = true
		}
	}
	return out
}

// serveFile answers a GET or HEAD for f with the given status (200, or 404
// for the not-found page): a precompressed copy when there is one the
// browser takes, conditional requests and ranges. Compressing on the fly is
// left to the compress wrapper around the handler.
func serveFile(w http.ResponseWriter, r *http.Request, f *file, cacheControl string, status int) {
	limitRanges(r)
	h := w.Header()
	h.Set("Content-Type", f.ctype)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Cache-Control", cacheControl)
	coding, body := precompressed(r, f)
	if body == nil {
		body = f.data
	} else {
		h.Set("Content-Encoding", coding) // compress adds Vary
	}
	if status != http.StatusOK {
		h.Set("Cache-Control", cacheNever)
		if body == nil {
			http.Error(w, "404 页面不存在 (page not found)", status)
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
	if coding != "" {
		etag = strings.TrimSuffix(etag, `"`) + "-" + coding + `"`
	}
	h.Set("ETag", etag)
	if inm := r.Header.Get("If-None-Match"); inm != "" {
		if etagMatch(inm, f.etag) {
			h.Del("Content-Type")
			h.Del("Content-Encoding")
			w.WriteHeader(http.StatusNotModified)
			return
		}
		// Answered here: http.ServeContent would compare the tag without
		// knowing its codings, and must not fall back on the date.
		r = r.Clone(r.Context())
		r.Header.Del("If-None-Match")
		r.Header.Del("If-Modified-Since")
	}
	if coding != "" {
		// http.ServeContent leaves the length of an encoded body unsaid.
		h.Set("Content-Length", strconv.Itoa(len(body)))
	}
	if body != nil {
		http.ServeContent(w, r, "", f.modTime, bytes.NewReader(body))
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

// maxRanges is how many ranges of a file one request may ask for; a request
// for more gets the whole file. search.js asks for one at a time; two
// thousand one-byte ranges of a stylesheet would otherwise be answered
// with twenty times its size in part headers.
const maxRanges = 4

// limitRanges drops a Range header asking for more than maxRanges ranges.
func limitRanges(r *http.Request) {
	if h := r.Header.Get("Range"); strings.Count(h, ",") >= maxRanges {
		r.Header.Del("Range")
	}
}
