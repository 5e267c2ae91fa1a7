package generator

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"strings"
	"time"

	"github.com/klauspost/compress/gzip"

	"github.com/jianghan-district/jianghan/generator/publish"
	"github.com/jianghan-district/jianghan/generator/render"
	"github.com/jianghan-district/jianghan/search"
)

// ServeFile is the file of every build that `jianghan serve --no-watch`
// reads to answer /api/search from the very build whose pages it serves:
// the site's base path and its search documents, as gzipped JSON. Its name
// starts with a dot, so serve never sends it to a browser (nor does
// deploy/nginx.conf).
const ServeFile = ".jianghan-serve.json.gz"

// serveData is what ServeFile holds.
type serveData struct {
	Format    int               `json:"format"`
	Base      string            `json:"base"`
	Synonyms  [][]string        `json:"synonyms,omitempty"`
	Documents []search.Document `json:"documents"`
}

// serveFormat is the version of serveData; a build of another version is
// served without /api/search until it is built again.
const serveFormat = 2

// serveJob writes ServeFile. The same documents give the same bytes, so an
// unchanged library leaves the file alone.
func serveJob(base string, docs []search.Document, synonyms [][]string) render.Job {
	return render.Job{Path: ServeFile, Render: func() ([]byte, error) {
		var b bytes.Buffer
		zw, err := gzip.NewWriterLevel(&b, gzip.DefaultCompression)
		if err != nil {
			return nil, err
		}
		enc := json.NewEncoder(zw)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(serveData{Format: serveFormat, Base: base, Synonyms: synonyms, Documents: docs}); err != nil {
			return nil, err
		}
		if err := zw.Close(); err != nil {
			return nil, err
		}
		return b.Bytes(), nil
	}}
}

// Published is a build in an output folder as a server reads it: the
// folder is held open, so that the build can still be read as it was made
// once the next build has taken its place at the output path.
type Published struct {
	root   *os.Root
	lock   *os.File    // the folder, held shared (publish.Hold)
	dir    os.FileInfo // the folder, to tell it from the next build's
	marker os.FileInfo
	// Hash is the build's content hash: the SHA-256 of its build marker,
	// which lists every file of the build with its checksum. Two builds of
	// the same library have the same hash.
	Hash string
	// Time is when the build was published (its marker written).
	Time time.Time
}

// ErrBusy says that the build at the output path is being finished (its
// build still holds it): try again in a moment.
var ErrBusy = publish.ErrBusy

// ErrNotPublished says that a folder holds no build of jianghan build.
var ErrNotPublished = errors.New("no published build")

// ErrNoServeData says that a build holds no ServeFile, or one of another
// version: it was made with --portable or by another version of jianghan.
var ErrNoServeData = errors.New("the build has no search documents for serve")

// maxMarker bounds the build marker read (a million files).
const maxMarker = 256 << 20

// OpenPublished opens the build in the output folder out.
func OpenPublished(out string) (*Published, error) {
	root, err := os.OpenRoot(out)
	if err != nil {
		return nil, err
	}
	p := &Published{root: root}
	if err := p.read(); err != nil {
		p.Close()
		return nil, fmt.Errorf("%s: %w", out, err)
	}
	return p, nil
}

// read holds the folder, so that no build reuses it while it is served,
// and fills in what identifies the build.
func (p *Published) read() error {
	lock, err := p.root.Open(".")
	if err != nil {
		return err
	}
	p.lock = lock
	if err := publish.Hold(lock); err != nil {
		return err
	}
	dir, err := lock.Stat()
	if err != nil {
		return err
	}
	f, err := p.root.Open(publish.Marker)
	if err != nil {
		return ErrNotPublished
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil || !st.Mode().IsRegular() {
		return ErrNotPublished
	}
	h := sha256.New()
	if _, err := io.Copy(h, io.LimitReader(f, maxMarker)); err != nil {
		return err
	}
	p.dir, p.marker = dir, st
	p.Hash = hex.EncodeToString(h.Sum(nil))
	p.Time = st.ModTime()
	return nil
}

// Root is the build's folder: every name opened through it stays inside.
func (p *Published) Root() *os.Root { return p.root }

// Replaced reports whether the output folder out holds another build than
// p now. The instant between two builds when out is missing is not one.
func (p *Published) Replaced(out string) bool {
	st, err := os.Stat(out)
	if err != nil {
		return false
	}
	if !os.SameFile(st, p.dir) {
		return true
	}
	m, err := p.root.Stat(publish.Marker)
	if err != nil {
		return false // being rewritten: the next build is not there yet
	}
	return m.Size() != p.marker.Size() || !m.ModTime().Equal(p.marker.ModTime())
}

// maxServeData bounds ServeFile as read, unpacked (a few hundred thousand
// pages).
const maxServeData = 2 << 30

// ServeData is what a build holds for serve: its base path, and its search
// documents with the synonym groups its queries expand.
type ServeData struct {
	Base      string
	Synonyms  [][]string
	Documents []search.Document
}

// ServeData reads the build's ServeData, or ErrNoServeData.
func (p *Published) ServeData() (ServeData, error) {
	f, err := p.root.Open(ServeFile)
	if err != nil {
		return ServeData{}, ErrNoServeData
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return ServeData{}, fmt.Errorf("%s: %w", ServeFile, err)
	}
	var d serveData
	dec := json.NewDecoder(io.LimitReader(zr, maxServeData))
	if err := dec.Decode(&d); err != nil {
		return ServeData{}, fmt.Errorf("%s: %w", ServeFile, err)
	}
	if d.Format != serveFormat {
		return ServeData{}, ErrNoServeData
	}
	if !validBase(d.Base) {
		return ServeData{}, fmt.Errorf("%s: base path %q is not a path like /jianghan/", ServeFile, d.Base)
	}
	return ServeData{Base: d.Base, Synonyms: d.Synonyms, Documents: d.Documents}, nil
}

// validBase reports whether base is a clean absolute folder path, "/" or
// "/jianghan/".
func validBase(base string) bool {
	if base == "/" {
		return true
	}
	return strings.HasPrefix(base, "/") && strings.HasSuffix(base, "/") &&
		path.Clean(base)+"/" == base && !strings.ContainsAny(base, "\\\x00?#")
}

// Close releases the folder.
func (p *Published) Close() error {
	if p.lock != nil {
		p.lock.Close()
	}
	return p.root.Close()
}
