package generator

import (
	"errors"
	"sort"
	"strings"

	"github.com/jianghan-district/jianghan/generator/diag"
	"github.com/jianghan-district/jianghan/generator/render"
)

// Incremental rebuilding, for serve: a trainer saves one file and sees the
// page change at once, on a library of ten thousand cases. LoadIncremental
// loads the site keeping, for every page file, what it read and what was
// wrong with it; Apply then re-reads only the files that changed, updates the
// linked model, and returns the render jobs whose output may differ. A job
// is re-run when one of its Deps was marked dirty by the change, or when its
// Deps list itself differs from the one last committed (a list page whose
// members or order changed, a page whose related cases changed). The jobs of
// the whole site, run after any sequence of Apply calls, give the same bytes
// as a fresh build.

// Change names one path that changed on disk: a file or folder written,
// created, removed or renamed. Apply reads the disk to find out what it is
// now, so the kind of event does not matter and a burst of events for one
// file is one change.
type Change struct {
	// Path is relative to the site root, with forward slashes, e.g.
	// "content/cases/lift.md" or "themes/default/assets/css/site.css".
	Path string
}

// Delta is what one Apply (or LoadIncremental) did and what the caller must
// do about it: run Jobs, drop Removed, then Commit.
type Delta struct {
	// Jobs are the output files to produce again. They read the project's
	// model when run, so run them before the next Apply.
	Jobs []render.Job
	// Removed lists output paths the site no longer has.
	Removed []string
	// Diagnostics are every problem the site has now, sorted.
	Diagnostics []diag.Diagnostic
	// Failed is set when the content (or the theme) has errors. Jobs and
	// Removed are then empty: the last good output should stay, and the
	// Apply that fixes the errors returns everything changed meanwhile.
	Failed bool
	// Full is set when the whole site was read again (site.yaml changed, a
	// kind folder appeared…), rather than the changed files alone.
	Full bool
	// Files are the site files Apply looked at, for reporting.
	Files []string
	// Pages are the keys of the pages whose content changed, appeared or
	// went away; the search index needs updating when there are any.
	Pages []string
	// Styles lists the stylesheets of the theme whose published name
	// changed; when StylesOnly is set they are the only change, and a
	// browser can swap them in without reloading the page.
	Styles     []AssetChange
	StylesOnly bool

	live    *live
	gen     int
	next    map[string][]string
	depsGen int
}

// AssetChange is a theme asset published under a new fingerprinted name.
type AssetChange struct {
	Name     string // logical name, "css/site.css"
	Old, New string // output paths, "assets/css/site.3f2a9c1d.css"
}

// Commit records that the delta's jobs ran and their output is published:
// the next Apply compares against this state. A delta that is not
// committed (its jobs failed) leaves its work for the next Apply to return
// again. Committing a delta older than the last Apply does nothing.
func (d *Delta) Commit() {
	l := d.live
	if l == nil || d.Failed || d.gen != l.gen {
		return
	}
	l.committed, l.committedGen = d.next, d.depsGen
	l.dirty = map[string]bool{}
	l.pages = map[string]bool{}
	l.all = false
	l.themeAll = false
}

// errNotIncremental is returned by Apply on a project made by Load.
var errNotIncremental = errors.New("generator: Apply needs a project made by LoadIncremental")

// LoadIncremental loads, checks and links the site like Load, keeping what
// Apply needs to update it one file at a time, and makes the renderer with
// ro (serve passes its live-reload script there). The delta it returns holds
// every job of the site, or Failed with the diagnostics.
func LoadIncremental(opts Options, ro render.Options) (*Project, *Delta, error) {
	p := &Project{Options: opts, live: newLive(ro)}
	if err := p.loadAll(true); err != nil {
		return nil, nil, err
	}
	p.live.all = true
	d := p.finish(&Delta{Full: true})
	return p, d, nil
}

// Apply brings the project up to date with the changed paths and returns
// what to render again. The error is for what stops reading altogether (the
// content folder is gone, a file cannot be read); content problems are in
// the delta's Diagnostics.
func (p *Project) Apply(changes []Change) (*Delta, error) {
	l := p.live
	if l == nil {
		return nil, errNotIncremental
	}
	l.gen++
	d := &Delta{}
	cs := l.classify(p.Options.root(), changes)
	d.Files = cs.files
	if cs.full {
		if err := p.loadAll(true); err != nil {
			return nil, err
		}
		l.all = true
		d.Full = true
		return p.finish(d), nil
	}
	if err := p.update(cs, d); err != nil {
		return nil, err
	}
	if cs.theme {
		l.checkTheme(p.Options.root())
	}
	if cs.theme || len(cs.bundleFiles) > 0 {
		p.newRenderer(cs, d)
	} else if l.renderer != nil {
		// Pages were changed in place; the renderer's shared cards and
		// links may show them as they were.
		l.renderer.Forget()
	}
	return p.finish(d), nil
}

// finish gathers the diagnostics and, when there are no errors, the jobs.
func (p *Project) finish(d *Delta) *Delta {
	l := p.live
	d.live, d.gen = l, l.gen
	d.Diagnostics = l.diagnostics()
	p.Diags = &diag.List{}
	for _, x := range d.Diagnostics {
		p.Diags.Add(x)
	}
	if p.Diags.HasErrors() || l.renderer == nil {
		d.Failed = true
		return d
	}
	for k := range l.pages {
		d.Pages = append(d.Pages, k)
	}
	if l.all {
		d.Pages = append(d.Pages, "*")
	}
	sort.Strings(d.Pages)
	l.plan(d)
	return d
}

// plan picks the jobs to run and the paths to remove. The list of jobs is
// made again only when the shape of the site changed (pages came or went,
// front matter or the theme changed); after an edit of a page's text the
// jobs and their Deps are what they were.
func (l *live) plan(d *Delta) {
	if l.shape || l.jobs == nil {
		l.jobs = l.renderer.Jobs()
		l.deps = make(map[string][]string, len(l.jobs))
		for _, j := range l.jobs {
			l.deps[j.Path] = j.Deps
		}
		l.byDep = nil
		l.depsGen++
		l.shape = false
	}
	d.next, d.depsGen = l.deps, l.depsGen
	if l.committedGen == l.depsGen && !l.all {
		// The committed jobs are these jobs: only dirty deps matter.
		for _, i := range l.dirtyJobs() {
			d.Jobs = append(d.Jobs, l.jobs[i])
		}
		return
	}
	changed := l.all || l.themeAll || len(l.dirty) > 0
	for _, j := range l.jobs {
		if l.needs(j, changed) {
			d.Jobs = append(d.Jobs, j)
		}
	}
	for path := range l.committed {
		if _, ok := l.deps[path]; !ok {
			d.Removed = append(d.Removed, path)
		}
	}
	sort.Strings(d.Removed)
}

// dirtyJobs returns, in job order, the jobs with a dirty dep, through an
// index from each dep to the jobs that name it.
func (l *live) dirtyJobs() []int {
	if len(l.dirty) == 0 && !l.themeAll {
		return nil
	}
	if l.byDep == nil {
		l.byDep = map[string][]int32{}
		l.anyDep = nil
		for i, j := range l.jobs {
			if len(j.Deps) == 0 {
				l.anyDep = append(l.anyDep, int32(i))
			}
			for _, dep := range j.Deps {
				if dep == "*" {
					l.anyDep = append(l.anyDep, int32(i))
				} else if !strings.HasPrefix(dep, "=") {
					l.byDep[dep] = append(l.byDep[dep], int32(i))
				}
			}
		}
	}
	pick := map[int32]bool{}
	for _, i := range l.anyDep {
		pick[i] = true
	}
	for dep := range l.dirty {
		for _, i := range l.byDep[dep] {
			pick[i] = true
		}
	}
	if l.themeAll {
		for dep, is := range l.byDep {
			if strings.HasPrefix(dep, "theme:") {
				for _, i := range is {
					pick[i] = true
				}
			}
		}
	}
	out := make([]int, 0, len(pick))
	for i := range pick {
		out = append(out, int(i))
	}
	sort.Ints(out)
	return out
}

// needs tells whether a job's output may differ from what was committed.
func (l *live) needs(j render.Job, changed bool) bool {
	prev, ok := l.committed[j.Path]
	if l.all || !ok || !equalStrings(prev, j.Deps) {
		return true
	}
	if !changed {
		return false
	}
	if len(j.Deps) == 0 {
		return true
	}
	for _, dep := range j.Deps {
		if dep == "*" || l.dirty[dep] || (l.themeAll && strings.HasPrefix(dep, "theme:")) {
			return true
		}
	}
	return false
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
