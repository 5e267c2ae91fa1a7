package model

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

// Valid reports whether k is one of the six kinds.
func (k Kind) Valid() bool {
	for _, x := range Kinds {
		if x == k {
			return true
		}
	}
	return false
}
