package msg

// Keys of the diagnostics: what check, build and serve say about the
// content, each with its cure.

// Reading site.yaml and the files under content/.
var (
	NoContent     = Key{"load.no-content"}
	NoConfig      = Key{"load.no-config"}
	CannotRead    = Key{"load.cannot-read"}
	NoKindPage    = Key{"load.no-kind-page"}
	UnknownFolder = Key{"load.unknown-folder"}
	OnlyMarkdown  = Key{"load.only-markdown"}
	BundleNoIndex = Key{"load.bundle-no-index"}
	DuplicateURL  = Key{"load.duplicate-url"}
	DraftRef      = Key{"load.draft-ref"}
)

// Front matter and site.yaml as text: the block and its YAML or TOML.
var (
	FMUnclosed     = Key{"fm.unclosed"}
	FMMissing      = Key{"fm.missing"}
	YAMLInvalid    = Key{"fm.yaml-invalid"}
	YAMLNotMap     = Key{"fm.yaml-not-map"}
	TOMLInvalid    = Key{"fm.toml-invalid"}
	YAMLHintList   = Key{"fm.hint.list"}
	YAMLHintGroup  = Key{"fm.hint.group"}
	YAMLHintTab    = Key{"fm.hint.tab"}
	YAMLHintToken  = Key{"fm.hint.token"}
	YAMLHintColon  = Key{"fm.hint.colon"}
	YAMLHintIndent = Key{"fm.hint.indent"}
	YAMLHintQuote  = Key{"fm.hint.quote"}
	YAMLHintLine   = Key{"fm.hint.line"}
	YAMLHintOther  = Key{"fm.hint.other"}
)

// Front matter fields and their values.
var (
	FieldTwice         = Key{"field.twice"}
	FieldUnknownHint   = Key{"field.unknown-hint"}
	FieldOtherKinds    = Key{"field.other-kinds"}
	FieldUnknown       = Key{"field.unknown"}
	SiteUnknownHint    = Key{"site.unknown-hint"}
	SiteUnknown        = Key{"site.unknown"}
	FieldMissing       = Key{"field.missing"}
	SiteMissing        = Key{"site.missing"}
	FieldEmpty         = Key{"field.empty"}
	FieldNotSingle     = Key{"field.not-single"}
	FieldItemNotSingle = Key{"field.item-not-single"}
	FieldNotList       = Key{"field.not-list"}
	FieldNotInt        = Key{"field.not-int"}
	FieldNotBool       = Key{"field.not-bool"}
	DateNotDay         = Key{"field.date-not-day"}
	DateBad            = Key{"field.date-bad"}
	HintTitle          = Key{"field.hint.title"}
	HintSiteTitle      = Key{"field.hint.site-title"}
	HintStreet         = Key{"field.hint.street"}
	StreetNotIn        = Key{"field.street-not-in"}
	TopicNotIn         = Key{"field.topic-not-in"}
	MethodNotIn        = Key{"field.method-not-in"}
	TopicsNeeded       = Key{"field.topics-needed"}
	DurationBad        = Key{"field.duration-bad"}
	CertificateBad     = Key{"field.certificate-bad"}
	LessonsNeeded      = Key{"field.lessons-needed"}
	AwardsNotList      = Key{"field.awards-not-list"}
	AwardNotMap        = Key{"field.award-not-map"}
	AwardYearBad       = Key{"field.award-year-bad"}
	AwardUnknown       = Key{"field.award-unknown"}
	AwardNoYear        = Key{"field.award-no-year"}
	AwardNoTitle       = Key{"field.award-no-title"}
	SlugBad            = Key{"field.slug-bad"}
	MarkdownNotMap     = Key{"site.markdown-not-map"}
	MarkdownUnknown    = Key{"site.markdown-unknown"}
	VocabTwice         = Key{"site.vocab-twice"}
	BodyWord           = Key{"field.body"}
	Placeholders       = Key{"field.placeholders"}
)

// site.yaml's theme block: the common restyle.
var (
	ThemeNotMap      = Key{"site.theme-not-map"}
	ThemeUnknown     = Key{"site.theme-unknown"}
	ThemeColorBad    = Key{"site.theme-color-bad"}
	ThemeColorLight  = Key{"site.theme-color-light"}
	ThemeLogoMissing = Key{"site.theme-logo-missing"}
	ThemeLogoType    = Key{"site.theme-logo-type"}
)

// References between pages, links in Markdown, and what a case must tell.
var (
	RefMissing        = Key{"link.ref-missing"}
	LessonBadKind     = Key{"link.lesson-bad-kind"}
	LessonMissing     = Key{"link.lesson-missing"}
	BundleNeeded      = Key{"link.bundle-needed"}
	BundleFileMissing = Key{"link.bundle-file-missing"}
	LinkMissing       = Key{"link.link-missing"}
	ImageMissing      = Key{"link.image-missing"}
	CannotRender      = Key{"link.cannot-render"}
	CaseNoProblem     = Key{"link.case-no-problem"}
	CaseNoSolution    = Key{"link.case-no-solution"}
	NoSummary         = Key{"link.no-summary"}
	WorkerUnnamed     = Key{"link.worker-unnamed"}
)

// Rendering the theme and writing the output.
var (
	ThemeFailed      = Key{"render.theme"}
	ThemeTemplateBad = Key{"render.template-bad"}
	ThemeNoTemplate  = Key{"render.no-template"}
	RenderFailed     = Key{"render.failed"}
	PartialFailed    = Key{"render.partial"}
	DictPairs        = Key{"render.dict-pairs"}
	DictKey          = Key{"render.dict-key"}
	ImageBad         = Key{"render.image-bad"}
	ImageResize      = Key{"render.image-resize"}
	SVGRoot          = Key{"render.svg-root"}
	OutputForeign    = Key{"publish.foreign"}
	NoCacheDir       = Key{"search.no-cache-dir"}
)
