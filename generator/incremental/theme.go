package incremental

import (
	"strings"

	"github.com/jianghan-district/jianghan/generator/diag"
	"github.com/jianghan-district/jianghan/generator/render"
	"github.com/jianghan-district/jianghan/themes"
)

// Renderer makes a renderer for the state's site with its theme.
func (s *State) Renderer(o render.Options) (*render.Renderer, error) {
	o.Linker = s.Linker
	if o.Root == "" {
		o.Root = s.opts.Root
	}
	return render.New(s.Site, themes.ForSite(s.opts.Root), o)
}

// newRenderer parses the theme again (and forgets the sizes of bundle
// images) and marks what the theme change touches.
func (s *State) newRenderer(cs *changeSet, d *Delta) {
	o := &s.out
	old := s.renderer
	o.shape = true
	r, err := s.Renderer(s.opts.Render)
	if err != nil {
		s.renderer = nil
		s.problems.themeErr = []diag.Diagnostic{diag.Of("themes/default", 0, 0, err)}
		return
	}
	s.renderer, s.problems.themeErr = r, nil
	if cs == nil {
		return
	}
	for _, name := range cs.layouts {
		o.dirty[render.Dep{Kind: render.DepTemplate, Key: name}] = true
	}
	if cs.themeAll || (cs.theme && old == nil) {
		o.themeAll = true
	}
	for _, a := range cs.assets {
		o.dirty[render.Dep{Kind: render.DepAsset, Key: "assets/" + a}] = true
		was, _ := oldAsset(old, a)
		now, _ := r.AssetPath(a)
		if was != now {
			o.themeAll = true
			if strings.HasSuffix(a, ".css") {
				d.Styles = append(d.Styles, AssetChange{Name: a, Old: was, New: now})
			}
		}
	}
	d.StylesOnly = cs.stylesOnly && len(d.Styles) > 0
}

func oldAsset(r *render.Renderer, name string) (string, bool) {
	if r == nil {
		return "", false
	}
	return r.AssetPath(name)
}
