package incremental

import (
	"sort"
	"strings"

	"github.com/jianghan-district/jianghan/generator/diag"
	"github.com/jianghan-district/jianghan/generator/render"
)

// Change names one path that changed on disk: a file or folder written,
// created, removed or renamed. Apply reads the disk to find out what it is
// now, so the kind of event does not matter and a burst of events for one
// file is one change.
type Change struct {
	// Path is relative to the site root, with forward slashes, e.g.
	// "content/cases/lift.md" or "themes/default/assets/css/site.css".
	Path string
}

// Delta is what one Apply (or Start) did and what the caller must
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

	out     *output
	gen     int
	next    map[string][]string
	depsGen int
}

// AssetChange is a theme asset published under a new fingerprinted name.
type AssetChange struct {
	Name     string // logical name, "css/site.css"
	Old, New string // output paths, "assets/css/site.3f2a9c1d.css"
}

// output is what the published output holds, as far as Apply knows: the
// deps of every job as last committed, and what changed since.
type output struct {
	// committed holds each output path's Deps as last committed; dirty
	// the dep keys changed since; pages the page keys changed since.
	committed    map[string][]string
	dirty, pages map[string]bool
	all          bool // every job must run
	themeAll     bool // every job reading a template must run
	gen          int  // counts Apply calls, see Delta.Commit

	// jobs are the site's jobs as last listed, deps their Deps by path;
	// shape is set when they must be listed again.
	jobs  []render.Job
	deps  map[string][]string
	shape bool
	// depsGen counts the job lists made; committedGen is the one whose
	// Deps are committed. byDep indexes the current jobs by dep, anyDep
	// lists those that depend on everything.
	depsGen, committedGen int
	byDep                 map[string][]int32
	anyDep                []int32
}

func newOutput() output {
	return output{dirty: map[string]bool{}, pages: map[string]bool{}, committed: map[string][]string{}}
}

// Commit records that the delta's jobs ran and their output is published:
// the next Apply compares against this state. A delta that is not
// committed (its jobs failed) leaves its work for the next Apply to return
// again. Committing a delta older than the last Apply does nothing.
func (d *Delta) Commit() {
	o := d.out
	if o == nil || d.Failed || d.gen != o.gen {
		return
	}
	o.committed, o.committedGen = d.next, d.depsGen
	o.dirty = map[string]bool{}
	o.pages = map[string]bool{}
	o.all = false
	o.themeAll = false
}

// Start returns the delta of a state just loaded: every job of the site,
// or Failed with the diagnostics.
func (s *State) Start() *Delta {
	s.out.all = true
	return s.finish(&Delta{Full: true})
}

// Apply brings the state up to date with the changed paths and returns
// what to render again. The error is for what stops reading altogether (the
// content folder is gone, a file cannot be read); content problems are in
// the delta's Diagnostics.
func (s *State) Apply(changes []Change) (*Delta, error) {
	s.out.gen++
	d := &Delta{}
	cs := classify(s.opts.Root, changes)
	d.Files = cs.files
	if cs.full {
		if err := s.loadAll(true); err != nil {
			return nil, err
		}
		s.out.all = true
		d.Full = true
		return s.finish(d), nil
	}
	if err := s.update(cs); err != nil {
		return nil, err
	}
	if cs.theme {
		s.checkTheme()
	}
	if cs.theme || len(cs.bundleFiles) > 0 {
		s.newRenderer(cs, d)
	} else if s.renderer != nil {
		// Pages were changed in place; the renderer's shared cards and
		// links may show them as they were.
		s.renderer.Forget()
	}
	return s.finish(d), nil
}

// finish gathers the diagnostics and, when there are no errors, the jobs.
func (s *State) finish(d *Delta) *Delta {
	o := &s.out
	d.out, d.gen = o, o.gen
	d.Diagnostics = s.diagnostics()
	if hasErrors(d.Diagnostics) || s.renderer == nil {
		d.Failed = true
		return d
	}
	for k := range o.pages {
		d.Pages = append(d.Pages, k)
	}
	if o.all {
		d.Pages = append(d.Pages, "*")
	}
	sort.Strings(d.Pages)
	o.plan(s.renderer, d)
	return d
}

func hasErrors(ds []diag.Diagnostic) bool {
	for _, d := range ds {
		if d.Severity == diag.Error {
			return true
		}
	}
	return false
}

// plan picks the jobs to run and the paths to remove. The list of jobs is
// made again only when the shape of the site changed (pages came or went,
// front matter or the theme changed); after an edit of a page's text the
// jobs and their Deps are what they were.
func (l *output) plan(r *render.Renderer, d *Delta) {
	if l.shape || l.jobs == nil {
		l.jobs = r.Jobs()
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
func (l *output) dirtyJobs() []int {
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
func (l *output) needs(j render.Job, changed bool) bool {
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
