package server

import (
	"context"
	"io"
	"io/fs"
	"net"
	"net/http"
	"strings"
	"time"

	"github.com/jianghan-district/jianghan/internal/msg"
	"github.com/jianghan-district/jianghan/internal/parallel"

	"github.com/jianghan-district/jianghan/generator"
)

// The authoring loop: build the site into memory, then for every batch of
// changed files apply them to the project, run the render jobs the delta
// names, put their output in place and tell the browsers. The loop runs in
// one goroutine, the only one touching the project; browsers read the
// store, which each rebuild updates at once.

// dev serves the site from memory and rebuilds it as files change.
func (s *instance) dev(ctx context.Context, ln net.Listener) error {
	s.search.publish = func(files []*file) {
		s.store.replacePrefix("search/", func(name string) bool { return name == "search/index.html" }, files)
	}
	s.mu.Lock()
	s.building = true
	s.mu.Unlock()
	w, err := newWatcher(s.o.Root, func(err error) { s.errw.say(msg.ServeWatchError, err) })
	if err != nil {
		return msg.Errorf(msg.ServeCannotWatch, s.o.Root, err)
	}
	srv := s.httpServer(http.HandlerFunc(s.serveDev))
	watchCtx, stopWatch := context.WithCancel(ctx)
	defer stopWatch()
	go w.run(watchCtx)
	var loadErr error
	err = s.serveUntil(ctx, srv, ln, func(stop <-chan struct{}) {
		if loadErr = s.first(); loadErr != nil {
			return
		}
		for {
			select {
			case <-stop:
				return
			case batch := <-w.out:
				s.rebuild(batch)
			}
		}
	})
	if loadErr != nil {
		return loadErr
	}
	return err
}

// first makes the first build.
func (s *instance) first() error {
	start := time.Now()
	opts := generator.Options{Root: s.o.Root, Drafts: s.o.Drafts}
	p, d, err := generator.LoadLive(opts, DevScript())
	s.mu.Lock()
	s.building = false
	s.fatal = err
	s.mu.Unlock()
	if err != nil {
		s.errw.say(msg.ServeFatal, err)
		return err
	}
	s.project = p
	s.search.start(s.o.Root)
	s.printDiagnostics(d.Diagnostics)
	s.publish(d, start, true)
	return nil
}

// rebuild applies one batch of changed files.
func (s *instance) rebuild(batch []generator.Change) {
	start := time.Now()
	d, err := s.project.Apply(batch)
	if err != nil {
		s.errw.say(msg.ServeFatal, err)
		s.showProblems([]string{err.Error()})
		return
	}
	s.publish(d, start, false)
}

// publish runs a delta's jobs, puts the output in place and tells the
// browsers; a delta with errors shows them instead.
func (s *instance) publish(d *generator.Delta, start time.Time, first bool) {
	errs, warns := generator.CountDiagnostics(d.Diagnostics)
	if d.Failed {
		var lines []string
		for _, x := range generator.Errors(d.Diagnostics) {
			lines = append(lines, x.Plain())
			if !first {
				s.errw.line(x.String())
			}
		}
		s.errw.say(msg.ServeFailed, msg.T(msg.Counts, errs, warns))
		s.showProblems(lines)
		return
	}
	if !first {
		for _, x := range d.Diagnostics {
			for _, f := range d.Files {
				if x.File == f || strings.HasPrefix(x.File, f+"/") {
					s.errw.line(x.String())
					break
				}
			}
		}
	}
	src := s.project.Sources()
	jobs := d.Jobs
	if d.StylesOnly {
		// Put the new stylesheets in first and let the browsers swap them,
		// then render the pages that name them.
		var copies, rest []generator.Job
		for _, j := range jobs {
			if j.Copies() {
				copies = append(copies, j)
			} else {
				rest = append(rest, j)
			}
		}
		files, err := s.run(copies, src)
		if err != nil {
			s.showProblems([]string{err.Error()})
			return
		}
		s.store.update(files, nil)
		for _, st := range d.Styles {
			s.hub.publish(newEvent("css", map[string]string{"name": st.Name, "href": s.project.Linker.Abs("/" + st.New)}))
		}
		jobs = rest
	}
	files, err := s.run(jobs, src)
	if err != nil {
		s.errw.line("✗ " + err.Error())
		s.showProblems([]string{err.Error()})
		return
	}
	s.store.update(files, d.Removed)
	d.Commit()
	s.base.Store(s.project.Site.Config.BasePath())
	s.mu.Lock()
	s.gen++
	wasFailing := len(s.failing) > 0
	s.failing = nil
	s.mu.Unlock()
	if wasFailing {
		s.hub.publish(newEvent("clear", struct{}{}))
	}
	if len(d.Pages) > 0 {
		s.search.expect()
	}
	took := time.Since(start).Round(100 * time.Microsecond)
	switch {
	case first:
		s.out.say(msg.ServeBuilt, len(s.project.Site.Pages), len(files), took, msg.T(msg.Counts, errs, warns))
	case d.StylesOnly:
		s.out.say(msg.ServeStyles, strings.Join(d.Files, ", "), took)
	case len(files)+len(d.Removed) > 0:
		s.hub.publish(newEvent("reload", map[string]any{"files": len(files) + len(d.Removed)}))
		s.out.say(msg.ServeRebuilt, summary(d.Files), len(files)+len(d.Removed), took)
	case wasFailing:
		s.out.say(msg.ServeFixed)
	}
	if len(d.Pages) > 0 {
		s.search.update(s.project.SearchInput())
	}
}

// summary names the changed files, or how many there were.
func summary(files []string) string {
	if len(files) <= 3 {
		return strings.Join(files, ", ")
	}
	return msg.T(msg.ServeFilesMore, strings.Join(files[:2], ", "), len(files)-2)
}

// printDiagnostics prints a whole build's problems, warnings of one kind
// folded unless --all, as check and build do.
func (s *instance) printDiagnostics(ds []generator.Diagnostic) {
	for _, l := range generator.FoldDiagnostics(ds, s.o.All) {
		s.errw.line(l)
	}
}

// showProblems keeps the errors for browsers that connect later and shows
// them to those connected now.
func (s *instance) showProblems(lines []string) {
	s.mu.Lock()
	s.failing = append([]string(nil), lines...)
	s.mu.Unlock()
	s.hub.publish(overlayEvent(lines))
}

// run produces the files of the jobs on every processor. A failing job
// (a template error) fails the whole rebuild, so nothing half-done is
// published.
func (s *instance) run(jobs []generator.Job, src generator.Sources) ([]*file, error) {
	out := make([]*file, len(jobs))
	errs := make([]error, len(jobs))
	now := time.Now()
	parallel.For(len(jobs), 0, func(i int) { out[i], errs[i] = runJob(jobs[i], src, now) })
	files := out[:0]
	for i, f := range out {
		if errs[i] != nil {
			return nil, errs[i]
		}
		if f != nil {
			files = append(files, f)
		}
	}
	return files, nil
}

// runJob produces one file the way build does (Job.Bytes), with two
// differences for serve: the service worker is one that caches nothing,
// and a large copied file (a lecture video) is streamed from its source on
// each request rather than held in memory. A job that fails inside fails
// the rebuild as an error; serve keeps running. A folder job (the search
// index) makes nothing here: the search updater writes it.
func runJob(j generator.Job, src generator.Sources, now time.Time) (*file, error) {
	mod := now
	switch {
	case j.Files != nil:
		return nil, nil
	case j.Render != nil && j.Path == "sw.js":
		return memFile(j.Path, []byte(swKillSwitch), now), nil
	case j.Copies():
		st, err := stat(src, j.Source)
		if err != nil {
			return nil, err
		}
		if st.Size() > maxMemFile {
			return diskFile(j.Path, st.Size(), st.ModTime(), func() (io.ReadSeekCloser, error) { return openSeeker(src, j.Source) }), nil
		}
		mod = st.ModTime()
	}
	b, err := j.Bytes(src)
	if err != nil {
		return nil, err
	}
	return memFile(j.Path, b, mod), nil
}

// stat describes a copy job's source.
func stat(src generator.Sources, name string) (fs.FileInfo, error) {
	f, err := src.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return f.Stat()
}

// openSeeker opens a copy job's source for http.ServeContent, which seeks
// to answer ranges.
func openSeeker(src generator.Sources, name string) (io.ReadSeekCloser, error) {
	f, err := src.Open(name)
	if err != nil {
		return nil, err
	}
	if rs, ok := f.(io.ReadSeekCloser); ok {
		return rs, nil
	}
	f.Close()
	return nil, fs.ErrInvalid
}

// serveDev routes serve's requests: the event stream, the search API, and
// the site, or the problem page while there is no good site.
func (s *instance) serveDev(w http.ResponseWriter, r *http.Request) {
	base := s.base.Load().(string)
	switch r.URL.Path {
	case EventsPath:
		s.hub.ServeHTTP(w, r)
		return
	case "/api/search", base + "api/search":
		s.search.handler().ServeHTTP(w, r)
		return
	}
	if !s.store.built() && wantsPage(r) {
		s.mu.Lock()
		building, failing, fatal := s.building, s.failing, s.fatal
		s.mu.Unlock()
		switch {
		case fatal != nil:
			writeProblemPage(w, r, http.StatusInternalServerError, msg.PageCannotRead, msg.PageCannotReadHint, []string{fatal.Error()})
		case building:
			writeProblemPage(w, r, http.StatusServiceUnavailable, msg.PageBuilding, msg.PageBuildingHint, nil)
		default:
			writeProblemPage(w, r, http.StatusInternalServerError, msg.PageErrors, msg.PageErrorsHint, failing)
		}
		return
	}
	if rel, ok := strings.CutPrefix(r.URL.Path, base+"search/"); ok && rel != "" && rel != "index.html" {
		if err := s.search.freshStatic(); err != nil {
			s.errw.say(msg.ServeSearchIndex, err)
		}
	}
	s.files.ServeHTTP(w, r)
}
