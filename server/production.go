package server

import (
	"context"
	"errors"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/jianghan-district/jianghan/generator"
	"github.com/jianghan-district/jianghan/internal/msg"
)

// production serves the last build published to the output folder and
// follows each new one (follow.go): the intranet's web server when there is
// no other. Only when nothing has been published yet does it build the
// site first, as jianghan build does.
func (s *instance) production(ctx context.Context, ln net.Listener) error {
	opts := generator.Options{Root: s.o.Root, Out: s.o.Out, Drafts: s.o.Drafts}
	out := opts.OutDir()
	f := &builds{out: out, log: s.out, errw: s.errw, closed: make(chan struct{})}
	if dir, err := generator.CacheDir(s.o.Root); err == nil {
		f.cacheDir = dir
	} else {
		f.slotErr = msg.Errorf(msg.ProdSearchOff, err)
		s.errw.line(f.slotErr.Error())
	}
	if err := f.startSoon(); errors.Is(err, generator.ErrNotPublished) || errors.Is(err, os.ErrNotExist) {
		if err := s.buildFirst(opts); err != nil {
			return err
		}
		if err := f.startSoon(); err != nil {
			return msg.Errorf(msg.ProdCannotOpen, err)
		}
	} else if err != nil {
		return msg.Errorf(msg.ProdCannotOpen, err)
	}
	b := f.current()
	s.base.Store(b.base)
	s.out.say(msg.ProdServing, b.pub.Time.Format(time.DateTime), short(b.pub.Hash), out)
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b := f.acquire(r)
		if b == nil {
			http.Error(w, msg.T(msg.ProdShuttingDown), http.StatusServiceUnavailable)
			return
		}
		defer f.release(b, r)
		switch r.URL.Path {
		case healthPath, b.base + "healthz":
			serveHealth(w, r, b)
		case "/api/search", b.base + "api/search":
			serveSearch(w, r, b.api, b.index.Load() != nil, b.searchError)
		default:
			b.files.ServeHTTP(w, r)
		}
	})
	err := s.serveUntil(ctx, s.httpServer(h), ln, f.run)
	f.stop()
	return err
}

// buildFirst builds the site into the output folder when nothing has been
// published there yet.
func (s *instance) buildFirst(opts generator.Options) error {
	start := time.Now()
	res, err := generator.Build(opts)
	if res != nil {
		s.printDiagnostics(res.Project.Diags.Sorted())
	}
	var failed *generator.Failed
	switch {
	case errors.As(err, &failed):
		return ErrContent
	case err != nil:
		return err
	}
	errs, warns := res.Project.Diags.Counts()
	s.out.say(msg.ServeBuiltInto, len(res.Project.Site.Pages), res.Files, opts.OutDir(), time.Since(start).Round(time.Millisecond), msg.T(msg.Counts, errs, warns))
	return nil
}
