package static

import (
	"encoding/binary"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/klauspost/compress/flate"

	"github.com/jianghan-district/jianghan/internal/parallel"
	"github.com/jianghan-district/jianghan/search"
	"github.com/jianghan-district/jianghan/search/analysis"
	"github.com/jianghan-district/jianghan/search/rank"
)

// textLayout is the texts of the documents, laid out in files.
type textLayout struct {
	group int        // documents per file
	first int        // bytes that hold the first part of nine texts in ten
	files [][][]byte // d/N.bin: the texts it holds, one after the other
	slots []uint32   // per document, the slots its text takes
	dict  []byte     // the preset dictionary the texts are compressed with
}

// compressTexts lays out each document's text in two parts, each a JSON
// array compressed as raw deflate on its own, with the preset dictionary
// textDictionary makes: [url, title, summary], then [headings, text,
// filed] (the fields as rank.FieldTexts has them). A text is the lengths
// of the two (uvarints), then the two, then zeros to a whole number of
// textSlot bytes, so that a hit whose snippet is in its summary or title
// needs only the first bytes. The texts of group consecutive documents
// follow each other in a file, so a text starts at textSlot times the slots
// of the documents before it in its file. group is chosen so that files
// are about textFileBytes; search.js first reads the first layout.first
// bytes of a text, which hold its first part in nine cases of ten.
//
// Pages of one library share much of their wording, and a text compressed
// alone cannot use what its neighbours say: the dictionary, fetched once,
// holds the sentences that recur across the library, so that each text
// read costs only what is its own. search.js inflates a part as one stream
// behind a stored block holding the dictionary.
func compressTexts(docs []*search.Document) textLayout {
	dict := textDictionary(docs)
	recs := make([][]byte, len(docs))
	firsts := make([]int, len(docs))
	parallel.For(len(docs), 0, func(i int) {
		w := textWorkers.Get().(*textWorker)
		defer textWorkers.Put(w)
		d := docs[i]
		f := rank.FieldTexts(d)
		w.js = appendJSONStrings(w.js[:0], d.URL, f[rank.Title], f[rank.Summary])
		w.a = w.deflate(w.a[:0], w.js, dict)
		w.js = appendJSONStrings(w.js[:0], f[rank.Headings], f[rank.Text], f[rank.Filed])
		w.b = w.deflate(w.b[:0], w.js, dict)
		n := uvarintLen(uint64(len(w.a))) + uvarintLen(uint64(len(w.b))) + len(w.a) + len(w.b)
		n += (textSlot - n%textSlot) % textSlot
		rec := make([]byte, 0, n)
		rec = binary.AppendUvarint(rec, uint64(len(w.a)))
		rec = binary.AppendUvarint(rec, uint64(len(w.b)))
		firsts[i] = len(rec) + len(w.a)
		rec = append(append(rec, w.a...), w.b...)
		recs[i] = rec[:n] // the padding is zeros
	})
	l := textLayout{group: 1, slots: make([]uint32, len(docs)), dict: dict}
	total := 0
	for i, r := range recs {
		l.slots[i] = uint32(len(r) / textSlot)
		total += len(r)
	}
	if len(recs) > 0 {
		l.group = max(1, min(len(recs), textFileBytes*len(recs)/max(1, total)))
		slices.Sort(firsts)
		l.first = firsts[len(firsts)*9/10]
	}
	for lo := 0; lo < len(recs); lo += l.group {
		l.files = append(l.files, recs[lo:min(lo+l.group, len(recs))])
	}
	return l
}

// dictBytes is the most a text dictionary holds: deflate looks back 32 KiB.
const dictBytes = 32 << 10

// textDictionary is the preset dictionary of the texts: the clauses (text
// between punctuation, the punctuation after it included) that recur in
// at least three places, those that save the most last (nearest to the
// text, so the cheapest to refer to), within dictBytes; nil when nothing
// recurs.
func textDictionary(docs []*search.Document) []byte {
	counts := map[string]int{}
	for _, d := range docs {
		f := rank.FieldTexts(d)
		for _, text := range []string{f[rank.Title], f[rank.Summary], f[rank.Text]} {
			start := 0
			for i, r := range text {
				if !clauseEnd(r) {
					continue
				}
				if end := i + utf8.RuneLen(r); end-start >= 9 {
					counts[text[start:end]]++
				}
				start = i + utf8.RuneLen(r)
			}
		}
	}
	type clause struct {
		s    string
		gain int
	}
	var cs []clause
	for s, n := range counts {
		if n >= 3 {
			cs = append(cs, clause{s, (n - 1) * len(s)})
		}
	}
	slices.SortFunc(cs, func(a, b clause) int {
		if a.gain != b.gain {
			return b.gain - a.gain
		}
		return strings.Compare(a.s, b.s)
	})
	size, n := 0, 0
	for n < len(cs) && size+len(cs[n].s) <= dictBytes {
		size += len(cs[n].s)
		n++
	}
	if n == 0 {
		return nil
	}
	dict := make([]byte, 0, size)
	for k := n - 1; k >= 0; k-- {
		dict = append(dict, cs[k].s...)
	}
	return dict
}

// clauseEnd tells whether r ends a clause: punctuation and line breaks.
func clauseEnd(r rune) bool {
	switch r {
	case '，', '。', '；', '：', '、', '！', '？', '\n', ',', '.', ';', ':', '!', '?':
		return true
	}
	return false
}

// appendJSONStrings appends the JSON array of ss, exactly as json.Marshal
// writes a []string (HTML characters, U+2028 and U+2029 escaped, invalid
// UTF-8 as \ufffd), without its reflection and allocations.
func appendJSONStrings(out []byte, ss ...string) []byte {
	const hex = "0123456789abcdef"
	out = append(out, '[')
	for k, s := range ss {
		if k > 0 {
			out = append(out, ',')
		}
		out = append(out, '"')
		start := 0
		for i := 0; i < len(s); {
			c := s[i]
			if c < utf8.RuneSelf {
				if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
					i++
					continue
				}
				out = append(out, s[start:i]...)
				switch c {
				case '\\', '"':
					out = append(out, '\\', c)
				case '\b':
					out = append(out, '\\', 'b')
				case '\f':
					out = append(out, '\\', 'f')
				case '\n':
					out = append(out, '\\', 'n')
				case '\r':
					out = append(out, '\\', 'r')
				case '\t':
					out = append(out, '\\', 't')
				default:
					out = append(out, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
				}
				i++
				start = i
				continue
			}
			if i+2 < len(s) && analysis.IsPlain3(c, s[i+1], s[i+2]) && (c != 0xE2 || s[i+1] != 0x80 || s[i+2]&0xFE != 0xA8) {
				i += 3 // a valid three-byte rune other than U+2028 and U+2029
				continue
			}
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size == 1 {
				out = append(out, s[start:i]...)
				out = append(out, `\ufffd`...)
				i += size
				start = i
				continue
			}
			if r == '\u2028' || r == '\u2029' {
				out = append(out, s[start:i]...)
				out = append(out, '\\', 'u', '2', '0', '2', hex[r&0xF])
				i += size
				start = i
				continue
			}
			i += size
		}
		out = append(append(out, s[start:]...), '"')
	}
	return append(out, ']')
}

// textWorker is one goroutine's memory for compressTexts.
type textWorker struct {
	fw       *flate.Writer
	out      appendWriter
	js, a, b []byte
}

var textWorkers = sync.Pool{New: func() any {
	w := &textWorker{}
	w.fw, _ = flate.NewWriter(&w.out, gzipLevel)
	return w
}}

// deflate appends data compressed as raw deflate with the preset
// dictionary dict to out.
func (w *textWorker) deflate(out, data, dict []byte) []byte {
	w.out.b = out
	w.fw.ResetDict(&w.out, dict)
	w.fw.Write(data) // an appendWriter does not fail
	w.fw.Close()
	out = w.out.b
	w.out.b = nil
	return out
}
