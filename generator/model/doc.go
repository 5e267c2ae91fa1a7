// Package model holds the domain of the case-course library: the six kinds of
// page (Case, Lecture, Guide, Worker, Course, Chapter), the site settings, and
// the linked Site that every later stage (rendering, search, serving) reads.
//
// Values here are plain data. Loading and checking live in package load, so
// that the model can be built in tests without touching the disk.
package model
