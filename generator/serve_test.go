package generator

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/jianghan-district/jianghan/generator/diag"
	"github.com/jianghan-district/jianghan/internal/msg"
)

// TestServeDiagnostics: what serve prints and shows of a site's problems —
// the counts in its summary line, the errors in the overlay, and the
// warnings of one kind folded after twenty unless --all.
func TestServeDiagnostics(t *testing.T) {
	var ds []Diagnostic
	ds = append(ds, Diagnostic{File: "content/cases/lift.md", Line: 7, Col: 9, Severity: diag.Error, Msg: "街道「民族街」不在 site.yaml 的街道列表里"})
	for i := range 25 {
		ds = append(ds, Diagnostic{File: fmt.Sprintf("content/lectures/l%02d.md", i), Severity: diag.Warning, Msg: "微课没有摘要", Key: msg.DidYouMean})
	}
	if errs, warns := CountDiagnostics(ds); errs != 1 || warns != 25 {
		t.Errorf("CountDiagnostics = %d errors, %d warnings; want 1, 25", errs, warns)
	}
	if got := Errors(ds); len(got) != 1 || got[0].File != "content/cases/lift.md" {
		t.Errorf("Errors = %v, want the one error of lift.md", got)
	}
	if got := Errors(ds[1:]); len(got) != 0 {
		t.Errorf("Errors of warnings alone = %v, want none", got)
	}
	folded := FoldDiagnostics(ds, false)
	if len(folded) != 1+diag.FoldAfter+1 || !strings.Contains(folded[0], "民族街") {
		t.Errorf("FoldDiagnostics: %d lines, want the error, %d warnings and a count:\n%s", len(folded), diag.FoldAfter, strings.Join(folded, "\n"))
	}
	all := FoldDiagnostics(ds, true)
	if len(all) != len(ds) || !slices.ContainsFunc(all, func(l string) bool { return strings.Contains(l, "l24.md") }) {
		t.Errorf("FoldDiagnostics with all: %d lines, want every one of %d", len(all), len(ds))
	}
}
