package render

import (
	"io/fs"
	"sort"
	"strings"

	"github.com/jianghan-district/jianghan/internal/fingerprint"
)

// asset is a theme file published under a name carrying a hash of its
// content, so browsers may cache it for a year and still see every change.
type asset struct {
	src string // path in the theme
	out string // path in the output, "assets/css/site.3f2a9c1d.css"
}

func (r *Renderer) loadAssets() error {
	r.assets = map[string]asset{}
	return fs.WalkDir(r.theme, "assets", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if p == swSource {
			return nil // published at the site root by offlineJobs, unhashed
		}
		b, err := fs.ReadFile(r.theme, p)
		if err != nil {
			return err
		}
		name := strings.TrimPrefix(p, "assets/")
		r.assets[name] = asset{src: p, out: "assets/" + fingerprint.Name(name, b)}
		return nil
	})
}

// AssetPath returns the output path of a theme asset by logical name.
func (r *Renderer) AssetPath(name string) (string, bool) {
	a, ok := r.assets[name]
	return a.out, ok
}

// fileJobs copies theme assets, bundle files and content/static as they are.
func (r *Renderer) fileJobs() []Job {
	var jobs []Job
	names := make([]string, 0, len(r.assets))
	for n := range r.assets {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		a := r.assets[n]
		jobs = append(jobs, Job{Path: a.out, Source: themeSource + a.src, Declared: []Dep{{DepAsset, a.src}}})
	}
	for _, p := range r.site.Pages {
		for _, f := range p.Files {
			jobs = append(jobs, Job{Path: strings.TrimPrefix(p.URL(), "/") + f, Source: p.BundleDir + "/" + f, Declared: []Dep{{DepFile, p.BundleDir + "/" + f}}})
		}
	}
	for _, f := range r.site.Static {
		jobs = append(jobs, Job{Path: f, Source: "content/static/" + f, Declared: []Dep{{DepFile, "content/static/" + f}}})
	}
	return jobs
}

// Theme gives the publisher access to theme files named by a job's Source.
func (r *Renderer) Theme() fs.FS { return r.theme }
