package msg

// Keys, grouped by where people read them. Name a key after what it says,
// and give it a text in zh.go and en.go; a test checks that every key has
// both, with the same verbs in the same order.

// Words that join others, for lists and hints in every message.
var (
	ListSep    = Key{"list.sep"}
	ListLast   = Key{"list.last"}
	DidYouMean = Key{"hint.did-you-mean"}
	OneOf      = Key{"hint.one-of"}
	AddToVocab = Key{"hint.add-to-vocab"}
	Unknown    = Key{"word.unknown"}
)

// Summaries the commands print: check, build and serve word them alike.
var (
	CountErrors    = Key{"count.errors"}
	CountWarnings  = Key{"count.warnings"}
	Counts         = Key{"count.both"}
	MoreOfKind     = Key{"count.more-of-kind"}
	WarningPrefix  = Key{"diag.warning"}
	PlainAtLineCol = Key{"diag.plain.line-col"}
	PlainAtLine    = Key{"diag.plain.line"}
	PlainAtFile    = Key{"diag.plain.file"}
	ContentFailed  = Key{"diag.failed"}
)

// The kinds of content, as messages and the command line name them.
var (
	KindCases    = Key{"kind.cases"}
	KindLectures = Key{"kind.lectures"}
	KindGuides   = Key{"kind.guides"}
	KindWorkers  = Key{"kind.workers"}
	KindCourses  = Key{"kind.courses"}
	KindHandbook = Key{"kind.handbook"}
)
