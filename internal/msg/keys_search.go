package msg

// Keys of search: `jianghan search`, /api/search, the search page, and the
// synonyms of site.yaml.

// What /api/search and the search page say.
var (
	// SearchBadSize is a page size out of range (the largest allowed).
	SearchBadSize = Key{"search.bad-size"}
	// SearchBadFrom is a paging offset out of range (the largest allowed).
	SearchBadFrom = Key{"search.bad-from"}
	// SearchBadFilter is a filter value that cannot be a facet value.
	SearchBadFilter = Key{"search.bad-filter"}
	// SearchTimeout is a query that took longer than allowed.
	SearchTimeout = Key{"search.timeout"}
	// SearchParamNotInt is an API parameter (named) that is not a whole number.
	SearchParamNotInt = Key{"search.param-not-int"}
	// SearchOnlyGet answers an API request that is not GET or HEAD.
	SearchOnlyGet = Key{"search.only-get"}
	// SearchInternal is a failure that is not the user's.
	SearchInternal = Key{"search.internal"}
	// SearchTry introduces the parts of a query worth a search of their own.
	SearchTry = Key{"search.try"}
	// SearchTryTopics introduces topics related to a query that found nothing.
	SearchTryTopics = Key{"search.try-topics"}
	// SearchTryStreets introduces streets related to a query that found nothing.
	SearchTryStreets = Key{"search.try-streets"}
	// SearchPrompt asks for a query on the search page.
	SearchPrompt = Key{"search.prompt"}
	// SearchSearching shows while the page searches.
	SearchSearching = Key{"search.searching"}
	// SearchLoadFailed is a search index that did not load (the reason).
	SearchLoadFailed = Key{"search.load-failed"}
	// SearchFound is an exact count of hits.
	SearchFound = Key{"search.found"}
	// SearchFoundAtLeast is a count of hits known only from below.
	SearchFoundAtLeast = Key{"search.found-at-least"}
	// SearchFoundAbout is a count whose ranking the download budget cut
	// short (the page marks it 约).
	SearchFoundAbout = Key{"search.found-about"}
	// SearchMore is the button that shows more hits.
	SearchMore = Key{"search.more"}
	// SearchFacetAll is the facet button that drops the facet's filter.
	SearchFacetAll = Key{"search.facet.all"}
	// SearchFacetKind, SearchFacetStreet, SearchFacetTopic and
	// SearchFacetMethod head the facets on the search page.
	SearchFacetKind   = Key{"search.facet.kind"}
	SearchFacetStreet = Key{"search.facet.street"}
	SearchFacetTopic  = Key{"search.facet.topic"}
	SearchFacetMethod = Key{"search.facet.method"}
)

// Synonyms in site.yaml, as `check` reports them.
var (
	// SynonymsNotList is a synonyms value that is not a list of groups.
	SynonymsNotList = Key{"config.synonyms-not-list"}
	// SynonymGroupNotList is a synonyms item that is not a group like [甲, 乙].
	SynonymGroupNotList = Key{"config.synonym-group-not-list"}
	// SynonymGroupOneWord is a group of a single word (the word).
	SynonymGroupOneWord = Key{"config.synonym-group-one-word"}
	// SynonymRepeated is a word written twice in one group (the word).
	SynonymRepeated = Key{"config.synonym-repeated"}
	// SynonymNotSearchable is a word with nothing searchable in it (the word).
	SynonymNotSearchable = Key{"config.synonym-not-searchable"}
	// SynonymTooLong is a word longer than a query part can be (the word, the limit).
	SynonymTooLong = Key{"config.synonym-too-long"}
)
