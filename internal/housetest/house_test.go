package housetest

import (
	"bytes"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/uudashr/gocognit"
)

// The limits of the house rules.
const (
	maxFileLines      = 500 // lines of a non-test Go file
	maxCognitive      = 50  // cognitive complexity of a non-test function
	staticcheckModule = "honnef.co/go/tools/cmd/staticcheck@v0.8.2"
)

// moduleRoot is the folder of the repository's go.mod.
func moduleRoot(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the test's folder")
		}
		dir = parent
	}
}

// sourceFiles lists the repository's non-test Go files by package folder,
// as slash paths from the root; testdata and hidden folders hold no code of
// the repository.
func sourceFiles(t *testing.T, root string) map[string][]string {
	t.Helper()
	pkgs := map[string][]string{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() {
			if p != root && (name == "testdata" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) {
				return filepath.SkipDir
			}
			return nil
		}
		if strings.HasSuffix(name, ".go") && !strings.HasSuffix(name, "_test.go") {
			rel, err := filepath.Rel(root, p)
			if err != nil {
				return err
			}
			rel = filepath.ToSlash(rel)
			pkgs[filepath.ToSlash(filepath.Dir(rel))] = append(pkgs[filepath.ToSlash(filepath.Dir(rel))], rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(pkgs) < 10 {
		t.Fatalf("found Go files in only %d folders under %s: the walk is wrong", len(pkgs), root)
	}
	return pkgs
}

// TestFileLengths fails for every non-test Go file over maxFileLines lines:
// a file that long holds more than one thing, and each should have its own.
func TestFileLengths(t *testing.T) {
	root := moduleRoot(t)
	checked := 0
	for _, files := range sourceFiles(t, root) {
		for _, f := range files {
			b, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(f)))
			if err != nil {
				t.Fatal(err)
			}
			n := bytes.Count(b, []byte("\n"))
			if len(b) > 0 && b[len(b)-1] != '\n' {
				n++
			}
			if n > maxFileLines {
				t.Errorf("%s has %d lines, over the limit of %d for a non-test Go file: split it by what its parts do", f, n, maxFileLines)
			}
			checked++
		}
	}
	t.Logf("%d files checked", checked)
}

// TestCognitiveComplexity fails for every non-test function whose cognitive
// complexity, as gocognit measures it, is over maxCognitive: a reader cannot
// hold such a function in mind; break it into named steps. gocognit's
// //gocognit:ignore directive is refused, since it would hide a function
// from this test.
func TestCognitiveComplexity(t *testing.T) {
	root := moduleRoot(t)
	dirs := sourceFiles(t, root)
	names := make([]string, 0, len(dirs))
	for d := range dirs {
		names = append(names, d)
	}
	sort.Strings(names)
	fset := token.NewFileSet()
	funcs := 0
	for _, d := range names {
		var stats []gocognit.Stat
		for _, f := range dirs[d] {
			file, err := parser.ParseFile(fset, filepath.Join(root, filepath.FromSlash(f)), nil, parser.ParseComments)
			if err != nil {
				t.Fatal(err)
			}
			for _, cg := range file.Comments {
				for _, c := range cg.List {
					if strings.HasPrefix(c.Text, "//gocognit:ignore") {
						t.Errorf("%s: %s hides a function from the limit of cognitive complexity %d; break the function up instead", fset.Position(c.Pos()), c.Text, maxCognitive)
					}
				}
			}
			stats = gocognit.ComplexityStats(file, fset, stats)
		}
		for _, s := range stats {
			funcs++
			if s.Complexity > maxCognitive {
				rel, err := filepath.Rel(root, s.Pos.Filename)
				if err != nil {
					rel = s.Pos.Filename
				}
				t.Errorf("%s:%d: %s.%s has cognitive complexity %d, over the limit of %d: break it into named steps",
					filepath.ToSlash(rel), s.Pos.Line, s.PkgName, s.FuncName, s.Complexity, maxCognitive)
			}
		}
	}
	if funcs < 100 {
		t.Fatalf("measured only %d functions: the parse is wrong", funcs)
	}
	t.Logf("%d functions measured", funcs)
}

// staticcheckPath finds the staticcheck command: on PATH, or where go
// install puts it.
func staticcheckPath() string {
	if p, err := exec.LookPath("staticcheck"); err == nil {
		return p
	}
	for _, v := range []string{"GOBIN", "GOPATH"} {
		out, err := exec.Command("go", "env", v).Output()
		dir := strings.TrimSpace(string(out))
		if err != nil || dir == "" {
			continue
		}
		if v == "GOPATH" {
			dir = filepath.Join(filepath.SplitList(dir)[0], "bin")
		}
		p := filepath.Join(dir, "staticcheck")
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	return ""
}

// TestStaticcheck runs staticcheck over the whole module, which must find
// nothing. Without staticcheck the test is skipped, unless
// JIANGHAN_REQUIRE_LINT=1 (as in CI), when it fails.
func TestStaticcheck(t *testing.T) {
	if testing.Short() {
		t.Skip("staticcheck takes a while; run without -short")
	}
	bin := staticcheckPath()
	if bin == "" {
		if os.Getenv("JIANGHAN_REQUIRE_LINT") == "1" {
			t.Fatalf("staticcheck is not installed and JIANGHAN_REQUIRE_LINT=1: go install %s", staticcheckModule)
		}
		t.Skipf("staticcheck is not installed (go install %s); JIANGHAN_REQUIRE_LINT=1 makes this fail", staticcheckModule)
	}
	cmd := exec.Command(bin, "./...")
	cmd.Dir = moduleRoot(t)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Errorf("staticcheck ./... must find nothing (%v):\n%s", err, out)
	}
}

// codeMap reads the folders that README's code map names: a line of its
// code block that starts with a folder ("generator/") names it, and an
// indented one ("  render/") names a folder inside the last unindented one.
func codeMap(t *testing.T, root string) map[string]bool {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	i := strings.Index(s, "## 代码结构")
	if i < 0 {
		t.Fatal("README.md has no section 代码结构")
	}
	s = s[i:]
	start := strings.Index(s, "```\n")
	if start < 0 {
		t.Fatal("README.md's 代码结构 has no code block")
	}
	s = s[start+4:]
	if end := strings.Index(s, "```"); end >= 0 {
		s = s[:end]
	}
	named := map[string]bool{}
	top := ""
	for _, line := range strings.Split(s, "\n") {
		fields := strings.Fields(line)
		if len(fields) == 0 || !strings.HasSuffix(fields[0], "/") {
			continue
		}
		dir := strings.TrimSuffix(fields[0], "/")
		if strings.HasPrefix(line, " ") {
			dir = top + "/" + dir
		} else {
			top = dir
		}
		named[dir] = true
	}
	return named
}

// TestCodeMap fails when README's code map leaves out a folder of Go code,
// or names a folder that is not there: a newcomer finds the code by it.
func TestCodeMap(t *testing.T) {
	root := moduleRoot(t)
	named := codeMap(t, root)
	goDirs := map[string]bool{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if p != root && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".") || strings.HasPrefix(d.Name(), "_")) {
				return filepath.SkipDir
			}
			return nil
		}
		if dir := filepath.Dir(p); strings.HasSuffix(p, ".go") && dir != root {
			rel, err := filepath.Rel(root, dir)
			if err != nil {
				return err
			}
			goDirs[filepath.ToSlash(rel)] = true
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for dir := range goDirs {
		if !named[dir] {
			t.Errorf("README.md's code map (代码结构) leaves out %s/, a folder of Go code: add a line saying what it holds", dir)
		}
	}
	for dir := range named {
		if fi, err := os.Stat(filepath.Join(root, filepath.FromSlash(dir))); err != nil || !fi.IsDir() {
			t.Errorf("README.md's code map (代码结构) names %s/, which is not a folder of the repository", dir)
		}
	}
}
