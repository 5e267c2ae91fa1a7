package query

import (
	"strings"

	"github.com/jianghan-district/jianghan/search/analysis"
)

// Fillers are the question and filler words of a query: how a person asks
// (怎么、如何、有没有、怎么处理 …), not what they ask about. They never decide
// what is found. Particles of one character (的、了、吗 …) are among them;
// Keep holds the words that start or end with one and mean something
// (了解、目的).
var Fillers = []string{
	"怎么处理", "如何处理", "怎样处理", "怎么解决", "如何解决", "怎样解决", "怎么应对", "如何应对", "怎么回事",
	"怎么办", "怎么样", "怎么做", "怎么弄", "怎么搞", "怎么", "怎样", "咋办", "咋样", "咋",
	"如何", "为什么", "为啥", "为何", "什么样", "什么", "啥", "哪些", "哪个", "哪里", "哪儿", "哪",
	"谁", "多少", "是否", "能否", "能不能", "可不可以", "是不是", "有没有", "有什么", "有哪些",
	"请问", "一下", "一些", "应该", "可以", "才能", "想知道", "想了解", "想", "我们", "我", "你们", "你",
	"那么", "这么", "多么", "的", "了", "吗", "呢", "吧", "啊", "呀", "嘛", "么", "哦",
}

// Keep are words that hold a filler character but are no filler.
var Keep = []string{"了解", "为了", "除了", "目的", "的确", "多少钱"}

// Glue are the characters that tie a question together (要、该、让 …): at
// the edge of a stretch of text next to a filler they are filler too, as
// in 楼道要怎么清理 and 如何让居民参与.
var Glue = "要该能会还去来在都也就才又再把被让给向从得"

// word kinds in the lexicon
const (
	kindFree uint8 = iota
	kindFiller
	kindKeep
	kindSynonym
)

// Lexicon is what query parsing knows of words: the fillers, the words to
// keep whole, and the site's synonyms. A site's synonyms win over the
// built-in lists.
type Lexicon struct {
	words    map[string]entry // by the units of the word (run.key)
	maxUnits int
	groups   [][]groupWord
	data     Data
}

type entry struct {
	kind  uint8
	group int
}

// groupWord is one word of a synonym group.
type groupWord struct {
	text   string
	phrase Phrase
}

// Data is a lexicon as the static index carries it to search.js, which
// builds the same lexicon from it.
type Data struct {
	Fill []string   `json:"fill"`
	Keep []string   `json:"keep"`
	Glue string     `json:"glue"`
	Syn  [][]string `json:"syn"`
}

// defaultLexicon knows the built-in words and no synonyms.
var defaultLexicon = NewLexicon(nil)

// NewLexicon makes the lexicon of the built-in fillers and the given
// synonym groups. A word with nothing searchable in it is left out; so is a
// group left with fewer than two words (the site's check reports both).
func NewLexicon(synonyms [][]string) *Lexicon {
	l := &Lexicon{words: map[string]entry{}, data: Data{Fill: Fillers, Keep: Keep, Glue: Glue, Syn: [][]string{}}}
	for _, w := range Fillers {
		l.add(w, entry{kind: kindFiller})
	}
	for _, w := range Keep {
		l.add(w, entry{kind: kindKeep})
	}
	for _, g := range synonyms {
		var words []groupWord
		var texts []string
		seen := map[string]bool{}
		for _, w := range g {
			r := wordRun(w)
			if r == nil || r.n() == 0 {
				continue
			}
			ph := r.phrase(0, r.n())
			if k := ph.key(); len(ph) == 0 || len(ph.Terms()) > MaxPhraseTerms || seen[k] {
				continue
			} else {
				seen[k] = true
			}
			words = append(words, groupWord{text: w, phrase: ph})
			texts = append(texts, w)
		}
		if len(words) < 2 {
			continue
		}
		gi := len(l.groups)
		l.groups = append(l.groups, words)
		l.data.Syn = append(l.data.Syn, texts)
		for _, w := range texts {
			l.add(w, entry{kind: kindSynonym, group: gi})
		}
	}
	return l
}

// Data returns the lexicon as search.js needs it.
func (l *Lexicon) Data() Data { return l.data }

// wordRun is the run of a lexicon word, nil if it is not a single run
// (a word with a space or punctuation inside can only be an alternative).
func wordRun(w string) *run {
	var sc analysis.Scanner
	toks := sc.Scan([]byte(w))
	prevEnd := int32(-1)
	for _, t := range toks {
		if t.Kind == analysis.Bigram {
			continue
		}
		if prevEnd >= 0 && t.Start != prevEnd {
			// not one run: never met as such in a query, but its phrase
			// still serves as an alternative
			r := newRun(w, toks)
			r.separated = true
			return r
		}
		prevEnd = t.End
	}
	if len(toks) == 0 {
		return nil
	}
	return newRun(w, toks)
}

// add enters word w; a later entry replaces an earlier one, so synonyms
// (entered last) win.
func (l *Lexicon) add(w string, e entry) {
	r := wordRun(w)
	if r == nil || r.separated || r.n() == 0 {
		return
	}
	l.words[r.key(0, r.n())] = e
	l.maxUnits = max(l.maxUnits, r.n())
}

// seg is a stretch of a run the lexicon has read: units lo to hi-1.
type seg struct {
	kind   uint8
	lo, hi int
	group  int
}

// segment reads a run left to right, taking the longest lexicon word at
// each unit (forward maximum matching). Units no word covers, and keep
// words, join into free stretches. Next to a filler, a free stretch loses
// the Glue characters at that edge, and a free stretch of one CJK
// character is filler itself (怎么装).
func (l *Lexicon) segment(r *run) []seg {
	var out []seg
	n := r.n()
	for i := 0; i < n; {
		e, length := entry{kind: kindFree}, 1
		for k := min(l.maxUnits, n-i); k >= 1; k-- {
			if found, ok := l.words[r.key(i, i+k)]; ok {
				e, length = found, k
				break
			}
		}
		kind := e.kind
		if kind == kindKeep {
			kind = kindFree
		}
		if last := len(out) - 1; kind == kindFree && last >= 0 && out[last].kind == kindFree {
			out[last].hi = i + length
		} else {
			out = append(out, seg{kind: kind, lo: i, hi: i + length, group: e.group})
		}
		i += length
	}
	glue := func(i int) bool { return r.units[i].cjk && strings.Contains(Glue, r.units[i].term) }
	for k := range out {
		s := &out[k]
		if s.kind != kindFree {
			continue
		}
		if k > 0 && out[k-1].kind == kindFiller {
			for s.lo < s.hi && glue(s.lo) {
				s.lo++
			}
		}
		if k+1 < len(out) && out[k+1].kind == kindFiller {
			for s.hi > s.lo && glue(s.hi-1) {
				s.hi--
			}
		}
		lone := s.hi-s.lo == 1 && r.units[s.lo].cjk
		if s.lo == s.hi || lone && (k > 0 && out[k-1].kind == kindFiller || k+1 < len(out) && out[k+1].kind == kindFiller) {
			s.kind = kindFiller
		}
	}
	return out
}
