// Command staticserve serves a built site the way the district's intranet
// web server is set up to: files as they are, text gzipped when the browser
// accepts it, fingerprinted assets (assets/NAME.HASH.ext) cached for a year,
// everything else revalidated. bench/lighthouse.sh measures the site behind
// it; it is not part of jianghan.
//
//	go run ./bench/staticserve -dir public -addr 127.0.0.1:8931
package main

import (
	"compress/gzip"
	"flag"
	"log"
	"net/http"
	"path"
	"regexp"
	"strings"
)

var fingerprinted = regexp.MustCompile(`^/assets/.+\.[0-9a-f]{8}\.[a-z0-9]+$`)

// compressible are the file types worth gzipping.
var compressible = map[string]bool{".html": true, ".css": true, ".js": true, ".json": true, ".svg": true, ".xml": true, ".txt": true}

// gzipWriter gzips the body of a response, if it has one.
type gzipWriter struct {
	http.ResponseWriter
	gz *gzip.Writer
}

func (w *gzipWriter) WriteHeader(code int) {
	if code == http.StatusOK {
		w.Header().Del("Content-Length")
		w.Header().Set("Content-Encoding", "gzip")
		w.Header().Add("Vary", "Accept-Encoding")
		w.gz, _ = gzip.NewWriterLevel(w.ResponseWriter, gzip.BestCompression)
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *gzipWriter) Write(b []byte) (int, error) {
	if w.gz == nil {
		return w.ResponseWriter.Write(b)
	}
	return w.gz.Write(b)
}

func main() {
	dir := flag.String("dir", "public", "the built site")
	addr := flag.String("addr", "127.0.0.1:8931", "where to listen")
	flag.Parse()
	files := http.FileServer(http.Dir(*dir))
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		p := r.URL.Path
		if fingerprinted.MatchString(p) {
			w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
		} else {
			w.Header().Set("Cache-Control", "no-cache")
		}
		ext := path.Ext(p)
		if strings.HasSuffix(p, "/") {
			ext = ".html"
		}
		if !compressible[ext] || !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") || r.Header.Get("Range") != "" {
			files.ServeHTTP(w, r)
			return
		}
		gw := &gzipWriter{ResponseWriter: w}
		files.ServeHTTP(gw, r)
		if gw.gz != nil {
			gw.gz.Close()
		}
	})
	log.Printf("serving %s on http://%s/", *dir, *addr)
	log.Fatal(http.ListenAndServe(*addr, nil))
}
