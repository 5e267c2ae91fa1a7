package generator

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"

	"github.com/jianghan-district/jianghan/internal/msg"
	"github.com/jianghan-district/jianghan/search/index"
)

// CacheDir is where the site's bleve index is kept between runs: in the
// user's cache folder, keyed by the site's absolute path, so that building
// never writes outside the output folder and two sites never share an index.
// JIANGHAN_CACHE_DIR overrides it.
func CacheDir(root string) (string, error) {
	base := os.Getenv("JIANGHAN_CACHE_DIR")
	if base == "" {
		c, err := os.UserCacheDir()
		if err != nil {
			return "", msg.Errorf(msg.NoCacheDir, err)
		}
		base = filepath.Join(c, "jianghan")
	}
	abs, err := filepath.Abs(root)
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256([]byte(abs))
	return filepath.Join(base, hex.EncodeToString(sum[:8])), nil
}

// OpenSearch loads the site and brings its bleve index up to date, indexing
// only the pages that changed since the last run. Content errors do not stop
// it: a trainer can search a library while fixing it.
func OpenSearch(opts Options) (*index.Index, error) {
	p, err := Load(opts)
	if err != nil {
		return nil, err
	}
	return p.OpenSearch()
}

// OpenSearch opens the project's bleve index and syncs it with the site.
func (p *Project) OpenSearch() (*index.Index, error) {
	dir, err := CacheDir(p.Options.root())
	if err != nil {
		return nil, err
	}
	ix, err := index.Open(filepath.Join(dir, "bleve"))
	if err != nil {
		return nil, err
	}
	ix.SetSynonyms(Synonyms(p.Site))
	if _, err := ix.Sync(Documents(p.Site)); err != nil {
		ix.Close()
		return nil, err
	}
	return ix, nil
}
