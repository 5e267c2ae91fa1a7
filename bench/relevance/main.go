// Command relevance runs the judged queries of search/relevance through
// jianghan's own search (Index.Search), bleve's built-in cjk analyzer with a
// plain OR match query (BM25), given their results Pagefind and the engines
// of bench/baselines.mjs (MiniSearch as VitePress configures it, MiniSearch
// with a word segmenter, jieba + BM25), and last jianghan without the
// site's thesaurus, which no other engine is given. It prints success@3,
// MRR, nDCG@10 and the empty lists side by side, then every query on which
// an engine ranks a right page higher than jianghan. bench/relevance.sh
// runs it with all of them; alone it leaves out Pagefind and Node's:
//
//	go run ./bench/relevance [-site .] [-pagefind results.json] [-results engines.json]
//	go run ./bench/relevance -queries   # the queries, for the other engines
//	go run ./bench/relevance -docs      # the documents, for baselines.mjs
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/lang/cjk"
	bquery "github.com/blevesearch/bleve/v2/search/query"
	bindex "github.com/blevesearch/bleve_index_api"

	"github.com/jianghan-district/jianghan/generator"
	"github.com/jianghan-district/jianghan/search"
	"github.com/jianghan-district/jianghan/search/index"
	"github.com/jianghan-district/jianghan/search/relevance"
)

func main() {
	site := flag.String("site", ".", "the site folder (holding content/)")
	set := flag.String("set", "search/relevance/testdata/judged.yaml", "the judged queries")
	pagefind := flag.String("pagefind", "", "Pagefind's results: a JSON object of query to URLs in rank order")
	results := flag.String("results", "", "other engines' results: a JSON array of {name, results: {query: URLs in rank order}}")
	list := flag.Bool("queries", false, "print the judged queries as a JSON array and stop")
	dump := flag.Bool("docs", false, "print the documents every engine indexes as a JSON array and stop")
	flag.Parse()
	if *dump {
		if err := printDocuments(*site); err != nil {
			fmt.Fprintln(os.Stderr, "relevance:", err)
			os.Exit(1)
		}
		return
	}
	if *list {
		qs, err := relevance.Load(*set)
		if err != nil {
			fmt.Fprintln(os.Stderr, "relevance:", err)
			os.Exit(1)
		}
		var out []string
		for _, q := range qs {
			out = append(out, q.Q)
		}
		json.NewEncoder(os.Stdout).Encode(out)
		return
	}
	if err := run(*site, *set, *pagefind, *results); err != nil {
		fmt.Fprintln(os.Stderr, "relevance:", err)
		os.Exit(1)
	}
}

func run(site, set, pagefind, results string) error {
	qs, err := relevance.Load(set)
	if err != nil {
		return err
	}
	p, err := generator.Load(generator.Options{Root: site})
	if err != nil {
		return err
	}
	docs := generator.Documents(p.Site)
	tmp, err := os.MkdirTemp("", "jianghan-relevance-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)

	ours, oursScores, err := evaluateOurs("jianghan", qs, docs, filepath.Join(tmp, "ours"), generator.Synonyms(p.Site))
	if err != nil {
		return err
	}
	// The same index without the site's thesaurus, which no other engine
	// here is given: how much of the lead is the thesaurus.
	plain, plainScores, err := evaluateOurs("jianghan no syn.", qs, docs, filepath.Join(tmp, "plain"), nil)
	if err != nil {
		return err
	}

	cjkIndex, err := cjkBleve(docs)
	if err != nil {
		return err
	}
	defer cjkIndex.Close()
	baseline, baselineScores, err := relevance.Evaluate("bleve cjk, OR", qs, func(q string) ([]string, error) {
		mq := bleve.NewMatchQuery(q)
		mq.SetField("content")
		mq.SetOperator(bquery.MatchQueryOperatorOr)
		res, err := cjkIndex.Search(bleve.NewSearchRequestOptions(mq, 10, 0, false))
		if err != nil {
			return nil, err
		}
		var keys []string
		for _, h := range res.Hits {
			keys = append(keys, relevance.Key(h.ID))
		}
		return keys, nil
	})
	if err != nil {
		return err
	}
	runs := []engineRun{{baseline, baselineScores}}

	var others []engineResults
	if pagefind != "" {
		pf, err := readResults(pagefind, false)
		if err != nil {
			return err
		}
		others = append(others, pf...)
	}
	if results != "" {
		rs, err := readResults(results, true)
		if err != nil {
			return err
		}
		others = append(others, rs...)
	}
	for _, o := range others {
		if err := checkAnswered(qs, o); err != nil {
			return err
		}
		r, scores, err := relevance.Evaluate(o.Name, qs, func(q string) ([]string, error) {
			var keys []string
			for _, u := range o.Results[q] {
				keys = append(keys, relevance.Key(u))
			}
			return keys, nil
		})
		if err != nil {
			return err
		}
		runs = append(runs, engineRun{r, scores})
	}

	runs = append(runs, engineRun{plain, plainScores})
	reports := []*relevance.Report{ours}
	for _, r := range runs {
		reports = append(reports, r.report)
	}
	fmt.Printf("%d judged queries over %d pages of %s\n\n", len(qs), len(docs), site)
	relevance.WriteTable(os.Stdout, reports...)
	writeBeaten(os.Stdout, qs, oursScores, runs)
	return nil
}

// evaluateOurs indexes docs with jianghan's own index in dir, with the
// given thesaurus, and scores Index.Search on the judged set.
func evaluateOurs(name string, qs []relevance.Query, docs []search.Document, dir string, synonyms [][]string) (*relevance.Report, []relevance.Score, error) {
	ix, err := index.Open(dir)
	if err != nil {
		return nil, nil, err
	}
	defer ix.Close()
	ix.SetSynonyms(synonyms)
	if _, err := ix.Sync(docs); err != nil {
		return nil, nil, err
	}
	return relevance.Evaluate(name, qs, func(q string) ([]string, error) {
		r, err := ix.Search(context.Background(), search.Request{Query: q})
		if err != nil {
			return nil, err
		}
		var keys []string
		for _, h := range r.Hits {
			keys = append(keys, relevance.Key(h.URL))
		}
		return keys, nil
	})
}

// cjkBleve indexes every page's visible text (title, summary, sections and
// the terms it is filed under) as one field analysed by bleve's own cjk
// analyzer, scored by BM25.
func cjkBleve(docs []search.Document) (bleve.Index, error) {
	m := bleve.NewIndexMapping()
	m.DefaultAnalyzer = cjk.AnalyzerName
	m.ScoringModel = bindex.BM25Scoring
	idx, err := bleve.NewMemOnly(m)
	if err != nil {
		return nil, err
	}
	b := idx.NewBatch()
	for _, d := range docs {
		parts := []string{d.Title, d.Summary}
		for _, s := range d.Sections {
			parts = append(parts, s.Heading, s.Text)
		}
		parts = append(parts, d.Filed...)
		if err := b.Index(d.URL, map[string]string{"content": strings.Join(parts, "\n")}); err != nil {
			return nil, err
		}
	}
	return idx, idx.Batch(b)
}
