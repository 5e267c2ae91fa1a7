package msg

// Untrusted input: names that become paths, text that is not UTF-8 or holds
// control characters, files too large, YAML aliases, symbolic links, and
// the output folder. Each says what is wrong and how to put it right.
var (
	// CharControl names a control character in a message: "U+001B".
	CharControl = Key{"char.control"}
	// CharNotUTF8 names bytes that are not UTF-8 in a message.
	CharNotUTF8 = Key{"char.not-utf8"}
	// CharLeadingDot names a name's leading dot in a message.
	CharLeadingDot = Key{"char.leading-dot"}
	// CharDots names a name that is only dots in a message.
	CharDots = Key{"char.dots"}
	// CharPrintable names a printable character in a message.
	CharPrintable = Key{"char.printable"}

	// SlugUnsafe is a slug that cannot be a URL segment.
	SlugUnsafe = Key{"name.slug-unsafe"}
	// TermUnsafe is a tag, street, topic or method that cannot be a URL segment.
	TermUnsafe = Key{"name.term-unsafe"}
	// FileNameUnsafe is a file under content/ whose name cannot be a URL.
	FileNameUnsafe = Key{"name.file-unsafe"}

	// TextNotUTF8 is a file that is not UTF-8, at its first bad line.
	TextNotUTF8 = Key{"text.not-utf8"}
	// TextLooksGBK is a file that is not UTF-8 and reads as GBK.
	TextLooksGBK = Key{"text.looks-gbk"}
	// TextControl is a control character in a front matter or site.yaml value.
	TextControl = Key{"text.control"}
	// PageTooLarge is a page file over the size limit.
	PageTooLarge = Key{"text.page-too-large"}
	// ConfigTooLarge is a site.yaml over the size limit.
	ConfigTooLarge = Key{"text.config-too-large"}
	// YAMLAliasCycle is an alias used inside its own anchor.
	YAMLAliasCycle = Key{"yaml.alias-cycle"}
	// YAMLAliasBudget is aliases that expand to too many values.
	YAMLAliasBudget = Key{"yaml.alias-budget"}
	// TOMLNesting is TOML front matter whose arrays nest too deep.
	TOMLNesting = Key{"toml.nesting"}
	// MarkdownNesting is a line whose blocks nest too deep.
	MarkdownNesting = Key{"markdown.nesting"}
	// MarkdownTooComplex is a page whose paragraphs leave too many
	// brackets and links unclosed.
	MarkdownTooComplex = Key{"markdown.too-complex"}
	// MarkdownMarks is a page with too many marks to weigh (* _ ~ [ < `).
	MarkdownMarks = Key{"markdown.marks"}
	// ConvertPanic is a page whose conversion failed inside jianghan.
	ConvertPanic = Key{"page.convert-panic"}
	// JobPanic is an output file whose making failed inside jianghan.
	JobPanic = Key{"render.job-panic"}
	// ReadPanic is front matter whose reading failed inside a library.
	ReadPanic = Key{"page.read-panic"}
	// FileNotRegular is an entry under content/ that is not a file or folder.
	FileNotRegular = Key{"file.not-regular"}
	// LinkToDraft is a Markdown link to a page left out as a draft.
	LinkToDraft = Key{"page.link-to-draft"}

	// LinkOutside is a symbolic link in content/ or the theme that leaves the site.
	LinkOutside = Key{"link.outside"}
	// LinkFolder is a symbolic link to a folder, which is not followed.
	LinkFolder = Key{"link.folder"}
	// LinkBroken is a symbolic link whose target does not exist.
	LinkBroken = Key{"link.broken"}

	// OutIsSite refuses the site folder itself as the output.
	OutIsSite = Key{"out.is-site"}
	// OutInContent refuses an output folder inside content/.
	OutInContent = Key{"out.in-content"}
	// OutInTheme refuses an output folder inside the site's theme.
	OutInTheme = Key{"out.in-theme"}
	// OutHoldsSite refuses an output folder that holds the site.
	OutHoldsSite = Key{"out.holds-site"}
	// OutIsHome refuses the home folder as the output.
	OutIsHome = Key{"out.is-home"}
	// OutIsRoot refuses the file system's root as the output.
	OutIsRoot = Key{"out.is-root"}
	// OutSideForeign is a folder beside the output, under a name the build
	// uses, that the build did not make.
	OutSideForeign = Key{"out.side-foreign"}
	// OutEscapes refuses a write or delete that would leave the output.
	OutEscapes = Key{"out.escapes"}
)
