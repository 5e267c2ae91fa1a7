package msg

// Keys of serve: its terminal lines, the overlay drawn on the page and the
// page shown while there is no good site.

// serve: the terminal, the overlay on the page, the problem page.
var (
	ServeListening      = Key{"serve.listening"}
	ServeStopped        = Key{"serve.stopped"}
	ServeBuilt          = Key{"serve.built"}
	ServeFailed         = Key{"serve.failed"}
	ServeStyles         = Key{"serve.styles"}
	ServeRebuilt        = Key{"serve.rebuilt"}
	ServeFixed          = Key{"serve.fixed"}
	ServeFilesMore      = Key{"serve.files-more"}
	ServeFatal          = Key{"serve.fatal"}
	ServeWatchError     = Key{"serve.watch-error"}
	ServeCannotWatch    = Key{"serve.cannot-watch"}
	ServeCannotListen   = Key{"serve.cannot-listen"}
	ServeNoEarlierBuild = Key{"serve.no-earlier-build"}
	ServePrevious       = Key{"serve.previous"}
	ServeBuiltInto      = Key{"serve.built-into"}
	ServeSearchOff      = Key{"serve.search-off"}
	ServeSearchError    = Key{"serve.search-error"}
	ServeSearchIndexed  = Key{"serve.search-indexed"}
	ServeNotFound       = Key{"serve.not-found"}
	ServeSearchIndex    = Key{"serve.search-index"}
	ServeSearchNotReady = Key{"serve.search-not-ready"}
	PageCannotRead      = Key{"serve.page.cannot-read"}
	PageCannotReadHint  = Key{"serve.page.cannot-read-hint"}
	PageBuilding        = Key{"serve.page.building"}
	PageBuildingHint    = Key{"serve.page.building-hint"}
	PageErrors          = Key{"serve.page.errors"}
	PageErrorsHint      = Key{"serve.page.errors-hint"}
	OverlayTitle        = Key{"serve.overlay.title"}
	OverlayLabel        = Key{"serve.overlay.label"}
	OverlayClose        = Key{"serve.overlay.close"}
)
