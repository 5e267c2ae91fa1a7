package server

import (
	"context"
	"errors"
	"net"
	"net/http"
	"time"

	"github.com/jianghan-district/jianghan/internal/msg"
)

// prepare reads what serve needs before it answers anything: the
// certificate, the access log and the redirect's address. A mistake in
// any of them stops serve at once with a message, rather than later.
func (s *instance) prepare() error {
	o := s.o
	if (o.TLSCert == "") != (o.TLSKey == "") {
		return msg.Errorf(msg.TLSPair)
	}
	if o.HTTPRedirect != "" && o.TLSCert == "" {
		return msg.Errorf(msg.TLSRedirectNeeds)
	}
	if o.TLSCert != "" {
		c, err := loadCertificate(o.TLSCert, o.TLSKey)
		if err != nil {
			return msg.Errorf(msg.TLSCannotRead, err)
		}
		s.cert = c
		s.describeCert()
	}
	if o.AccessLog != "" {
		l, err := openAccessLog(o.AccessLog, o.Stdout)
		if err != nil {
			return msg.Errorf(msg.AccessLogCannotOpen, err)
		}
		s.access = l
	}
	if o.HTTPRedirect != "" {
		ln, err := net.Listen("tcp", o.HTTPRedirect)
		if err != nil {
			s.access.close()
			return msg.Errorf(msg.ListenCannot, o.HTTPRedirect, err)
		}
		s.redirectLn = ln
	}
	return nil
}

// describeCert logs whom the certificate is for and until when, and warns
// when it is not valid now.
func (s *instance) describeCert() {
	names, until := s.cert.describe()
	s.out.say(msg.TLSCertFor, names, until.Local().Format(time.DateOnly))
	if s.cert.expired(time.Now()) {
		s.errw.say(msg.TLSNotValidNow, until.Local().Format(time.DateOnly))
	}
}

// reload reads the certificate again and reopens the access log.
func (s *instance) reload() {
	if s.cert != nil {
		if err := s.cert.reload(); err != nil {
			s.errw.say(msg.TLSNotRenewed, err)
		} else {
			s.describeCert()
		}
	}
	if err := s.access.reopen(); err != nil {
		s.errw.say(msg.AccessLogCannotReopen, err)
	}
}

// httpServer makes the HTTP server with timeouts that keep slow or idle
// clients from holding connections, but none on writing, which would cut
// off a lecture video or the event stream.
func (s *instance) httpServer(h http.Handler) *http.Server {
	srv := &http.Server{
		Handler:           s.access.wrap(h),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
	}
	if s.cert != nil {
		srv.TLSConfig = s.cert.config()
	}
	srv.RegisterOnShutdown(s.hub.close)
	return srv
}

// serveUntil serves on ln until ctx ends, then shuts down, giving requests
// under way a few seconds to finish. work runs beside it until stop.
func (s *instance) serveUntil(ctx context.Context, srv *http.Server, ln net.Listener, work func(stop <-chan struct{})) error {
	errc := make(chan error, 2)
	scheme := "http"
	if s.cert != nil {
		scheme = "https"
		go func() { errc <- srv.ServeTLS(ln, "", "") }()
	} else {
		go func() { errc <- srv.Serve(ln) }()
	}
	var redirect *http.Server
	if s.redirectLn != nil {
		_, port, _ := net.SplitHostPort(ln.Addr().String())
		redirect = s.httpServer(redirectToHTTPS(port))
		redirect.TLSConfig = nil
		go func() { errc <- redirect.Serve(s.redirectLn) }()
		s.out.say(msg.ProdRedirecting, s.redirectLn.Addr())
		if s.o.redirectReady != nil {
			s.o.redirectReady(s.redirectLn.Addr().String())
		}
	}
	url := scheme + "://" + ln.Addr().String() + s.base.Load().(string)
	s.out.say(msg.ServeListening, s.siteName(), url)
	if s.o.Ready != nil {
		s.o.Ready(ln.Addr().String())
	}
	workDone := make(chan struct{})
	stop := make(chan struct{})
	go func() {
		defer close(workDone)
		if work != nil {
			work(stop)
		}
	}()
	var err error
	for done := false; !done; {
		select {
		case <-ctx.Done():
			done = true
		case err = <-errc:
			done = true
		case <-s.o.Reload:
			s.reload()
		}
	}
	shut, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if redirect != nil {
		redirect.Shutdown(shut)
	}
	if e := srv.Shutdown(shut); e != nil {
		// A download still under way when the few seconds are up is cut
		// off, so that serve stops when systemd asks it to.
		srv.Close()
		if err == nil {
			err = e
		}
	}
	close(stop)
	<-workDone
	s.search.stop()
	if errors.Is(err, http.ErrServerClosed) {
		err = nil
	}
	s.out.say(msg.ServeStopped)
	return err
}
