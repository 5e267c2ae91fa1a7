package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"github.com/jianghan-district/jianghan/internal/msg"
	"github.com/jianghan-district/jianghan/server"
)

func cmdServe(c *cli, args []string) int {
	f := c.flags()
	site := f.site()
	addr := f.str("addr", server.DefaultAddr, msg.ArgAddr, msg.FlagAddr)
	drafts := f.boolean("drafts", msg.FlagDrafts)
	noWatch := f.boolean("no-watch", msg.FlagNoWatch)
	tlsCert := f.str("tls-cert", "", msg.ArgFile, msg.FlagTLSCert)
	tlsKey := f.str("tls-key", "", msg.ArgFile, msg.FlagTLSKey)
	redirect := f.str("http-redirect", "", msg.ArgAddr, msg.FlagHTTPRedirect)
	accessLog := f.str("access-log", "", msg.ArgFile, msg.FlagAccessLog)
	all := f.all()
	pos, code, ok := f.parse(args)
	if !ok {
		return code
	}
	if code, ok := f.noArgs(pos); !ok {
		return code
	}
	if code, ok := c.site(*site); !ok {
		return code
	}
	ctx := c.stop
	if ctx == nil {
		var stop context.CancelFunc
		ctx, stop = signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
		defer stop()
	}
	// systemctl reload sends SIGHUP: read the certificate again, reopen
	// the access log.
	reload := make(chan os.Signal, 1)
	signal.Notify(reload, syscall.SIGHUP)
	defer signal.Stop(reload)
	err := server.Run(ctx, server.Options{
		Root:         *site,
		Addr:         *addr,
		Drafts:       *drafts,
		NoWatch:      *noWatch,
		All:          *all,
		TLSCert:      *tlsCert,
		TLSKey:       *tlsKey,
		HTTPRedirect: *redirect,
		AccessLog:    *accessLog,
		Reload:       reload,
		Stdout:       c.stdout,
		Stderr:       c.stderr,
	})
	if err != nil {
		c.failErr(err)
		return exitContent
	}
	return exitOK
}
