package publish

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// The folders a build keeps beside its output are no one's work: the
// repository and every library init makes ignore them, so that a trainer
// who builds and then commits does not commit the site twice over.
func TestSideFoldersAreIgnored(t *testing.T) {
	git, err := exec.LookPath("git")
	if err != nil {
		t.Skip("git is not installed")
	}
	out := "public"
	tmp := "." + out + ".new-123456"
	for _, ignore := range []string{"../../.gitignore", "../starter/files/.gitignore"} {
		t.Run(ignore, func(t *testing.T) {
			repo := t.TempDir()
			if err := exec.Command(git, "init", "-q", repo).Run(); err != nil {
				t.Skipf("git init: %v", err)
			}
			b, err := os.ReadFile(ignore)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(repo, ".gitignore"), b, 0o644); err != nil {
				t.Fatal(err)
			}
			for _, p := range []string{out + "/index.html", filepath.Base(PrevDir(filepath.Join(repo, out))) + "/index.html", tmp + "/index.html"} {
				cmd := exec.Command(git, "check-ignore", "-q", p)
				cmd.Dir = repo
				if err := cmd.Run(); err != nil {
					t.Errorf("%s is not ignored by %s", p, ignore)
				}
			}
			cmd := exec.Command(git, "check-ignore", "-q", "content/cases/lift.md")
			cmd.Dir = repo
			if cmd.Run() == nil {
				t.Errorf("%s ignores the content", ignore)
			}
		})
	}
}
