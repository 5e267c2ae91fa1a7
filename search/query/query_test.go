package query

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/jianghan-district/jianghan/search"
)

// render shows a parsed query as "parts ‖ raw": parts as their phrases
// ("a+b+_+c", gaps as _), alternatives after "/", strict parts quoted,
// parts separated by " | "; raw clauses likewise.
func render(q *Query) string {
	ph := func(p Phrase) string {
		ts := make([]string, len(p))
		for i, t := range p {
			if t == "" {
				t = "_"
			}
			ts[i] = t
		}
		return strings.Join(ts, "+")
	}
	var parts, raw []string
	for _, p := range q.Parts {
		var alts []string
		for _, a := range p.Alts {
			alts = append(alts, ph(a.Phrase))
		}
		s := strings.Join(alts, "/")
		if p.Strict {
			s = `"` + s + `"`
		}
		parts = append(parts, s)
	}
	for _, r := range q.Raw {
		raw = append(raw, ph(r))
	}
	return strings.Join(parts, " | ") + " ‖ " + strings.Join(raw, " | ")
}

var testLexicon = NewLexicon([][]string{
	{"加装电梯", "加梯", "装电梯"},
	{"老年食堂", "社区食堂", "老人吃饭", "助餐"},
	{"业主委员会", "业委会"},
	{"ABC", "甲乙丙"},
	{"只有一个词"},
	{"重复", "重复"},
	{"！！", "？"},
})

func TestParse(t *testing.T) {
	tests := []struct {
		name, q, want string
	}{
		{"two characters are one bigram", "电梯", "电梯 ‖ 电梯"},
		{"one character is its unigram", "梯", "梯 ‖ 梯"},
		{"longer runs are phrases of bigrams", "楼道堆物", "楼道+道堆+堆物 ‖ 楼道+道堆+堆物"},
		{"spaces separate parts", "电梯 议事", "电梯 | 议事 ‖ 电梯 | 议事"},
		{"punctuation separates parts", "电梯，议事", "电梯 | 议事 ‖ 电梯 | 议事"},
		{"full-width space separates", "电梯\u3000议事", "电梯 | 议事 ‖ 电梯 | 议事"},
		{"mixed digits and CJK stay one phrase", "3社联动", "3+社联+联动 ‖ 3+社联+联动"},
		{"a gap after a CJK run", "联动3", "联动+_+3 ‖ 联动+_+3"},
		{"full width folds", "ＡＢＣ１２３", "abc123 ‖ abc123"},
		{"quotes make a strict phrase across spaces", `"社区 工作"`, `"社区+_+工作" ‖ 社区+_+工作`},
		{"Chinese quotes", "“社区 工作”", `"社区+_+工作" ‖ 社区+_+工作`},
		{"corner brackets and a loose part", "「社区 工作」 楼道", `"社区+_+工作" | 楼道 ‖ 社区+_+工作 | 楼道`},
		{"unbalanced quote runs to the end", `楼道 "社区 工作`, `楼道 | "社区+_+工作" ‖ 楼道 | 社区+_+工作`},
		{"empty quotes are ignored", `"" 楼道`, "楼道 ‖ 楼道"},
		{"repeats are dropped", "楼道 楼道 ＥＬＥ ele", "楼道 | ele ‖ 楼道 | ele"},
		{"control characters separate", "楼道\x00\x07议事", "楼道 | 议事 ‖ 楼道 | 议事"},
		{"regex syntax is punctuation", "楼道.*[(", "楼道 ‖ 楼道"},
		{"question words are dropped", "老旧小区停车怎么协调",
			"老旧+旧小+小区+区停+停车 | 协调 ‖ 老旧+旧小+小区+区停+停车+车怎+怎么+么协+协调"},
		{"a question frame is filler whole", "老旧小区停车怎么解决",
			"老旧+旧小+小区+区停+停车 ‖ 老旧+旧小+小区+区停+停车+车怎+怎么+么解+解决"},
		{"glue next to filler is filler", "如何让居民参与", "居民+民参+参与 ‖ 如何+何让+让居+居民+民参+参与"},
		{"怎么办 at the end", "楼道堆物怎么办", "楼道+道堆+堆物 ‖ 楼道+道堆+堆物+物怎+怎么+么办"},
		{"如何 at the start", "如何成立业委会", "成立 | 业委+委会/业主+主委+委员+员会 ‖ 如何+何成+成立+立业+业委+委会"},
		{"particles split", "老人的吃饭问题", "老人 | 吃饭+饭问+问题 ‖ 老人+人的+的吃+吃饭+饭问+问题"},
		{"a lone character next to filler is filler", "楼道要怎么清理", "楼道 | 清理 ‖ 楼道+道要+要怎+怎么+么清+清理"},
		{"keep words are not split", "了解居民需求", "了解+解居+居民+民需+需求 ‖ 了解+解居+居民+民需+需求"},
		{"only filler is searched as typed", "怎么办", "怎么+么办 ‖ 怎么+么办"},
		{"a synonym is its own part", "老旧小区加梯", "老旧+旧小+小区 | 加梯/加装+装电+电梯/装电+电梯 ‖ 老旧+旧小+小区+区加+加梯"},
		{"synonyms in a sentence", "老人吃饭怎么办", "老人+人吃+吃饭/老年+年食+食堂/社区+区食+食堂/助餐 ‖ 老人+人吃+吃饭+饭怎+怎么+么办"},
		{"the longest word wins", "业主委员会", "业主+主委+委员+员会/业委+委会 ‖ 业主+主委+委员+员会"},
		{"Latin synonyms fold", "ａｂｃ", "abc/甲乙+乙丙 ‖ abc"},
		{"groups of one word and repeats are ignored", "只有一个词 重复", "只有+有一+一个+个词 | 重复 ‖ 只有+有一+一个+个词 | 重复"},
		{"long runs are cut", "社区工作者以问题为导向组织居民议事",
			"社区+区工+工作+作者+者以+以问+问题+题为+为导+导向+向组+组织 | 织居+居民+民议+议事 ‖ " +
				"社区+区工+工作+作者+者以+以问+问题+题为+为导+导向+向组+组织 | 织居+居民+民议+议事"},
		{"at most MaxParts", "一 二 三 四 五 六 七 八 九 十 甲 乙 丙 丁",
			"一 | 二 | 三 | 四 | 五 | 六 | 七 | 八 | 九 | 十 | 甲 | 乙 ‖ 一 | 二 | 三 | 四 | 五 | 六 | 七 | 八"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, err := Parse(tt.q, testLexicon)
			if err != nil {
				t.Fatal(err)
			}
			if got := render(q); got != tt.want {
				t.Errorf("Parse(%q)\n got %s\nwant %s", tt.q, got, tt.want)
			}
		})
	}
}

func TestParsePositions(t *testing.T) {
	q, err := Parse("楼道 怎么 加装电梯 协调", testLexicon)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range q.Parts {
		got = append(got, fmt.Sprintf("%s@%d", p.Text, p.Pos))
	}
	// filler and spaces take no room: each part starts where the one before ends
	if s := strings.Join(got, " "); s != "楼道@0 加装电梯@2 协调@6" {
		t.Errorf("positions: %s", s)
	}
	if a := q.Parts[1].Alts; a[0].Synonym || !a[1].Synonym || a[1].Text != "加梯" {
		t.Errorf("alternatives: %+v", a)
	}
}

func TestParseEmpty(t *testing.T) {
	for _, q := range []string{"", "   ", "，。！", ".*[(", `"`, `""`, "\x00\x01", "\xff\xfe", "😀★"} {
		if _, err := Parse(q, nil); err != search.ErrEmptyQuery {
			t.Errorf("Parse(%q) = %v, want ErrEmptyQuery", q, err)
		}
	}
}

func TestParseTruncates(t *testing.T) {
	q, err := Parse(strings.Repeat("楼道", 5000), nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(q.Parts) > MaxParts || len(q.Raw) > MaxRaw {
		t.Fatalf("%d parts, %d raw", len(q.Parts), len(q.Raw))
	}
	total := 0
	for _, p := range q.Raw {
		if len(p.Terms()) > MaxPhraseTerms {
			t.Errorf("phrase of %d terms", len(p.Terms()))
		}
		total += len(p)
	}
	if total >= MaxQueryRunes {
		t.Errorf("%d terms from a truncated query", total)
	}
}

func TestLexiconData(t *testing.T) {
	d := testLexicon.Data()
	if len(d.Syn) != 4 || len(d.Fill) != len(Fillers) {
		t.Errorf("data: %d groups, %d fillers", len(d.Syn), len(d.Fill))
	}
	if strings.Join(d.Syn[0], ",") != "加装电梯,加梯,装电梯" {
		t.Errorf("group 0: %v", d.Syn[0])
	}
}

// FuzzParse: no input makes Parse panic or return more than its limits;
// every phrase is well formed (no gap at either end, no more than
// MaxPhraseTerms terms); every part has its typed form first.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"老旧小区加装电梯怎么协调", `"社区 工作" 电梯`, "「居民 议事」", "怎么办", "ａｂｃ老人吃饭", "\xff\xfe", `a"b"c"`, strings.Repeat("社区工作者", 60)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q, err := Parse(s, testLexicon)
		if err != nil {
			if err != search.ErrEmptyQuery {
				t.Fatalf("Parse(%q): %v", s, err)
			}
			return
		}
		if len(q.Parts) == 0 || len(q.Parts) > MaxParts || len(q.Raw) == 0 || len(q.Raw) > MaxRaw {
			t.Fatalf("Parse(%q): %d parts, %d raw", s, len(q.Parts), len(q.Raw))
		}
		check := func(p Phrase) {
			if len(p) == 0 || p[0] == "" || p[len(p)-1] == "" || len(p.Terms()) > MaxPhraseTerms {
				t.Fatalf("Parse(%q): bad phrase %q", s, p)
			}
			for _, term := range p {
				if !utf8.ValidString(term) {
					t.Fatalf("Parse(%q): term %q", s, term)
				}
			}
		}
		prev := -1
		for _, part := range q.Parts {
			if len(part.Alts) == 0 || len(part.Alts) > MaxAlts || part.Alts[0].Synonym || part.Pos <= prev {
				t.Fatalf("Parse(%q): part %+v after %d", s, part, prev)
			}
			prev = part.Pos
			for _, a := range part.Alts {
				check(a.Phrase)
			}
		}
		for _, r := range q.Raw {
			check(r)
		}
	})
}
