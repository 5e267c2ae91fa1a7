package incremental

import (
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/jianghan-district/jianghan/generator/load"
	"github.com/jianghan-district/jianghan/generator/model"
	"github.com/jianghan-district/jianghan/themes"
)

// changeSet sorts the changed paths of one Apply by what they are to the
// site: page entries, static files, theme files, or something that needs
// the whole site read again.
type changeSet struct {
	full  bool
	files []string
	// entries are the kind-folder entries to look at again:
	// "content/cases/lift.md" or the bundle folder "content/cases/lift".
	entries map[string]bool
	// bundleFiles are changed files inside bundles other than index.md.
	bundleFiles []string
	// static is set when something under content/static changed.
	static      bool
	staticFiles []string
	// theme is set when the theme changed; layouts are the page templates
	// changed, themeAll is set when a shared template changed, assets are
	// the logical names of changed assets ("css/site.css").
	theme    bool
	themeAll bool
	layouts  []string
	assets   []string
	// stylesOnly is set when every change is to a theme stylesheet.
	stylesOnly bool
}

// themePrefix is where a site keeps its own theme, with a trailing slash.
var themePrefix = themes.Dir + "/"

// classify sorts the changes. Paths it does not know (outside content/ and
// the theme, archetypes, editors' temporary files) are dropped.
func classify(root string, changes []Change) *changeSet {
	cs := &changeSet{entries: map[string]bool{}, stylesOnly: true}
	seen := map[string]bool{}
	for _, c := range changes {
		rel := path.Clean(strings.TrimPrefix(filepath.ToSlash(c.Path), "./"))
		if seen[rel] || rel == "." || strings.HasPrefix(rel, "../") {
			continue
		}
		seen[rel] = true
		if load.IsIgnored(path.Base(rel)) && rel != "content" {
			continue
		}
		if classifyOne(root, rel, cs) {
			cs.files = append(cs.files, rel)
		}
	}
	sort.Strings(cs.files)
	if len(cs.files) == 0 || cs.full || len(cs.entries) > 0 || cs.static || !cs.theme {
		cs.stylesOnly = false
	}
	return cs
}

// classifyOne files one cleaned path; it reports whether the path matters.
func classifyOne(root, rel string, cs *changeSet) bool {
	if rest, ok := strings.CutPrefix(rel, themePrefix); ok {
		return classifyTheme(rest, cs)
	}
	parts := strings.Split(rel, "/")
	if parts[0] != "content" {
		return false
	}
	switch {
	case len(parts) == 1:
		cs.full = true // the content folder itself came or went
		return true
	case rel == load.ConfigFile:
		cs.full = true
		return true
	case parts[1] == "static":
		cs.static = true
		if len(parts) > 2 {
			cs.staticFiles = append(cs.staticFiles, strings.Join(parts[2:], "/"))
		}
		return true
	case model.Kind(parts[1]).Valid():
		if len(parts) == 2 {
			cs.full = true // a kind folder came or went
			return true
		}
		entry := strings.Join(parts[:3], "/")
		cs.entries[entry] = true
		if len(parts) > 3 && strings.Join(parts[3:], "/") != "index.md" {
			cs.bundleFiles = append(cs.bundleFiles, rel)
		}
		return true
	case len(parts) == 2:
		// A file beside site.yaml is published only if it is a page
		// (reported as belonging to no kind) or a folder (an unknown
		// kind): both are read by the full walk.
		st, err := os.Stat(filepath.Join(root, filepath.FromSlash(rel)))
		if err == nil && st.Mode().IsRegular() && !strings.HasSuffix(rel, ".md") {
			return false
		}
		cs.full = true
		return true
	}
	return false // inside a folder that is not a kind: already reported
}

// classifyTheme files a path inside the theme folder.
func classifyTheme(rest string, cs *changeSet) bool {
	switch {
	case strings.HasPrefix(rest, "templates/"):
		cs.theme = true
		cs.stylesOnly = false
		name := strings.TrimPrefix(rest, "templates/")
		if !strings.Contains(name, "/") && strings.HasSuffix(name, ".html") && name != "base.html" {
			cs.layouts = append(cs.layouts, strings.TrimSuffix(name, ".html"))
		} else {
			cs.themeAll = true
		}
		return true
	case strings.HasPrefix(rest, "assets/"):
		cs.theme = true
		name := strings.TrimPrefix(rest, "assets/")
		cs.assets = append(cs.assets, name)
		if !strings.HasSuffix(name, ".css") {
			cs.stylesOnly = false
		}
		return true
	case rest == "templates" || rest == "assets":
		cs.theme = true
		cs.themeAll = true
		cs.stylesOnly = false
		return true
	}
	return false // archetypes and the like are not published
}

// entryPlace splits "content/KIND/NAME" into its kind and name.
func entryPlace(entry string) (model.Kind, string) {
	parts := strings.SplitN(entry, "/", 3)
	return model.Kind(parts[1]), parts[2]
}

// entryOf is the kind-folder entry a page source belongs to.
func entryOf(s load.Source) string {
	if s.BundleDir != "" {
		return s.BundleDir
	}
	return s.Rel
}
