package render

import (
	"sort"
	"strings"

	"github.com/jianghan-district/jianghan/generator/images"
)

// loadImages reads the size of every image in the site's page bundles, once,
// keyed by site path; see package images.
func (r *Renderer) loadImages() map[string]*images.Image {
	r.imagesOnce.Do(func() {
		r.images = map[string]*images.Image{}
		if r.opts.Root == "" {
			return
		}
		for _, p := range r.site.Pages {
			if p.BundleDir == "" {
				continue
			}
			for _, im := range images.Bundle(r.opts.Root, p.BundleDir, p.URL(), p.Files) {
				r.images[im.Site] = im
			}
		}
	})
	return r.images
}

// imageJobs writes the resized copies of the bundles' raster images.
func (r *Renderer) imageJobs() []Job {
	imgs := r.loadImages()
	keys := make([]string, 0, len(imgs))
	for k := range imgs {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var jobs []Job
	for _, k := range keys {
		im := imgs[k]
		for _, v := range im.Variants {
			jobs = append(jobs, Job{
				Path:     strings.TrimPrefix(v.Site, "/"),
				Declared: []Dep{{DepFile, im.Src}},
				Render:   func() ([]byte, error) { return im.Resize(v) },
			})
		}
	}
	return jobs
}
