package generator

import (
	"time"

	"github.com/jianghan-district/jianghan/generator/model"
)

// Telling what an edit changed: a page's front matter as lists and links
// see it, and the fields that linking fills in.

// meta is a page without what its body and the links give it: two pages
// with equal meta are listed, sorted and linked alike.
func meta(e model.Entry) any {
	strip := func(p *model.Page) {
		p.Body, p.HTML, p.Text, p.Sections, p.Headings = nil, "", "", nil, nil
		p.WorkerPages, p.Lessons, p.Entry = nil, nil, nil
	}
	switch x := e.(type) {
	case *model.Case:
		c := *x
		strip(&c.Page)
		c.LecturePages, c.Related = nil, nil
		return c
	case *model.Lecture:
		c := *x
		strip(&c.Page)
		c.CasePages = nil
		return c
	case *model.Guide:
		c := *x
		strip(&c.Page)
		return c
	case *model.Worker:
		c := *x
		strip(&c.Page)
		c.Cases, c.Lectures, c.Guides = nil, nil, nil
		return c
	case *model.Course:
		c := *x
		strip(&c.Page)
		c.LessonPages = nil
		return c
	case *model.Chapter:
		c := *x
		strip(&c.Page)
		return c
	}
	return e
}

// placeMeta is meta without what only decides a case's or lecture's place
// in its lists (title, date) and what no list or link reads (summary,
// where fields stand): when it is unchanged and the page sorts where it
// did, no list or link changes. It is nil for the other kinds.
func placeMeta(e model.Entry) any {
	strip := func(p *model.Page) {
		p.Title, p.Date, p.Summary, p.Fields, p.BodyLine = "", time.Time{}, "", nil, 0
	}
	switch x := meta(e).(type) {
	case model.Case:
		strip(&x.Page)
		x.Community = ""
		return x
	case model.Lecture:
		strip(&x.Page)
		x.Speaker, x.Duration, x.Objectives = "", "", nil
		return x
	}
	return nil
}

// checkedMeta is what the checks of the whole site read of a page besides
// its references: where its fields stand and whether it has a summary.
func checkedMeta(e model.Entry) any {
	p := e.Base()
	return struct {
		fields   map[string]model.Pos
		bodyLine int
		summary  bool
	}{p.Fields, p.BodyLine, p.Summary != ""}
}

// copyEntry overwrites dst with src; both are of the same kind.
func copyEntry(dst, src model.Entry) {
	switch x := dst.(type) {
	case *model.Case:
		*x = *src.(*model.Case)
	case *model.Lecture:
		*x = *src.(*model.Lecture)
	case *model.Guide:
		*x = *src.(*model.Guide)
	case *model.Worker:
		*x = *src.(*model.Worker)
	case *model.Course:
		*x = *src.(*model.Course)
	case *model.Chapter:
		*x = *src.(*model.Chapter)
	}
}

// pageLinks are the fields linking fills in, kept across an update that
// does not change them.
type pageLinks struct {
	workerPages  []*model.Worker
	lessons      []model.Lesson
	lecturePages []*model.Lecture
	related      []*model.Case
	casePages    []*model.Case
	cases        []*model.Case
	lectures     []*model.Lecture
	guides       []*model.Guide
	lessonPages  []*model.Page
}

func saveLinks(e model.Entry) pageLinks {
	p := e.Base()
	k := pageLinks{workerPages: p.WorkerPages, lessons: p.Lessons}
	switch x := e.(type) {
	case *model.Case:
		k.lecturePages, k.related = x.LecturePages, x.Related
	case *model.Lecture:
		k.casePages = x.CasePages
	case *model.Worker:
		k.cases, k.lectures, k.guides = x.Cases, x.Lectures, x.Guides
	case *model.Course:
		k.lessonPages = x.LessonPages
	}
	return k
}

func (k pageLinks) restore(e model.Entry) {
	p := e.Base()
	p.WorkerPages, p.Lessons = k.workerPages, k.lessons
	switch x := e.(type) {
	case *model.Case:
		x.LecturePages, x.Related = k.lecturePages, k.related
	case *model.Lecture:
		x.CasePages = k.casePages
	case *model.Worker:
		x.Cases, x.Lectures, x.Guides = k.cases, k.lectures, k.guides
	case *model.Course:
		x.LessonPages = k.lessonPages
	}
}
