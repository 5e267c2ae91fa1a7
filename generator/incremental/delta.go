package incremental

import (
	"slices"
	"sort"

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
// do about it: run Jobs, drop Removed, then Commit. Commit comes after the
// jobs ran: what each recorded while it ran (render.Job.Deps) is what the
// next Apply compares against.
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

	out *output
	gen int
	all bool // every job of the site is in Jobs
}

// AssetChange is a theme asset published under a new fingerprinted name.
type AssetChange struct {
	Name     string // logical name, "css/site.css"
	Old, New string // output paths, "assets/css/site.3f2a9c1d.css"
}

// output is what the published output holds, as far as Apply knows: what
// every job read when it last ran, and which of those inputs changed since.
type output struct {
	// committed holds what each output path's job read when it last ran
	// and was committed; byDep indexes it from each input to the paths
	// that read it (an entry is checked against committed when used: a
	// job may have stopped reading it).
	committed map[string][]render.Dep
	byDep     map[render.Dep][]string
	// dirty are the inputs changed since the last commit; pages the keys
	// of the pages whose content changed since.
	dirty    map[render.Dep]bool
	pages    map[string]bool
	all      bool // every job must run
	themeAll bool // every job that read a template must run
	gen      int  // counts Apply calls, see Delta.Commit

	// jobs are the site's jobs as last listed, with each path's place in
	// the list; shape is set when they must be listed again, listed when
	// they were since the last commit.
	jobs   []render.Job
	place  map[string]int
	shape  bool
	listed bool
	// keys are the list and link keys of the site as last compared (see
	// shape.go).
	keys *siteKeys
}

func newOutput() output {
	return output{dirty: map[render.Dep]bool{}, pages: map[string]bool{}, committed: map[string][]render.Dep{}, byDep: map[render.Dep][]string{}}
}

// Commit records that the delta's jobs ran and their output is published:
// what each job read is kept for the next Apply, which compares against
// this state. A delta that is not committed (its jobs failed) leaves its
// work for the next Apply to return again. Committing a delta older than
// the last Apply does nothing.
func (d *Delta) Commit() {
	o := d.out
	if o == nil || d.Failed || d.gen != o.gen {
		return
	}
	if d.all {
		// Every job ran: what they read is all there is to know.
		o.committed = make(map[string][]render.Dep, len(d.Jobs))
		o.byDep = map[render.Dep][]string{}
	}
	for _, p := range d.Removed {
		delete(o.committed, p)
	}
	for i := range d.Jobs {
		o.record(d.Jobs[i].Path, d.Jobs[i].Deps())
	}
	clear(o.dirty)
	clear(o.pages)
	o.all = false
	o.themeAll = false
	o.listed = false
}

// record keeps what the job at path read, indexing the inputs it did not
// read before.
func (o *output) record(path string, deps []render.Dep) {
	prev := o.committed[path]
	o.committed[path] = deps
	if slices.Equal(prev, deps) {
		return
	}
	for _, d := range deps {
		if !slices.Contains(prev, d) {
			o.byDep[d] = append(o.byDep[d], path)
		}
	}
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
// jobs are what they were. A job runs when it is new, when everything must,
// or when an input it read when it last ran has changed.
func (o *output) plan(r *render.Renderer, d *Delta) {
	if o.shape || o.jobs == nil {
		o.jobs = r.Jobs()
		o.place = make(map[string]int, len(o.jobs))
		for i, j := range o.jobs {
			o.place[j.Path] = i
		}
		o.shape = false
		o.listed = true
	}
	if o.all {
		d.Jobs = append(d.Jobs, o.jobs...)
		d.all = true
	} else {
		for _, i := range o.picked() {
			d.Jobs = append(d.Jobs, o.jobs[i])
		}
	}
	if o.listed {
		for path := range o.committed {
			if _, ok := o.place[path]; !ok {
				d.Removed = append(d.Removed, path)
			}
		}
		sort.Strings(d.Removed)
	}
}

// picked returns, in job order, the jobs that are new or read a changed
// input.
func (o *output) picked() []int {
	pick := map[int]bool{}
	add := func(path string, dep render.Dep) {
		if i, ok := o.place[path]; ok && slices.Contains(o.committed[path], dep) {
			pick[i] = true
		}
	}
	for dep := range o.dirty {
		for _, path := range o.byDep[dep] {
			add(path, dep)
		}
	}
	if o.themeAll {
		for dep, paths := range o.byDep {
			if dep.Kind == render.DepTemplate {
				for _, path := range paths {
					add(path, dep)
				}
			}
		}
	}
	if o.listed {
		for i, j := range o.jobs {
			if _, ok := o.committed[j.Path]; !ok {
				pick[i] = true
			}
		}
	}
	out := make([]int, 0, len(pick))
	for i := range pick {
		out = append(out, i)
	}
	sort.Ints(out)
	return out
}
