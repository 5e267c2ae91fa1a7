package publish

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/andybalholm/brotli"
	"github.com/klauspost/compress/gzip"

	"github.com/jianghan-district/jianghan/generator/render"
)

func TestCompressedCopies(t *testing.T) {
	page := []byte("<!doctype html><title>七层老楼加装电梯</title>" + strings.Repeat("<p>高低楼层住户意见对立，社区用方案比选和楼栋议事化解了分歧。</p>\n", 40))
	for _, ext := range copyExts {
		t.Run(ext, func(t *testing.T) {
			c := compressed(ext, page)
			if c == nil || len(c) >= len(page) {
				t.Fatalf("%s copy of %d bytes: %d bytes", ext, len(page), len(c))
			}
			var r io.Reader
			if ext == ".gz" {
				zr, err := gzip.NewReader(bytes.NewReader(c))
				if err != nil {
					t.Fatal(err)
				}
				if zr.Name != "" || !zr.ModTime.IsZero() {
					t.Errorf("the gzip header holds a name %q or a time %v", zr.Name, zr.ModTime)
				}
				r = zr
			} else {
				r = brotli.NewReader(bytes.NewReader(c))
			}
			back, err := io.ReadAll(r)
			if err != nil || !bytes.Equal(back, page) {
				t.Fatalf("the %s copy does not give the page back (%v)", ext, err)
			}
			if again := compressed(ext, bytes.Clone(page)); !bytes.Equal(again, c) {
				t.Error("the same page gave two different copies")
			}
		})
	}
	if c := compressed(".gz", []byte("短")); c != nil {
		t.Errorf("a copy bigger than its file was kept: %d bytes", len(c))
	}
}

func TestPrecompressible(t *testing.T) {
	tests := []struct {
		name string
		size int
		want bool
	}{
		{"cases/lift/index.html", 5000, true},
		{"assets/css/site.3f2a9c1d.css", 9000, true},
		{"assets/js/search.0a1b2c3d.js", 9000, true},
		{"search/meta.json", 900, true},
		{"index.xml", 4000, true},
		{"cases/lift/chart.SVG", 4000, true},
		{"cases/lift/index.html", 100, false},  // too small to pay
		{"search/t/12.bin.gz", 4000, false},    // compressed already
		{"search/d/0.bin", 90000, false},       // read in parts
		{"cases/lift/photo.jpg", 90000, false}, // compressed already
		{"cases/lift/notes.pdf", 90000, false},
	}
	for _, tt := range tests {
		if got := precompressible(tt.name, tt.size); got != tt.want {
			t.Errorf("precompressible(%q, %d) = %v, want %v", tt.name, tt.size, got, tt.want)
		}
	}
}

// job writes data at path.
func job(path string, data []byte) render.Job {
	return render.Job{Path: path, Render: func() ([]byte, error) { return data, nil }}
}

// changedAt is when a file last changed (inode change time), to tell a
// file written from one left alone.
func changedAt(t *testing.T, p string) time.Time {
	t.Helper()
	st, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	return changed(st)
}

// clockPast waits until a file written now, beside dir, gets a change time
// after every one of times: until then a copy written again would look
// untouched, the file system's clock not having moved (it ticks in
// milliseconds on some systems, in seconds on others).
func clockPast(t *testing.T, dir string, times ...time.Time) {
	t.Helper()
	probe := filepath.Join(dir, "clock-probe")
	defer os.Remove(probe)
	deadline := time.Now().Add(10 * time.Second)
	for {
		if err := os.WriteFile(probe, nil, 0o644); err != nil {
			t.Fatal(err)
		}
		now := changedAt(t, probe)
		past := true
		for _, tm := range times {
			past = past && now.After(tm)
		}
		if past {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("the file system's clock stays at %v", now)
		}
		os.Remove(probe)
	}
}

// TestPublishPrecompress builds a small site with --precompress, then
// again unchanged, then with one page edited, then without --precompress.
func TestPublishPrecompress(t *testing.T) {
	page := func(title string) []byte {
		return []byte("<!doctype html><title>" + title + "</title>" + strings.Repeat("<p>居民议事会记录：加装电梯方案比选。</p>\n", 30))
	}
	css := []byte(strings.Repeat("body{font:16px/1.6 system-ui}\n", 40))
	photo := bytes.Repeat([]byte{0xff, 0xd8, 0xff, 0xe0}, 400)
	static := []byte("the site's own gzip file, not a copy")
	jobs := func(lift string) []render.Job {
		return []render.Job{
			job("index.html", page("首页")),
			job("cases/lift/index.html", page(lift)),
			job("assets/css/site.3f2a9c1d.css", css),
			job("cases/lift/photo.jpg", photo),
			job("robots.txt", []byte("User-agent: *\n")),
			job("tiny.html", []byte("<p>短</p>")),
			job("index.html.gz", static), // a static file of the site under a copy's name
		}
	}
	out := filepath.Join(t.TempDir(), "public")
	pre := Options{Precompress: true}
	if err := Publish(out, jobs("七层老楼加装电梯"), render.Sources{}, pre); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name   string
		copies bool
	}{
		{"cases/lift/index.html", true},
		{"assets/css/site.3f2a9c1d.css", true},
		{"cases/lift/photo.jpg", false},
		{"robots.txt", false},
		{"tiny.html", false},
	} {
		for _, ext := range copyExts {
			b, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(tt.name)+ext))
			switch {
			case tt.copies && err != nil:
				t.Errorf("%s has no %s copy", tt.name, ext)
			case !tt.copies && err == nil:
				t.Errorf("%s got a %s copy", tt.name, ext)
			case tt.copies:
				orig, _ := os.ReadFile(filepath.Join(out, filepath.FromSlash(tt.name)))
				if !bytes.Equal(b, compressed(ext, orig)) {
					t.Errorf("%s%s is not the file compressed", tt.name, ext)
				}
			}
		}
	}
	if b, _ := os.ReadFile(filepath.Join(out, "index.html.gz")); !bytes.Equal(b, static) {
		t.Errorf("the site's own index.html.gz was replaced by a copy: %.30q", b)
	}
	m, ok := readManifest(openRoot(t, out))
	if !ok || m.files["cases/lift/index.html.br"].size == 0 || m.files["cases/lift/index.html.gz"].size == 0 {
		t.Fatalf("the build marker does not list the copies: %v", m.files)
	}

	// Built again unchanged: no copy is written again.
	liftGz := filepath.Join(out, "cases", "lift", "index.html.gz")
	homeBr := filepath.Join(out, "index.html.br")
	before, homeBefore := changedAt(t, liftGz), changedAt(t, homeBr)
	clockPast(t, filepath.Dir(out), before, homeBefore)
	if err := Publish(out, jobs("七层老楼加装电梯"), render.Sources{}, pre); err != nil {
		t.Fatal(err)
	}
	if err := Publish(out, jobs("七层老楼加装电梯"), render.Sources{}, pre); err != nil {
		t.Fatal(err)
	}
	if !changedAt(t, liftGz).Equal(before) || !changedAt(t, homeBr).Equal(homeBefore) {
		t.Error("an unchanged build wrote the copies again")
	}

	// One page edited: its copies follow, the others stay.
	if err := Publish(out, jobs("七层老楼加装电梯：全体签字"), render.Sources{}, pre); err != nil {
		t.Fatal(err)
	}
	if err := Publish(out, jobs("七层老楼加装电梯：全体签字"), render.Sources{}, pre); err != nil {
		t.Fatal(err)
	}
	lift, _ := os.ReadFile(filepath.Join(out, "cases", "lift", "index.html"))
	if gz, _ := os.ReadFile(liftGz); !bytes.Equal(gz, compressed(".gz", lift)) || !bytes.Contains(lift, []byte("全体签字")) {
		t.Error("the edited page's copy is not the edited page")
	}
	if !changedAt(t, homeBr).Equal(homeBefore) {
		t.Error("the copy of a page that did not change was written again")
	}

	// Without --precompress the copies go; the site's own file stays.
	if err := Publish(out, jobs("七层老楼加装电梯：全体签字"), render.Sources{}, Options{}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(liftGz); err == nil {
		t.Error("a build without --precompress left the copies")
	}
	if b, _ := os.ReadFile(filepath.Join(out, "index.html.gz")); !bytes.Equal(b, static) {
		t.Error("the site's own index.html.gz went with the copies")
	}
}
