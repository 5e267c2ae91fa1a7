package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/jianghan-district/jianghan/server"
)

func cmdServe(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("serve", stderr)
	site := siteFlag(fs)
	addr := fs.String("addr", server.DefaultAddr, "the address to listen on; 0.0.0.0:1313 lets a phone on the same network in")
	drafts := fs.Bool("drafts", false, "include pages marked draft")
	noWatch := fs.Bool("no-watch", false, "build once into SITE/public and serve it for production: no watching, no live reload")
	pos, err := parse(fs, args)
	if err != nil {
		return exitUsage
	}
	if len(pos) > 0 {
		return usageError(fs, stderr, "unexpected argument %q", pos[0])
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	err = server.Run(ctx, server.Options{
		Root:    *site,
		Addr:    *addr,
		Drafts:  *drafts,
		NoWatch: *noWatch,
		Stdout:  stdout,
		Stderr:  stderr,
	})
	if err != nil {
		fmt.Fprintf(stderr, "jianghan serve: %v\n", err)
		return exitContent
	}
	return exitOK
}
