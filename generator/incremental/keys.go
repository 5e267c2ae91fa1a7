package incremental

import (
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/jianghan-district/jianghan/generator/model"
)

// Telling what an edit changed. A page's front matter is seen by the rest of
// the site through three small keys, each made by an explicit function:
//
//   - cardKey: what may change while the page keeps its place in every list
//     and link — what its card shows (title, date, summary, a case's
//     community, a lecture's speaker…) and what nothing else reads (where
//     its fields stand). Only cases and lectures have one: of the other
//     kinds every field counts as place.
//   - placeKey: everything else of the front matter — what decides which
//     lists, terms, courses and links hold the page.
//   - checkKey: what the checks of the whole site read besides references.
//
// A new field of model.Page or of a kind goes into cardFields or placeFields
// below (and, when linking fills it in, into links.go); keys_test.go fails
// until it does.

// frontKeys are a page's keys, see above.
type frontKeys struct {
	card, place string
	inPlace     bool // card may change alone: the page is a case or lecture
}

// keysOf makes the keys of a page.
func keysOf(e model.Entry) frontKeys {
	var card, place keyWriter
	inPlace := cardFields(e, &card)
	if !inPlace {
		// Every field decides the page's place.
		cardFields(e, &place)
	}
	placeFields(e, &place)
	return frontKeys{card: card.String(), place: place.String(), inPlace: inPlace}
}

// cardFields writes the fields that may change in place and reports
// whether the kind has any.
func cardFields(e model.Entry, w *keyWriter) bool {
	p := e.Base()
	w.str(p.Title, p.Summary)
	w.time(p.Date)
	w.n(p.BodyLine)
	w.fields(p.Fields)
	switch x := e.(type) {
	case *model.Case:
		w.str(x.Community)
		return true
	case *model.Lecture:
		w.str(x.Speaker, x.Duration)
		w.list(x.Objectives)
		return true
	}
	return false
}

// placeFields writes the front matter that decides where a page is listed
// and linked.
func placeFields(e model.Entry, w *keyWriter) {
	p := e.Base()
	w.str(string(p.Kind), p.Slug, p.Source, p.BundleDir)
	w.list(p.Files)
	w.bool(p.Draft)
	w.list(p.Tags)
	w.n(p.Weight)
	w.list(p.Workers)
	w.n(p.Unfilled)
	switch x := e.(type) {
	case *model.Case:
		w.str(x.Street)
		w.list(x.Topics)
		w.list(x.Methods)
		w.list(x.Lectures)
	case *model.Lecture:
		w.str(x.Video)
		w.list(x.Topics)
		w.list(x.Cases)
	case *model.Guide:
		w.str(x.Audience)
		w.list(x.Topics)
	case *model.Worker:
		w.str(x.Street, x.Community, x.Role, x.Certificate, x.Method, x.Photo)
		w.n(len(x.Awards))
		for _, a := range x.Awards {
			w.n(a.Year)
			w.str(a.Title)
		}
	case *model.Course:
		w.list(x.Lessons)
	case *model.Chapter:
		// A chapter has no fields of its own.
	}
}

// checkKey is what the checks of the whole site read of a page besides
// its references: where its fields stand and whether it has a summary.
func checkKey(e model.Entry) string {
	p := e.Base()
	var w keyWriter
	w.n(p.BodyLine)
	w.fields(p.Fields)
	w.bool(p.Summary != "")
	return w.String()
}

// keyWriter writes values into a key, each ended so that no two lists of
// values write the same key.
type keyWriter struct{ strings.Builder }

func (w *keyWriter) str(xs ...string) {
	for _, x := range xs {
		w.WriteString(strconv.Itoa(len(x)))
		w.WriteByte(':')
		w.WriteString(x)
	}
}

func (w *keyWriter) n(i int) {
	w.WriteString(strconv.Itoa(i))
	w.WriteByte(';')
}

func (w *keyWriter) bool(b bool) {
	if b {
		w.n(1)
	} else {
		w.n(0)
	}
}

func (w *keyWriter) list(xs []string) {
	if xs == nil {
		w.n(-1) // nil and empty differ to the templates' "with"
	} else {
		w.n(len(xs))
	}
	w.str(xs...)
}

func (w *keyWriter) time(t time.Time) {
	w.str(t.Format(time.RFC3339Nano), t.Location().String())
}

func (w *keyWriter) fields(m map[string]model.Pos) {
	names := make([]string, 0, len(m))
	for k := range m {
		names = append(names, k)
	}
	sort.Strings(names)
	w.n(len(names))
	for _, k := range names {
		w.str(k)
		w.n(m[k].Line)
		w.n(m[k].Col)
	}
}
