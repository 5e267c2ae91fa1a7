package analysis

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/jianghan-district/jianghan/search/internal/testcorpus"
)

// termsAt renders tokens as "term@pos" for compact comparison.
func termsAt(toks []Token) string {
	parts := make([]string, len(toks))
	for i, t := range toks {
		parts[i] = fmt.Sprintf("%s@%d", t.Term, t.Pos)
	}
	return strings.Join(parts, " ")
}

func TestAnalyze(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"CJK run gives unigrams and bigrams", "加装电梯", "加@1 加装@1 装@2 装电@2 电@3 电梯@3 梯@4"},
		{"single character", "梯", "梯@1"},
		{"punctuation splits runs but takes no position", "社区，议事。", "社@1 社区@1 区@2 议@3 议事@3 事@4"},
		{"Latin words lower-cased", "Hello World", "hello@1 world@2"},
		{"full-width letters and digits fold", "ＡＢＣ１２３", "abc123@1"},
		{"full-width punctuation is a separator", "电梯（试点）！", "电@1 电梯@1 梯@2 试@3 试点@3 点@4"},
		{"mixed digits and CJK", "3社联动", "3@1 社@2 社联@2 联@3 联动@3 动@4"},
		{"space between scripts", "3 社联动", "3@1 社@2 社联@2 联@3 联动@3 动@4"},
		{"accented Latin lower-cased", "CAFÉ Ärger", "café@1 ärger@2"},
		{"Greek and Cyrillic are words", "ΣΩ Москва", "σω@1 москва@2"},
		{"ideographic space and control characters separate", "社区\u3000工作\x00\x1b站", "社@1 社区@1 区@2 工@3 工作@3 作@4 站@5"},
		{"emoji and symbols separate", "电梯😀★加装", "电@1 电梯@1 梯@2 加@3 加装@3 装@4"},
		{"kana and hangul are CJK runs", "カナ한국", "カ@1 カナ@1 ナ@2 ナ한@2 한@3 한국@3 국@4"},
		{"invalid UTF-8 separates", "电\xff梯", "电@1 梯@2"},
		{"empty", "", ""},
		{"only punctuation", "，。！？.*[(", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := termsAt(Analyze(tt.text)); got != tt.want {
				t.Errorf("Analyze(%q)\n got %s\nwant %s", tt.text, got, tt.want)
			}
		})
	}
}

func TestAnalyzeOffsets(t *testing.T) {
	text := "一段ＡＢＣ简单"
	for _, tok := range Analyze(text) {
		src := text[tok.Start:tok.End]
		if got := termsAt(Analyze(src)); !strings.Contains(got, tok.Term+"@1") {
			t.Errorf("token %q has offsets [%d:%d] = %q", tok.Term, tok.Start, tok.End, src)
		}
	}
}

func TestAnalyzeLongWord(t *testing.T) {
	long := strings.Repeat("a", 10000)
	toks := Analyze(long + " 电梯")
	if len(toks) != 4 || len([]rune(toks[0].Term)) != MaxWordRunes || toks[0].End != len(long) {
		t.Fatalf("long word: %v", termsAt(toks))
	}
	if toks[1].Pos != 2 {
		t.Errorf("position after a long word: %d", toks[1].Pos)
	}
	up := strings.Repeat("Ａ", 40)
	if got := Analyze(up)[0].Term; got != strings.Repeat("a", MaxWordRunes) {
		t.Errorf("folded long word: %q", got)
	}
}

func TestFoldIsOneToOne(t *testing.T) {
	// Folding keeps a word character a word character, never changes a
	// CJK character, and is idempotent: what search.js relies on.
	for r := rune(0); r < 0x30000; r++ {
		f := Fold(r)
		if classOf(r) == classCJK && f != r {
			t.Fatalf("fold(%U) = %U changes a CJK character", r, f)
		}
		if Fold(f) != f && classOf(f) != classSep {
			t.Fatalf("fold(%U) = %U is not idempotent", r, f)
		}
	}
}

// BenchmarkAnalyze measures the tokenizer over generated Chinese documents.
func BenchmarkAnalyze(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		docs := testcorpus.Docs(n)
		var texts [][]byte
		size := 0
		for i := range docs {
			d := &docs[i]
			for _, s := range []string{d.Title, d.Summary} {
				texts = append(texts, []byte(s))
				size += len(s)
			}
			for _, sec := range d.Sections {
				texts = append(texts, []byte(sec.Text))
				size += len(sec.Text)
			}
		}
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			var sc Scanner
			b.SetBytes(int64(size))
			b.ReportAllocs()
			tokens := 0
			for i := 0; i < b.N; i++ {
				tokens = 0
				for _, t := range texts {
					tokens += len(sc.Scan(t))
				}
			}
			b.ReportMetric(float64(tokens), "tokens/op")
			b.ReportMetric(float64(tokens)*float64(b.N)/b.Elapsed().Seconds()/1e6, "Mtokens/s")
		})
	}
}

// FuzzAnalyze: any input, valid UTF-8 or not, gives tokens whose offsets
// lie inside it, in order, with positions that never go back, CJK terms
// equal to the text they cover, words no longer than MaxWordRunes, and
// Count agreeing with Analyze.
func FuzzAnalyze(f *testing.F) {
	for _, s := range []string{"加装电梯", "ＡＢＣ１２３，3社联动 Hello-World", "电\xff梯", "カナ한국😀★", strings.Repeat("Ａ", 40)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		toks := Analyze(text)
		if Count(text) != len(toks) {
			t.Fatalf("Count %d, Analyze %d tokens", Count(text), len(toks))
		}
		prevPos, prevStart := 0, 0
		for _, tok := range toks {
			if tok.Start < prevStart || tok.Start >= tok.End || tok.End > len(text) || tok.Pos < prevPos || tok.Pos < 1 {
				t.Fatalf("token %+v after pos %d start %d in %q", tok, prevPos, prevStart, text)
			}
			if tok.Kind != Word && tok.Term != text[tok.Start:tok.End] {
				t.Fatalf("CJK token %q covers %q", tok.Term, text[tok.Start:tok.End])
			}
			if tok.Kind == Word && (utf8.RuneCountInString(tok.Term) > MaxWordRunes || tok.Term == "") {
				t.Fatalf("word %q", tok.Term)
			}
			if tok.Kind == Bigram && utf8.RuneCountInString(tok.Term) != 2 || tok.Kind == Unigram && utf8.RuneCountInString(tok.Term) != 1 {
				t.Fatalf("%v token %q", tok.Kind, tok.Term)
			}
			prevPos, prevStart = tok.Pos, tok.Start
		}
	})
}

func TestDecode3(t *testing.T) {
	for b0 := 0xE0; b0 <= 0xEF; b0++ {
		for b1 := 0; b1 < 256; b1++ {
			for b2 := 0; b2 < 256; b2++ {
				p := []byte{byte(b0), byte(b1), byte(b2)}
				r, n := utf8.DecodeRune(p)
				valid := n == 3
				if IsPlain3(p[0], p[1], p[2]) {
					if !valid || Decode3(p[0], p[1], p[2]) != r {
						t.Fatalf("% x: %U/%d, Decode3 %U", p, r, n, Decode3(p[0], p[1], p[2]))
					}
				} else if valid && b0 != 0xE0 && b0 != 0xED {
					t.Fatalf("% x is valid but not plain", p)
				}
			}
		}
	}
}
