package server

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// startWatcher watches a new site folder with content/cases in it.
func startWatcher(t *testing.T) (string, *watcher) {
	t.Helper()
	root := t.TempDir()
	if err := os.MkdirAll(filepath.Join(root, "content", "cases"), 0o755); err != nil {
		t.Fatal(err)
	}
	w, err := newWatcher(root, func(err error) { t.Errorf("watcher: %v", err) })
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	go w.run(ctx)
	return root, w
}

// nextBatch returns the next batch of changed paths.
func nextBatch(t *testing.T, w *watcher) []string {
	t.Helper()
	select {
	case b := <-w.out:
		var paths []string
		for _, c := range b {
			paths = append(paths, c.Path)
		}
		return paths
	case <-time.After(patience):
		t.Fatal("no batch of changes")
		return nil
	}
}

func TestWatcher(t *testing.T) {
	tests := []struct {
		name string
		// do changes files; the batch that follows must be want.
		do   func(t *testing.T, root string)
		want []string
	}{
		{
			name: "一次保存",
			do: func(t *testing.T, root string) {
				writeFile(t, root, "content/cases/lift.md", "---\ntitle: 加装电梯\n---\n")
			},
			want: []string{"content/cases/lift.md"},
		},
		{
			name: "编辑器的临时文件和权限变化不算",
			do: func(t *testing.T, root string) {
				for _, name := range []string{".lift.md.swp", ".lift.md.swx", "4913", "lift.md~", "#lift.md#", ".#lift.md", "lift.md___jb_tmp___"} {
					writeFile(t, root, "content/cases/"+name, "临时")
				}
				os.Chmod(filepath.Join(root, "content", "cases", "lift.md"), 0o600)
				// The watcher reads events in the order the kernel queued
				// them: were any of those counted, it would be in the batch
				// with noise.md or one before it, and the test reads both.
				writeFile(t, root, "content/cases/noise.md", "---\ntitle: 噪音纠纷\n---\n")
			},
			want: []string{"content/cases/noise.md"},
		},
		{
			name: "写临时文件再改名",
			do: func(t *testing.T, root string) {
				tmp := filepath.Join(root, "content", "cases", ".noise.md.tmp")
				os.WriteFile(tmp, []byte("---\ntitle: 楼上楼下\n---\n"), 0o644)
				if err := os.Rename(tmp, filepath.Join(root, "content", "cases", "noise.md")); err != nil {
					t.Fatal(err)
				}
			},
			want: []string{"content/cases/noise.md"},
		},
		{
			name: "新建文件夹里的文件",
			do: func(t *testing.T, root string) {
				writeFile(t, root, "content/cases/canteen/index.md", "---\ntitle: 社区食堂\n---\n")
				writeFile(t, root, "content/cases/canteen/menu.svg", "<svg/>")
			},
			want: []string{"content/cases/canteen/index.md", "content/cases/canteen/menu.svg"},
		},
		{
			name: "删除文件夹",
			do: func(t *testing.T, root string) {
				if err := os.RemoveAll(filepath.Join(root, "content", "cases", "canteen")); err != nil {
					t.Fatal(err)
				}
			},
			want: []string{"content/cases/canteen", "content/cases/canteen/index.md", "content/cases/canteen/menu.svg"},
		},
		{
			name: "主题出现",
			do: func(t *testing.T, root string) {
				writeFile(t, root, "themes/default/templates/case.html", "{{define \"main\"}}{{end}}")
			},
			want: []string{"themes/default/templates/case.html"},
		},
		{
			name: "网站根目录的其他文件不算",
			do: func(t *testing.T, root string) {
				writeFile(t, root, "public/index.html", "<!doctype html>")
				writeFile(t, root, "README.md", "说明")
				writeFile(t, root, "content/cases/lift.md", "---\ntitle: 加装电梯（二）\n---\n")
			},
			want: []string{"content/cases/lift.md"},
		},
	}
	root, w := startWatcher(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.do(t, root)
			got := map[string]bool{}
			// Events of one change may straddle two batches on a busy
			// machine; gather until every expected path has come.
			for !covers(got, tt.want) {
				for _, p := range nextBatch(t, w) {
					got[p] = true
				}
			}
			var extra []string
			for p := range got {
				if !contains(tt.want, p) && !folderOf(tt.want, p) {
					extra = append(extra, p)
				}
			}
			if len(extra) > 0 {
				t.Errorf("unexpected paths %v (want %v)", extra, tt.want)
			}
		})
	}
	t.Run("删除的文件夹不再监视", func(t *testing.T) {
		for d := range w.dirs {
			if strings.Contains(d, "canteen") {
				t.Errorf("%s is still watched", d)
			}
		}
	})
}

// TestWatcherBurst checks that a checkout of 500 files comes as one batch
// (two at worst, should the machine stall mid-checkout).
func TestWatcherBurst(t *testing.T) {
	root, w := startWatcher(t)
	var want []string
	for i := 0; i < 500; i++ {
		rel := fmt.Sprintf("content/cases/case-%03d.md", i)
		writeFile(t, root, rel, fmt.Sprintf("---\ntitle: 案例 %d\n---\n", i))
		want = append(want, rel)
	}
	got := map[string]bool{}
	batches := 0
	for !covers(got, want) {
		for _, p := range nextBatch(t, w) {
			got[p] = true
		}
		batches++
	}
	if batches > 2 {
		t.Errorf("500 files came in %d batches", batches)
	}
	t.Logf("500 files in %d batch(es)", batches)
}

func covers(got map[string]bool, want []string) bool {
	for _, p := range want {
		if !got[p] {
			return false
		}
	}
	return true
}

// folderOf reports whether dir is a folder holding one of the paths: a
// new folder may or may not come as a change of its own, depending on
// whether its files were written before the watch on it began.
func folderOf(paths []string, dir string) bool {
	for _, p := range paths {
		if strings.HasPrefix(p, dir+"/") {
			return true
		}
	}
	return false
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
