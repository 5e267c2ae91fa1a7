package incremental

import (
	"reflect"
	"testing"
	"time"

	"github.com/jianghan-district/jianghan/generator/model"
)

// notFrontMatter are the fields that rendering or linking fill in: the
// keys of front matter leave them out on purpose (links.go keeps the
// linked ones, shape.go compares them).
var notFrontMatter = map[string]bool{
	"Page.Body": true, "Page.HTML": true, "Page.Sections": true, "Page.Headings": true, "Page.Text": true,
	"Page.WorkerPages": true, "Page.Lessons": true, "Page.Entry": true,
	"Case.LecturePages": true, "Case.Related": true,
	"Lecture.CasePages": true,
	"Worker.Cases":      true, "Worker.Lectures": true, "Worker.Guides": true,
	"Course.LessonPages": true,
}

// TestKeysSeeEveryField changes each front matter field of each kind, one
// at a time, and expects the page's keys to change: a field added to
// model.Page or a kind and forgotten in keys.go would let serve show a page
// as it was.
func TestKeysSeeEveryField(t *testing.T) {
	entries := []model.Entry{&model.Case{}, &model.Lecture{}, &model.Guide{}, &model.Worker{}, &model.Course{}, &model.Chapter{}}
	for _, e := range entries {
		typ := reflect.TypeOf(e).Elem()
		for _, f := range fieldsOf(typ) {
			t.Run(typ.Name()+"."+f.name, func(t *testing.T) {
				fresh := reflect.New(typ)
				before := keysOf(fresh.Interface().(model.Entry))
				setNonZero(fresh.Elem().FieldByIndex(f.index))
				if after := keysOf(fresh.Interface().(model.Entry)); after == before {
					t.Errorf("%s.%s changed and the keys did not: add it to cardFields or placeFields in keys.go", f.owner, f.name)
				}
			})
		}
	}
}

type field struct {
	owner, name string
	index       []int
}

// fieldsOf lists the front matter fields of a kind, its Page's included.
func fieldsOf(typ reflect.Type) []field {
	var out []field
	for i := 0; i < typ.NumField(); i++ {
		f := typ.Field(i)
		if f.Anonymous {
			for _, pf := range fieldsOf(f.Type) {
				out = append(out, field{pf.owner, pf.name, append([]int{i}, pf.index...)})
			}
			continue
		}
		if !f.IsExported() || notFrontMatter[typ.Name()+"."+f.Name] {
			continue
		}
		out = append(out, field{typ.Name(), f.Name, []int{i}})
	}
	return out
}

// setNonZero gives v a value other than its zero.
func setNonZero(v reflect.Value) {
	switch v.Kind() {
	case reflect.String:
		v.SetString("社区")
	case reflect.Int:
		v.SetInt(7)
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Slice:
		s := reflect.MakeSlice(v.Type(), 1, 1)
		setNonZero(s.Index(0))
		v.Set(s)
	case reflect.Map:
		m := reflect.MakeMap(v.Type())
		k := reflect.New(v.Type().Key()).Elem()
		setNonZero(k)
		m.SetMapIndex(k, reflect.New(v.Type().Elem()).Elem())
		v.Set(m)
	case reflect.Struct:
		if v.Type() == reflect.TypeOf(time.Time{}) {
			v.Set(reflect.ValueOf(time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC)))
			return
		}
		for i := 0; i < v.NumField(); i++ {
			setNonZero(v.Field(i))
		}
	}
}
