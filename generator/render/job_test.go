package render

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

// TestJobOutput: a job makes the same bytes whoever runs it — a rendered
// page, a theme asset, a static file — and a folder job hands each of its
// files over under its own folder.
func TestJobOutput(t *testing.T) {
	root := t.TempDir()
	os.MkdirAll(filepath.Join(root, "content", "static"), 0o755)
	os.WriteFile(filepath.Join(root, "content", "static", "通知.txt"), []byte("北湖街道加装电梯协调会"), 0o644)
	src := Sources{Root: root, Theme: fstest.MapFS{"assets/css/site.css": {Data: []byte("body{color:#333}")}}}
	page := "<h1>七层老楼加装电梯</h1>"
	for _, tc := range []struct {
		name string
		job  Job
		want map[string]string
	}{
		{"rendered", Job{Path: "cases/lift/index.html", Render: func() ([]byte, error) { return []byte(page), nil }},
			map[string]string{"cases/lift/index.html": page}},
		{"theme file", Job{Path: "assets/css/site.3f2a9c1d.css", Source: "theme:assets/css/site.css"},
			map[string]string{"assets/css/site.3f2a9c1d.css": "body{color:#333}"}},
		{"site file", Job{Path: "通知.txt", Source: "content/static/通知.txt"},
			map[string]string{"通知.txt": "北湖街道加装电梯协调会"}},
		{"folder", Job{Path: "search", Files: func(put func(string, []byte) error) error {
			if err := put("meta.json", []byte(`{"n":1}`)); err != nil {
				return err
			}
			return put("t/0.bin", []byte("电梯"))
		}}, map[string]string{"search/meta.json": `{"n":1}`, "search/t/0.bin": "电梯"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := map[string]string{}
			err := tc.job.Run(src, func(rel string, data []byte) error {
				got[rel] = string(data)
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(tc.want) {
				t.Errorf("Run put %v, want %v", got, tc.want)
			}
			for k, v := range tc.want {
				if got[k] != v {
					t.Errorf("Run put %s = %q, want %q", k, got[k], v)
				}
			}
			b, err := tc.job.Bytes(src)
			switch {
			case err != nil:
				t.Fatal(err)
			case tc.job.Files != nil && b != nil:
				t.Errorf("Bytes of a folder job = %q, want nothing", b)
			case tc.job.Files == nil && string(b) != tc.want[tc.job.Path]:
				t.Errorf("Bytes = %q, want %q", b, tc.want[tc.job.Path])
			}
		})
	}
}

// TestJobFailures: a job that cannot read its source, or that panics
// inside, is an error naming the output file; nothing is put.
func TestJobFailures(t *testing.T) {
	root, outside := t.TempDir(), t.TempDir()
	os.WriteFile(filepath.Join(outside, "secret.txt"), []byte("内部名单"), 0o644)
	os.MkdirAll(filepath.Join(root, "content", "static"), 0o755)
	link := filepath.Join(root, "content", "static", "名单.txt")
	hasLink := os.Symlink(filepath.Join(outside, "secret.txt"), link) == nil
	src := Sources{Root: root, Theme: fstest.MapFS{}}
	for _, tc := range []struct {
		name string
		job  Job
		want string // in the error; "" for any error
	}{
		{"missing theme file", Job{Path: "assets/x.css", Source: "theme:assets/x.css"}, ""},
		{"missing site file", Job{Path: "a.txt", Source: "content/static/a.txt"}, ""},
		{"path out of the site", Job{Path: "secret.txt", Source: "../" + filepath.Base(outside) + "/secret.txt"}, ""},
		{"link out of the site", Job{Path: "名单.txt", Source: "content/static/名单.txt"}, ""},
		{"template error", Job{Path: "cases/a/index.html", Render: func() ([]byte, error) { return nil, errors.New("模板出错") }}, "模板出错"},
		{"panic in a page", Job{Path: "cases/a/index.html", Render: func() ([]byte, error) { panic("坏图片") }}, "cases/a/index.html"},
		{"panic in a folder", Job{Path: "search", Files: func(func(string, []byte) error) error { panic("坏索引") }}, "search"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.name == "link out of the site" && !hasLink {
				t.Skip("no symbolic links here")
			}
			put := 0
			err := tc.job.Run(src, func(string, []byte) error { put++; return nil })
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("Run: error %v, want one saying %q", err, tc.want)
			}
			if put > 0 {
				t.Errorf("Run put %d files of a failing job", put)
			}
			if tc.job.Files == nil {
				if b, err := tc.job.Bytes(src); err == nil {
					t.Errorf("Bytes = %q, want an error", b)
				}
			}
		})
	}
}
