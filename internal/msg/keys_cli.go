package msg

// Keys of the command line.

// The command line: help, usage errors and the commands' own words.
var (
	UsageIntro        = Key{"cli.usage.intro"}
	UsageFooter       = Key{"cli.usage.footer"}
	SeeHelp           = Key{"cli.see-help"}
	ErrPrefix         = Key{"cli.err-prefix"}
	UnknownCommand    = Key{"cli.unknown-command"}
	UnknownLang       = Key{"cli.unknown-lang"}
	FlagUnknown       = Key{"cli.flag-unknown"}
	FlagNeedsValue    = Key{"cli.flag-needs-value"}
	FlagBadValue      = Key{"cli.flag-bad-value"}
	ExtraArg          = Key{"cli.extra-arg"}
	SiteFolderMissing = Key{"cli.site-missing"}
	SiteFolderNotDir  = Key{"cli.site-not-dir"}
	HelpUsage         = Key{"cli.help.usage"}
	HelpOptions       = Key{"cli.help.options"}
	HelpKinds         = Key{"cli.help.kinds"}
)

// The one-line descriptions of the commands, and of their options.
var (
	CmdInit      = Key{"cli.cmd.init"}
	CmdNew       = Key{"cli.cmd.new"}
	CmdCheck     = Key{"cli.cmd.check"}
	CmdServe     = Key{"cli.cmd.serve"}
	CmdBuild     = Key{"cli.cmd.build"}
	CmdSearch    = Key{"cli.cmd.search"}
	CmdVersion   = Key{"cli.cmd.version"}
	ArgSite      = Key{"cli.arg.site"}
	ArgDir       = Key{"cli.arg.dir"}
	ArgOut       = Key{"cli.arg.out"}
	ArgURL       = Key{"cli.arg.url"}
	ArgAddr      = Key{"cli.arg.addr"}
	ArgN         = Key{"cli.arg.n"}
	ArgKind      = Key{"cli.arg.kind"}
	ArgSlug      = Key{"cli.arg.slug"}
	ArgStreet    = Key{"cli.arg.street"}
	ArgTopic     = Key{"cli.arg.topic"}
	ArgMethod    = Key{"cli.arg.method"}
	ArgQuery     = Key{"cli.arg.query"}
	ArgLang      = Key{"cli.arg.lang"}
	FlagSite     = Key{"cli.flag.s"}
	FlagOut      = Key{"cli.flag.o"}
	FlagBaseURL  = Key{"cli.flag.base-url"}
	FlagDrafts   = Key{"cli.flag.drafts"}
	FlagPortable = Key{"cli.flag.portable"}
	FlagAll      = Key{"cli.flag.all"}
	FlagAddr     = Key{"cli.flag.addr"}
	FlagNoWatch  = Key{"cli.flag.no-watch"}
	FlagN        = Key{"cli.flag.n"}
	FlagKind     = Key{"cli.flag.kind"}
	FlagStreet   = Key{"cli.flag.street"}
	FlagTopic    = Key{"cli.flag.topic"}
	FlagMethod   = Key{"cli.flag.method"}
	FlagJSON     = Key{"cli.flag.json"}
	FlagLang     = Key{"cli.flag.lang"}
	FlagHelp     = Key{"cli.flag.help"}
)

// check, build and version.
var (
	CheckOK            = Key{"cli.check-ok"}
	CheckFailed        = Key{"cli.check-failed"}
	BuildOK            = Key{"cli.build-ok"}
	BuildFailedContent = Key{"cli.build-failed-content"}
	BuildFailed        = Key{"cli.build-failed"}
	VersionLine        = Key{"cli.version"}
	VersionCommit      = Key{"cli.version-commit"}
	VersionDirty       = Key{"cli.version-dirty"}
	VersionGo          = Key{"cli.version-go"}
)

// init and new.
var (
	InitNotEmpty    = Key{"cli.init-not-empty"}
	InitNotDir      = Key{"cli.init-not-dir"}
	InitFailed      = Key{"cli.init-failed"}
	InitDone        = Key{"cli.init-done"}
	InitNext        = Key{"cli.init-next"}
	NewWantArgs     = Key{"cli.new-want-args"}
	UnknownKind     = Key{"cli.unknown-kind"}
	NewBadSlug      = Key{"cli.new-bad-slug"}
	NewExists       = Key{"cli.new-exists"}
	NewNoConfig     = Key{"cli.new-no-config"}
	NewNoArchetype  = Key{"cli.new-no-archetype"}
	NewBadArchetype = Key{"cli.new-bad-archetype"}
	NewWrote        = Key{"cli.new-wrote"}
	NewNext         = Key{"cli.new-next"}
)

// search on the command line.
var (
	SearchNeedsQuery = Key{"cli.search-needs-query"}
	SearchBadN       = Key{"cli.search-bad-n"}
	SearchEmptyQuery = Key{"cli.search-empty-query"}
	SearchNone       = Key{"cli.search-none"}
	SearchAll        = Key{"cli.search-all"}
	SearchSome       = Key{"cli.search-some"}
)
