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
	err := server.Run(ctx, server.Options{
		Root:    *site,
		Addr:    *addr,
		Drafts:  *drafts,
		NoWatch: *noWatch,
		All:     *all,
		Stdout:  c.stdout,
		Stderr:  c.stderr,
	})
	if err != nil {
		c.failErr(err)
		return exitContent
	}
	return exitOK
}
