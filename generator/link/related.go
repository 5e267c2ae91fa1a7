package link

import (
	"sync"

	"github.com/jianghan-district/jianghan/internal/parallel"

	"github.com/jianghan-district/jianghan/generator/model"
)

// relatedCount is how many related cases a case page shows.
const relatedCount = 5

// relinkMax is how many changed cases Relink updates one by one; beyond it,
// recomputing every list is as quick.
const relinkMax = 32

// Weights of what two cases share: a shared topic weighs most, then a shared
// method, then the same street.
const (
	topicWeight  = 3
	methodWeight = 2
	streetWeight = 1
)

// caseIndex finds the cases that share a topic, a method or the street with
// a case. Each list holds case positions in site.Cases, once per time the
// case names the value, so that a case naming a topic twice counts twice.
type caseIndex struct {
	topics, methods, streets map[string][]int32
}

func newCaseIndex(cases []*model.Case) *caseIndex {
	ix := &caseIndex{topics: map[string][]int32{}, methods: map[string][]int32{}, streets: map[string][]int32{}}
	for i, c := range cases {
		for _, t := range c.Topics {
			ix.topics[t] = append(ix.topics[t], int32(i))
		}
		for _, m := range c.Methods {
			ix.methods[m] = append(ix.methods[m], int32(i))
		}
		ix.streets[c.Street] = append(ix.streets[c.Street], int32(i))
	}
	return ix
}

// scratch is one worker's score table, cleared after each case by walking
// only the entries it touched.
type scratch struct {
	score   []int32
	touched []int32
}

// top returns the related cases of site.Cases[i]: the relatedCount cases
// with the highest score, the newer first among equals (site.Cases is
// newest first, so the lower position wins).
func (ix *caseIndex) top(cases []*model.Case, i int, s *scratch) []*model.Case {
	c := cases[i]
	s.touched = s.touched[:0]
	add := func(list []int32, w int32) {
		for _, j := range list {
			if int(j) == i {
				continue
			}
			if s.score[j] == 0 {
				s.touched = append(s.touched, j)
			}
			s.score[j] += w
		}
	}
	for _, t := range c.Topics {
		add(ix.topics[t], topicWeight)
	}
	for _, m := range c.Methods {
		add(ix.methods[m], methodWeight)
	}
	add(ix.streets[c.Street], streetWeight)
	var best [relatedCount]int32
	n := 0
	better := func(a, b int32) bool {
		if s.score[a] != s.score[b] {
			return s.score[a] > s.score[b]
		}
		return a < b
	}
	for _, j := range s.touched {
		if n == relatedCount && !better(j, best[n-1]) {
			continue
		}
		k := n
		if n < relatedCount {
			n++
		} else {
			k = n - 1
		}
		for k > 0 && better(j, best[k-1]) {
			best[k] = best[k-1]
			k--
		}
		best[k] = j
	}
	out := make([]*model.Case, n)
	for k := 0; k < n; k++ {
		out[k] = cases[best[k]]
	}
	for _, j := range s.touched {
		s.score[j] = 0
	}
	return out
}

// related finds for each case the cases that share most with it. The work
// is quadratic in the worst case, so it is spread over every processor.
func related(site *model.Site) {
	cases := site.Cases
	ix := newCaseIndex(cases)
	// Cases go out in chunks, each with one scratch reused across its
	// cases: a scratch holds a score for every case.
	scratches := sync.Pool{New: func() any { return &scratch{score: make([]int32, len(cases))} }}
	const chunk = 64
	parallel.For((len(cases)+chunk-1)/chunk, 0, func(c int) {
		s := scratches.Get().(*scratch)
		defer scratches.Put(s)
		for i := c * chunk; i < min((c+1)*chunk, len(cases)); i++ {
			cases[i].Related = ix.top(cases, i, s)
		}
	})
}

// pairScore is what site.Cases scoring gives b as a candidate for a.
func pairScore(a, b *model.Case) int32 {
	var s int32
	for _, t := range a.Topics {
		for _, u := range b.Topics {
			if t == u {
				s += topicWeight
			}
		}
	}
	for _, m := range a.Methods {
		for _, u := range b.Methods {
			if m == u {
				s += methodWeight
			}
		}
	}
	if a.Street == b.Street {
		s += streetWeight
	}
	return s
}

// updateRelated recomputes related cases after the cases in changed were
// edited, added or removed. A list that held a changed or removed case is
// recomputed whole, since another case may now take its place; every other
// list was the best of the unchanged cases and stays so, and only has to
// let the changed cases in where they now rank.
func updateRelated(site *model.Site, changed []*model.Case) {
	cases := site.Cases
	pos := make(map[*model.Case]int32, len(cases))
	for i, c := range cases {
		pos[c] = int32(i)
	}
	isChanged := make(map[*model.Case]bool, len(changed))
	var present []*model.Case
	for _, c := range changed {
		if isChanged[c] {
			continue
		}
		isChanged[c] = true
		if _, ok := pos[c]; ok {
			present = append(present, c)
		}
	}
	ix := newCaseIndex(cases)
	s := &scratch{score: make([]int32, len(cases))}
	for i, c := range cases {
		full := isChanged[c]
		for _, r := range c.Related {
			if _, ok := pos[r]; !ok || isChanged[r] {
				full = true
				break
			}
		}
		if full {
			c.Related = ix.top(cases, i, s)
			continue
		}
		c.Related = insertRelated(c, c.Related, present, pos)
	}
}

// insertRelated lets each candidate into list where it ranks among the
// first relatedCount; list is already ranked and holds none of them.
func insertRelated(c *model.Case, list, candidates []*model.Case, pos map[*model.Case]int32) []*model.Case {
	var out []*model.Case
	var scores []int32
	for _, x := range candidates {
		sx := pairScore(c, x)
		if sx == 0 || x == c {
			continue
		}
		if out == nil {
			out = append(make([]*model.Case, 0, relatedCount+1), list...)
			for _, r := range list {
				scores = append(scores, pairScore(c, r))
			}
		}
		k := len(out)
		for k > 0 && (sx > scores[k-1] || (sx == scores[k-1] && pos[x] < pos[out[k-1]])) {
			k--
		}
		if k >= relatedCount {
			continue
		}
		out = append(out[:k], append([]*model.Case{x}, out[k:]...)...)
		scores = append(scores[:k], append([]int32{sx}, scores[k:]...)...)
		if len(out) > relatedCount {
			out, scores = out[:relatedCount], scores[:relatedCount]
		}
	}
	if out == nil {
		return list
	}
	return out
}
