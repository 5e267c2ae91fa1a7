// Package incremental keeps a loaded site up to date one saved file at a
// time, for serve: a trainer saves a case and sees the page change at once,
// on a library of ten thousand cases. Every command reads a site through
// its Load, so that check, build and serve report the same problems in the
// same words; package generator is its front door (generator.Load,
// generator.LoadIncremental, Project.Apply).
//
// # State
//
// A State holds the linked model (model.Site) and three things beside it:
//
//   - files: every page file as last read — its bytes, the page it gave, its
//     problems — by kind-folder entry ("content/cases/lift.md" or the
//     bundle folder "content/cases/lift"), and which file publishes each
//     page key (two files may claim one URL; the first by name wins).
//   - problems: every other diagnostic, kept by what Apply reads again to
//     update it (site.yaml, a walked folder, the theme, the site-wide checks).
//   - output: what each output file's job read when it last ran (its
//     render.Deps), which of those inputs changed since, and the keys of the
//     site's lists and links as last compared.
//
// # From a batch of changes to a plan of jobs
//
// Apply takes the paths that changed on disk (changes.go) and sorts them:
// page entries, bundle files, static files, theme files, or something that
// needs the whole site read again (site.yaml, a kind folder). Then update
// (update.go) goes step by step:
//
//  1. read content/static again when it changed;
//  2. read each changed entry again, skipping a file saved as it was, and
//     file it under the page key it publishes;
//  3. bring drafts and unreadable pages up to date;
//  4. for each affected page key decide which file publishes it: the same
//     file read again updates its page in place (links.go), so that every
//     list holding it stays valid; otherwise the page leaves or joins the
//     site;
//  5. tell from the keys of the front matter (keys.go) how far an in-place
//     change reaches: nothing but the page itself, its card (title, date,
//     summary… with the page in the same place of every list), or its
//     place in lists and links (the site is linked again);
//  6. render again the Markdown of the changed pages and of those whose
//     links may now point elsewhere;
//  7. when the shape of the site changed, compare every list and every
//     page's links by their keys (shape.go).
//
// Each step marks inputs dirty (render.Dep): a page (DepPage), its card
// (DepCard), a list (DepList), a template, an asset, a file. The plan
// (delta.go) is then the jobs that are new, plus every job that read a
// dirty input when it last ran, found through an index from input to
// output paths; the output paths no job makes any more are Removed.
// The caller runs the jobs and commits the Delta; only then does what the
// jobs read replace what they read before. An uncommitted delta leaves its
// work for the next Apply.
//
// # How dependencies are recorded
//
// Nothing is predicted: a job records, while it renders, what its template
// reached through render.Data — the page it is about, the card of every
// page it shows or links to (Data.Part, Data.PageLink), the lists it showed
// (Data.List, .Site.Cases, Data.Terms), its template and the assets it named
// (see render/deps.go). A page of a paginated list reads only its own slice
// (render.ListPage: the pages it shows and the length of the list), so a
// case whose date moves it reruns the list pages between its two places. A copy job declares its source. So a theme that
// shows another list, or a card on another page, is followed without a
// change here.
//
// # Adding a field
//
// A new front matter field of model.Page or of a kind goes into cardFields
// or placeFields in keys.go (keys_test.go fails until it does); a field
// that linking fills in goes into pageLinks in links.go and into linksKey
// in shape.go.
//
// The guarantee, tested in incremental_test.go: the jobs of the whole site,
// run after any sequence of Apply calls, give the same bytes as a fresh
// build.
package incremental
