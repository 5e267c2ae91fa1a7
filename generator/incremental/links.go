package incremental

import "github.com/jianghan-district/jianghan/generator/model"

// Updating a page in place: the page a changed file gives is copied over
// the one in the site, so that every list and link holding it stays valid,
// and when its front matter leaves its links as they were, the fields
// linking filled in are put back.

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
