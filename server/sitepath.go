package server

import (
	"errors"
	"io/fs"
	"net/http"
	"strings"
)

// errBadPath is a request path that tries to leave the site folder or
// hides a path separator; it is answered 400.
var errBadPath = errors.New("bad path")

// sitePath checks a request's path and returns it relative to the site's
// base path, without the leading slash ("" for the home page). It refuses
// "..", encoded slashes and backslashes, NUL, and hidden files; a path
// outside the base path is fs.ErrNotExist.
func sitePath(r *http.Request, base string) (string, error) {
	raw := r.URL.EscapedPath()
	lower := strings.ToLower(raw)
	if strings.Contains(lower, "%2f") || strings.Contains(lower, "%5c") || strings.Contains(lower, "%00") || strings.Contains(raw, `\`) {
		return "", errBadPath
	}
	p := r.URL.Path
	if !strings.HasPrefix(p, "/") || strings.ContainsAny(p, "\\\x00") {
		return "", errBadPath
	}
	if strings.Contains(p, "//") {
		return "", fs.ErrNotExist // and never a redirect to another host
	}
	for _, seg := range strings.Split(p, "/") {
		if seg == ".." || seg == "." {
			return "", errBadPath
		}
	}
	if !strings.HasPrefix(p, base) {
		if p+"/" == base || p == "/" {
			return "", errRedirectBase
		}
		return "", fs.ErrNotExist
	}
	rel := strings.TrimPrefix(p, base)
	for _, seg := range strings.Split(rel, "/") {
		if strings.HasPrefix(seg, ".") {
			return "", fs.ErrNotExist // .jianghan-build and the like are not for readers
		}
	}
	return rel, nil
}

// errRedirectBase asks for a redirect to the base path itself.
var errRedirectBase = errors.New("redirect to the base path")

// indexName is the file that answers a path: "x/" and "" are folders.
func indexName(rel string) string {
	if rel == "" || strings.HasSuffix(rel, "/") {
		return rel + "index.html"
	}
	return rel
}
