package term

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestClean(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"七层老楼加装电梯\t成效\n", "七层老楼加装电梯\t成效\n"},
		{"\x1b]0;PWNED\a\x1b[2J", `\x1b]0;PWNED\x07\x1b[2J`},
		{"标题\r覆盖", `标题\x0d覆盖`},
		{"a\x00b\x7fc", `a\x00b\x7fc`},
		{"8-bit CSI \u009b2J", `8-bit CSI \u009b2J`},
		{"倒序\u202e文字\u2066", `倒序\u202e文字\u2066`},
		{"GBK \xa1\xb0保安", `GBK \xa1\xb0保安`},
		{"", ""},
	} {
		if got := Clean(tt.in); got != tt.want {
			t.Errorf("Clean(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if Safe(tt.in) != (tt.in == tt.want) {
			t.Errorf("Safe(%q) = %v", tt.in, Safe(tt.in))
		}
	}
}

// TestWriterSplitsCharacters writes a line byte by byte: a Chinese
// character cut between writes must arrive whole, an escape never.
func TestWriterSplitsCharacters(t *testing.T) {
	in := "电梯\x1b[2J加装\xb4\n楼栋议事"
	for _, step := range []int{1, 2, 3, 5, len(in)} {
		var out bytes.Buffer
		w := NewWriter(&out)
		for i := 0; i < len(in); i += step {
			n, err := w.Write([]byte(in[i:min(len(in), i+step)]))
			if err != nil || n != min(len(in), i+step)-i {
				t.Fatalf("Write = %d, %v", n, err)
			}
		}
		if err := w.Flush(); err != nil {
			t.Fatal(err)
		}
		want := `电梯\x1b[2J加装\xb4` + "\n楼栋议事"
		if out.String() != want {
			t.Errorf("step %d: %q, want %q", step, out.String(), want)
		}
	}
	var out bytes.Buffer
	w := NewWriter(&out)
	w.Write([]byte("尾\xe7\x94"))
	w.Flush()
	if got := out.String(); got != `尾\xe7\x94` {
		t.Errorf("a cut character at the end: %q", got)
	}
}

func FuzzClean(f *testing.F) {
	for _, s := range []string{"七层老楼", "\x1b]0;x\a", "\xa1\xb0", "\u009b\u202e"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c := Clean(s)
		if !utf8.ValidString(c) || !Safe(c) {
			t.Fatalf("Clean(%q) = %q is not safe", s, c)
		}
		if Safe(s) && c != s {
			t.Fatalf("Clean changed safe text %q to %q", s, c)
		}
		for _, r := range c {
			if r < 0x20 && r != '\t' && r != '\n' {
				t.Fatalf("Clean(%q) kept %U", s, r)
			}
		}
		if strings.Count(c, "\n") != strings.Count(s, "\n") {
			t.Fatalf("Clean(%q) changed the lines", s)
		}
	})
}
