package link

import (
	"sort"

	"github.com/jianghan-district/jianghan/generator/model"
)

// Backlinks fills in the links that run both ways on the rendered site and
// sorts every list into the order readers see.
func Backlinks(site *model.Site) {
	sortEntries(site)
	workers := map[string]*model.Worker{}
	for _, w := range site.Workers {
		workers[w.Slug] = w
		w.Cases, w.Lectures, w.Guides = nil, nil, nil
	}
	lectures := map[string]*model.Lecture{}
	for _, l := range site.Lectures {
		lectures[l.Slug] = l
		l.CasePages = nil
	}
	cases := map[string]*model.Case{}
	for _, c := range site.Cases {
		cases[c.Slug] = c
	}
	for _, p := range site.Pages {
		p.WorkerPages = nil
		p.Lessons = nil
		for _, s := range p.Workers {
			if w := workers[s]; w != nil {
				p.WorkerPages = append(p.WorkerPages, w)
			}
		}
	}
	for _, c := range site.Cases {
		for _, w := range c.WorkerPages {
			w.Cases = append(w.Cases, c)
		}
		c.LecturePages = nil
		for _, s := range c.Lectures {
			if l := lectures[s]; l != nil {
				c.LecturePages = append(c.LecturePages, l)
				l.CasePages = appendCase(l.CasePages, c)
			}
		}
	}
	for _, l := range site.Lectures {
		for _, w := range l.WorkerPages {
			w.Lectures = append(w.Lectures, l)
		}
		for _, s := range l.Cases {
			if c := cases[s]; c != nil {
				l.CasePages = appendCase(l.CasePages, c)
			}
		}
		sort.SliceStable(l.CasePages, func(i, j int) bool { return newer(&l.CasePages[i].Page, &l.CasePages[j].Page) })
	}
	for _, g := range site.Guides {
		for _, w := range g.WorkerPages {
			w.Guides = append(w.Guides, g)
		}
	}
	for _, c := range site.Courses {
		c.LessonPages = nil
		for _, ref := range c.Lessons {
			if p := site.Lookup(ref); p != nil {
				c.LessonPages = append(c.LessonPages, p)
			}
		}
		for i, p := range c.LessonPages {
			l := model.Lesson{Course: c, Index: i + 1, Total: len(c.LessonPages)}
			if i > 0 {
				l.Prev = c.LessonPages[i-1]
			}
			if i+1 < len(c.LessonPages) {
				l.Next = c.LessonPages[i+1]
			}
			p.Lessons = append(p.Lessons, l)
		}
	}
	related(site)
}

func appendCase(xs []*model.Case, c *model.Case) []*model.Case {
	for _, x := range xs {
		if x == c {
			return xs
		}
	}
	return append(xs, c)
}

// newer orders pages newest first, then by title, so lists are stable.
func newer(a, b *model.Page) bool {
	if !a.Date.Equal(b.Date) {
		return a.Date.After(b.Date)
	}
	if a.Title != b.Title {
		return a.Title < b.Title
	}
	return a.Slug < b.Slug
}

// byWeight orders pages by weight, then title: the handbook and courses.
func byWeight(a, b *model.Page) bool {
	if a.Weight != b.Weight {
		return a.Weight < b.Weight
	}
	if a.Title != b.Title {
		return a.Title < b.Title
	}
	return a.Slug < b.Slug
}

func sortEntries(site *model.Site) {
	sort.Slice(site.Cases, func(i, j int) bool { return newer(&site.Cases[i].Page, &site.Cases[j].Page) })
	sort.Slice(site.Lectures, func(i, j int) bool { return newer(&site.Lectures[i].Page, &site.Lectures[j].Page) })
	sort.Slice(site.Guides, func(i, j int) bool { return byWeight(&site.Guides[i].Page, &site.Guides[j].Page) })
	sort.Slice(site.Workers, func(i, j int) bool { return byWeight(&site.Workers[i].Page, &site.Workers[j].Page) })
	sort.Slice(site.Courses, func(i, j int) bool { return byWeight(&site.Courses[i].Page, &site.Courses[j].Page) })
	sort.Slice(site.Chapters, func(i, j int) bool { return byWeight(&site.Chapters[i].Page, &site.Chapters[j].Page) })
}

// relatedCount is how many related cases a case page shows.
const relatedCount = 5

// related finds for each case the cases that share most with it: a shared
// topic weighs most, then a shared method, then the same street.
func related(site *model.Site) {
	byTerm := map[string][]int{}
	for i, c := range site.Cases {
		for _, t := range c.Topics {
			byTerm["t:"+t] = append(byTerm["t:"+t], i)
		}
		for _, m := range c.Methods {
			byTerm["m:"+m] = append(byTerm["m:"+m], i)
		}
		byTerm["s:"+c.Street] = append(byTerm["s:"+c.Street], i)
	}
	weight := map[byte]int{'t': 3, 'm': 2, 's': 1}
	score := make([]int, len(site.Cases))
	for i, c := range site.Cases {
		var touched []int
		add := func(key string) {
			for _, j := range byTerm[key] {
				if j == i {
					continue
				}
				if score[j] == 0 {
					touched = append(touched, j)
				}
				score[j] += weight[key[0]]
			}
		}
		for _, t := range c.Topics {
			add("t:" + t)
		}
		for _, m := range c.Methods {
			add("m:" + m)
		}
		add("s:" + c.Street)
		sort.Slice(touched, func(a, b int) bool {
			x, y := touched[a], touched[b]
			if score[x] != score[y] {
				return score[x] > score[y]
			}
			return x < y // site.Cases is newest first
		})
		if len(touched) > relatedCount {
			touched = touched[:relatedCount]
		}
		c.Related = c.Related[:0]
		for _, j := range touched {
			c.Related = append(c.Related, site.Cases[j])
		}
		for j := range score {
			score[j] = 0
		}
	}
}
