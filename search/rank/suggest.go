package rank

import (
	"strings"

	"github.com/jianghan-district/jianghan/search"
	"github.com/jianghan-district/jianghan/search/analysis"
	"github.com/jianghan-district/jianghan/search/query"
)

// MaxSuggestions bounds each list of Suggestions.
const MaxSuggestions = 6

// Suggest is what to try when q found nothing: the parts of q with a term
// that occurs somewhere (found nothing under the filters, then), else the
// characters of its parts that occur; and the topics and streets whose
// names hold one of those, or a part as typed. df gives a term's document
// count; topics and streets are the facet values, in the order to list
// them. search.js makes the same suggestions.
func Suggest(q *query.Query, df func(term string) int, topics, streets []string) *search.Suggestions {
	s := &search.Suggestions{Parts: []string{}, Topics: []string{}, Streets: []string{}}
	add := func(list *[]string, v string) {
		if len(*list) < MaxSuggestions && !containsString(*list, v) {
			*list = append(*list, v)
		}
	}
	for _, p := range q.Parts {
	alts:
		for _, a := range p.Alts {
			for _, t := range a.Phrase {
				if t != "" && df(t) > 0 {
					add(&s.Parts, p.Text)
					break alts
				}
			}
		}
	}
	if len(s.Parts) == 0 {
		for _, p := range q.Parts {
			for _, t := range analysis.Analyze(p.Text) {
				if t.Kind != analysis.Bigram && df(t.Term) > 0 {
					add(&s.Parts, t.Term)
				}
			}
		}
	}
	needles := append([]string{}, s.Parts...)
	for _, p := range q.Parts {
		needles = append(needles, p.Text)
	}
	for _, list := range []struct {
		names []string
		out   *[]string
	}{{topics, &s.Topics}, {streets, &s.Streets}} {
		for _, name := range list.names {
			for _, n := range needles {
				if n != "" && strings.Contains(name, n) {
					add(list.out, name)
					break
				}
			}
		}
	}
	return s
}
