// Package fingerprint is the one definition of a fingerprinted asset: a
// theme file published under a name that carries a hash of its bytes,
// "assets/css/site.3f2a9c1d.css". Such a file never changes under its name,
// so every server may let browsers keep it for a year. The generator names
// assets with Name; the servers (serve, bench/staticserve) and the service
// worker recognise them with Pattern; deploy/nginx.conf writes the same
// expression, and a test holds it to this one.
package fingerprint

import (
	"crypto/sha256"
	"encoding/hex"
	"path"
	"regexp"
	"strings"
)

// Pattern matches the path of a fingerprinted asset, relative to the site
// root ("assets/css/site.3f2a9c1d.css") or as a URL path with any prefix
// ("/jianghan/assets/css/site.3f2a9c1d.css"). Group 1 is the path before
// the hash, group 2 the extension with its dot, so that replacing a match
// with "$1$2" gives the name without the hash. It is written in the syntax
// Go's regexp and JavaScript's RegExp share; the service worker and serve's
// live-reload script get it from here.
const Pattern = `^((?:.*/)?assets/(?:[^/]+/)*[^/]+)\.[0-9a-f]{8}(\.[A-Za-z0-9]+)$`

var re = regexp.MustCompile(Pattern)

// hashLen is how many bytes of the SHA-256 the name carries: 8 hex digits.
const hashLen = 4

// Name returns the published name of an asset: name with the first hex
// digits of its bytes' SHA-256 before the extension, "css/site.css" →
// "css/site.3f2a9c1d.css". The caller puts it under assets/.
func Name(name string, data []byte) string {
	sum := sha256.Sum256(data)
	ext := path.Ext(name)
	return strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:hashLen]) + ext
}

// Is reports whether the site path rel (relative to the site root, no
// leading slash) names a fingerprinted asset.
func Is(rel string) bool {
	return strings.HasPrefix(rel, "assets/") && re.MatchString(rel)
}

// Strip returns a path with its fingerprint taken out, or the path as it
// is when it has none: "assets/css/site.3f2a9c1d.css" → "assets/css/site.css".
func Strip(p string) string {
	return re.ReplaceAllString(p, "$1$2")
}
