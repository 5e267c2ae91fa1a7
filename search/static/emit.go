package static

import (
	"encoding/base64"
	"strconv"
	"sync"
	"sync/atomic"

	"github.com/klauspost/compress/gzip"

	"github.com/jianghan-district/jianghan/internal/parallel"
)

// gzipLevel is the compression level of every gzip member: the best of the
// fast encoders of github.com/klauspost/compress/flate (levels 1 to 6),
// which make the index about as small as compress/gzip at level 4 did, in
// a fraction of its time. Postings are mostly varints with little for LZ77
// to find, and texts are small: level 7 and up (the lazy matcher) would
// save a percent or two of bytes for twice the time.
const gzipLevel = 6

// gzipWriter makes standard gzip members (what DecompressionStream reads)
// with reusable state.
type gzipWriter struct {
	zw, huff *gzip.Writer
	out      appendWriter
}

// appendWriter is an io.Writer appending to a slice.
type appendWriter struct{ b []byte }

// Write appends p; it never fails, as gzip.Writer's destination must not.
func (w *appendWriter) Write(p []byte) (int, error) {
	w.b = append(w.b, p...)
	return len(p), nil
}

// gzipWriters keeps gzipWriters (some hundred kilobytes each) from one
// file, and one build, to the next.
var gzipWriters = sync.Pool{New: func() any {
	g := &gzipWriter{}
	g.zw, _ = gzip.NewWriterLevel(&g.out, gzipLevel)
	return g
}}

// compress appends data as one gzip member to out. The fast levels store a
// block in which they find no match at all, though Huffman coding alone
// would shrink it (a bitmap of documents followed by impact codes, say): so
// data that hardly compresses is tried with Huffman coding alone too, and
// the smaller kept.
func (g *gzipWriter) compress(out, data []byte) []byte {
	start := len(out)
	out = deflate(g.zw, &g.out, out, data)
	if n := len(out) - start; n > len(data)-len(data)/8 && len(data) > 64 {
		if g.huff == nil {
			g.huff, _ = gzip.NewWriterLevel(&g.out, gzip.HuffmanOnly)
		}
		out = deflate(g.huff, &g.out, out, data)
		if m := len(out) - start - n; m < n {
			copy(out[start:], out[start+n:])
			return out[:start+m]
		}
		out = out[:start+n]
	}
	return out
}

// deflate appends data compressed by zw to out, through w.
func deflate(zw *gzip.Writer, w *appendWriter, out, data []byte) []byte {
	w.b = out
	zw.Reset(w)
	zw.Write(data) // an appendWriter does not fail
	zw.Close()
	out = w.b
	w.b = nil
	return out
}

// file is one file of the static index: build appends its bytes.
type file struct {
	name  string
	gz    bool // compress it as one gzip member
	build func([]byte) []byte
}

// emitWorker is one goroutine's reusable memory for emit.
type emitWorker struct {
	raw, gz, js []byte
}

var emitWorkers = sync.Pool{New: func() any { return new(emitWorker) }}

// emit makes the files on every processor (compressing them, or in
// portable mode wrapping them in scripts) and hands them to put. After the
// first error it starts no more files and returns that error.
func emit(files []file, portable bool, put func(name string, data []byte) error) error {
	var failed atomic.Bool
	var mu sync.Mutex
	var first error
	parallel.For(len(files), 0, func(i int) {
		if failed.Load() {
			return
		}
		w := emitWorkers.Get().(*emitWorker)
		defer emitWorkers.Put(w)
		f := &files[i]
		data := f.build(w.raw[:0])
		w.raw = data
		name := f.name
		if f.gz {
			zw := gzipWriters.Get().(*gzipWriter)
			w.gz = zw.compress(w.gz[:0], data)
			gzipWriters.Put(zw)
			data = w.gz
		}
		if portable {
			js := append(w.js[:0], "__jianghanSearch("...)
			js = strconv.AppendQuote(js, name)
			js = append(js, ",\""...)
			js = base64.StdEncoding.AppendEncode(js, data)
			js = append(js, "\");\n"...)
			w.js = js
			data, name = js, name+".js"
		}
		if err := put(name, data); err != nil {
			mu.Lock()
			if first == nil {
				first = err
			}
			mu.Unlock()
			failed.Store(true)
		}
	})
	return first
}
