package server

import (
	"context"
	"errors"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"time"

	"github.com/jianghan-district/jianghan/generator"
	"github.com/jianghan-district/jianghan/generator/diag"
	"github.com/jianghan-district/jianghan/generator/load"
	"github.com/jianghan-district/jianghan/generator/publish"
	"github.com/jianghan-district/jianghan/internal/msg"
)

// production builds the site to its output folder, as jianghan build does,
// and serves that folder: the intranet's web server when there is no other.
// If the content has errors, the previous build (if any) is served.
func (s *instance) production(ctx context.Context, ln net.Listener) error {
	opts := generator.Options{Root: s.o.Root, Out: s.o.Out, Drafts: s.o.Drafts}
	out := opts.OutDir()
	start := time.Now()
	res, err := generator.Build(opts)
	if res != nil {
		s.printDiagnostics(res.Project.Diags.Sorted())
	}
	var failed *diag.Failed
	switch {
	case errors.As(err, &failed):
		if _, serr := os.Stat(filepath.Join(out, publish.Marker)); serr != nil {
			return ErrContent
		}
		s.errw.say(msg.ServePrevious, out)
	case err != nil:
		return err
	default:
		errs, warns := res.Project.Diags.Counts()
		s.out.say(msg.ServeBuiltInto, len(res.Project.Site.Pages), res.Files, out, time.Since(start).Round(time.Millisecond), msg.T(msg.Counts, errs, warns))
	}
	var base string
	if res != nil {
		base = res.Project.Site.Config.BasePath()
		s.search.start(s.o.Root)
		s.search.expect()
		s.search.update(generator.Documents(res.Project.Site), generator.StaticOptions(res.Project.Site, false))
	} else {
		cfg := load.Config(s.o.Root, &diag.List{})
		base = cfg.BasePath()
	}
	s.base.Store(base)
	files := FileServer(out, base)
	api := s.search.handler()
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/api/search" || r.URL.Path == base+"api/search" {
			api.ServeHTTP(w, r)
			return
		}
		files.ServeHTTP(w, r)
	})
	return s.serveUntil(ctx, s.httpServer(h), ln, nil)
}

// FileServer serves a built site folder (base is its base path, "/" or
// "/jianghan/") for production, so that an intranet needs no other web
// server: files gzipped when that helps, with ETags, a year's cache for
// fingerprinted assets, the site's 404.html, no folder listings, and no
// path out of the folder, whether by "..", encoded slashes, backslashes or
// symbolic links.
func FileServer(dir, base string) http.Handler {
	return &siteHandler{src: newDirSource(dir), base: func() string { return base }, cache: productionCache}
}
