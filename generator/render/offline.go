package render

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io/fs"
	"sort"

	"github.com/jianghan-district/jianghan/internal/fingerprint"
)

// swSource is the service worker in the theme. It is not fingerprinted like
// the other assets: a service worker controls only the pages at and below
// its own folder, and browsers look for updates at a fixed URL, so it is
// published as /sw.js at the site's root.
const swSource = "assets/js/sw.js"

// offlineJobs writes the service worker, when the theme has one.
func (r *Renderer) offlineJobs() []Job {
	if _, err := fs.Stat(r.theme, swSource); err != nil {
		return nil
	}
	deps := []Dep{{DepAsset, swSource}}
	for _, n := range r.assetNames() {
		deps = append(deps, Dep{DepAsset, r.assets[n].src})
	}
	return []Job{{Path: "sw.js", Declared: deps, Render: r.ServiceWorker}}
}

// assetNames lists the logical names of the theme's assets, sorted.
func (r *Renderer) assetNames() []string {
	names := make([]string, 0, len(r.assets))
	for n := range r.assets {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Precache lists what the service worker stores when it is installed, the
// site's shell, as paths relative to the site root: the home page, the
// search page and every theme asset. Pages and search files are stored as
// they are read.
func (r *Renderer) Precache() []string {
	list := []string{"./", "search/"}
	for _, n := range r.assetNames() {
		list = append(list, r.assets[n].out)
	}
	return list
}

// ServiceWorker renders /sw.js: the theme's service worker after a header
// that sets VERSION, PRECACHE and FINGERPRINTED (fingerprint.Pattern, the
// one definition of a fingerprinted asset). VERSION is a hash of all of
// them, so any change to the shell installs a new worker, and the same
// input gives the same bytes.
func (r *Renderer) ServiceWorker() ([]byte, error) {
	src, err := fs.ReadFile(r.theme, swSource)
	if err != nil {
		return nil, err
	}
	list, err := json.Marshal(r.Precache())
	if err != nil {
		return nil, err
	}
	pattern, err := json.Marshal(fingerprint.Pattern)
	if err != nil {
		return nil, err
	}
	h := sha256.New()
	h.Write(list)
	h.Write(pattern)
	h.Write(src)
	version := hex.EncodeToString(h.Sum(nil)[:6])
	var b bytes.Buffer
	b.WriteString("// Made by jianghan build from the theme's " + swSource + ".\n")
	b.WriteString("const VERSION = \"" + version + "\";\n")
	b.WriteString("const PRECACHE = ")
	b.Write(list)
	b.WriteString(";\nconst FINGERPRINTED = new RegExp(")
	b.Write(pattern)
	b.WriteString(");\n")
	b.Write(src)
	return b.Bytes(), nil
}
