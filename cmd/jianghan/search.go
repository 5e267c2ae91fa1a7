package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"io"
	"strings"

	"github.com/jianghan-district/jianghan/generator"
	"github.com/jianghan-district/jianghan/generator/diag"
	"github.com/jianghan-district/jianghan/generator/load"
	"github.com/jianghan-district/jianghan/generator/model"
	"github.com/jianghan-district/jianghan/internal/msg"
	"github.com/jianghan-district/jianghan/search"
)

// filters are search's --kind, --street, --topic and --method.
type filters struct {
	kind, street, topic, method *string
}

func cmdSearch(c *cli, args []string) int {
	c.cmd.args = msg.T(msg.ArgQuery)
	f := c.flags()
	site := f.site()
	n := f.integer("n", search.DefaultSize, msg.ArgN, msg.FlagN, search.MaxSize)
	fl := filters{
		kind:   f.str("kind", "", msg.ArgKind, msg.FlagKind, kindNames()),
		street: f.str("street", "", msg.ArgStreet, msg.FlagStreet),
		topic:  f.str("topic", "", msg.ArgTopic, msg.FlagTopic),
		method: f.str("method", "", msg.ArgMethod, msg.FlagMethod),
	}
	asJSON := f.boolean("json", msg.FlagJSON)
	pos, code, ok := f.parse(args)
	if !ok {
		return code
	}
	q := strings.TrimSpace(strings.Join(pos, " "))
	if q == "" {
		return c.usageError(msg.SearchNeedsQuery)
	}
	if *n < 1 || *n > search.MaxSize {
		return c.usageError(msg.SearchBadN, search.MaxSize, *n)
	}
	if code, ok := c.site(*site); !ok {
		return code
	}
	p, err := generator.Load(generator.Options{Root: *site})
	if err != nil {
		c.failErr(err)
		return exitContent
	}
	req := search.Request{Query: q, Size: *n}
	if code, ok := c.checkFilters(p.Site, fl, &req); !ok {
		return code
	}
	ix, err := p.OpenSearch()
	if err != nil {
		c.failErr(err)
		return exitContent
	}
	defer ix.Close()
	res, err := ix.Search(context.Background(), req)
	switch {
	case errors.Is(err, search.ErrEmptyQuery):
		return c.usageError(msg.SearchEmptyQuery)
	case search.IsQueryError(err):
		c.failErr(err)
		return exitUsage
	case err != nil:
		c.failErr(err)
		return exitContent
	}
	if *asJSON {
		enc := json.NewEncoder(c.stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(res); err != nil {
			return exitContent
		}
		return exitOK
	}
	writeHits(c.stdout, res)
	return exitOK
}

// checkFilters takes each filter against what the site holds: a kind by
// its folder or its name, a street, topic or method from site.yaml's lists
// (or, for a site that declares none, from its pages). A value that is not
// there is a slip to point out, not a search that finds nothing.
func (c *cli) checkFilters(site *model.Site, fl filters, req *search.Request) (int, bool) {
	if *fl.kind != "" {
		k, ok := parseKind(*fl.kind)
		if !ok {
			return c.usageError(msg.UnknownKind, *fl.kind, kindNames(), diag.DidYouMean(*fl.kind, kindWords())), false
		}
		req.Kind = string(k)
	}
	streets, topics, methods := vocabularies(site)
	for _, v := range []struct {
		val   string
		vocab []string
		notIn msg.Key
		into  *string
	}{
		{*fl.street, streets, msg.StreetNotIn, &req.Street},
		{*fl.topic, topics, msg.TopicNotIn, &req.Topic},
		{*fl.method, methods, msg.MethodNotIn, &req.Method},
	} {
		if v.val == "" {
			continue
		}
		if !contains(v.vocab, v.val) {
			return c.usageError(v.notIn, v.val, load.VocabHint(v.val, v.vocab)), false
		}
		*v.into = v.val
	}
	return 0, true
}

// vocabularies are site.yaml's lists, or what the pages use where a list
// is not declared.
func vocabularies(site *model.Site) (streets, topics, methods []string) {
	cfg := site.Config
	streets, topics, methods = cfg.Streets, cfg.Topics, cfg.Methods
	add := func(to *[]string, declared bool, vals ...string) {
		for _, v := range vals {
			if !declared && v != "" && !contains(*to, v) {
				*to = append(*to, v)
			}
		}
	}
	for _, c := range site.Cases {
		add(&streets, len(cfg.Streets) > 0, c.Street)
		add(&topics, len(cfg.Topics) > 0, c.Topics...)
		add(&methods, len(cfg.Methods) > 0, c.Methods...)
	}
	for _, l := range site.Lectures {
		add(&topics, len(cfg.Topics) > 0, l.Topics...)
	}
	for _, g := range site.Guides {
		add(&topics, len(cfg.Topics) > 0, g.Topics...)
	}
	for _, w := range site.Workers {
		add(&streets, len(cfg.Streets) > 0, w.Street)
	}
	return streets, topics, methods
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

// writeHits prints the result as a person reads it: how many of how many,
// then each hit's rank, title, address, kind and snippet.
func writeHits(w io.Writer, r *search.Result) {
	var b strings.Builder
	switch {
	case len(r.Hits) == 0:
		b.WriteString(msg.T(msg.SearchNone, r.Query) + "\n")
	case len(r.Hits) < r.Total:
		b.WriteString(msg.T(msg.SearchSome, r.Query, len(r.Hits), r.Total) + "\n")
	default:
		b.WriteString(msg.T(msg.SearchAll, r.Query, r.Total) + "\n")
	}
	for i, h := range r.Hits {
		label := h.Kind
		if k, ok := parseKind(h.Kind); ok {
			label = msg.T(k.Key())
		}
		fmt.Fprintf(&b, "\n%d. %s\n   %s  [%s]\n", i+1, h.Title, h.URL, label)
		if s := plainSnippet(h.Snippet); s != "" {
			fmt.Fprintf(&b, "   %s\n", s)
		}
	}
	writeSuggestions(&b, r.Suggest)
	io.WriteString(w, b.String())
}

// writeSuggestions prints what to try when nothing was found: the parts of
// the query that do occur, and the topics and streets they name, with
// their pages.
func writeSuggestions(b *strings.Builder, s *search.Suggestions) {
	if s == nil {
		return
	}
	if len(s.Parts) > 0 {
		fmt.Fprintf(b, "\n%s%s\n", msg.T(msg.SearchTry), strings.Join(s.Parts, msg.T(msg.ListSep)))
	}
	for _, list := range []struct {
		key    msg.Key
		prefix string
		names  []string
	}{{msg.SearchTryTopics, "/topics/", s.Topics}, {msg.SearchTryStreets, "/streets/", s.Streets}} {
		if len(list.names) > 0 {
			fmt.Fprintf(b, "\n%s\n", msg.T(list.key))
			for _, n := range list.names {
				fmt.Fprintf(b, "   %s  %s%s/\n", n, list.prefix, n)
			}
		}
	}
}

// plainSnippet turns the HTML snippet (escaped text with <mark>) into text.
func plainSnippet(s string) string {
	s = strings.NewReplacer("<mark>", "", "</mark>", "").Replace(s)
	return strings.TrimSpace(html.UnescapeString(s))
}
