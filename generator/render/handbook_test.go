package render

import (
	"html/template"
	"testing"
)

func TestChapterHTML(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"section heading one level down", `<h2 id="问题">问题</h2>`, `<h3 id="roles/问题">问题</h3>`},
		{"every level, h6 stays h6", `<h4 id="a">a</h4><h5 id="b">b</h5><h6 id="c">c</h6>`,
			`<h5 id="roles/a">a</h5><h6 id="roles/b">b</h6><h6 id="roles/c">c</h6>`},
		{"heading without an id", `<h2>小结</h2>`, `<h3>小结</h3>`},
		{"footnote ids and links", `<sup id="fnref:1"><a href="#fn:1">1</a></sup><li id="fn:1"><a href="#fnref:1">↩</a></li>`,
			`<sup id="roles/fnref:1"><a href="#roles/fn:1">1</a></sup><li id="roles/fn:1"><a href="#roles/fnref:1">↩</a></li>`},
		{"links to other pages unchanged", `<a href="/handbook/consultation/#程序">程序</a>`, `<a href="/handbook/consultation/#程序">程序</a>`},
		{"text that looks like markup", `<p>写 h2 或 id=&#34;x&#34; 都可以</p>`, `<p>写 h2 或 id=&#34;x&#34; 都可以</p>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := chapterHTML("roles", template.HTML(tt.in)); string(got) != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
	t.Run("a slug is escaped", func(t *testing.T) {
		got := chapterHTML(`x"onmouseover="alert(1)`, `<h2 id="a">a</h2>`)
		if want := `<h3 id="x&#34;onmouseover=&#34;alert(1)/a">a</h3>`; string(got) != want {
			t.Errorf("got  %s\nwant %s", got, want)
		}
	})
}
