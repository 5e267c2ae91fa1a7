package index

import (
	"github.com/blevesearch/bleve/v2"
	banalysis "github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/registry"
	bindex "github.com/blevesearch/bleve_index_api"

	"github.com/jianghan-district/jianghan/search/analysis"
	"github.com/jianghan-district/jianghan/search/rank"
)

// AnalyzerName is the name under which jianghan's analysis is registered
// with bleve, so an index mapping can name it for its text fields.
const AnalyzerName = "jianghan_zh"

// TokenizerName is the name of the analyzer's tokenizer in bleve's registry,
// for mappings that want to build their own analyzer around it.
const TokenizerName = "jianghan_zh_grams"

// Keyword fields, indexed whole for filters and facets, by facet name.
var facetField = map[string]string{"kind": "kind", "street": "street", "topic": "topics", "method": "methods"}

// bleveTokenizer adapts analysis.Scanner to bleve's analysis.Tokenizer.
type bleveTokenizer struct{}

// Tokenize implements analysis.Tokenizer. Each call owns its memory, since
// bleve keeps the terms until the document is indexed.
func (bleveTokenizer) Tokenize(input []byte) banalysis.TokenStream {
	var sc analysis.Scanner
	toks := sc.Scan(input)
	store := make([]banalysis.Token, len(toks))
	rv := make(banalysis.TokenStream, len(toks))
	for i, t := range toks {
		typ := banalysis.AlphaNumeric
		switch t.Kind {
		case analysis.Unigram:
			typ = banalysis.Ideographic
		case analysis.Bigram:
			typ = banalysis.Double
		}
		store[i] = banalysis.Token{Term: t.Term, Start: int(t.Start), End: int(t.End), Position: int(t.Pos), Type: typ}
		rv[i] = &store[i]
	}
	return rv
}

func init() {
	if err := registry.RegisterTokenizer(TokenizerName, func(map[string]interface{}, *registry.Cache) (banalysis.Tokenizer, error) {
		return bleveTokenizer{}, nil
	}); err != nil {
		panic(err)
	}
	if err := registry.RegisterAnalyzer(AnalyzerName, func(map[string]interface{}, *registry.Cache) (banalysis.Analyzer, error) {
		return &banalysis.DefaultAnalyzer{Tokenizer: bleveTokenizer{}}, nil
	}); err != nil {
		panic(err)
	}
}

// newMapping is the index mapping: the text fields of rank.FieldNames,
// analysed with positions (for phrases and word order) and stored where
// snippets read them; keyword fields with doc values, for filters and
// facets; the URL stored.
func newMapping() mapping.IndexMapping {
	im := bleve.NewIndexMapping()
	im.ScoringModel = bindex.BM25Scoring
	im.DefaultAnalyzer = AnalyzerName
	im.IndexDynamic = false
	im.StoreDynamic = false
	im.DocValuesDynamic = false

	dm := bleve.NewDocumentStaticMapping()
	for f, name := range rank.FieldNames {
		fm := bleve.NewTextFieldMapping()
		fm.Analyzer = AnalyzerName
		fm.Store = f == rank.Title || f == rank.Summary || f == rank.Text
		fm.IncludeTermVectors = true
		fm.IncludeInAll = false
		fm.DocValues = false
		dm.AddFieldMappingsAt(name, fm)
	}
	for _, name := range []string{"kind", "street", "topics", "methods"} {
		fm := bleve.NewKeywordFieldMapping()
		fm.Analyzer = keyword.Name
		fm.Store = name == "kind"
		fm.IncludeTermVectors = false
		fm.IncludeInAll = false
		fm.DocValues = true
		dm.AddFieldMappingsAt(name, fm)
	}
	url := bleve.NewTextFieldMapping()
	url.Index = false
	url.Store = true
	url.IncludeInAll = false
	url.IncludeTermVectors = false
	url.DocValues = false
	dm.AddFieldMappingsAt("url", url)
	im.DefaultMapping = dm
	return im
}
