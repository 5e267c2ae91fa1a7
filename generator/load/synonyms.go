package load

import (
	"strings"
	"unicode/utf8"

	"github.com/jianghan-district/jianghan/internal/msg"
	"github.com/jianghan-district/jianghan/search/analysis"
	"github.com/jianghan-district/jianghan/search/query"
)

// synonyms reads site.yaml's synonyms: a list of groups, each a list of
// words that mean the same in this field (`- [加装电梯, 加梯, 装电梯]`). A
// group that repeats a word (as search reads it: ＡＢＣ is abc), has only
// one word, or a word with nothing searchable or too long to be a query
// part is reported at the word; search leaves such words out.
func (d *decoder) synonyms() [][]string {
	f := d.get("synonyms")
	if f == nil || !f.Value.IsScalar && !f.Value.IsList && !f.Value.IsMap {
		return nil // absent, or `synonyms:` with nothing after it
	}
	if !f.Value.IsList {
		d.diags.Error(d.file, f.Value.Line, f.Value.Col, msg.SynonymsNotList)
		return nil
	}
	var groups [][]string
	for _, g := range f.Value.List {
		if !g.IsList || len(g.List) == 0 {
			d.diags.Error(d.file, g.Line, g.Col, msg.SynonymGroupNotList)
			continue
		}
		var words []string
		seen := map[string]bool{}
		for _, it := range g.List {
			if !it.IsScalar {
				d.diags.Error(d.file, it.Line, it.Col, msg.SynonymGroupNotList)
				continue
			}
			w := strings.TrimSpace(it.Scalar)
			key := searchForm(w)
			switch {
			case key == "":
				d.diags.Error(d.file, it.Line, it.Col, msg.SynonymNotSearchable, w)
				continue
			case utf8.RuneCountInString(w) > query.MaxPhraseTerms+1:
				d.diags.Error(d.file, it.Line, it.Col, msg.SynonymTooLong, w, query.MaxPhraseTerms+1)
				continue
			case seen[key]:
				d.diags.Error(d.file, it.Line, it.Col, msg.SynonymRepeated, w)
				continue
			}
			seen[key] = true
			words = append(words, w)
		}
		if len(words) == 1 && len(g.List) == 1 {
			d.diags.Error(d.file, g.Line, g.Col, msg.SynonymGroupOneWord, words[0])
		}
		if len(words) >= 2 {
			groups = append(groups, words)
		}
	}
	return groups
}

// searchForm is a word as search matches it: its terms, folded, in order.
func searchForm(w string) string {
	var b strings.Builder
	for _, t := range analysis.Analyze(w) {
		if t.Kind != analysis.Bigram {
			b.WriteString(t.Term)
			b.WriteByte(0)
		}
	}
	return b.String()
}
