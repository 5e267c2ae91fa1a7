// Package static writes the browser's search index: files any web server
// can serve, from which search.js (in this folder, and published by the
// build as the theme's js/search.js) answers queries with no server code,
// fetching a few kilobytes per query, ranked exactly as package rank says
// and as the bleve index answers the command line and /api/search.
//
// The layout is described at WriteStatic; how search.js reads it, at the
// top of search.js.
package static

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/jianghan-district/jianghan/internal/msg"
	"github.com/jianghan-district/jianghan/internal/parallel"
	"github.com/jianghan-district/jianghan/search"
	"github.com/jianghan-district/jianghan/search/analysis"
	"github.com/jianghan-district/jianghan/search/query"
	"github.com/jianghan-district/jianghan/search/rank"
	"github.com/jianghan-district/jianghan/search/snippet"
)

// Options tunes StaticFiles and WriteStatic.
type Options struct {
	// Portable writes every file as a .js script that hands its data to a
	// global callback instead of as a .gz/.json/.bin file, because browsers
	// refuse fetch() on file:// pages while <script> tags still load.
	Portable bool
	// Synonyms are the site's synonym groups, which queries expand.
	Synonyms [][]string
	// Lang is the language of the search page's words (the site's).
	Lang msg.Lang
}

// Format is the version of the layout below; search.js refuses another.
const Format = 3

// Layout parameters. A term's postings are ordered by impact (its BM25F
// score) and cut into blocks of ranks [0, headEntries), then
// [headEntries·R^(i-1), headEntries·R^i) for block i ≥ 1, R = blockRatio.
// The head sits in the term's shard with the list of every document
// holding the term; a query fetches tail blocks only while they could
// still change its top hits.
const (
	headEntries = 32
	blockRatio  = 4
	// shardTargetBytes is the uncompressed size a term shard aims at: a
	// query fetches one shard per distinct term, so shards are small.
	shardTargetBytes = 1536
	maxShards        = 1 << 14
	// tailFileBytes is the uncompressed size up to which tail blocks of
	// several terms share a file (a larger block has a file of its own), for
	// 10,000 documents or more; smaller sites, whose queries fetch little,
	// share more (tailFileSize).
	tailFileBytes = 4 << 10
	// textFileBytes is the size a file of document texts aims at: the
	// browser reads one text by an HTTP range request, or the whole file
	// from a server that ignores ranges (and from file://).
	textFileBytes = 128 << 10
	// textSlot is the unit in which texts are laid out in their files.
	textSlot = 64
)

// meta is meta.json: what search.js needs before anything else. The
// statistics (n, total) are those the bleve index uses, so both sides
// compute the same scores.
type meta struct {
	Format  int                    `json:"format"`
	N       int                    `json:"n"`
	Params  rank.Params            `json:"params"`
	Fields  [rank.NumFields]string `json:"fields"`
	Total   [rank.NumFields]uint64 `json:"total"`
	Shards  int                    `json:"shards"`
	Head    int                    `json:"head"`
	Ratio   int                    `json:"ratio"`
	Slot    int                    `json:"slot"`
	Group   int                    `json:"group"`
	First   int                    `json:"first"`
	Dict    int                    `json:"dict"` // bytes of the text dictionary (0: none)
	Kinds   []string               `json:"kinds"`
	Streets []string               `json:"streets"`
	Topics  []string               `json:"topics"`
	Methods []string               `json:"methods"`
	Limits  limits                 `json:"limits"`
	Snippet [3]int                 `json:"snippet"` // snippet.Runes, Before, MaxAnchors
	Lexicon query.Data             `json:"lexicon"`
	Text    map[string]string      `json:"text"`
}

// limits are the parsing limits of package query (and analysis).
type limits struct {
	QueryRunes  int `json:"queryRunes"`
	Parts       int `json:"parts"`
	Raw         int `json:"raw"`
	PhraseTerms int `json:"phraseTerms"`
	Alts        int `json:"alts"`
	WordRunes   int `json:"wordRunes"`
	Suggestions int `json:"suggestions"`
}

// pageText are the words of the search page, by the names search.js uses.
var pageText = map[string]msg.Key{
	"prompt": msg.SearchPrompt, "searching": msg.SearchSearching, "failed": msg.SearchLoadFailed,
	"found": msg.SearchFound, "atLeast": msg.SearchFoundAtLeast, "about": msg.SearchFoundAbout,
	"none": msg.SearchNone, "try": msg.SearchTry, "sep": msg.ListSep,
	"topics": msg.SearchTryTopics, "streets": msg.SearchTryStreets, "more": msg.SearchMore, "all": msg.SearchFacetAll,
	"facet.kind": msg.SearchFacetKind, "facet.street": msg.SearchFacetStreet, "facet.topic": msg.SearchFacetTopic,
	"facet.method": msg.SearchFacetMethod,
	"kind.cases":   msg.KindCases, "kind.lectures": msg.KindLectures, "kind.guides": msg.KindGuides,
	"kind.workers": msg.KindWorkers, "kind.courses": msg.KindCourses, "kind.handbook": msg.KindHandbook,
}

// StaticFiles makes the browser's search index for docs, the files that
// WriteStatic writes (the layout is described there), and hands each one to
// put instead of writing it, so that a build can send the files through
// its own writer (which skips a file whose bytes did not change: creating
// files is what costs most). name is the file's slash path inside the
// index folder: "meta.json", "t/12.bin.gz", "d/0.bin", or with
// opts.Portable "meta.json.js", "t/12.bin.gz.js" and so on.
//
// put is called once per file, from several goroutines at once, in no
// particular order. data belongs to StaticFiles: put must neither keep nor
// change it after returning (StaticFiles reuses the memory for the next
// file), so a put that needs the bytes later must copy them. Once put
// fails, StaticFiles starts no more files (those under way on other
// goroutines may still arrive) and returns the first error.
// The files are the same bytes, whatever the order of docs.
func StaticFiles(docs []search.Document, opts Options, put func(name string, data []byte) error) error {
	if err := search.CheckURLs(docs); err != nil {
		return err
	}
	return staticFiles(docs, opts, put)
}

// WriteStatic writes the browser's search index for docs into dir (the
// build passes OUT/search/), creating dir and its folders if needed; it is
// StaticFiles writing each file under dir:
//
//	meta.json      format, document count, the ranking's parameters and
//	               statistics, layout parameters, facet vocabularies, the
//	               query lexicon (fillers and synonyms), the page's words
//	facets.bin.gz  per document: kind, street, topics, methods (indexes into
//	               the vocabularies) and the size of its text (facetColumns)
//	t/N.bin.gz     term shard N: every term whose FNV-1a 32 hash of its UTF-8
//	               bytes is N modulo the shard count, with its document
//	               count, bounds and the head block of its postings (encodeTerm)
//	x/N.bin.gz     tail blocks of postings (packTails)
//	d/N.bin        the texts of documents N·group … N·group+group-1, not
//	               compressed as a whole: each text is two raw deflate
//	               streams, read alone by HTTP range requests (compressTexts)
//	d/dict.bin.gz  the preset dictionary of those streams (textDictionary)
//
// A posting of a head or full tail block carries, per field, the term's
// frequency and the field's exact token count, so the browser scores a
// term as the bleve index does without per-document length tables;
// positions (phrases, word order) and later postings it reads from the
// texts. Documents are numbered in URL order, which is also the tie-break
// order of the ranking. With opts.Portable each FILE is written as
// FILE.js instead, holding __jianghanSearch("FILE", "<base64 of FILE's
// bytes>"), so that the index works from file:// (where a text file is
// read whole).
func WriteStatic(dir string, docs []search.Document, opts Options) error {
	if err := search.CheckURLs(docs); err != nil {
		return err
	}
	for _, sub := range []string{"", "t", "x", "d"} {
		if err := os.MkdirAll(filepath.Join(dir, sub), 0o755); err != nil {
			return fmt.Errorf("search: %w", err)
		}
	}
	// files are created by one goroutine at a time: concurrent creates in
	// one folder contend for it and are slower than one after another
	var mu sync.Mutex
	return staticFiles(docs, opts, func(name string, data []byte) error {
		mu.Lock()
		err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(name)), data, 0o644)
		mu.Unlock()
		if err != nil {
			return fmt.Errorf("search: %w", err)
		}
		return nil
	})
}

// staticFiles is StaticFiles for documents whose URLs were checked.
func staticFiles(docs []search.Document, opts Options, put func(name string, data []byte) error) error {
	sorted := make([]*search.Document, len(docs))
	for i := range docs {
		sorted[i] = &docs[i]
	}
	slices.SortFunc(sorted, func(a, b *search.Document) int { return strings.Compare(a.URL, b.URL) })

	// the texts are compressed while the terms are inverted
	var tl textLayout
	var inv *inverted
	parallel.For(2, 2, func(i int) {
		if i == 0 {
			tl = compressTexts(sorted)
		} else {
			inv = invert(sorted)
		}
	})
	lang := opts.Lang
	if lang == "" {
		lang = msg.Zh
	}
	m := meta{
		Format: Format, N: len(sorted), Params: rank.Default, Fields: rank.FieldNames,
		Head: headEntries, Ratio: blockRatio, Slot: textSlot,
		Group: tl.group, First: tl.first, Dict: len(tl.dict),
		Limits: limits{QueryRunes: query.MaxQueryRunes, Parts: query.MaxParts, Raw: query.MaxRaw,
			PhraseTerms: query.MaxPhraseTerms, Alts: query.MaxAlts, WordRunes: analysis.MaxWordRunes,
			Suggestions: rank.MaxSuggestions},
		Snippet: [3]int{snippet.Runes, snippet.Before, snippet.MaxAnchors},
		Lexicon: query.NewLexicon(opts.Synonyms).Data(),
		Text:    map[string]string{},
	}
	for name, key := range pageText {
		m.Text[name] = lang.T(key)
	}
	st := rank.Stats{Docs: len(sorted)}
	for _, l := range inv.lens {
		for f := range l {
			st.Total[f] += uint64(l[f])
		}
	}
	m.Total = st.Total
	fv := facetVocabularies(sorted, &m)
	enc := encodeTerms(inv, st, fv)
	names := inv.names
	inv = nil // the postings are encoded: let them go

	headBytes := 0
	for i := range enc {
		headBytes += len(enc[i].pre) + len(enc[i].post) + 30*min(1, len(enc[i].tails))
	}
	m.Shards = max(1, min(maxShards, (headBytes+shardTargetBytes-1)/shardTargetBytes))
	byShard := make([][]int32, m.Shards)
	for i, t := range names {
		s := shardOf(t, m.Shards)
		byShard[s] = append(byShard[s], int32(i))
	}
	tails := packTails(names, enc, tailFileSize(len(sorted)))
	metaJSON, err := json.Marshal(m)
	if err != nil {
		return fmt.Errorf("search: %w", err)
	}

	var files []file
	for g, recs := range tl.files {
		files = append(files, file{name: "d/" + strconv.Itoa(g) + ".bin", build: func(b []byte) []byte {
			for _, r := range recs {
				b = append(b, r...)
			}
			return b
		}})
	}
	for s := range byShard {
		files = append(files, file{name: "t/" + strconv.Itoa(s) + ".bin.gz", gz: true, build: func(b []byte) []byte {
			b = append(b, "JT3"...)
			b = binary.AppendUvarint(b, uint64(len(byShard[s])))
			for _, i := range byShard[s] {
				b = enc[i].appendHead(b, tails.fileOf[i])
			}
			return b
		}})
	}
	for n, refs := range tails.files {
		files = append(files, file{name: "x/" + strconv.Itoa(n) + ".bin.gz", gz: true, build: func(b []byte) []byte {
			return appendTails(b, refs, names, enc, &tails)
		}})
	}
	if len(tl.dict) > 0 {
		files = append(files, file{name: "d/dict.bin.gz", gz: true, build: func(b []byte) []byte { return append(b, tl.dict...) }})
	}
	files = append(files,
		file{name: "meta.json", build: func(b []byte) []byte { return append(b, metaJSON...) }},
		file{name: "facets.bin.gz", gz: true, build: func(b []byte) []byte { return facetColumns(b, fv, tl.slots) }},
	)
	return emit(files, opts.Portable, put)
}

// shardOf is the term shard of t: FNV-1a 32 of its UTF-8 bytes modulo shards.
func shardOf(t string, shards int) int {
	h := uint32(2166136261)
	for i := 0; i < len(t); i++ {
		h ^= uint32(t[i])
		h *= 16777619
	}
	return int(h % uint32(shards))
}
