package server

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jianghan-district/jianghan/generator"
	"github.com/jianghan-district/jianghan/internal/msg"
)

// DefaultAddr is where serve listens unless told otherwise: loopback only,
// as the SPEC requires; --addr opens it to a phone on the same network.
const DefaultAddr = "127.0.0.1:1313"

// Options are the choices of one `jianghan serve`.
type Options struct {
	// Root is the site folder, holding content/; "" is the current one.
	Root string
	// Addr is the address to listen on; "" is DefaultAddr.
	Addr string
	// Drafts includes pages marked draft.
	Drafts bool
	// NoWatch is the production server: it serves the last build
	// published to Out and follows each new one (building once when
	// nothing is published yet), with no watching and no live reload.
	NoWatch bool
	// Out is the output folder of NoWatch; "" is Root/public.
	Out string
	// Stdout gets progress, Stderr the diagnostics; nil discards.
	Stdout, Stderr io.Writer
	// All prints every warning of the first build; without it, warnings
	// of one kind beyond diag.FoldAfter are counted in one line.
	All bool
	// TLSCert and TLSKey are the PEM files of the certificate (with any
	// intermediate certificates after it) and its key: when set, serve
	// speaks HTTPS only.
	TLSCert, TLSKey string
	// HTTPRedirect, with TLS, is a second address where plain HTTP is
	// answered with a redirect to HTTPS ("0.0.0.0:80").
	HTTPRedirect string
	// AccessLog is a file that gets one line per request in the Combined
	// Log Format, or "-" for Stdout; "" keeps no log.
	AccessLog string
	// Reload, when it delivers (cmd/jianghan sends SIGHUP), makes serve
	// read the certificate again and reopen the access log, so that a
	// renewed certificate or a rotated log needs no restart.
	Reload <-chan os.Signal
	// Ready, when set, is called with the address once the server listens
	// (tests listen on port 0 and need to know where).
	Ready func(addr string)

	// redirectReady is Ready for the HTTPRedirect listener (tests).
	redirectReady func(addr string)
}

// ErrContent is returned when --no-watch finds errors in the content and
// there is no earlier build to serve.
var ErrContent = msg.Errorf(msg.ServeNoEarlierBuild)

// Run listens on o.Addr and serves until ctx is cancelled (Ctrl-C), then
// shuts down cleanly. It returns nil after a clean shutdown.
func Run(ctx context.Context, o Options) error {
	if o.Addr == "" {
		o.Addr = DefaultAddr
	}
	ln, err := net.Listen("tcp", o.Addr)
	if err != nil {
		return msg.Errorf(msg.ServeCannotListen, o.Addr, err)
	}
	return Serve(ctx, ln, o)
}

// Serve is Run on a listener the caller made.
func Serve(ctx context.Context, ln net.Listener, o Options) error {
	return newServer(o).serve(ctx, ln)
}

func newServer(o Options) *instance {
	if o.Root == "" {
		o.Root = "."
	}
	s := &instance{o: o, out: &logger{w: o.Stdout}, errw: &logger{w: o.Stderr}, store: newStore()}
	s.id = fmt.Sprintf("%x", time.Now().UnixNano())
	s.base.Store("/")
	s.hub = newHub(s.greeting)
	s.search = &liveSearch{logf: s.out.say}
	s.files = siteServer(s.store, func() string { return s.base.Load().(string) }, devCache)
	return s
}

func (s *instance) serve(ctx context.Context, ln net.Listener) error {
	if err := s.prepare(); err != nil {
		ln.Close()
		return err
	}
	defer s.access.close()
	defer func() {
		if s.redirectLn != nil {
			s.redirectLn.Close()
		}
	}()
	if s.o.NoWatch {
		return s.production(ctx, ln)
	}
	return s.dev(ctx, ln)
}

// instance is one running serve.
type instance struct {
	o         Options
	out, errw *logger
	hub       *hub
	store     *store
	search    *liveSearch
	files     http.Handler // serve's site from memory
	id        string
	base      atomic.Value // string: the site's base path

	mu       sync.Mutex
	gen      int      // successful builds so far
	failing  []string // the errors shown, while the content has some
	building bool     // the first build is under way
	fatal    error    // the site cannot be read at all

	project *generator.Project // used by the rebuild goroutine only

	cert       *certificate // nil: plain HTTP
	access     *accessLog   // nil: no access log
	redirectLn net.Listener // plain HTTP redirected to HTTPS, or nil
}

// logger writes whole lines from many goroutines.
type logger struct {
	mu sync.Mutex
	w  io.Writer
}

// say writes a message of the catalogue as one line.
func (l *logger) say(key msg.Key, args ...any) { l.line(msg.T(key, args...)) }

// line writes a line that is already worded: a diagnostic.
func (l *logger) line(s string) {
	if l.w == nil {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	io.WriteString(l.w, strings.TrimSuffix(s, "\n")+"\n")
}

func (s *instance) siteName() string {
	abs, err := os.Getwd()
	if s.o.Root != "." || err != nil {
		return s.o.Root
	}
	return abs
}

// greeting is what a browser gets on connecting to the event stream.
func (s *instance) greeting() []event {
	s.mu.Lock()
	defer s.mu.Unlock()
	evs := []event{newEvent("hello", map[string]any{"id": s.id, "gen": s.gen})}
	if len(s.failing) > 0 {
		evs = append(evs, overlayEvent(s.failing))
	}
	return evs
}
