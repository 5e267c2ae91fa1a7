package urls

import "testing"

func TestLink(t *testing.T) {
	tests := []struct {
		name     string
		l        Linker
		from, to string
		want     string
	}{
		{"root base", Linker{Base: "/"}, "/cases/a/", "/cases/b/", "/cases/b/"},
		{"sub-path", Linker{Base: "/jianghan/"}, "/cases/a/", "/topics/居民自治/", "/jianghan/topics/居民自治/"},
		{"portable sibling", Linker{Portable: true}, "/cases/a/", "/cases/b/", "../b/index.html"},
		{"portable to home", Linker{Portable: true}, "/cases/a/", "/", "../../index.html"},
		{"portable from home", Linker{Portable: true}, "/", "/cases/", "cases/index.html"},
		{"portable asset", Linker{Portable: true}, "/cases/a/", "/assets/site.css", "../../assets/site.css"},
		{"portable fragment", Linker{Portable: true}, "/handbook/print/", "/handbook/roles/#问题", "../roles/index.html#问题"},
		{"portable from file", Linker{Portable: true}, "/404.html", "/cases/", "cases/index.html"},
		{"portable self", Linker{Portable: true}, "/cases/", "/cases/", "index.html"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.l.Link(tt.from, tt.to); got != tt.want {
				t.Errorf("Link(%q, %q) = %q, want %q", tt.from, tt.to, got, tt.want)
			}
		})
	}
}
