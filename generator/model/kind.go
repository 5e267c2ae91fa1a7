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

// Key is the message of the kind's name as readers see it (案例, 微课…),
// one word each across the pages and the command line.
func (k Kind) Key() msg.Key {
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
	case Handbook:
		return msg.KindHandbook
	}
	return msg.Key{}
}

// Label is the kind's name in the process language (msg.T), for the
// command line; pages are in the site's language and use Key. A kind that
// is not one of the six is its folder name.
func (k Kind) Label() string {
	if !k.Valid() {
		return string(k)
	}
	return msg.T(k.Key())
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
