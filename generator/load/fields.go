package load

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/jianghan-district/jianghan/generator/diag"
	"github.com/jianghan-district/jianghan/generator/model"
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
	// block names what is decoded in messages: "front matter" or "site.yaml".
	block string
}

func newDecoder(file string, fm *frontMatter, diags *diag.List, allowed []string) *decoder {
	d := &decoder{file: file, fm: fm, diags: diags, allowed: allowed, pos: map[string]model.Pos{}, block: "front matter"}
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

func (d *decoder) errorf(line, col int, format string, args ...any) {
	d.diags.Errorf(d.file, line, col, format, args...)
}

// unknownKeys reports keys the kind does not use; the library behind front
// matter would drop them silently and `topic:` for `topics:` would vanish.
// kind ("cases", or "" for site.yaml) names the block in messages; others
// says which kinds use a field this one does not.
func (d *decoder) unknownKeys(kind string, others map[string]string) {
	where := d.block
	if kind != "" {
		where = kind + " " + where
	}
	seen := map[string]bool{}
	for _, f := range d.fm.Fields {
		if seen[f.Key] {
			d.errorf(f.Line, f.Col, "field %q is given twice: keep one", f.Key)
		}
		seen[f.Key] = true
		if contains(d.allowed, f.Key) {
			continue
		}
		switch hint, owner := diag.DidYouMean(f.Key, d.allowed), others[f.Key]; {
		case hint != "":
			d.errorf(f.Line, f.Col, "unknown field %q in %s%s", f.Key, where, hint)
		case owner != "":
			d.errorf(f.Line, f.Col, "unknown field %q in %s: only %s use it, remove it from this page", f.Key, where, owner)
		default:
			d.errorf(f.Line, f.Col, "unknown field %q in %s: remove it, or use one of %s", f.Key, where, strings.Join(d.allowed, ", "))
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

// str returns a text value; numbers and dates are accepted as written.
func (d *decoder) str(key string, required bool, hint string) string {
	f := d.get(key)
	if f == nil {
		if required {
			to := "the " + d.block
			if d.block == "site.yaml" {
				to = d.block
			}
			d.errorf(d.fm.Line, 1, "missing %s: add a line `%s: %s` to %s", key, key, hint, to)
		}
		return ""
	}
	if !f.Value.IsScalar && !f.Value.IsList && !f.Value.IsMap {
		// `title:` with nothing after it.
		if required {
			d.errorf(f.Line, f.Col, "%s is empty: write %s after `%s:`", key, hint, key)
		}
		return ""
	}
	if !f.Value.IsScalar {
		d.errorf(f.Value.Line, f.Value.Col, "%s must be a single value, not a list", key)
		return ""
	}
	s := strings.TrimSpace(f.Value.Scalar)
	if s == "" && required {
		d.errorf(f.Value.Line, f.Value.Col, "%s is empty: write %s after `%s:`", key, hint, key)
	}
	return s
}

// scalar returns the field holding a single value, or nil when the field is
// absent, empty, or (reported) a list or a group of fields.
func (d *decoder) scalar(key string) *field {
	f := d.get(key)
	if f == nil || f.Value.IsScalar {
		return f
	}
	if f.Value.IsList || f.Value.IsMap {
		d.errorf(f.Value.Line, f.Value.Col, "%s must be a single value, not a list", key)
	}
	return nil
}

// strs returns a list of text values with their positions; a single value
// is taken as a list of one, the way authors often write `topics: 养老服务`.
func (d *decoder) strs(key string) ([]string, []model.Pos) {
	f := d.get(key)
	if f == nil {
		return nil, nil
	}
	var out []string
	var pos []model.Pos
	switch {
	case f.Value.IsScalar:
		out = append(out, strings.TrimSpace(f.Value.Scalar))
		pos = append(pos, model.Pos{Line: f.Value.Line, Col: f.Value.Col})
	case f.Value.IsList:
		for _, it := range f.Value.List {
			if !it.IsScalar {
				d.errorf(it.Line, it.Col, "each item of %s must be a single value", key)
				continue
			}
			out = append(out, strings.TrimSpace(it.Scalar))
			pos = append(pos, model.Pos{Line: it.Line, Col: it.Col})
		}
	case f.Value.IsMap:
		d.errorf(f.Value.Line, f.Value.Col, "%s must be a list like [甲, 乙]", key)
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
		d.errorf(f.Value.Line, f.Value.Col, "%s must be a whole number, not %q", key, f.Value.Scalar)
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
	d.errorf(f.Value.Line, f.Value.Col, "%s must be true or false, not %q", key, f.Value.Scalar)
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
			d.errorf(f.Value.Line, f.Value.Col, "date %q is not a day of the calendar: check the month (01 to 12) and the day", s)
			return time.Time{}
		}
	}
	d.errorf(f.Value.Line, f.Value.Col, "date %q is not a date: write it as YYYY-MM-DD, e.g. 2023-04-18", s)
	return time.Time{}
}

var dateShapeRE = regexp.MustCompile(`^[0-9]{4}-[0-9]{2}-[0-9]{2}$`)

// vocab checks that every value comes from the site's controlled vocabulary.
// A site that declares no vocabulary accepts any value.
func (d *decoder) vocab(key, name string, vals []string, pos []model.Pos, vocab []string) {
	if len(vocab) == 0 {
		return
	}
	for i, v := range vals {
		if !contains(vocab, v) {
			d.errorf(pos[i].Line, pos[i].Col, "%s %q is not in site.yaml %s%s", key, v, name, didYouMeanOrList(v, vocab))
		}
	}
}

func didYouMeanOrList(v string, vocab []string) string {
	if h := diag.DidYouMean(v, vocab); h != "" {
		return h
	}
	if len(vocab) <= 8 {
		return " (use one of: " + strings.Join(vocab, ", ") + ")"
	}
	return " (add it to site.yaml or use one of the listed values)"
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
