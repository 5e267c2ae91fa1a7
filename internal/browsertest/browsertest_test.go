package browsertest

import (
	"testing"
)

func TestExecPathFromEnv(t *testing.T) {
	t.Setenv("JIANGHAN_CHROMIUM", "/opt/chromium/chrome")
	if got := ExecPath(); got != "/opt/chromium/chrome" {
		t.Errorf("ExecPath() = %q", got)
	}
}

// TestSkipWithoutBrowser checks that a missing browser skips a test unless
// the browser is required.
func TestSkipWithoutBrowser(t *testing.T) {
	t.Setenv("JIANGHAN_CHROMIUM", "/nonexistent/chromium")
	t.Setenv(RequireEnv, "")
	Close()
	defer Close()
	var sub *testing.T
	t.Run("needs a browser", func(t *testing.T) {
		sub = t
		Available(t)
		t.Error("Available returned without a browser")
	})
	if !sub.Skipped() {
		t.Error("the test was not skipped")
	}
}
