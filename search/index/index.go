// Package index is the search index of the command line and of
// /api/search: a bleve (scorch) index kept in a cache folder, brought up to
// date document by document (Index.Sync), and searched with package rank's
// ranking (Index.Search): bleve holds the postings, term vectors, stored
// text and facet values; rank decides the order.
package index

import (
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"

	"github.com/jianghan-district/jianghan/search"
	"github.com/jianghan-district/jianghan/search/analysis"
	"github.com/jianghan-district/jianghan/search/query"
	"github.com/jianghan-district/jianghan/search/rank"
)

// indexVersion names the mapping and analysis an index was built with. A
// cached index of another version is rebuilt from scratch on Open.
const indexVersion = "jianghan-search-2"

// Keys of the index's internal (non-document) storage.
var (
	versionKey  = []byte("jianghan.version")
	manifestKey = []byte("jianghan.manifest")
)

// SyncBatchSize is how many documents go to bleve in one batch.
const SyncBatchSize = 500

// Index is the bleve index kept in a cache folder (the caller picks the
// folder). It is safe for concurrent use; Sync and Search may overlap.
type Index struct {
	dir string
	idx bleve.Index

	syncMu sync.Mutex // one Sync at a time

	mu       sync.RWMutex         // guards manifest, stats and lexicon
	manifest map[string]docRecord // by URL: what is in the index
	stats    rank.Stats
	lexicon  *query.Lexicon
}

// docRecord is what the index remembers of a document between Syncs.
type docRecord struct {
	hash [16]byte
	lens [rank.NumFields]uint32 // tokens per field, as the analyzer counts them
}

// SyncStats says what one Sync did.
type SyncStats struct {
	Added     int
	Updated   int
	Deleted   int
	Unchanged int
	Duration  time.Duration
}

// Open opens the index in dir, creating it if dir does not exist or is
// empty. An index this package made with another mapping or analysis is
// deleted and made anew (it is a cache); a folder holding anything else is
// refused, never deleted.
func Open(dir string) (*Index, error) {
	idx, err := openOrCreate(dir)
	if err != nil {
		return nil, err
	}
	v, err := idx.GetInternal(versionKey)
	if err == nil && string(v) != indexVersion {
		_ = idx.Close()
		if len(v) == 0 {
			return nil, fmt.Errorf("search: %s holds a bleve index that jianghan did not make; choose another folder", dir)
		}
		// our own older cache: start over
		if err := os.RemoveAll(dir); err != nil {
			return nil, fmt.Errorf("search: removing outdated index: %w", err)
		}
		if idx, err = openOrCreate(dir); err != nil {
			return nil, err // a new index has its version written
		}
	}
	if err != nil {
		_ = idx.Close()
		return nil, fmt.Errorf("search: reading index version: %w", err)
	}
	ix := &Index{dir: dir, idx: idx, manifest: map[string]docRecord{}, lexicon: query.NewLexicon(nil)}
	raw, err := idx.GetInternal(manifestKey)
	if err != nil {
		_ = idx.Close()
		return nil, fmt.Errorf("search: reading index manifest: %w", err)
	}
	if len(raw) > 0 {
		m, err := decodeManifest(raw)
		if err != nil {
			// a damaged manifest only costs a full re-index
			m = map[string]docRecord{}
		}
		ix.manifest = m
	}
	ix.stats = statsOf(ix.manifest)
	return ix, nil
}

// openOrCreate opens the bleve index in dir, or creates it (marked with
// indexVersion) when dir is missing or empty.
func openOrCreate(dir string) (bleve.Index, error) {
	if entries, err := os.ReadDir(dir); err == nil && len(entries) == 0 {
		if err := os.Remove(dir); err != nil {
			return nil, fmt.Errorf("search: %w", err)
		}
	}
	if _, err := os.Stat(dir); errors.Is(err, os.ErrNotExist) {
		if err := os.MkdirAll(filepath.Dir(dir), 0o755); err != nil {
			return nil, fmt.Errorf("search: %w", err)
		}
		idx, err := bleve.NewUsing(dir, newMapping(), scorch.Name, scorch.Name, map[string]interface{}{
			"forceSegmentType":    "zap",
			"forceSegmentVersion": 17,
		})
		if err != nil {
			return nil, fmt.Errorf("search: creating index in %s: %w", dir, err)
		}
		if err := idx.SetInternal(versionKey, []byte(indexVersion)); err != nil {
			_ = idx.Close()
			return nil, fmt.Errorf("search: %w", err)
		}
		return idx, nil
	}
	idx, err := bleve.Open(dir)
	if err != nil {
		return nil, fmt.Errorf("search: opening index in %s: %w", dir, err)
	}
	return idx, nil
}

// Close releases the index; it must not be used afterwards.
func (ix *Index) Close() error {
	return ix.idx.Close()
}

// SetSynonyms sets the site's synonym groups (site.yaml's synonyms), which
// queries from now on expand.
func (ix *Index) SetSynonyms(groups [][]string) {
	lex := query.NewLexicon(groups)
	ix.mu.Lock()
	ix.lexicon = lex
	ix.mu.Unlock()
}

// Sync brings the index up to date with docs, the complete set of
// documents: it indexes only documents that are new or whose content
// changed (by hash), deletes those no longer present, and leaves the rest
// alone. Work goes to bleve in batches of SyncBatchSize; each batch also
// records what the index now holds, so an interrupted Sync is finished by
// the next one.
func (ix *Index) Sync(docs []search.Document) (SyncStats, error) {
	start := time.Now()
	ix.syncMu.Lock()
	defer ix.syncMu.Unlock()
	var st SyncStats
	if err := search.CheckURLs(docs); err != nil {
		return st, err
	}

	ix.mu.RLock()
	manifest := make(map[string]docRecord, len(ix.manifest))
	for k, v := range ix.manifest {
		manifest[k] = v
	}
	ix.mu.RUnlock()

	var changed []int
	present := make(map[string]bool, len(docs))
	hashes := make([][16]byte, len(docs))
	for i := range docs {
		d := &docs[i]
		present[d.URL] = true
		hashes[i] = hashDocument(d)
		if rec, ok := manifest[d.URL]; ok {
			if rec.hash == hashes[i] {
				st.Unchanged++
				continue
			}
			st.Updated++
		} else {
			st.Added++
		}
		changed = append(changed, i)
	}
	var removed []string
	for u := range manifest {
		if !present[u] {
			removed = append(removed, u)
		}
	}
	sort.Strings(removed)
	st.Deleted = len(removed)

	var sc analysis.Scanner
	batch := ix.idx.NewBatch()
	flush := func() error {
		if batch.Size() == 0 {
			return nil
		}
		batch.SetInternal(manifestKey, encodeManifest(manifest))
		if err := ix.idx.Batch(batch); err != nil {
			return fmt.Errorf("search: indexing: %w", err)
		}
		ix.publish(manifest)
		// a new batch rather than Reset: scorch's goroutines may still read
		// the old one after Batch returns (the race detector sees it)
		batch = ix.idx.NewBatch()
		return nil
	}
	for _, u := range removed {
		batch.Delete(u)
		delete(manifest, u)
		if batch.Size() >= SyncBatchSize {
			if err := flush(); err != nil {
				return st, err
			}
		}
	}
	for _, i := range changed {
		d := &docs[i]
		if err := batch.Index(d.URL, indexedDocument(d)); err != nil {
			return st, fmt.Errorf("search: %s: %w", d.URL, err)
		}
		rec := docRecord{hash: hashes[i]}
		for f, text := range rank.FieldTexts(d) {
			rec.lens[f] = uint32(len(sc.Scan([]byte(text))))
		}
		manifest[d.URL] = rec
		if batch.Size() >= SyncBatchSize {
			if err := flush(); err != nil {
				return st, err
			}
		}
	}
	if err := flush(); err != nil {
		return st, err
	}
	st.Duration = time.Since(start)
	return st, nil
}

// publish makes manifest (owned by the caller until now) the one searches use.
func (ix *Index) publish(manifest map[string]docRecord) {
	cp := make(map[string]docRecord, len(manifest))
	for k, v := range manifest {
		cp[k] = v
	}
	ix.mu.Lock()
	ix.manifest = cp
	ix.stats = statsOf(cp)
	ix.mu.Unlock()
}

// indexedDocument is what bleve indexes for d; empty values are left out,
// so they add neither terms nor facet values.
func indexedDocument(d *search.Document) map[string]interface{} {
	m := map[string]interface{}{"url": d.URL}
	for f, text := range rank.FieldTexts(d) {
		if text != "" {
			m[rank.FieldNames[f]] = text
		}
	}
	if d.Kind != "" {
		m["kind"] = d.Kind
	}
	if d.Street != "" {
		m["street"] = d.Street
	}
	for k, vs := range map[string][]string{"topics": d.Topics, "methods": d.Methods} {
		if vs = search.FacetValues(vs); len(vs) > 0 {
			m[k] = vs
		}
	}
	return m
}

// hashDocument is the content hash Sync compares: every field that is
// indexed, and the index version (so new analysis re-indexes everything).
func hashDocument(d *search.Document) [16]byte {
	h := sha256.New()
	var n [8]byte
	put := func(s string) {
		binary.LittleEndian.PutUint64(n[:], uint64(len(s)))
		h.Write(n[:])
		h.Write([]byte(s))
	}
	put(indexVersion)
	for _, s := range []string{d.URL, d.Title, d.Kind, d.Summary, d.Street, d.Date} {
		put(s)
	}
	put(fmt.Sprint(len(d.Sections)))
	for _, s := range d.Sections {
		put(s.Heading)
		put(s.Text)
	}
	for _, vs := range [][]string{d.Topics, d.Methods, d.Filed} {
		put(fmt.Sprint(len(vs)))
		for _, s := range vs {
			put(s)
		}
	}
	var out [16]byte
	copy(out[:], h.Sum(nil))
	return out
}

// statsOf sums the manifest into BM25 collection statistics.
func statsOf(m map[string]docRecord) rank.Stats {
	st := rank.Stats{Docs: len(m)}
	for _, r := range m {
		for f, l := range r.lens {
			st.Total[f] += uint64(l)
		}
	}
	return st
}

// encodeManifest writes the manifest compactly, sorted by URL.
func encodeManifest(m map[string]docRecord) []byte {
	urls := make([]string, 0, len(m))
	for u := range m {
		urls = append(urls, u)
	}
	sort.Strings(urls)
	out := make([]byte, 0, 16+len(m)*48)
	out = append(out, 'J', 'M', '2')
	out = binary.AppendUvarint(out, uint64(len(urls)))
	for _, u := range urls {
		r := m[u]
		out = binary.AppendUvarint(out, uint64(len(u)))
		out = append(out, u...)
		out = append(out, r.hash[:]...)
		for _, l := range r.lens {
			out = binary.AppendUvarint(out, uint64(l))
		}
	}
	return out
}

// decodeManifest reads what encodeManifest wrote.
func decodeManifest(b []byte) (map[string]docRecord, error) {
	bad := errors.New("search: damaged manifest")
	if len(b) < 3 || string(b[:3]) != "JM2" {
		return nil, bad
	}
	b = b[3:]
	next := func() (uint64, bool) {
		v, n := binary.Uvarint(b)
		if n <= 0 {
			return 0, false
		}
		b = b[n:]
		return v, true
	}
	count, ok := next()
	if !ok || count > uint64(len(b)) {
		return nil, bad
	}
	m := make(map[string]docRecord, count)
	for i := uint64(0); i < count; i++ {
		l, ok := next()
		if !ok || l+16 > uint64(len(b)) {
			return nil, bad
		}
		u := string(b[:l])
		b = b[l:]
		var r docRecord
		copy(r.hash[:], b[:16])
		b = b[16:]
		for f := range r.lens {
			v, ok := next()
			if !ok {
				return nil, bad
			}
			r.lens[f] = uint32(v)
		}
		m[u] = r
	}
	return m, nil
}

// Stats are the collection statistics the index ranks with.
func (ix *Index) Stats() rank.Stats {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return ix.stats
}
