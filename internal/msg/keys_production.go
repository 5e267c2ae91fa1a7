package msg

// Keys of the production server (serve --no-watch), its HTTPS and access
// log, and of build --precompress.

// The production server: what it serves, its search index, its answers.
var (
	ProdServing           = Key{"prod.serving"}
	ProdSwitched          = Key{"prod.switched"}
	ProdIndexed           = Key{"prod.indexed"}
	ProdSearchOff         = Key{"prod.search-off"}
	ProdSearchFailed      = Key{"prod.search-failed"}
	ProdNoServeData       = Key{"prod.no-serve-data"}
	ProdBadServeData      = Key{"prod.bad-serve-data"}
	ProdCannotOpen        = Key{"prod.cannot-open"}
	ProdShuttingDown      = Key{"prod.shutting-down"}
	ProdNoHost            = Key{"prod.no-host"}
	ProdRedirecting       = Key{"prod.redirecting"}
	TLSPair               = Key{"tls.pair"}
	TLSRedirectNeeds      = Key{"tls.redirect-needs-tls"}
	TLSCannotRead         = Key{"tls.cannot-read"}
	TLSCertFor            = Key{"tls.cert-for"}
	TLSNotValidNow        = Key{"tls.not-valid-now"}
	TLSNotRenewed         = Key{"tls.not-renewed"}
	AccessLogCannotOpen   = Key{"accesslog.cannot-open"}
	AccessLogCannotReopen = Key{"accesslog.cannot-reopen"}
	ListenCannot          = Key{"listen.cannot"}
)

// The options of serve and build this part adds.
var (
	ArgFile          = Key{"cli.arg.file"}
	FlagTLSCert      = Key{"cli.flag.tls-cert"}
	FlagTLSKey       = Key{"cli.flag.tls-key"}
	FlagHTTPRedirect = Key{"cli.flag.http-redirect"}
	FlagAccessLog    = Key{"cli.flag.access-log"}
	FlagPrecompress  = Key{"cli.flag.precompress"}
)
