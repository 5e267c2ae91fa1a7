package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// site writes a minimal site and returns its folder.
func site(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	base := map[string]string{
		"content/site.yaml": "title: 测试库\nstreets: [民族街道, 水塔街道]\ntopics: [居民自治]\nmethods: [议事协商]\n",
	}
	for k, v := range files {
		base[k] = v
	}
	for name, body := range base {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

const goodCase = "---\ntitle: 楼道堆物清理\nstreet: 水塔街道\ntopics: [居民自治]\nsummary: 居民自管楼道。\n---\n\n## 问题\n\n楼道堆满杂物。\n\n## 解决方案\n\n居民自己定公约。\n"

func TestExitStatus(t *testing.T) {
	good := map[string]string{"content/cases/corridor.md": goodCase}
	bad := map[string]string{"content/cases/lift.md": "---\ntitle: 加装电梯\nstreet: 民族街\ntopics: [居民自治]\n---\n\n## 问题\n\n一\n\n## 解决方案\n\n二\n"}
	tests := []struct {
		name       string
		files      map[string]string
		args       func(dir string) []string
		want       int
		wantStderr string
		wantStdout string
	}{
		{"no command", nil, func(string) []string { return nil }, 2, "Usage:", ""},
		{"unknown command", nil, func(string) []string { return []string{"publish"} }, 2, `unknown command "publish"`, ""},
		{"unknown flag", good, func(d string) []string { return []string{"build", "-s", d, "--fast"} }, 2, "flag provided but not defined: -fast", ""},
		{"build ok", good, func(d string) []string { return []string{"build", "-s", d} }, 0, "", "built 1 pages"},
		{"check ok", good, func(d string) []string { return []string{"check", "-s", d} }, 0, "", "ok: 1 pages"},
		{"check errors", bad, func(d string) []string { return []string{"check", "-s", d} },
			1, `content/cases/lift.md:3:9: street "民族街" is not in site.yaml streets (did you mean "民族街道"?)`, ""},
		{"build errors", bad, func(d string) []string { return []string{"build", "-s", d} }, 1, "nothing was published", ""},
		{"new wants two args", good, func(d string) []string { return []string{"new", "cases", "-s", d} }, 2, "want KIND SLUG", ""},
		{"new bad kind", good, func(d string) []string { return []string{"new", "case", "x", "-s", d} }, 2, `unknown kind "case"`, ""},
		{"new writes", good, func(d string) []string { return []string{"new", "cases", "noise", "-s", d} }, 0, "", "content/cases/noise.md"},
		{"new never overwrites", good, func(d string) []string { return []string{"new", "cases", "corridor", "-s", d} }, 2, "page already exists", ""},
		{"search needs a query", good, func(d string) []string { return []string{"search", "-s", d} }, 2, "what to search for", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("JIANGHAN_CACHE_DIR", t.TempDir())
			dir := site(t, tt.files)
			var stdout, stderr bytes.Buffer
			got := run(tt.args(dir), &stdout, &stderr)
			if got != tt.want {
				t.Errorf("exit %d, want %d\nstdout: %s\nstderr: %s", got, tt.want, &stdout, &stderr)
			}
			if !strings.Contains(stderr.String(), tt.wantStderr) {
				t.Errorf("stderr lacks %q:\n%s", tt.wantStderr, &stderr)
			}
			if !strings.Contains(stdout.String(), tt.wantStdout) {
				t.Errorf("stdout lacks %q:\n%s", tt.wantStdout, &stdout)
			}
		})
	}
}

func TestBuildFailureKeepsNothingPublished(t *testing.T) {
	dir := site(t, map[string]string{"content/cases/lift.md": "---\ntitle: 加装电梯\nstreet: 民族街\n---\n"})
	var stdout, stderr bytes.Buffer
	if got := run([]string{"build", "-s", dir}, &stdout, &stderr); got != 1 {
		t.Fatalf("exit %d, want 1", got)
	}
	if _, err := os.Stat(filepath.Join(dir, "public")); err == nil {
		t.Error("a failed build created the output folder")
	}
	lines := strings.Split(strings.TrimSpace(stderr.String()), "\n")
	if len(lines) < 4 {
		t.Errorf("want every problem reported in one run, got:\n%s", &stderr)
	}
}
