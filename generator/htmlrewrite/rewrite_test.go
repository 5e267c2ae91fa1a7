package htmlrewrite

import (
	"strings"
	"testing"

	"github.com/jianghan-district/jianghan/generator/images"
	"github.com/jianghan-district/jianghan/generator/urls"
)

// testRewriter rewrites the pages of a site under /jh/ whose case "lift"
// shows a photo (1200×800, with three narrower copies), a small picture and
// a chart.
func testRewriter(portable bool) *Rewriter {
	photo := &images.Image{Site: "/cases/lift/photo.jpg", Format: images.JPEG, Width: 1200, Height: 800}
	for _, w := range images.Widths {
		photo.Variants = append(photo.Variants, images.Variant{Width: w, Height: w * 2 / 3, Site: "/cases/lift/" + images.VariantName("photo.jpg", w)})
	}
	all := map[string]*images.Image{
		photo.Site:               {},
		"/cases/lift/small.png":  {Site: "/cases/lift/small.png", Format: images.PNG, Width: 300, Height: 200},
		"/cases/lift/chart.svg":  {Site: "/cases/lift/chart.svg", Format: images.SVG, Width: 640, Height: 400},
		"/cases/lift/照片 1,2.jpg": {Site: "/cases/lift/照片 1,2.jpg", Format: images.JPEG, Width: 400, Height: 300, Variants: []images.Variant{{Width: 360, Height: 270, Site: "/cases/lift/照片 1,2.360w.jpg"}}},
	}
	all[photo.Site] = photo
	return &Rewriter{
		Linker:     urls.Linker{Base: "/jh/", Portable: portable},
		Image:      func(p string) *images.Image { return all[p] },
		TableLabel: func(n int) string { return "表格 " + string(rune('0'+n)) + "（可左右滑动）" },
	}
}

func TestParseTag(t *testing.T) {
	name, attrs := parseTag([]byte(`<img src="a &amp; b.png" alt='x "y"' hidden data-x=1>`))
	if name != "img" || len(attrs) != 4 {
		t.Fatalf("%s %+v", name, attrs)
	}
	if attrs[0].Raw != "a &amp; b.png" || attrs[1].Raw != `x "y"` || attrs[2].HasValue || attrs[3].Raw != "1" {
		t.Errorf("%+v", attrs)
	}
	if name, attrs := parseTag([]byte(`<img src="never closed>`)); name != "img" || len(attrs) != 1 || attrs[0].Raw != "never closed" {
		t.Errorf("unclosed quote: %s %+v", name, attrs)
	}
}

func TestImages(t *testing.T) {
	r := testRewriter(false)
	in := `<p>x</p><img src="/jh/cases/lift/photo.jpg" alt="照片"><IMG src="/jh/cases/lift/chart.svg" alt="图">` +
		`<img src="/jh/cases/lift/small.png" alt="" loading="eager"><img src="/jh/cases/lift/broken.jpg" alt="">` +
		`<img src="https://example.org/x.png" alt=""><img class="portrait" src="/jh/cases/lift/photo.jpg" width="96" height="96" alt="">` +
		`<img src="/other/cases/lift/photo.jpg" alt="outside the base"><img alt="no src">` +
		`<img src="/jh/cases/lift/%E7%85%A7%E7%89%87%201,2.jpg?v=1" alt="">`
	got := string(r.Page("/cases/lift/", []byte(in)))
	for _, want := range []string{
		`<img src="/jh/cases/lift/photo.jpg" alt="照片" width="1200" height="800" srcset="/jh/cases/lift/photo.360w.jpg 360w, /jh/cases/lift/photo.720w.jpg 720w, /jh/cases/lift/photo.1080w.jpg 1080w, /jh/cases/lift/photo.jpg 1200w" sizes="` + contentSizes + `" loading="lazy" decoding="async">`,
		`<img src="/jh/cases/lift/chart.svg" alt="图" width="640" height="400" loading="lazy" decoding="async">`,
		`<img src="/jh/cases/lift/small.png" alt="" loading="eager" width="300" height="200" decoding="async">`,
		`<img src="/jh/cases/lift/broken.jpg" alt="">`,
		`<img src="https://example.org/x.png" alt="">`,
		`<img class="portrait" src="/jh/cases/lift/photo.jpg" width="96" height="96" alt="" srcset="/jh/cases/lift/photo.360w.jpg 360w, /jh/cases/lift/photo.720w.jpg 720w, /jh/cases/lift/photo.1080w.jpg 1080w, /jh/cases/lift/photo.jpg 1200w" sizes="96px" loading="lazy" decoding="async">`,
		`<img src="/other/cases/lift/photo.jpg" alt="outside the base">`,
		`<img alt="no src">`,
		// A name with a space and a comma would end a srcset URL early.
		`srcset="/jh/cases/lift/%E7%85%A7%E7%89%87%201%2C2.360w.jpg 360w, /jh/cases/lift/%E7%85%A7%E7%89%87%201%2C2.jpg 400w"`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing\n%s\nin\n%s", want, got)
		}
	}
	if again := string(r.Page("/cases/lift/", []byte(got))); again != got {
		t.Errorf("rewriting twice changes the page:\n%s\n%s", got, again)
	}

	p := testRewriter(true)
	got = string(p.Page("/cases/lift/", []byte(`<img src="photo.jpg" alt="">`)))
	if !strings.Contains(got, `srcset="photo.360w.jpg 360w, photo.720w.jpg 720w, photo.1080w.jpg 1080w, photo.jpg 1200w"`) {
		t.Errorf("portable: %s", got)
	}
	got = string(p.Page("/cases/", []byte(`<img src="lift/chart.svg" alt="">`)))
	if !strings.Contains(got, `width="640"`) {
		t.Errorf("portable from another page: %s", got)
	}
}

func TestTables(t *testing.T) {
	r := testRewriter(false)
	in := `<p>a</p><table><tr><td>1</td></tr></table><p>b</p><table class="x"><tr><td>2</td></tr></table><p>tables</p>`
	got := string(r.Page("/cases/lift/", []byte(in)))
	want := `<p>a</p><div class="table-scroll" role="region" tabindex="0" aria-label="表格 1（可左右滑动）"><table><tr><td>1</td></tr></table></div><p>b</p>` +
		`<div class="table-scroll" role="region" tabindex="0" aria-label="表格 2（可左右滑动）"><table class="x"><tr><td>2</td></tr></table></div><p>tables</p>`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if again := string(r.Page("/cases/lift/", []byte(got))); again != got {
		t.Errorf("rewriting twice boxes the tables twice:\n%s", again)
	}
	// A photo in a table is sized like any other.
	got = string(r.Page("/cases/lift/", []byte(`<table><tr><td><img src="/jh/cases/lift/chart.svg" alt="图"></td></tr></table>`)))
	if want := `<div class="table-scroll" role="region" tabindex="0" aria-label="表格 1（可左右滑动）"><table><tr><td><img src="/jh/cases/lift/chart.svg" alt="图" width="640" height="400" loading="lazy" decoding="async"></td></tr></table></div>`; got != want {
		t.Errorf("an image in a table:\n%s\nwant\n%s", got, want)
	}
	for _, plain := range []string{
		`<p>no tables, no images: <tablet></p>`,
		`<p>a table never closed: <table><tr><td>1</td></tr>`,
		`<p>an image never closed: <img src="/jh/cases/lift/photo.jpg" alt="`,
	} {
		if got := string(r.Page("/", []byte(plain))); got != plain {
			t.Errorf("%s changed to\n%s", plain, got)
		}
	}
}
