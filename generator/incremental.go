package generator

import (
	"errors"

	"github.com/jianghan-district/jianghan/generator/incremental"
	"github.com/jianghan-district/jianghan/generator/render"
)

// Incremental rebuilding, for serve: a trainer saves one file and sees the
// page change at once, on a library of ten thousand cases. The work is done
// by package incremental (see its doc.go); this is its front door.

// Change names one path that changed on disk (see incremental.Change).
type Change = incremental.Change

// Delta is what one Apply (or LoadIncremental) did and what the caller must
// do about it: run Jobs, drop Removed, then Commit (see incremental.Delta).
type Delta = incremental.Delta

// AssetChange is a theme asset published under a new fingerprinted name.
type AssetChange = incremental.AssetChange

// errNotIncremental is returned by Apply on a project made by Load.
var errNotIncremental = errors.New("generator: Apply needs a project made by LoadIncremental")

// LoadIncremental loads, checks and links the site like Load, keeping what
// Apply needs to update it one file at a time, and makes the renderer with
// ro (serve passes its live-reload script there). The delta it returns holds
// every job of the site, or Failed with the diagnostics.
func LoadIncremental(opts Options, ro render.Options) (*Project, *Delta, error) {
	s, err := incremental.Load(opts.incremental(ro), true)
	if err != nil {
		return nil, nil, err
	}
	p := &Project{Options: opts, live: s}
	d := s.Start()
	p.sync(s, d.Diagnostics)
	return p, d, nil
}

// Apply brings the project up to date with the changed paths and returns
// what to render again. The error is for what stops reading altogether (the
// content folder is gone, a file cannot be read); content problems are in
// the delta's Diagnostics.
func (p *Project) Apply(changes []Change) (*Delta, error) {
	if p.live == nil {
		return nil, errNotIncremental
	}
	d, err := p.live.Apply(changes)
	if err != nil {
		return nil, err
	}
	p.sync(p.live, d.Diagnostics)
	return d, nil
}
