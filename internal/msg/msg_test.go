package msg

import (
	"regexp"
	"testing"
)

// verbs lists a format's verbs in order, so a translation cannot drop or
// reorder an argument by accident.
var verb = regexp.MustCompile(`%[-+# 0]*[0-9]*(?:\.[0-9]+)?[a-zA-Z%]`)

func verbs(s string) []string { return verb.FindAllString(s, -1) }

func TestEveryKeyHasBothLanguages(t *testing.T) {
	for lang, cat := range catalogues {
		for other, oc := range catalogues {
			for k := range cat {
				if _, ok := oc[k]; !ok {
					t.Errorf("%s: %q has a %s text but no %s text", k.id, cat[k], lang, other)
				}
			}
		}
	}
	for k, text := range zh {
		if text == "" || en[k] == "" {
			t.Errorf("%s: empty text", k.id)
		}
		z, e := verbs(text), verbs(en[k])
		if len(z) != len(e) {
			t.Errorf("%s: zh has verbs %v, en %v", k.id, z, e)
			continue
		}
		for i := range z {
			// %q and %s may differ between languages (「%s」 against %q); the
			// kind of argument may not.
			if kind(z[i]) != kind(e[i]) {
				t.Errorf("%s: verb %d is %s in zh, %s in en", k.id, i, z[i], e[i])
			}
		}
	}
}

func kind(v string) byte {
	switch c := v[len(v)-1]; c {
	case 'q', 's', 'v':
		return 's'
	default:
		return c
	}
}

func TestKeyIDsAreUnique(t *testing.T) {
	seen := map[string]bool{}
	for k := range zh {
		if seen[k.id] {
			t.Errorf("two keys named %q", k.id)
		}
		seen[k.id] = true
	}
}

func TestLanguages(t *testing.T) {
	tests := []struct {
		in   string
		want Lang
		ok   bool
	}{
		{"", Zh, true}, {"zh-CN", Zh, true}, {"中文", Zh, true}, {"en", En, true},
		{"EN_us", En, true}, {"fr", Zh, false},
	}
	for _, tt := range tests {
		got, ok := Parse(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Parse(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
	if got := Zh.T(CountErrors, 3); got != "3 个错误" {
		t.Errorf("Zh.T = %q", got)
	}
	if got := En.T(CountErrors, 3); got != "3 error(s)" {
		t.Errorf("En.T = %q", got)
	}
	if k, ok := Lookup("count.errors"); !ok || k != CountErrors {
		t.Errorf("Lookup(count.errors) = %v, %v", k, ok)
	}
	if _, ok := Lookup("no.such"); ok {
		t.Error("Lookup found a name the catalogue lacks")
	}
}
