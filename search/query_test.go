package search

import (
	"strings"
	"testing"
)

// renderClauses shows clauses as "a+b+_+c | d" (gaps as _).
func renderClauses(cs []clause) string {
	parts := make([]string, len(cs))
	for i, c := range cs {
		ts := make([]string, len(c.terms))
		for j, t := range c.terms {
			if t == "" {
				t = "_"
			}
			ts[j] = t
		}
		parts[i] = strings.Join(ts, "+")
	}
	return strings.Join(parts, " | ")
}

func TestParseQuery(t *testing.T) {
	tests := []struct {
		name, q, want string
	}{
		{"two characters are one bigram", "电梯", "电梯"},
		{"one character is its unigram", "梯", "梯"},
		{"longer runs are phrases of bigrams", "加装电梯", "加装+装电+电梯"},
		{"spaces make AND", "电梯 议事", "电梯 | 议事"},
		{"punctuation makes AND", "电梯，议事", "电梯 | 议事"},
		{"full-width space makes AND", "电梯\u3000议事", "电梯 | 议事"},
		{"mixed digits and CJK stay one phrase", "3社联动", "3+社联+联动"},
		{"a gap after a CJK run", "联动3", "联动+_+3"},
		{"full width folds", "ＡＢＣ１２３", "abc123"},
		{"quotes make a phrase across spaces", `"社区 工作"`, "社区+_+工作"},
		{"Chinese quotes", "“社区 工作”", "社区+_+工作"},
		{"corner brackets", "「社区 工作」 电梯", "社区+_+工作 | 电梯"},
		{"unbalanced quote runs to the end", `电梯 "社区 工作`, "电梯 | 社区+_+工作"},
		{"empty quotes are ignored", `"" 电梯`, "电梯"},
		{"repeats are dropped", "电梯 电梯 ＥＬＥ ele", "电梯 | ele"},
		{"control characters separate", "电梯\x00\x07议事", "电梯 | 议事"},
		{"regex syntax is punctuation", "电梯.*[(", "电梯"},
		{"long phrases are cut", "社区工作者以问题为导向组织居民议事",
			"社区+区工+工作+作者+者以+以问+问题+题为+为导+导向+向组+组织 | 织居+居民+民议+议事"},
		{"at most MaxClauses", "一 二 三 四 五 六 七 八 九 十", "一 | 二 | 三 | 四 | 五 | 六 | 七 | 八"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cs, err := parseQuery(tt.q)
			if err != nil {
				t.Fatal(err)
			}
			if got := renderClauses(cs); got != tt.want {
				t.Errorf("parseQuery(%q)\n got %s\nwant %s", tt.q, got, tt.want)
			}
		})
	}
}

func TestParseQueryEmpty(t *testing.T) {
	for _, q := range []string{"", "   ", "，。！", ".*[(", `"`, `""`, "\x00\x01", "\xff\xfe", "😀★"} {
		if _, err := parseQuery(q); err != ErrEmptyQuery {
			t.Errorf("parseQuery(%q) = %v, want ErrEmptyQuery", q, err)
		}
	}
}

func TestParseQueryTruncates(t *testing.T) {
	cs, err := parseQuery(strings.Repeat("电梯", 5000))
	if err != nil {
		t.Fatal(err)
	}
	// MaxQueryRunes runes, cut into phrases of MaxPhraseTerms, at most MaxClauses
	if len(cs) > MaxClauses {
		t.Fatalf("%d clauses", len(cs))
	}
	total := 0
	for _, c := range cs {
		if len(c.nonEmpty()) > MaxPhraseTerms {
			t.Errorf("phrase of %d terms", len(c.nonEmpty()))
		}
		total += len(c.terms)
	}
	if total >= MaxQueryRunes {
		t.Errorf("%d terms from a truncated query", total)
	}
}
