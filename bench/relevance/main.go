// Command relevance runs the judged queries of search/relevance through
// jianghan's own search (Index.Search), bleve's built-in cjk analyzer with a
// plain OR match query (BM25), and, given their results, Pagefind, and
// prints success@3, MRR and nDCG@10 side by side. bench/relevance.sh runs
// it with Pagefind's results; alone it compares the first two:
//
//	go run ./bench/relevance [-site .] [-pagefind results.json]
//	go run ./bench/relevance -queries   # the queries, for Pagefind
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
	list := flag.Bool("queries", false, "print the judged queries as a JSON array and stop")
	flag.Parse()
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
	if err := run(*site, *set, *pagefind); err != nil {
		fmt.Fprintln(os.Stderr, "relevance:", err)
		os.Exit(1)
	}
}

func run(site, set, pagefind string) error {
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

	ix, err := index.Open(filepath.Join(tmp, "ours"))
	if err != nil {
		return err
	}
	defer ix.Close()
	ix.SetSynonyms(generator.Synonyms(p.Site))
	if _, err := ix.Sync(docs); err != nil {
		return err
	}
	ours, _, err := relevance.Evaluate("jianghan", qs, func(q string) ([]string, error) {
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
	if err != nil {
		return err
	}

	cjkIndex, err := cjkBleve(docs)
	if err != nil {
		return err
	}
	defer cjkIndex.Close()
	baseline, _, err := relevance.Evaluate("bleve cjk, OR", qs, func(q string) ([]string, error) {
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
	reports := []*relevance.Report{ours, baseline}

	if pagefind != "" {
		b, err := os.ReadFile(pagefind)
		if err != nil {
			return err
		}
		var results map[string][]string
		if err := json.Unmarshal(b, &results); err != nil {
			return fmt.Errorf("%s: %w", pagefind, err)
		}
		pf, _, err := relevance.Evaluate("Pagefind", qs, func(q string) ([]string, error) {
			var keys []string
			for _, u := range results[q] {
				keys = append(keys, relevance.Key(u))
			}
			return keys, nil
		})
		if err != nil {
			return err
		}
		reports = append(reports, pf)
	}
	fmt.Printf("%d judged queries over %d pages of %s\n\n", len(qs), len(docs), site)
	relevance.WriteTable(os.Stdout, reports...)
	return nil
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
