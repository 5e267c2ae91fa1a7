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

// The pages' words: the default theme writes them with {{t "id"}} (see
// generator/render), in the site's language. The kinds' names are above;
// the taxonomies' come first; model.Taxonomy.Key returns them.
var (
	// TaxTopics is the taxonomy of topics.
	TaxTopics = Key{"taxonomy.topics"}
	// TaxStreets is the taxonomy of streets.
	TaxStreets = Key{"taxonomy.streets"}
	// TaxMethods is the taxonomy of work methods.
	TaxMethods = Key{"taxonomy.methods"}
	// TaxTags is the taxonomy of free tags.
	TaxTags = Key{"taxonomy.tags"}
	// SkipMain is the link that skips the header.
	SkipMain = Key{"skip.main"}
	// NavLabel is names the main menu for screen readers.
	NavLabel = Key{"nav.label"}
	// NavMenu is the phone's button that opens the main menu.
	NavMenu = Key{"nav.menu"}
	// TextSizeLabel is names the A−/A+ buttons.
	TextSizeLabel = Key{"textsize.label"}
	// TextSizeSmaller is the A− button.
	TextSizeSmaller = Key{"textsize.smaller"}
	// TextSizeLarger is the A+ button.
	TextSizeLarger = Key{"textsize.larger"}
	// SearchSite is labels the header's search box.
	SearchSite = Key{"search.site"}
	// SearchPlaceholder is the header's search box, empty.
	SearchPlaceholder = Key{"search.placeholder"}
	// SearchSubmit is the search button.
	SearchSubmit = Key{"search.submit"}
	// OfflineNote is the notice on a page served from the device's store.
	OfflineNote = Key{"offline.note"}
	// CrumbsLabel is names the breadcrumb trail.
	CrumbsLabel = Key{"crumbs.label"}
	// CrumbsHome is the first step of the breadcrumb trail.
	CrumbsHome = Key{"crumbs.home"}
	// FeedTitle is the feed's title.
	FeedTitle = Key{"feed.title"}
	// FooterFeed is the footer's feed link.
	FooterFeed = Key{"footer.feed"}
	// FooterSitemap is the footer's sitemap link.
	FooterSitemap = Key{"footer.sitemap"}
	// FooterPrint is the footer's link to the printable handbook.
	FooterPrint = Key{"footer.print"}
	// TableLabel is names a table's scrolling box.
	TableLabel = Key{"table.label"}
	// PagedTitle is a list's title past its first page.
	PagedTitle = Key{"page.numbered"}
	// PagerLabel is names a list's pager.
	PagerLabel = Key{"pager.label"}
	// PagerPrev is the pager's link back.
	PagerPrev = Key{"pager.prev"}
	// PagerNext is the pager's link on.
	PagerNext = Key{"pager.next"}
	// PagerPosition is where the pager stands.
	PagerPosition = Key{"pager.position"}
	// TocLabel is the page's table of contents.
	TocLabel = Key{"toc.label"}
	// HomeSections is names the home page's list of sections.
	HomeSections = Key{"home.sections"}
	// HomeCountCases is how many cases.
	HomeCountCases = Key{"home.count.cases"}
	// HomeCountLectures is how many lectures.
	HomeCountLectures = Key{"home.count.lectures"}
	// HomeCountCourses is how many courses.
	HomeCountCourses = Key{"home.count.courses"}
	// HomeCountGuides is how many guides.
	HomeCountGuides = Key{"home.count.guides"}
	// HomeCountWorkers is how many workers.
	HomeCountWorkers = Key{"home.count.workers"}
	// HomeCountChapters is how many chapters.
	HomeCountChapters = Key{"home.count.chapters"}
	// HomeNewest is the home page's list of new cases.
	HomeNewest = Key{"home.newest"}
	// HomeAllCases is the link to every case.
	HomeAllCases = Key{"home.all.cases"}
	// BrowseBy is a taxonomy's index: 按主题浏览.
	BrowseBy = Key{"browse.by"}
	// TermTitle is a term page's title: 主题：居民自治.
	TermTitle = Key{"term.title"}
	// TermCount is how many pages a term has.
	TermCount = Key{"term.count"}
	// FactsMore is the folded facts line when nothing else can stand in it.
	FactsMore = Key{"facts.more"}
	// FactsStreet is a case's street.
	FactsStreet = Key{"facts.street"}
	// FactsCommunity is a case's community.
	FactsCommunity = Key{"facts.community"}
	// FactsDate is a case's date.
	FactsDate = Key{"facts.date"}
	// FactsTopics is a page's topics.
	FactsTopics = Key{"facts.topics"}
	// FactsMethods is a case's methods.
	FactsMethods = Key{"facts.methods"}
	// FactsWorkers is the workers a page names.
	FactsWorkers = Key{"facts.workers"}
	// FactsTags is a page's tags.
	FactsTags = Key{"facts.tags"}
	// FactsSpeaker is a lecture's speaker.
	FactsSpeaker = Key{"facts.speaker"}
	// FactsSpeakerGist is a lecture's speaker in the folded facts line.
	FactsSpeakerGist = Key{"facts.speaker.gist"}
	// FactsDuration is a lecture's length.
	FactsDuration = Key{"facts.duration"}
	// FactsAudience is who a guide is for.
	FactsAudience = Key{"facts.audience"}
	// FactsAudienceGist is who a guide is for, in the folded facts line.
	FactsAudienceGist = Key{"facts.audience.gist"}
	// DurationHours is hours of a lecture.
	DurationHours = Key{"duration.hours"}
	// DurationMinutes is minutes of a lecture.
	DurationMinutes = Key{"duration.minutes"}
	// DurationSeconds is seconds of a lecture.
	DurationSeconds = Key{"duration.seconds"}
	// CaseMarkProblem is the mark before a case's 问题 heading.
	CaseMarkProblem = Key{"case.mark.problem"}
	// CaseMarkSolution is the mark before a case's 解决方案 heading.
	CaseMarkSolution = Key{"case.mark.solution"}
	// CaseMarkOutcome is the mark before a case's 成效 heading.
	CaseMarkOutcome = Key{"case.mark.outcome"}
	// CaseMarkReflection is the mark before a case's 反思 heading.
	CaseMarkReflection = Key{"case.mark.reflection"}
	// RelatedLectures is a case's lectures.
	RelatedLectures = Key{"related.lectures"}
	// RelatedCourses is the courses a page is a lesson of.
	RelatedCourses = Key{"related.courses"}
	// RelatedCases is a case's related cases.
	RelatedCases = Key{"related.cases"}
	// RelatedCiting is a lecture's cases.
	RelatedCiting = Key{"related.citing"}
	// LectureObjectives is a lecture's objectives.
	LectureObjectives = Key{"lecture.objectives"}
	// VideoUnsupported is inside <video>, for browsers without video.
	VideoUnsupported = Key{"video.unsupported"}
	// VideoDownload is the video's download link.
	VideoDownload = Key{"video.download"}
	// LessonPosition is a lesson's place in its course.
	LessonPosition = Key{"lesson.position"}
	// LessonList is names the list of a course's lessons beside a lesson.
	LessonList = Key{"lesson.list"}
	// LessonNav is names the course links at the end of a lesson.
	LessonNav = Key{"lesson.nav"}
	// LessonDone is the button that marks a lesson learnt.
	LessonDone = Key{"lesson.done"}
	// LessonPrev is the link to the previous lesson.
	LessonPrev = Key{"lesson.prev"}
	// LessonNext is the link to the next lesson.
	LessonNext = Key{"lesson.next"}
	// CourseLessons is the heading of a course's lessons.
	CourseLessons = Key{"course.lessons"}
	// CourseProgress is a course's progress, filled in by site.js.
	CourseProgress = Key{"course.progress"}
	// CourseProgressLabel is names the progress bar.
	CourseProgressLabel = Key{"course.progress.label"}
	// CourseDoneMark is the mark on a finished lesson.
	CourseDoneMark = Key{"course.done.mark"}
	// CourseSave is the button that stores a course.
	CourseSave = Key{"course.save"}
	// CourseSaveSaving is while a course is being stored.
	CourseSaveSaving = Key{"course.save.saving"}
	// CourseSaveProgress is how far storing a course has come.
	CourseSaveProgress = Key{"course.save.progress"}
	// CourseSaveSaved is a course stored.
	CourseSaveSaved = Key{"course.save.saved"}
	// CourseSaveFailed is a course stored in part.
	CourseSaveFailed = Key{"course.save.failed"}
	// CourseSaveUnavailable is the store did not answer.
	CourseSaveUnavailable = Key{"course.save.unavailable"}
	// WorkerPortrait is a worker's portrait.
	WorkerPortrait = Key{"worker.portrait"}
	// WorkerMethod is a worker's named method.
	WorkerMethod = Key{"worker.method"}
	// WorkerCertificate is a worker's certificate.
	WorkerCertificate = Key{"worker.certificate"}
	// WorkerAwards is a worker's awards.
	WorkerAwards = Key{"worker.awards"}
	// WorkerCases is the cases a worker took part in.
	WorkerCases = Key{"worker.cases"}
	// WorkerLectures is a worker's lectures.
	WorkerLectures = Key{"worker.lectures"}
	// WorkerGuides is a worker's guides.
	WorkerGuides = Key{"worker.guides"}
	// HandbookChapters is names the list of chapters beside a chapter.
	HandbookChapters = Key{"handbook.chapters"}
	// HandbookNav is names the chapter links at the end of a chapter.
	HandbookNav = Key{"handbook.nav"}
	// HandbookPrev is the link to the previous chapter.
	HandbookPrev = Key{"handbook.prev"}
	// HandbookNext is the link to the next chapter.
	HandbookNext = Key{"handbook.next"}
	// HandbookPrint is the link to the printable handbook.
	HandbookPrint = Key{"handbook.print"}
	// HandbookPrintPage is the printable handbook's title.
	HandbookPrintPage = Key{"handbook.print.page"}
	// HandbookPrintTitle is the heading of the printed handbook.
	HandbookPrintTitle = Key{"handbook.print.title"}
	// HandbookContents is the printed handbook's contents.
	HandbookContents = Key{"handbook.contents"}
	// SearchTitle is the search page's title.
	SearchTitle = Key{"search.title"}
	// SearchDescription is the search page's description.
	SearchDescription = Key{"search.description"}
	// SearchLabel is labels a search box.
	SearchLabel = Key{"search.label"}
	// SearchExample is the search page's box, empty.
	SearchExample = Key{"search.example"}
	// SearchNoJS is the search page without scripts.
	SearchNoJS = Key{"search.nojs"}
	// NotFoundTitle is the 404 page's title.
	NotFoundTitle = Key{"notfound.title"}
	// NotFoundText is the 404 page's text.
	NotFoundText = Key{"notfound.text"}
	// NotFoundHome is the 404 page's link home.
	NotFoundHome = Key{"notfound.home"}
	// ThemeUnknownKey is a template's {{t}} names no message.
	ThemeUnknownKey = Key{"theme.unknown.key"}
)
