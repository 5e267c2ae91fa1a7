package htmlrewrite

import (
	"bytes"
	"testing"

	"github.com/jianghan-district/jianghan/internal/fuzztest"
)

// FuzzPage rewrites any page: its body comes from content anyone can write,
// through Markdown that lets raw HTML pass. It must not panic, must keep
// every byte it does not rewrite (the page never shrinks), and rewriting the
// result again must change nothing.
func FuzzPage(f *testing.F) {
	for _, s := range []string{
		`<p>x</p><img src="/jh/cases/lift/photo.jpg" alt="照片"><table><tr><td>1</td></tr></table>`,
		`<img src="photo.jpg" alt='a > b' width=96><IMG SRC="/jh/cases/lift/chart.svg">`,
		`<img src="/jh/cases/lift/small.png" alt="`,
		`<table><img src="/jh/cases/lift/photo.jpg"></table><table>`,
		`<img/src="/jh/cases/lift/photo.jpg"/>`,
	} {
		f.Add([]byte(s))
	}
	r := testRewriter(false)
	f.Fuzz(func(t *testing.T, b []byte) {
		var once, twice []byte
		fuzztest.Timed(t, func() {
			once = r.Page("/cases/lift/", b)
			twice = r.Page("/cases/lift/", once)
		})
		if len(once) < len(b) {
			t.Fatalf("%q rewritten shorter: %q", b, once)
		}
		if !bytes.Equal(once, twice) {
			t.Fatalf("rewriting again changes the page:\n%q\n%q", once, twice)
		}
	})
}
