// Package sitetest checks the built sample library the way a community
// worker meets it: on a phone, often with no network, sometimes opened from
// a USB stick, sometimes on paper. Its tests build /work/main/content (with
// a photo and a picture added to one case, to exercise image resizing) into
// a temporary folder, serve it on 127.0.0.1 with net/http/httptest, and drive
// Debian's Chromium through chromedp (see internal/browsertest) at a 360×640
// phone viewport:
//
//   - phone layout of every page kind: no sideways scroll, text at least
//     16 px, tap targets at least 44 px, tables scrolling in their own box,
//     images inside the screen, also at the largest text size;
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
package sitetest
