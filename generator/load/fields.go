package load

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/jianghan-district/jianghan/generator/diag"
	"github.com/jianghan-district/jianghan/generator/model"
	"github.com/jianghan-district/jianghan/internal/msg"
)

// decoder turns a front matter block into typed values, reporting every
// problem at the place it was written. It never stops at the first problem:
// authors fix a whole file in one pass.
type decoder struct {
	file    string
	fm      *frontMatter
	diags   *diag.List
	allowed []string
	pos     map[string]model.Pos
	// site is set when the block is site.yaml rather than a page's front
	// matter, which messages word differently.
	site bool
	// unfilled are the places still marked 待填写, as a new page from an
	// archetype has them, in the order written.
	unfilled []placeholder
}

// placeholder is a value still marked 待填写 and where it stands.
type placeholder struct {
	name string
	at   model.Pos
}

// Placeholder marks a value a trainer has still to write: archetypes and
// the example pages of init use it, and check reports such a page with one
// warning instead of an error for every field not yet filled in.
const Placeholder = "待填写"

func isPlaceholder(s string) bool { return strings.Contains(s, Placeholder) }

func newDecoder(file string, fm *frontMatter, diags *diag.List, allowed []string) *decoder {
	d := &decoder{file: file, fm: fm, diags: diags, allowed: allowed, pos: map[string]model.Pos{}}
	for _, f := range fm.Fields {
		d.pos[f.Key] = model.Pos{Line: f.Value.Line, Col: f.Value.Col}
		for i, it := range f.Value.List {
			d.pos[ItemKey(f.Key, i)] = model.Pos{Line: it.Line, Col: it.Col}
		}
	}
	return d
}

// ItemKey is the key under which model.Page.Fields records where the i-th
// item of a list field stands, so that a bad slug in a list written over
// several lines is reported on its own line: Fields["workers[1]"].
func ItemKey(key string, i int) string { return key + "[" + strconv.Itoa(i) + "]" }

func (d *decoder) errorAt(line, col int, key msg.Key, args ...any) {
	d.diags.Error(d.file, line, col, key, args...)
}

// unfilledAt records a value still marked 待填写.
func (d *decoder) unfilledAt(name string, line, col int) {
	d.unfilled = append(d.unfilled, placeholder{name: name, at: model.Pos{Line: line, Col: col}})
}

// reportUnfilled gives one warning for every place still marked 待填写,
// at the first of them: a page fresh from its archetype is not an error.
func (d *decoder) reportUnfilled() {
	if len(d.unfilled) == 0 {
		return
	}
	sort.SliceStable(d.unfilled, func(i, j int) bool {
		a, b := d.unfilled[i].at, d.unfilled[j].at
		return a.Line < b.Line || (a.Line == b.Line && a.Col < b.Col)
	})
	var names []string
	seen := map[string]bool{}
	for _, u := range d.unfilled {
		if !seen[u.name] {
			seen[u.name] = true
			names = append(names, u.name)
		}
	}
	at := d.unfilled[0].at
	d.diags.Warn(d.file, at.Line, at.Col, msg.Placeholders, len(d.unfilled), msg.Join(names))
}

// unknownKeys reports keys the kind does not use; the library behind front
// matter would drop them silently and `topic:` for `topics:` would vanish.
// kind names the block in messages ("" for site.yaml); others says which
// kinds use a field this one does not.
func (d *decoder) unknownKeys(kind model.Kind, others map[string][]model.Kind) {
	seen := map[string]bool{}
	for _, f := range d.fm.Fields {
		if seen[f.Key] {
			d.errorAt(f.Line, f.Col, msg.FieldTwice, f.Key)
		}
		seen[f.Key] = true
		if contains(d.allowed, f.Key) {
			continue
		}
		hint, owners := diag.DidYouMean(f.Key, d.allowed), others[f.Key]
		switch {
		case d.site && hint != "":
			d.errorAt(f.Line, f.Col, msg.SiteUnknownHint, f.Key, hint)
		case d.site:
			d.errorAt(f.Line, f.Col, msg.SiteUnknown, f.Key, strings.Join(d.allowed, ", "))
		case hint != "":
			d.errorAt(f.Line, f.Col, msg.FieldUnknownHint, kind.Label(), f.Key, hint)
		case len(owners) > 0:
			var names []string
			for _, k := range owners {
				names = append(names, k.Label())
			}
			d.errorAt(f.Line, f.Col, msg.FieldOtherKinds, kind.Label(), f.Key, msg.Join(names))
		default:
			d.errorAt(f.Line, f.Col, msg.FieldUnknown, kind.Label(), f.Key, strings.Join(d.allowed, ", "))
		}
	}
}

func (d *decoder) get(key string) *field {
	for i := range d.fm.Fields {
		if d.fm.Fields[i].Key == key {
			return &d.fm.Fields[i]
		}
	}
	return nil
}

// str returns a text value; numbers and dates are accepted as written. A
// value still marked 待填写 is recorded and returned as written, to be
// shown as such in a preview. hint, for a required value, words what to
// write when it is missing; the zero Key makes the value optional.
func (d *decoder) str(key string, hint msg.Key) string {
	required := hint != msg.Key{}
	f := d.get(key)
	if f == nil {
		if required {
			missing := msg.FieldMissing
			if d.site {
				missing = msg.SiteMissing
			}
			d.errorAt(d.fm.Line, 1, missing, key, key, msg.T(hint))
		}
		return ""
	}
	if !f.Value.IsScalar && !f.Value.IsList && !f.Value.IsMap {
		// `title:` with nothing after it.
		if required {
			d.errorAt(f.Line, f.Col, msg.FieldEmpty, key, key, msg.T(hint))
		}
		return ""
	}
	if !f.Value.IsScalar {
		d.errorAt(f.Value.Line, f.Value.Col, msg.FieldNotSingle, key)
		return ""
	}
	s := strings.TrimSpace(f.Value.Scalar)
	if isPlaceholder(s) {
		d.unfilledAt(key, f.Value.Line, f.Value.Col)
		return s
	}
	if s == "" && required {
		d.errorAt(f.Value.Line, f.Value.Col, msg.FieldEmpty, key, key, msg.T(hint))
	}
	return s
}

// choice is str for a value that must be one of a known set or of a known
// shape (a street, a duration): one still marked 待填写 is recorded and
// left out, as if not given.
func (d *decoder) choice(key string, hint msg.Key) string {
	s := d.str(key, hint)
	if isPlaceholder(s) {
		return ""
	}
	return s
}

// scalar returns the field holding a single value, or nil when the field is
// absent, empty, still marked 待填写, or (reported) a list or a group of
// fields.
func (d *decoder) scalar(key string) *field {
	f := d.get(key)
	switch {
	case f == nil:
		return nil
	case f.Value.IsScalar && isPlaceholder(f.Value.Scalar):
		d.unfilledAt(key, f.Value.Line, f.Value.Col)
		return nil
	case f.Value.IsScalar:
		return f
	case f.Value.IsList || f.Value.IsMap:
		d.errorAt(f.Value.Line, f.Value.Col, msg.FieldNotSingle, key)
	}
	return nil
}

// strs returns a list of text values with their positions; a single value
// is taken as a list of one, the way authors often write `topics: 养老服务`.
// Items still marked 待填写 are recorded and left out: a list names
// streets, topics or pages, and 待填写 is none of them.
func (d *decoder) strs(key string) ([]string, []model.Pos) {
	return d.list(key, false)
}

// list is strs; free keeps the items marked 待填写, for a list of free text
// (a lecture's objectives) that a preview may show as written.
func (d *decoder) list(key string, free bool) ([]string, []model.Pos) {
	f := d.get(key)
	if f == nil {
		return nil, nil
	}
	var out []string
	var pos []model.Pos
	add := func(v value) {
		s := strings.TrimSpace(v.Scalar)
		if isPlaceholder(s) {
			d.unfilledAt(key, v.Line, v.Col)
			if !free {
				return
			}
		}
		out = append(out, s)
		pos = append(pos, model.Pos{Line: v.Line, Col: v.Col})
	}
	switch {
	case f.Value.IsScalar:
		add(f.Value)
	case f.Value.IsList:
		for _, it := range f.Value.List {
			if !it.IsScalar {
				d.errorAt(it.Line, it.Col, msg.FieldItemNotSingle, key)
				continue
			}
			add(it)
		}
	case f.Value.IsMap:
		d.errorAt(f.Value.Line, f.Value.Col, msg.FieldNotList, key)
	}
	return out, pos
}

func (d *decoder) integer(key string) int {
	f := d.scalar(key)
	if f == nil {
		return 0
	}
	n, err := strconv.Atoi(strings.TrimSpace(f.Value.Scalar))
	if err != nil {
		d.errorAt(f.Value.Line, f.Value.Col, msg.FieldNotInt, key, f.Value.Scalar)
	}
	return n
}

func (d *decoder) boolean(key string) bool {
	f := d.scalar(key)
	if f == nil {
		return false
	}
	switch strings.ToLower(strings.TrimSpace(f.Value.Scalar)) {
	case "true", "yes", "on":
		return true
	case "false", "no", "off", "":
		return false
	}
	d.errorAt(f.Value.Line, f.Value.Col, msg.FieldNotBool, key, f.Value.Scalar)
	return false
}

func (d *decoder) date(key string) time.Time {
	f := d.scalar(key)
	if f == nil {
		return time.Time{}
	}
	s := strings.TrimSpace(f.Value.Scalar)
	if len(s) >= 10 && (len(s) == 10 || s[10] == 'T' || s[10] == ' ') {
		t, err := time.Parse("2006-01-02", s[:10])
		if err == nil {
			return t
		}
		if dateShapeRE.MatchString(s[:10]) {
			d.errorAt(f.Value.Line, f.Value.Col, msg.DateNotDay, s)
			return time.Time{}
		}
	}
	d.errorAt(f.Value.Line, f.Value.Col, msg.DateBad, s)
	return time.Time{}
}

var dateShapeRE = regexp.MustCompile(`^[0-9]{4}-[0-9]{2}-[0-9]{2}$`)

// vocabField names the field a vocabulary's values are written in, for the
// message about one that cannot be a name.
var vocabField = map[msg.Key]string{msg.StreetNotIn: "street", msg.TopicNotIn: "topics", msg.MethodNotIn: "methods"}

// vocab checks that every value comes from the site's controlled vocabulary,
// and can be a term page's name; notIn is the message for one that is not
// in the vocabulary. A site that declares no vocabulary accepts any value
// that can be a name.
func (d *decoder) vocab(notIn msg.Key, vals []string, pos []model.Pos, vocab []string) {
	ok := d.termsOK(vocabField[notIn], vals, pos)
	if len(vocab) == 0 {
		return
	}
	for i, v := range vals {
		if ok[i] && !contains(vocab, v) {
			d.errorAt(pos[i].Line, pos[i].Col, notIn, v, VocabHint(v, vocab))
		}
	}
}

// VocabHint ends the message about a value not in a vocabulary: the value
// it most likely meant, else the list when it is short, else where to add it.
func VocabHint(v string, vocab []string) string {
	if h := diag.DidYouMean(v, vocab); h != "" {
		return h
	}
	if len(vocab) <= 8 {
		return msg.T(msg.OneOf, msg.Join(vocab))
	}
	return msg.T(msg.AddToVocab)
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

func sortStrings(xs []string) { sort.Strings(xs) }
