package msg

// Keys, grouped by where people read them. Name a key after what it says,
// and give it a text in zh.go and en.go.

// Summaries the commands print.
var (
	// CountErrors is "N errors" in a summary line.
	CountErrors = Key{"count.errors"}
	// CountWarnings is "N warnings" in a summary line.
	CountWarnings = Key{"count.warnings"}
)
