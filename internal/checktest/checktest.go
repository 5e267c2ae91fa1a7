// Package checktest builds tiny sites for the tests of jianghan's content
// checks, and runs the checks as `jianghan check` does, so that each test can
// assert the exact `file:line:col: message` lines an author would read.
package checktest

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jianghan-district/jianghan/generator"
	"github.com/jianghan-district/jianghan/generator/diag"
	"github.com/jianghan-district/jianghan/generator/model"
)

// SiteYAML is the settings of every test site: a small Chinese vocabulary.
const SiteYAML = "title: 江汉测试站\n" +
	"streets: [民族街道, 水塔街道]\n" +
	"topics: [居民自治, 养老服务]\n" +
	"methods: [议事协商]\n"

// Absent, as the text of a file, leaves the file out of the site.
const Absent = "\x00absent"

// CaseBody is a case body with both required sections.
const CaseBody = "\n## 问题\n\n楼道里堆满杂物。\n\n## 解决方案\n\n楼栋议事，约定清理日。\n"

// File joins lines into a file, one line each, so a fixture's line numbers
// can be read off the list.
func File(lines ...string) string { return strings.Join(lines, "\n") + "\n" }

// WriteSite writes content/site.yaml (unless files replaces it or marks it
// Absent) and files into a new folder, and returns the folder.
func WriteSite(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	all := map[string]string{"content/site.yaml": SiteYAML}
	for name, text := range files {
		all[name] = text
	}
	for name, text := range all {
		if text == Absent {
			continue
		}
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

// Check loads, checks and links a site as `jianghan check` does (with
// generator.Load, which build and serve read sites through too), and
// returns its diagnostics as check prints them, sorted. opts.Root is set
// to the new site's folder.
func Check(t *testing.T, opts generator.Options, files map[string]string) ([]string, *model.Site, *diag.List) {
	t.Helper()
	opts.Root = WriteSite(t, files)
	p, err := generator.Load(opts)
	if err != nil {
		t.Fatalf("generator.Load: %v", err)
	}
	var got []string
	for _, d := range p.Diags.Sorted() {
		got = append(got, d.String())
	}
	return got, p.Site, p.Diags
}

// SameLines reports a difference between the diagnostics got and wanted,
// printing what was got as Go strings so a changed message is easy to review.
func SameLines(t *testing.T, got, want []string) {
	t.Helper()
	if strings.Join(got, "\n") == strings.Join(want, "\n") {
		return
	}
	var b strings.Builder
	for _, g := range got {
		fmt.Fprintf(&b, "\t%q,\n", g)
	}
	t.Errorf("diagnostics differ\n got:\n%s want:\n\t%s", b.String(), strings.Join(want, "\n\t"))
}
