package link

import (
	"sort"

	"github.com/jianghan-district/jianghan/generator/model"
)

// Terms builds the term pages' contents. Terms keep the order of site.yaml's
// vocabulary, which editors chose on purpose; tags, having none, sort by name.
func Terms(site *model.Site) {
	groups := map[model.Taxonomy]map[string][]*model.Page{}
	for _, t := range model.Taxonomies {
		groups[t] = map[string][]*model.Page{}
	}
	add := func(t model.Taxonomy, name string, p *model.Page) {
		if name != "" {
			groups[t][name] = append(groups[t][name], p)
		}
	}
	for _, c := range site.Cases {
		add(model.StreetsTax, c.Street, &c.Page)
		for _, x := range c.Topics {
			add(model.TopicsTax, x, &c.Page)
		}
		for _, x := range c.Methods {
			add(model.MethodsTax, x, &c.Page)
		}
	}
	for _, l := range site.Lectures {
		for _, x := range l.Topics {
			add(model.TopicsTax, x, &l.Page)
		}
	}
	for _, g := range site.Guides {
		for _, x := range g.Topics {
			add(model.TopicsTax, x, &g.Page)
		}
	}
	for _, w := range site.Workers {
		add(model.StreetsTax, w.Street, &w.Page)
	}
	for _, p := range site.Pages {
		for _, x := range p.Tags {
			add(model.TagsTax, x, p)
		}
	}
	order := map[model.Taxonomy][]string{
		model.TopicsTax:  site.Config.Topics,
		model.StreetsTax: site.Config.Streets,
		model.MethodsTax: site.Config.Methods,
	}
	site.Terms = map[model.Taxonomy][]*model.Term{}
	for _, t := range model.Taxonomies {
		var names []string
		seen := map[string]bool{}
		for _, n := range order[t] {
			if len(groups[t][n]) > 0 && !seen[n] {
				names = append(names, n)
				seen[n] = true
			}
		}
		var rest []string
		for n := range groups[t] {
			if !seen[n] {
				rest = append(rest, n)
			}
		}
		sort.Strings(rest)
		for _, n := range append(names, rest...) {
			pages := groups[t][n]
			sort.SliceStable(pages, func(i, j int) bool {
				if pages[i].Kind != pages[j].Kind {
					return kindIndex(pages[i].Kind) < kindIndex(pages[j].Kind)
				}
				return newer(pages[i], pages[j])
			})
			site.Terms[t] = append(site.Terms[t], &model.Term{Taxonomy: t, Name: n, Pages: pages})
		}
	}
}

func kindIndex(k model.Kind) int {
	for i, x := range model.Kinds {
		if x == k {
			return i
		}
	}
	return len(model.Kinds)
}
