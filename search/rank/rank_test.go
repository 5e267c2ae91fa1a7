package rank

import (
	"math"
	"math/rand"
	"strings"
	"testing"

	"github.com/jianghan-district/jianghan/search/analysis"
	"github.com/jianghan-district/jianghan/search/query"
)

func TestLnMatchesMathLog(t *testing.T) {
	for _, x := range []float64{1, 1.5, 2, math.E, 10, 1234.5678, 1e-5, 0.3, 11812.5, 7e8} {
		if d := math.Abs(ln(x) - math.Log(x)); d > 1e-15*math.Max(1, math.Abs(math.Log(x))) {
			t.Errorf("ln(%v) = %v, math.Log %v", x, ln(x), math.Log(x))
		}
	}
}

// collection is a tiny collection: the plan's document frequencies and
// statistics come from the texts themselves.
type collection [][NumFields]string

func (c collection) stats() Stats {
	st := Stats{Docs: len(c)}
	for _, d := range c {
		for f, s := range d {
			st.Total[f] += uint64(analysis.Count(s))
		}
	}
	return st
}

func (c collection) df(term string) int {
	n := 0
	for _, d := range c {
		for _, s := range d {
			if has(s, term) {
				n++
				break
			}
		}
	}
	return n
}

func has(s, term string) bool {
	for _, t := range analysis.Analyze(s) {
		if t.Term == term {
			return true
		}
	}
	return false
}

func text(title, body string) [NumFields]string {
	return [NumFields]string{Title: title, Text: body}
}

func TestTiers(t *testing.T) {
	c := collection{
		text("甲", "老楼加梯，全体签字。"),          // the query as typed
		text("乙", "老楼加装电梯，全体签字。"),        // every part, one by a synonym
		text("丙", "老楼的电梯，全体同意加装。"),       // part of it
		text("丁", "加装电梯的老楼，有人签字，也有人反对。"), // every part, one by a synonym, apart
	}
	lex := query.NewLexicon([][]string{{"加装电梯", "加梯"}})
	q, err := query.Parse("老楼加梯", lex)
	if err != nil {
		t.Fatal(err)
	}
	p := NewPlan(q, c.df, c.stats(), Default)
	want := []int{2, 1, 0, 1}
	var keys []Key
	for i, d := range c {
		doc := p.NewDoc(true)
		p.FillFromText(doc, d)
		k, ok := p.Score(doc)
		if !ok || k.Tier != want[i] {
			t.Errorf("document %d: %+v %v, want tier %d", i, k, ok, want[i])
		}
		keys = append(keys, k)
	}
	// within a tier, a page where the parts stand as typed ranks higher
	if !keys[1].Less(keys[3]) {
		t.Errorf("adjacent parts %+v should beat parts apart %+v", keys[1], keys[3])
	}
	if s := keys[0].Score(); s < 2 || s >= 3 {
		t.Errorf("score %v is not in its tier", s)
	}
}

// A document's key without positions is an upper bound of its key with
// them: the browser prunes by it.
func TestScoreWithoutPositionsBounds(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	words := []string{"加装", "电梯", "老楼", "签字", "议事", "协商", "的", "，", "怎么", "助餐", "老人", "吃饭"}
	sentence := func(n int) string {
		var b strings.Builder
		for i := 0; i < n; i++ {
			b.WriteString(words[rng.Intn(len(words))])
		}
		return b.String()
	}
	var c collection
	for i := 0; i < 40; i++ {
		c = append(c, [NumFields]string{sentence(3), sentence(5), sentence(2), sentence(30), sentence(2)})
	}
	lex := query.NewLexicon([][]string{{"助餐", "老人吃饭"}})
	for i := 0; i < 200; i++ {
		qs := sentence(1 + rng.Intn(5))
		if rng.Intn(3) == 0 {
			qs = `"` + sentence(2) + `" ` + qs
		}
		q, err := query.Parse(qs, lex)
		if err != nil {
			continue
		}
		p := NewPlan(q, c.df, c.stats(), Default)
		for _, d := range c {
			full := p.NewDoc(true)
			p.FillFromText(full, d)
			exact, ok := p.Score(full)
			bare := p.NewDoc(false)
			copy(bare.TF, full.TF)
			bare.Len = full.Len
			upper, upOK := p.Score(bare)
			if ok && (!upOK || exact.Tier > upper.Tier || exact.Tier == upper.Tier && exact.Rel > upper.Rel) {
				t.Fatalf("%q: exact %+v above the bound %+v", qs, exact, upper)
			}
			if p.Simple() && (exact != upper || ok != upOK) {
				t.Fatalf("%q: simple plan, exact %+v, without positions %+v", qs, exact, upper)
			}
		}
	}
}

func TestSuggest(t *testing.T) {
	lex := query.NewLexicon(nil)
	df := map[string]int{"电梯": 3, "梯": 5, "花": 2}
	topics := []string{"老旧小区改造与加装电梯", "养老服务"}
	streets := []string{"花楼街道", "水塔街道"}
	tests := []struct{ q, parts, topics, streets string }{
		{"电梯 火箭", "电梯", "老旧小区改造与加装电梯", ""},
		{"梯子怎么办", "梯", "老旧小区改造与加装电梯", ""},
		{"花样", "花", "", "花楼街道"},
		{"火箭", "", "", ""},
	}
	for _, tt := range tests {
		q, _ := query.Parse(tt.q, lex)
		s := Suggest(q, func(t string) int { return df[t] }, topics, streets)
		if strings.Join(s.Parts, " ") != tt.parts || strings.Join(s.Topics, " ") != tt.topics || strings.Join(s.Streets, " ") != tt.streets {
			t.Errorf("%s: %+v", tt.q, s)
		}
	}
}
