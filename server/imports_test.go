package server

import (
	gobuild "go/build"
	"slices"
	"strings"
	"testing"
)

// module is the import path every package of jianghan starts with.
const module = "github.com/jianghan-district/jianghan"

// forbidden lists the packages of jianghan among imports that server may
// not import. It may import the generator's and search's root packages, whose facades name what serving
// needs of their stages (generator/serve.go), and the internal helpers.
// Reaching past them into a stage (load, render, publish, diag, search/index)
// would tie the server to how the generator is built inside.
func forbidden(imports []string) []string {
	var out []string
	for _, p := range imports {
		rest, ok := strings.CutPrefix(p, module+"/")
		if !ok {
			continue // the standard library or another module
		}
		if rest == "generator" || rest == "search" || strings.HasPrefix(rest, "internal/") {
			continue
		}
		out = append(out, p)
	}
	return out
}

// TestServerUsesFrontDoorsOnly holds the server (its non-test files, for
// every platform) to importing no package of jianghan but generator, search
// and internal/*.
func TestServerUsesFrontDoorsOnly(t *testing.T) {
	ctx := gobuild.Default
	ctx.UseAllFiles = true // every platform's files, whatever this one is
	pkg, err := ctx.ImportDir(".", gobuild.IgnoreVendor)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(pkg.Imports, module+"/generator") {
		t.Fatalf("server's imports as read here do not include generator; the check reads the wrong thing: %v", pkg.Imports)
	}
	if bad := forbidden(pkg.Imports); len(bad) > 0 {
		t.Errorf("server imports %v; add what it needs to generator/serve.go or package search instead", bad)
	}
}

// TestForbiddenImports: the rule above catches a stage and lets the front
// doors, internal helpers and other modules through.
func TestForbiddenImports(t *testing.T) {
	for _, tc := range []struct {
		imports []string
		want    []string
	}{
		{[]string{"net/http", module + "/generator", module + "/search", module + "/internal/msg", "github.com/klauspost/compress/gzhttp"}, nil},
		{[]string{module + "/generator/render", module + "/search/index", module + "/themes", module + "/generator"},
			[]string{module + "/generator/render", module + "/search/index", module + "/themes"}},
		{[]string{module + "/generatorx", module + "/searchx/y"}, []string{module + "/generatorx", module + "/searchx/y"}},
	} {
		if got := forbidden(tc.imports); !slices.Equal(got, tc.want) {
			t.Errorf("forbidden(%v) = %v, want %v", tc.imports, got, tc.want)
		}
	}
}
