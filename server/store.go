package server

import (
	"io/fs"
	"strings"
	"sync"
)

// store is serve's output: the built site in memory, replaced file by file
// as rebuilds finish. Readers never see half a rebuild: each rebuild's files
// go in under one lock.
type store struct {
	mu    sync.RWMutex
	files map[string]*file
	good  bool // a build has succeeded
}

func newStore() *store { return &store{files: map[string]*file{}} }

func (s *store) file(name string) (*file, error) {
	s.mu.RLock()
	f := s.files[name]
	s.mu.RUnlock()
	if f == nil {
		return nil, fs.ErrNotExist
	}
	return f, nil
}

func (s *store) page(name string) bool {
	s.mu.RLock()
	_, ok := s.files[name+"/index.html"]
	s.mu.RUnlock()
	return ok
}

// update puts files in and takes removed paths out, at once.
func (s *store) update(files []*file, removed []string) {
	s.mu.Lock()
	for _, r := range removed {
		delete(s.files, r)
	}
	for _, f := range files {
		s.files[f.name] = f
	}
	s.good = true
	s.mu.Unlock()
}

// replacePrefix swaps every file under a folder for new ones: the search
// index, written whole each time.
func (s *store) replacePrefix(prefix string, keep func(string) bool, files []*file) {
	s.mu.Lock()
	for name := range s.files {
		if strings.HasPrefix(name, prefix) && !keep(name) {
			delete(s.files, name)
		}
	}
	for _, f := range files {
		s.files[f.name] = f
	}
	s.mu.Unlock()
}

// built reports whether a build has succeeded.
func (s *store) built() bool {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.good
}
