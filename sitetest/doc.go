// Package sitetest checks the built sample library the way a community
// worker meets it: on a phone, often with no network, sometimes opened from
// a USB stick, sometimes on paper, and on an office desktop. Its tests
// build the repository's content/ (with a photo and a picture added to one
// case, to exercise image resizing) into a temporary folder, serve it on
// 127.0.0.1 with net/http/httptest, and drive Debian's Chromium through
// chromedp (see internal/browsertest) at a 360×640 phone viewport and a
// 1280×900 desktop one, measuring the layout the browser made
// (getBoundingClientRect), not the HTML:
//
//   - phone layout of every page kind: no sideways scroll, text at least
//     16 px, tap targets at least 44 px, tables scrolling in their own box,
//     images inside the screen, also at the largest text size; the same at
//     1280×900 without the tap sizes;
//   - reading order: every case shows its 问题 heading on the first screen,
//     after the title, a one-line facts bar that opens on a tap and the
//     summary, with a lesson's course as one line above the title and its
//     previous and next lessons after the text; lectures, guides and
//     chapters start their text on the first screen;
//   - the main menu: every section reachable on a phone from one button,
//     without scripts too, in one row on a desktop, the current one marked;
//     one vocabulary for the sections wherever a page names them;
//   - the desktop: contents in a sticky column right of a text of reading
//     width, lessons or chapters in one on its left;
//   - the handbook: chapters numbered once, linked to the one before and
//     after;
//   - details: dates on one line, rows of search filters that show they
//     scroll or wrap, the 404 page's search box, cards that do not repeat
//     what their list says;
//   - bundle images: srcset, sizes, width and height, lazy loading, the
//     resized copy the phone picks;
//   - text size A−/A+, remembered across pages;
//   - the service worker: shell precached, pages and search files stored as
//     read, served with an offline notice when the server is gone, a
//     course saved for offline reading in one tap;
//   - plain HTTP, where browsers refuse service workers: nothing breaks;
//   - HTTPS on an intranet name (serve --no-watch with a certificate of a
//     test CA): the service worker registers, pages read offline;
//   - course progress kept in the browser;
//   - the --portable build opened from file://, search included;
//   - printing the handbook and a case to A4 PDF.
//
// The byte budget of a case page is checked without a browser. Browser
// tests skip when Chromium is absent unless JIANGHAN_REQUIRE_BROWSER=1.
// bench/screenshots.sh saves screenshots of every page kind at both sizes.
package sitetest
