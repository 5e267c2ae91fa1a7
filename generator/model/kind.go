package model

import "github.com/jianghan-district/jianghan/internal/msg"

// Kind is a content folder; each kind has its own front matter and page type.
type Kind string

// The six kinds of content, named as their folders under content/.
const (
	Cases    Kind = "cases"
	Lectures Kind = "lectures"
	Guides   Kind = "guides"
	Workers  Kind = "workers"
	Courses  Kind = "courses"
	Handbook Kind = "handbook"
)

// Kinds lists every kind in the order the site presents them.
var Kinds = []Kind{Cases, Lectures, Guides, Workers, Courses, Handbook}

// Label is the kind's name as readers see it.
func (k Kind) Label() string {
	switch k {
	case Cases:
		return "案例"
	case Lectures:
		return "微课堂"
	case Guides:
		return "操作指南"
	case Workers:
		return "优秀社区工作者"
	case Courses:
		return "培训课程"
	case Handbook:
		return "实务手册"
	}
	return string(k)
}

// Word is the catalogue's name for the kind, as messages and the command
// line use it: 案例 in Chinese, cases in English.
func (k Kind) Word() msg.Key {
	switch k {
	case Cases:
		return msg.KindCases
	case Lectures:
		return msg.KindLectures
	case Guides:
		return msg.KindGuides
	case Workers:
		return msg.KindWorkers
	case Courses:
		return msg.KindCourses
	}
	return msg.KindHandbook
}

// Valid reports whether k is one of the six kinds.
func (k Kind) Valid() bool {
	for _, x := range Kinds {
		if x == k {
			return true
		}
	}
	return false
}
