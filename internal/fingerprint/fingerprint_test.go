package fingerprint

import "testing"

func TestName(t *testing.T) {
	got := Name("css/site.css", []byte("body{color:#333}"))
	if !Is("assets/" + got) {
		t.Fatalf("Name gave %q, which Is does not recognise", got)
	}
	if Strip("assets/"+got) != "assets/css/site.css" {
		t.Errorf("Strip(%q) = %q", "assets/"+got, Strip("assets/"+got))
	}
	if Name("css/site.css", []byte("body{color:#334}")) == got {
		t.Error("two different stylesheets got the same name")
	}
}

func TestIs(t *testing.T) {
	tests := []struct {
		path string
		want bool
	}{
		{"assets/css/site.3f2a9c1d.css", true},
		{"assets/js/search.0a1b2c3d.js", true},
		{"assets/logo.deadbeef.svg", true},
		{"assets/fonts/思源/黑体.0a1b2c3d.woff2", true},
		{"assets/css/site.css", false},             // no hash
		{"assets/css/site.3F2A9C1D.css", false},    // the generator writes lower case
		{"assets/css/site.3f2a9c1.css", false},     // seven digits
		{"assets/css/site.3f2a9c1d0.css", false},   // nine digits
		{"assets/css/site.3f2a9c1d", false},        // no extension
		{"cases/lift/chart.3f2a9c1d.svg", false},   // a bundle file, not under assets/
		{"cases/assets/chart.3f2a9c1d.svg", false}, // assets/ not at the root
		{"sw.js", false},                           // the worker keeps its name
		{"assets/css/site.3f2a9c1d.css/x", false},  // a folder of that name
		{"assets/../secret.3f2a9c1d.txt", true},    // a path is cleaned before it gets here
		{"index.html", false},
	}
	for _, tt := range tests {
		if got := Is(tt.path); got != tt.want {
			t.Errorf("Is(%q) = %v, want %v", tt.path, got, tt.want)
		}
	}
}

func TestStrip(t *testing.T) {
	tests := []struct{ in, want string }{
		{"/jianghan/assets/css/site.3f2a9c1d.css", "/jianghan/assets/css/site.css"},
		{"/assets/js/site.0a1b2c3d.js", "/assets/js/site.js"},
		{"/cases/lift/photo.720w.jpg", "/cases/lift/photo.720w.jpg"},
		{"/assets/css/site.css", "/assets/css/site.css"},
	}
	for _, tt := range tests {
		if got := Strip(tt.in); got != tt.want {
			t.Errorf("Strip(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
