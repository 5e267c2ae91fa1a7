// Command staticserve serves a built site the way `jianghan serve
// --no-watch` does, with the same file server (server.FileServer): text
// compressed, the build's precompressed copies sent as they are,
// fingerprinted assets cached for a year, everything else revalidated.
// bench/lighthouse.sh measures the site behind it; it is not part of
// jianghan.
//
//	go run ./bench/staticserve -dir public -addr 127.0.0.1:8931
package main

import (
	"flag"
	"log"
	"net/http"
	"time"

	"github.com/jianghan-district/jianghan/server"
)

func main() {
	dir := flag.String("dir", "public", "the built site")
	addr := flag.String("addr", "127.0.0.1:8931", "where to listen")
	base := flag.String("base", "/", "the site's base path, e.g. /jianghan/")
	flag.Parse()
	log.Printf("serving %s on http://%s%s", *dir, *addr, *base)
	srv := &http.Server{Addr: *addr, Handler: server.FileServer(*dir, *base), ReadHeaderTimeout: 10 * time.Second}
	log.Fatal(srv.ListenAndServe())
}
