// Package query reads what a person typed into a search box as the parts a
// ranking can weigh: the words that matter, each with the synonyms the site
// lists for it, apart from the question and filler words around them
// (怎么、如何、的、吗 …), and the query as typed, which pages holding it
// literally must come first. search.js parses queries the same way, from
// the lexicon the static index carries (Lexicon.Data).
package query

import (
	"strings"
	"unicode/utf8"

	"github.com/jianghan-district/jianghan/search"
	"github.com/jianghan-district/jianghan/search/analysis"
)

// Limits, so that no query can take unbounded time or memory.
const (
	// MaxQueryRunes is how much of a query is read; the rest is ignored.
	MaxQueryRunes = search.MaxQueryRunes
	// MaxParts is how many parts a query may have; further ones are ignored.
	MaxParts = 12
	// MaxRaw is how many literal clauses (Query.Raw) are kept.
	MaxRaw = 8
	// MaxPhraseTerms is how many terms one phrase may have; a longer run is
	// cut into consecutive phrases of at most this many terms.
	MaxPhraseTerms = 12
	// MaxAlts is how many alternatives (the typed word and its synonyms) a
	// part may have.
	MaxAlts = 8
)

// Phrase is a sequence of terms at consecutive positions. A term is a
// bigram, a unigram or a word as analysis makes them; "" marks a position
// that may hold anything (the last character of a CJK run, which the bigram
// before it covers). A phrase never starts or ends with "".
type Phrase []string

// Terms returns the phrase's terms, gaps left out, in order.
func (p Phrase) Terms() []string {
	out := make([]string, 0, len(p))
	for _, t := range p {
		if t != "" {
			out = append(out, t)
		}
	}
	return out
}

// key identifies a phrase, for dropping repeats.
func (p Phrase) key() string { return strings.Join(p, "\x00") }

// Alt is one way of writing a part: as typed, or as a synonym of it.
type Alt struct {
	Text    string // as typed, or as the site's synonyms list writes it
	Synonym bool
	Phrase  Phrase
}

// Part is one meaningful piece of a query: a word or run of words between
// separators and filler, or a word of the site's synonyms.
type Part struct {
	Text string // as typed
	// Strict parts come from quotes: a page must hold them exactly.
	Strict bool
	// Pos is where the part starts in the query with the filler and
	// separators between parts taken out, so that the distance between two
	// parts' terms is what it would be had they been typed side by side.
	Pos int
	// Run numbers the stretch of text without separators the part was
	// typed in: parts typed together, as in a sentence, are ranked by how
	// close they stand in a page; parts typed apart are not.
	Run  int
	Alts []Alt // Alts[0] is as typed
}

// Query is a parsed query.
type Query struct {
	// Parts are the meaningful parts, in the order typed.
	Parts []Part
	// Raw is the query as typed: each run of text between separators (or
	// each quoted text) a phrase, filler included. A page holding all of
	// them holds the query literally.
	Raw []Phrase
}

// isQuote tells whether r opens or closes a quoted phrase: ASCII and
// full-width double quotes, Chinese quotation marks and corner brackets.
func isQuote(r rune) bool {
	switch r {
	case '"', 0xFF02, '“', '”', '「', '」', '『', '』':
		return true
	}
	return false
}

// Parse reads a query with the words lex knows. Outside quotes, every
// maximal run of letters, digits and CJK characters is read word by word
// (the longest lexicon word first): filler is dropped, a synonym becomes a
// part of its own with the other words of its group, and the text between
// them a part. A single character left between filler words is filler too
// (要, 该 in 要怎么, 该如何). Text inside quotes is one strict part; an
// unclosed quote runs to the end. A query of nothing but filler is searched
// as typed. The query is cut to MaxQueryRunes runes, repeated parts are
// dropped, at most MaxParts kept. A query with nothing searchable in it is
// search.ErrEmptyQuery.
func Parse(q string, lex *Lexicon) (*Query, error) {
	if lex == nil {
		lex = defaultLexicon
	}
	if !utf8.ValidString(q) {
		q = strings.ToValidUTF8(q, " ")
	}
	q = search.CutQuery(q)
	p := parser{lex: lex, seenPart: map[string]bool{}, seenRaw: map[string]bool{}}
	inQuote := false
	start := 0
	for i, r := range q {
		if !isQuote(r) {
			continue
		}
		p.segment(q[start:i], inQuote)
		inQuote = !inQuote
		start = i + utf8.RuneLen(r)
	}
	p.segment(q[start:], inQuote)
	if len(p.q.Raw) == 0 {
		return nil, search.ErrEmptyQuery
	}
	if len(p.q.Parts) == 0 {
		// nothing but filler: search it as typed
		for i, raw := range p.q.Raw {
			p.runs++
			p.addPart(Part{Text: p.rawText[i], Alts: []Alt{{Text: p.rawText[i], Phrase: raw}}}, len(raw))
		}
	}
	return &p.q, nil
}

// parser holds the state of one Parse.
type parser struct {
	lex      *Lexicon
	q        Query
	rawText  []string // the text of each Raw phrase
	pos      int      // the next part's Pos
	runs     int      // runs read so far
	seenPart map[string]bool
	seenRaw  map[string]bool
	sc       analysis.Scanner
}

// segment parses one piece of the query, quoted or not.
func (p *parser) segment(seg string, quoted bool) {
	toks := p.sc.Scan([]byte(seg))
	if len(toks) == 0 {
		return
	}
	if quoted {
		p.runs++
		r := newRun(seg, toks)
		for _, ph := range r.phrases(0, r.n()) {
			p.addRaw(ph)
			p.addPart(Part{Text: ph.text, Strict: true, Alts: []Alt{{Text: ph.text, Phrase: ph.Phrase}}}, ph.units)
		}
		return
	}
	// runs: tokens not separated by anything
	lo := 0
	prevEnd := int32(-1)
	for i, t := range toks {
		if t.Kind == analysis.Bigram {
			continue
		}
		if prevEnd >= 0 && t.Start != prevEnd {
			p.run(seg, toks[lo:i])
			lo = i
		}
		prevEnd = t.End
	}
	p.run(seg, toks[lo:])
}

// run parses one run of text without separators.
func (p *parser) run(seg string, toks []analysis.Tok) {
	p.runs++
	r := newRun(seg, toks)
	for _, ph := range r.phrases(0, r.n()) {
		p.addRaw(ph)
	}
	for _, s := range p.lex.segment(r) {
		switch s.kind {
		case kindFiller:
			continue
		case kindSynonym:
			part := Part{Text: r.text(s.lo, s.hi)}
			lit := r.phrase(s.lo, s.hi)
			part.Alts = append(part.Alts, Alt{Text: part.Text, Phrase: lit})
			seen := map[string]bool{lit.key(): true}
			for _, w := range p.lex.groups[s.group] {
				if len(part.Alts) == MaxAlts {
					break
				}
				if k := w.phrase.key(); !seen[k] && len(w.phrase) > 0 {
					seen[k] = true
					part.Alts = append(part.Alts, Alt{Text: w.text, Synonym: true, Phrase: w.phrase})
				}
			}
			p.addPart(part, s.hi-s.lo)
		default:
			for _, ph := range r.phrases(s.lo, s.hi) {
				p.addPart(Part{Text: ph.text, Alts: []Alt{{Text: ph.text, Phrase: ph.Phrase}}}, ph.units)
			}
		}
	}
}

// addRaw keeps a literal clause.
func (p *parser) addRaw(ph textPhrase) {
	k := ph.key()
	if len(ph.Phrase) == 0 || p.seenRaw[k] || len(p.q.Raw) >= MaxRaw {
		return
	}
	p.seenRaw[k] = true
	p.q.Raw = append(p.q.Raw, ph.Phrase)
	p.rawText = append(p.rawText, ph.text)
}

// addPart keeps a part that is not a repeat, placing it after the previous one.
func (p *parser) addPart(part Part, units int) {
	k := part.Alts[0].Phrase.key()
	if part.Strict {
		k = "\x01" + k // a strict part is not the same as a loose one
	}
	if len(part.Alts[0].Phrase) == 0 || p.seenPart[k] || len(p.q.Parts) >= MaxParts {
		return
	}
	p.seenPart[k] = true
	part.Pos, part.Run = p.pos, p.runs
	p.pos += units
	p.q.Parts = append(p.q.Parts, part)
}
