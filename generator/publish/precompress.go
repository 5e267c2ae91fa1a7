package publish

import (
	"bytes"
	"path"
	"strings"
	"sync"

	"github.com/andybalholm/brotli"
	"github.com/klauspost/compress/gzip"
)

// Precompressing (jianghan build --precompress) writes, beside every text
// file of the site, the same bytes gzipped (FILE.gz) and in Brotli
// (FILE.br), for servers that send a file's compressed copy as it is:
// nginx with gzip_static (and brotli_static), jianghan serve. A phone then
// downloads a third of the bytes and the server compresses nothing.
//
// The copies are a function of the file's bytes alone (no name or time in
// the gzip header, fixed levels), so the same file gives the same copies,
// and a rebuild that leaves a file unchanged leaves its copies alone
// without compressing it again.

// Levels: gzip at its best, which costs little for files this size;
// Brotli at 6, where it is still fast (about 10 MB/s on one core) and a
// sixth smaller than gzip; 11 is smaller by another tenth but fifty times
// slower, too slow for a library of ten thousand cases.
const (
	gzipLevel   = gzip.BestCompression
	brotliLevel = 6
)

// precompressTypes are the extensions of the text files given copies:
// HTML, CSS, JavaScript, JSON, XML (the feed, the sitemap) and SVG.
var precompressTypes = map[string]bool{
	".html": true, ".htm": true, ".css": true, ".js": true, ".mjs": true,
	".json": true, ".webmanifest": true, ".xml": true, ".svg": true,
}

// minPrecompress is the size below which a copy saves less than it costs
// a server to look for it.
const minPrecompress = 256

// precompressible reports whether the file at the slash path name, of
// size bytes, gets compressed copies.
func precompressible(name string, size int) bool {
	return size >= minPrecompress && precompressTypes[strings.ToLower(path.Ext(name))]
}

// copyExts are the suffixes of the copies, in the order they are made.
var copyExts = [...]string{".gz", ".br"}

var gzipWriters = sync.Pool{New: func() any {
	w, _ := gzip.NewWriterLevel(nil, gzipLevel)
	return w
}}

var brotliWriters = sync.Pool{New: func() any { return brotli.NewWriterLevel(nil, brotliLevel) }}

// compressed returns data compressed for the copy with the suffix ext, or
// nil when the copy would not be smaller than the file.
func compressed(ext string, data []byte) []byte {
	var b bytes.Buffer
	b.Grow(len(data) / 3)
	switch ext {
	case ".gz":
		w := gzipWriters.Get().(*gzip.Writer)
		w.Reset(&b)
		w.Write(data)
		w.Close()
		gzipWriters.Put(w)
	case ".br":
		w := brotliWriters.Get().(*brotli.Writer)
		w.Reset(&b)
		w.Write(data)
		w.Close()
		brotliWriters.Put(w)
	}
	if b.Len() >= len(data) {
		return nil
	}
	return b.Bytes()
}

// putCopies writes the compressed copies of the file data at rel, which
// the folder held already when same. The copies of a file that did not
// change are kept as the manifest lists them, by one stat each, without
// compressing the file again; a name a job writes itself gets no copy.
func (w *writer) putCopies(rel string, data []byte, same bool) error {
	for _, ext := range copyExts {
		name := rel + ext
		if w.taken[name] {
			continue
		}
		if same && w.known {
			if old, ok := w.prev.files[name]; ok && w.prev.holds(w.root, name, old) {
				w.mu.Lock()
				w.written[name] = old
				w.mu.Unlock()
				continue
			}
		}
		c := compressed(ext, data)
		if c == nil {
			continue
		}
		if _, err := w.putFile(name, c); err != nil {
			return err
		}
	}
	return nil
}
