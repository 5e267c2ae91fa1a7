package model

// Case is a community problem and the solution that worked.
type Case struct {
	Page
	Street    string
	Community string
	Topics    []string
	Methods   []string
	Lectures  []string

	LecturePages []*Lecture
	Related      []*Case
}

// Section returns the section with the given role ("problem", "solution"…).
func (c *Case) Section(role string) *Section {
	for i := range c.Sections {
		if c.Sections[i].Role == role {
			return &c.Sections[i]
		}
	}
	return nil
}

// Lecture is a micro-lecture: short, with objectives, notes and a video.
type Lecture struct {
	Page
	Speaker    string
	Duration   string
	Video      string
	Objectives []string
	Topics     []string
	Cases      []string

	// CasePages are the cases the lecture names and the cases that cite it.
	CasePages []*Case
}

// Guide is a studio operating guide: steps and checklists.
type Guide struct {
	Page
	Audience string
	Topics   []string
}

// Award is one recognition in a worker's timeline.
type Award struct {
	Year  int
	Title string
}

// Worker is an exemplar community worker.
type Worker struct {
	Page
	Street      string
	Community   string
	Role        string
	Certificate string
	Method      string
	Awards      []Award
	Photo       string

	// What names this worker, for the page's "参与的案例" lists.
	Cases    []*Case
	Lectures []*Lecture
	Guides   []*Guide
}

// Course is an ordered walk through lectures, cases and guides.
type Course struct {
	Page
	Lessons     []string
	LessonPages []*Page
}

// Chapter is a chapter of the practice handbook.
type Chapter struct {
	Page
}

// Certificates are the levels of the national social-work qualification.
var Certificates = []string{"初级", "中级", "高级"}
