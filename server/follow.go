package server

import (
	"context"
	"errors"
	"net/http"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jianghan-district/jianghan/generator"
	"github.com/jianghan-district/jianghan/internal/msg"
	"github.com/jianghan-district/jianghan/search"
)

// The production server serves the last published build and follows each
// new one. A build is served from its folder held open (generator.Published),
// so that requests already under way finish on the build they started on
// while the next build takes its place at the output path. A request takes
// the build current when it arrives and keeps it to the end; pages and
// /api/search move to a new build together, at one pointer swap, once its
// search index is ready.
//
// Two bleve indexes take turns: the one of the build served answers
// queries while the other is brought up to the next build (Index.Sync
// touches only the documents that changed since it last served), and the
// swap makes it the one that answers.

// pollEvery is how often the output path is checked for a new build: one
// stat, so that a new build is served well within a second. Polling works on
// every file system, network shares included, where change notification
// does not.
const pollEvery = 200 * time.Millisecond

// served is one build as the production server serves it.
type served struct {
	pub   *generator.Published
	base  string
	files http.Handler
	docs  int

	index     atomic.Pointer[generator.SearchIndex] // nil until the index is ready
	searchErr atomic.Pointer[error]                 // why there is no index, when known
	api       http.Handler

	inflight  sync.WaitGroup // requests taking this build
	searching sync.WaitGroup // of those, the ones asking /api/search
}

// Search implements search.Searcher with the build's own index.
func (b *served) Search(ctx context.Context, r search.Request) (*search.Result, error) {
	ix := b.index.Load()
	if ix == nil {
		return nil, b.searchError()
	}
	return ix.Search(ctx, r)
}

// searchError says why the build cannot answer queries.
func (b *served) searchError() error {
	if e := b.searchErr.Load(); e != nil {
		return *e
	}
	return errSearchNotReady
}

// builds follows the builds published to one output folder.
type builds struct {
	out       string
	cacheDir  string // where the two bleve indexes live; "" for none
	log, errw *logger

	mu  sync.RWMutex
	cur *served

	slots   [2]*generator.SearchIndex
	slotErr error               // why the indexes could not be opened
	owner   [2]*served          // the build each slot answers for, or did last
	first   generator.ServeData // what the build start opened holds for search
	closed  chan struct{}
}

// indexDirs are the two bleve indexes of the production server, apart from
// serve's and jianghan search's.
var indexDirs = [2]string{"bleve-production-a", "bleve-production-b"}

// acquire takes the build to answer r from; release gives it back. It is
// nil before the first build is open.
func (f *builds) acquire(r *http.Request) *served {
	f.mu.RLock()
	defer f.mu.RUnlock()
	b := f.cur
	if b == nil {
		return nil
	}
	b.inflight.Add(1)
	if isAPI(r.URL.Path, b.base) {
		b.searching.Add(1)
	}
	return b
}

func (f *builds) release(b *served, r *http.Request) {
	if isAPI(r.URL.Path, b.base) {
		b.searching.Done()
	}
	b.inflight.Done()
}

// isAPI reports whether a request path is the search API's.
func isAPI(p, base string) bool { return p == "/api/search" || p == base+"api/search" }

// current is the build served now, for logs and /healthz.
func (f *builds) current() *served {
	f.mu.RLock()
	defer f.mu.RUnlock()
	return f.cur
}

// open makes a served build of the published build in pub. Its search
// index comes later (index).
func (f *builds) open(pub *generator.Published) (*served, generator.ServeData) {
	b := &served{pub: pub}
	data, err := pub.ServeData()
	if err != nil {
		if errors.Is(err, generator.ErrNoServeData) {
			err = msg.Errorf(msg.ProdNoServeData)
		} else {
			err = msg.Errorf(msg.ProdBadServeData, err)
		}
		b.base = "/"
		b.searchErr.Store(&err)
	} else {
		b.base, b.docs = data.Base, len(data.Documents)
	}
	b.files = siteServer(fixedDirSource(pub.Root()), func() string { return b.base }, productionCache)
	b.api = search.Handler(b)
	return b, data
}

// start serves the build at the output path, its search index to follow
// in run.
func (f *builds) start() error {
	pub, err := generator.OpenPublished(f.out)
	if err != nil {
		return err
	}
	b, data := f.open(pub)
	if e := b.searchErr.Load(); e != nil {
		f.errw.line((*e).Error())
	}
	f.first = data
	f.mu.Lock()
	f.cur = b
	f.mu.Unlock()
	return nil
}

// startSoon is start, waiting for a build that is finishing to let go of
// the output.
func (f *builds) startSoon() error {
	err := f.start()
	for i := 0; errors.Is(err, generator.ErrBusy) && i < 100; i++ {
		time.Sleep(pollEvery / 4)
		err = f.start()
	}
	return err
}

// run indexes the first build, then follows new ones until stop is closed.
func (f *builds) run(stop <-chan struct{}) {
	defer close(f.closed)
	f.openSlots()
	if b := f.current(); b != nil {
		data := f.first
		f.first = generator.ServeData{}
		if b.searchErr.Load() == nil && !stopped(stop) {
			f.index(b, 0, data)
			// The other index learns the same build now, so that the
			// first swap re-indexes only what that build changes.
			if f.slots[1] != nil && !stopped(stop) {
				f.slots[1].SetSynonyms(data.Synonyms)
				if _, err := f.slots[1].Sync(data.Documents); err != nil {
					f.errw.say(msg.ProdSearchFailed, err)
				}
			}
		}
	}
	tick := time.NewTicker(pollEvery)
	defer tick.Stop()
	for {
		select {
		case <-stop:
			return
		case <-tick.C:
			if cur := f.current(); cur == nil || cur.pub.Replaced(f.out) {
				f.next()
			}
		}
	}
}

// stopped reports whether stop is closed.
func stopped(stop <-chan struct{}) bool {
	select {
	case <-stop:
		return true
	default:
		return false
	}
}

// openSlots opens the two bleve indexes; without them /api/search is off
// and the pages are served all the same.
func (f *builds) openSlots() {
	if f.cacheDir == "" {
		return
	}
	for i, d := range indexDirs {
		ix, err := generator.OpenSearchIndex(filepath.Join(f.cacheDir, d))
		if err != nil {
			f.slotErr = msg.Errorf(msg.ProdSearchOff, err)
			f.errw.line(f.slotErr.Error())
			f.closeSlots()
			return
		}
		f.slots[i] = ix
	}
}

func (f *builds) closeSlots() {
	for i, ix := range f.slots {
		if ix != nil {
			ix.Close()
			f.slots[i] = nil
		}
	}
}

// index brings slot i up to the build's search data and gives it to b, once no request of the
// build it answered for before is still asking it. That build is no longer
// served, so no new request can take it while index waits.
func (f *builds) index(b *served, i int, data generator.ServeData) {
	ix := f.slots[i]
	if ix == nil {
		err := f.slotErr // set whenever the slots are not open
		b.searchErr.Store(&err)
		return
	}
	if prev := f.owner[i]; prev != nil {
		prev.searching.Wait()
		f.owner[i] = nil
	}
	start := time.Now()
	ix.SetSynonyms(data.Synonyms)
	st, err := ix.Sync(data.Documents)
	if err != nil {
		err = msg.Errorf(msg.ProdSearchFailed, err)
		f.errw.line(err.Error())
		b.searchErr.Store(&err)
		return
	}
	f.owner[i] = b
	b.index.Store(ix)
	if st.Added+st.Updated+st.Deleted > 0 {
		f.log.say(msg.ProdIndexed, len(data.Documents), st.Added+st.Updated+st.Deleted, time.Since(start).Round(time.Millisecond))
	}
}

// next serves the build now at the output path, if it is complete: its
// search index is made ready first, then pages and search move to it at
// once, and the build before is closed when its last request is done.
func (f *builds) next() {
	pub, err := generator.OpenPublished(f.out)
	if err != nil {
		if !errors.Is(err, os.ErrNotExist) && !errors.Is(err, generator.ErrNotPublished) && !errors.Is(err, generator.ErrBusy) {
			f.errw.say(msg.ProdCannotOpen, err)
		}
		return // between two builds, or none yet: keep the one served
	}
	old := f.current()
	if old != nil && !old.pub.Replaced(f.out) {
		pub.Close() // the same build after all
		return
	}
	b, data := f.open(pub)
	if e := b.searchErr.Load(); e != nil {
		f.errw.line((*e).Error())
	} else {
		// The slot the build served now does not answer for.
		slot := 0
		if old != nil && f.owner[0] == old {
			slot = 1
		}
		f.index(b, slot, data)
	}
	f.mu.Lock()
	f.cur = b
	f.mu.Unlock()
	f.log.say(msg.ProdSwitched, pub.Time.Format(time.DateTime), short(pub.Hash))
	if old != nil {
		go func() {
			old.inflight.Wait()
			old.pub.Close()
		}()
	}
}

// short is a content hash as people compare it by eye.
func short(hash string) string {
	if len(hash) > 12 {
		return hash[:12]
	}
	return hash
}

// stop closes the indexes once run has returned, and the build served.
func (f *builds) stop() {
	<-f.closed
	f.mu.Lock()
	b := f.cur
	f.cur = nil
	f.mu.Unlock()
	if b != nil {
		b.inflight.Wait()
		b.pub.Close()
	}
	for _, o := range f.owner {
		if o != nil {
			o.searching.Wait()
		}
	}
	f.closeSlots()
}
