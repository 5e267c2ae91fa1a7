package render

import (
	"bytes"
	"encoding/json"
	"image"
	"image/jpeg"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/jianghan-district/jianghan/generator/model"
	"github.com/jianghan-district/jianghan/generator/urls"
	"github.com/jianghan-district/jianghan/internal/fingerprint"
)

// testJPEG is a w×h photo.
func testJPEG(t *testing.T, w, h int) []byte {
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, image.NewRGBA(image.Rect(0, 0, w, h)), nil); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// testRenderer makes a renderer over a site with one bundle holding a
// photo, a picture and a chart.
func testRenderer(t *testing.T, portable bool) *Renderer {
	t.Helper()
	root := t.TempDir()
	dir := filepath.Join(root, "content", "cases", "lift")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	write := func(name string, b []byte) {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("photo.jpg", testJPEG(t, 1200, 800))
	write("chart.svg", []byte(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 400"></svg>`))
	c := &model.Case{}
	c.Kind, c.Slug, c.BundleDir = model.Cases, "lift", "content/cases/lift"
	c.Files = []string{"chart.svg", "photo.jpg"}
	site := &model.Site{Cases: []*model.Case{c}}
	site.Index()
	theme := fstest.MapFS{
		"templates/base.html": {Data: []byte(`{{block "main" .}}{{end}}`)},
		"assets/css/site.css": {Data: []byte("body{}")},
		"assets/js/site.js":   {Data: []byte("1")},
		"assets/js/sw.js":     {Data: []byte("self.x = PRECACHE;\n")},
	}
	for _, l := range layouts {
		theme["templates/"+l+".html"] = &fstest.MapFile{Data: []byte(`{{define "main"}}{{end}}`)}
	}
	// A case shows its photo and a table, as a case's Markdown body would.
	theme["templates/case.html"] = &fstest.MapFile{Data: []byte(`{{define "main"}}<img src="{{.Link "/cases/lift/photo.jpg"}}" alt="照片"><table><tr><td>1</td></tr></table>{{end}}`)}
	r, err := New(site, theme, Options{Linker: urls.Linker{Base: "/jh/", Portable: portable}, Root: root})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestPagesRewritten checks that a page comes out with its images sized
// and its tables boxed (see package htmlrewrite for every case), in plain
// and portable output alike.
func TestPagesRewritten(t *testing.T) {
	for _, c := range []struct {
		portable bool
		srcset   string
	}{
		{false, `srcset="/jh/cases/lift/photo.360w.jpg 360w, /jh/cases/lift/photo.720w.jpg 720w, /jh/cases/lift/photo.1080w.jpg 1080w, /jh/cases/lift/photo.jpg 1200w"`},
		{true, `srcset="photo.360w.jpg 360w, photo.720w.jpg 720w, photo.1080w.jpg 1080w, photo.jpg 1200w"`},
	} {
		r := testRenderer(t, c.portable)
		var page []byte
		for _, j := range r.Jobs() {
			if j.Path == "cases/lift/index.html" {
				b, err := j.Render()
				if err != nil {
					t.Fatal(err)
				}
				page = b
			}
		}
		for _, want := range []string{`alt="照片" width="1200" height="800" ` + c.srcset, `loading="lazy" decoding="async">`,
			`<div class="table-scroll" role="region" tabindex="0" aria-label="表格 1（可左右滑动）"><table>`} {
			if !bytes.Contains(page, []byte(want)) {
				t.Errorf("portable %v: the case page lacks\n%s\nin\n%s", c.portable, want, page)
			}
		}
	}
}

// TestImageJobs checks that each resized copy is an output file that
// depends on its photo; the copies themselves are tested in package images.
func TestImageJobs(t *testing.T) {
	r := testRenderer(t, false)
	var paths []string
	for _, j := range r.imageJobs() {
		paths = append(paths, j.Path)
		if deps := j.Deps(); len(deps) != 1 || deps[0] != (Dep{DepFile, "content/cases/lift/photo.jpg"}) {
			t.Errorf("%s depends on %v", j.Path, deps)
		}
		b, err := j.Render()
		if err != nil {
			t.Fatalf("%s: %v", j.Path, err)
		}
		if _, format, err := image.DecodeConfig(bytes.NewReader(b)); err != nil || format != "jpeg" {
			t.Errorf("%s: %s %v", j.Path, format, err)
		}
	}
	if strings.Join(paths, " ") != "cases/lift/photo.360w.jpg cases/lift/photo.720w.jpg cases/lift/photo.1080w.jpg" {
		t.Errorf("image jobs: %v", paths)
	}
}

func TestServiceWorker(t *testing.T) {
	r := testRenderer(t, false)
	if _, ok := r.AssetPath("js/sw.js"); ok {
		t.Error("sw.js is fingerprinted like an asset")
	}
	var sw *Job
	for _, j := range r.Jobs() {
		if j.Path == "sw.js" {
			j := j
			sw = &j
		}
	}
	if sw == nil {
		t.Fatal("no sw.js job")
	}
	b, err := sw.Render()
	if err != nil {
		t.Fatal(err)
	}
	css, _ := r.AssetPath("css/site.css")
	js, _ := r.AssetPath("js/site.js")
	pattern, _ := json.Marshal(fingerprint.Pattern)
	for _, want := range []string{`const VERSION = "`, `const PRECACHE = ["./","search/","` + css + `","` + js + `"];`,
		"const FINGERPRINTED = new RegExp(" + string(pattern) + ");", "self.x = PRECACHE;"} {
		if !bytes.Contains(b, []byte(want)) {
			t.Errorf("sw.js lacks %s:\n%s", want, b)
		}
	}
	b2, _ := testRenderer(t, false).ServiceWorker()
	if !bytes.Equal(b, b2) {
		t.Error("sw.js differs between builds")
	}
}
