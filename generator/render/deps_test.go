package render

import (
	"slices"
	"testing"
)

// TestJobsRecordWhatTheyRead runs jobs of a small site under themes that
// read different things, and checks that each job's deps name what its
// template read and nothing it did not: serve runs a job again only when
// one of those changed.
func TestJobsRecordWhatTheyRead(t *testing.T) {
	card := func(key string) Dep { return Dep{DepCard, key} }
	list := func(name string) Dep { return Dep{DepList, name} }
	tests := []struct {
		name    string
		layout  map[string]string
		path    string
		want    []Dep
		notWant []Dep
	}{
		{name: "案例页只读自己", layout: map[string]string{"case": `{{define "main"}}{{.Page.Title}}{{end}}`},
			path: "cases/lift/index.html",
			want: []Dep{{DepPage, "cases/lift"}, {DepTemplate, "case"}}, notWant: []Dep{card("cases/visits"), list("cases")}},
		{name: "案例页列出所有案例", layout: map[string]string{"case": `{{define "main"}}{{range .Site.Cases}}{{$.Part "card" .}}{{end}}{{end}}`},
			path: "cases/lift/index.html",
			want: []Dep{{DepPage, "cases/lift"}, list("cases"), card("cases/lift"), card("cases/visits")}},
		{name: "案例页链接另一个案例", layout: map[string]string{"case": `{{define "main"}}{{with index .Site.Cases 1}}<a href="{{$.PageLink .Page}}">{{.Title}}</a>{{end}}{{end}}`},
			path: "cases/lift/index.html",
			want: []Dep{card("cases/visits"), list("cases")}, notWant: []Dep{card("cases/lift")}},
		{name: "列表页", path: "cases/index.html",
			want: []Dep{list(ListPage("cases", 1)), {DepTemplate, "list"}, card("cases/lift"), card("cases/visits")}, notWant: []Dep{{DepPage, "cases/lift"}, list("cases")}},
		{name: "首页用了样式表", layout: map[string]string{"home": `{{define "main"}}<link href="{{.Asset "css/site.css"}}">{{end}}`},
			path: "index.html",
			want: []Dep{{DepTemplate, "home"}, {DepAsset, "assets/css/site.css"}}, notWant: []Dep{list("cases")}},
		{name: "订阅源", path: "index.xml", want: []Dep{list("cases"), card("cases/lift"), card("cases/visits")}},
		{name: "站点地图", path: "sitemap.xml", want: []Dep{{DepAnyCard, ""}, list(ListPages)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, _ := partsRenderer(t, false, tt.layout)
			var job *Job
			jobs := r.Jobs()
			for i := range jobs {
				if jobs[i].Path == tt.path {
					job = &jobs[i]
				}
			}
			if job == nil {
				t.Fatalf("no job makes %s", tt.path)
			}
			if _, err := job.Render(); err != nil {
				t.Fatal(err)
			}
			got := job.Deps()
			for _, d := range tt.want {
				if !slices.Contains(got, d) {
					t.Errorf("%s did not record %v; recorded %v", tt.path, d, got)
				}
			}
			for _, d := range tt.notWant {
				if slices.Contains(got, d) {
					t.Errorf("%s recorded %v, which its template does not read; recorded %v", tt.path, d, got)
				}
			}
			// A second run starts a new list, and records the same.
			if _, err := job.Render(); err != nil {
				t.Fatal(err)
			}
			if again := job.Deps(); !slices.Equal(again, got) {
				t.Errorf("a second run recorded %v, the first %v", again, got)
			}
		})
	}
}
