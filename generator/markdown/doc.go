// Package markdown converts the Chinese Markdown bodies of jianghan pages to
// HTML, and reports what the rest of the generator needs from them: heading
// ids for tables of contents, the body cut into sections at level-2 headings
// (a case's 问题 and 解决方案), plain text for the search index and summaries,
// and the links and images that did not resolve, positioned for the author.
//
// The dialect is CommonMark plus GFM tables, task lists, strikethrough and
// autolinks, and footnotes, built on goldmark. Typographic replacement is
// off so Chinese quotation marks stay as written. Three things goldmark does
// not do well for Chinese are fixed here, each as a goldmark extension in
// its own file that can be used on its own:
//
//   - cjkemphasis.go: `这是**「重点」**内容` becomes <strong>; CommonMark's
//     flanking rules need spaces around emphasis that Chinese does not have.
//     Implements the CJK-friendly amendments to CommonMark.
//   - softbreaks.go: a line wrapped inside a Chinese sentence joins without a
//     space, also around emphasis, links and full-width punctuation.
//   - headingids.go: `## 问题` gets id="问题", not "heading".
//
// links.go sends relative link and image destinations through a per-call
// Resolver. Converter (markdown.go) puts it all together; New builds the
// goldmark instance once, and Convert may be called from many goroutines.
package markdown
