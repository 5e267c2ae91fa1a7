package server

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jianghan-district/jianghan/generator"
	"github.com/jianghan-district/jianghan/internal/msg"
	"github.com/jianghan-district/jianghan/search"
)

// liveSearch is the search.Searcher behind /api/search, and the keeper of
// the browser's static search index in serve.
//
// Neither may slow down the reload a save triggers: on two processors,
// re-indexing a 10,000-case library right after a save would hold up the
// reload event and the page the browser then asks for. So the bleve index
// is synced in the background once the saves have paused for syncDelay,
// and the static index under search/ is written only when a browser asks
// for one of its files after a change (the search page), not after every
// save.
type liveSearch struct {
	mu     sync.RWMutex
	ix     *generator.SearchIndex
	err    error                 // why there is no index, once opening failed
	in     generator.SearchInput // the site's documents as of the last change
	stale  bool                  // the static index is older than in
	static sync.Mutex            // one static index write at a time

	wake    chan struct{} // a change is waiting for the bleve sync
	done    chan struct{}
	publish func(files []*file) // puts the static index in place (serve)
	logf    func(key msg.Key, args ...any)
	pending atomic.Int32 // changes not yet synced to bleve
}

// syncDelay is how long the saves must pause before bleve is synced.
const syncDelay = 300 * time.Millisecond

// errSearchNotReady answers queries until the index is open.
var errSearchNotReady = msg.Errorf(msg.ServeSearchNotReady)

// Search implements search.Searcher.
func (l *liveSearch) Search(ctx context.Context, req search.Request) (*search.Result, error) {
	l.mu.RLock()
	ix := l.ix
	l.mu.RUnlock()
	if ix == nil {
		_, err := l.ready()
		return nil, err
	}
	return ix.Search(ctx, req)
}

// ready reports whether queries can be answered, and if not, why.
func (l *liveSearch) ready() (bool, error) {
	l.mu.RLock()
	defer l.mu.RUnlock()
	if l.ix != nil {
		return true, nil
	}
	if l.err != nil {
		return false, l.err
	}
	return false, errSearchNotReady
}

// idle reports whether no change is waiting to be synced.
func (l *liveSearch) idle() bool {
	return l.pending.Load() == 0
}

// handler serves /api/search, with 503 while the index is being built.
func (l *liveSearch) handler() http.Handler {
	api := search.Handler(l)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ok, _ := l.ready()
		serveSearch(w, r, api, ok, func() error { _, err := l.ready(); return err })
	})
}

// serveSearch answers /api/search with api when the index is ready, and
// otherwise 503 with the reason why not, which the search page shows.
func serveSearch(w http.ResponseWriter, r *http.Request, api http.Handler, ready bool, why func() error) {
	if !ready {
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.Header().Set("Retry-After", "2")
		w.Header().Set("Cache-Control", "no-store")
		w.WriteHeader(http.StatusServiceUnavailable)
		json.NewEncoder(w).Encode(map[string]string{"error": why().Error()})
		return
	}
	api.ServeHTTP(w, r)
}

// indexDir is serve's own bleve index in the site's cache folder, apart
// from the one `jianghan search` uses: bleve locks its files, and a
// trainer's search in another terminal must not hang while serve runs.
const indexDir = "bleve-serve"

// start opens serve's bleve index in the site's cache folder and syncs it
// in the background until stop.
func (l *liveSearch) start(root string) {
	l.wake = make(chan struct{}, 1)
	l.done = make(chan struct{})
	go func() {
		defer close(l.done)
		dir, err := generator.CacheDir(root)
		var ix *generator.SearchIndex
		if err == nil {
			ix, err = generator.OpenSearchIndex(filepath.Join(dir, indexDir))
		}
		if err != nil {
			l.mu.Lock()
			l.err = err
			l.mu.Unlock()
			l.logf(msg.ServeSearchOff, err)
		}
		for range l.wake {
			// Let a run of saves finish first.
			for quiet := false; !quiet; {
				select {
				case _, ok := <-l.wake:
					if !ok {
						quiet = true
					}
				case <-time.After(syncDelay):
					quiet = true
				}
			}
			n := l.pending.Load()
			l.mu.RLock()
			in := l.in
			l.mu.RUnlock()
			l.sync(ix, in.Documents, in.Synonyms)
			l.pending.Add(-n)
		}
		l.mu.Lock()
		if l.ix == nil && ix != nil {
			ix.Close() // never synced: stop does not know it
		}
		l.mu.Unlock()
	}()
}

// sync brings bleve up to date; the index answers queries from its first
// successful sync on.
func (l *liveSearch) sync(ix *generator.SearchIndex, docs []search.Document, synonyms [][]string) {
	if ix == nil {
		return
	}
	ix.SetSynonyms(synonyms)
	start := time.Now()
	if _, err := ix.Sync(docs); err != nil {
		l.logf(msg.ServeSearchError, err)
		return
	}
	l.mu.Lock()
	first := l.ix == nil
	l.ix = ix
	l.mu.Unlock()
	if first {
		l.logf(msg.ServeSearchIndexed, len(docs), time.Since(start).Round(time.Millisecond))
	}
}

// expect announces a change before its documents are ready, so that idle
// is false from the moment the site changed.
func (l *liveSearch) expect() { l.pending.Add(1) }

// update hands in the site's search input after a change that expect
// announced.
func (l *liveSearch) update(in generator.SearchInput) {
	l.mu.Lock()
	l.in = in
	l.stale = true
	l.mu.Unlock()
	if l.wake == nil {
		l.pending.Add(-1)
		return
	}
	select {
	case l.wake <- struct{}{}:
	default:
	}
}

// stop finishes the sync under way and closes the index.
func (l *liveSearch) stop() {
	if l.wake != nil {
		close(l.wake)
	}
	if l.done != nil {
		<-l.done
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.ix != nil {
		l.ix.Close()
		l.ix = nil
	}
}

// freshStatic writes the browser's index again if the site changed since
// it was last written; serve calls it before answering for a file under
// search/.
func (l *liveSearch) freshStatic() error {
	l.static.Lock()
	defer l.static.Unlock()
	l.mu.RLock()
	stale, in := l.stale, l.in
	l.mu.RUnlock()
	if !stale || l.publish == nil {
		return nil
	}
	if err := l.writeStatic(in); err != nil {
		return err
	}
	l.mu.Lock()
	if sameDocs(l.in.Documents, in.Documents) {
		l.stale = false
	}
	l.mu.Unlock()
	return nil
}

// sameDocs reports whether two document lists are the same list.
func sameDocs(a, b []search.Document) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}

// writeStatic makes the browser's index and hands its files to serve's
// output, under search/.
func (l *liveSearch) writeStatic(in generator.SearchInput) error {
	var mu sync.Mutex
	var files []*file
	now := time.Now()
	err := in.BrowserIndex(func(name string, data []byte) error {
		f := memFile("search/"+name, bytes.Clone(data), now) // data is lent
		mu.Lock()
		files = append(files, f)
		mu.Unlock()
		return nil
	})
	if err != nil {
		return err
	}
	l.publish(files)
	return nil
}
