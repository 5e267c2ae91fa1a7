package link

import (
	"sort"

	"github.com/jianghan-district/jianghan/generator/model"
)

// Backlinks fills in the links that run both ways on the rendered site and
// sorts every list into the order readers see.
func Backlinks(site *model.Site) {
	sortEntries(site)
	links(site)
	related(site)
}

// Relink brings the links up to date after a few pages changed, with the
// same result as Backlinks. changed lists the cases that were edited, added
// or removed (a removed case is one no longer in site.Cases); pages of other
// kinds need not be named. The lists that run both ways are rebuilt, which
// is linear in the size of the site, but related cases, which compare every
// case with every other, are recomputed only for the cases whose list a
// changed case enters or leaves: that keeps serve's rebuild of a 10,000-case
// library within a keystroke's patience.
func Relink(site *model.Site, changed []*model.Case) {
	sortEntries(site)
	links(site)
	if len(changed) > relinkMax {
		related(site)
		return
	}
	updateRelated(site, changed)
}

// links fills in every list that runs both ways except related cases.
func links(site *model.Site) {
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

// InPlace reports whether a case or lecture whose date or title changed
// still sorts where it stands in its kind's list. Its place in every list
// and term page is then what it was, and serve can skip Relink and Terms.
// For the other kinds, whose lists sort by weight but whose term pages
// sort by date, it reports false.
func InPlace(site *model.Site, e model.Entry) bool {
	switch x := e.(type) {
	case *model.Case:
		return inPlace(site.Cases, x, func(a, b *model.Case) bool { return newer(&a.Page, &b.Page) })
	case *model.Lecture:
		return inPlace(site.Lectures, x, func(a, b *model.Lecture) bool { return newer(&a.Page, &b.Page) })
	}
	return false
}

func inPlace[T comparable](list []T, x T, less func(a, b T) bool) bool {
	for i, y := range list {
		if y != x {
			continue
		}
		return (i == 0 || less(list[i-1], x)) && (i == len(list)-1 || less(x, list[i+1]))
	}
	return false
}
