package server

import (
	"encoding/json"
	"html/template"
	"net/http"
	"strings"

	"github.com/jianghan-district/jianghan/internal/fingerprint"
	"github.com/jianghan-district/jianghan/internal/msg"
)

// DevScript is what serve injects before </body> of every page it builds:
// it listens for rebuilds, reloads the page, swaps a changed stylesheet in
// place, and draws the content errors over the page. It writes the errors
// with textContent, never as HTML, so a message quoting <script> or a
// title with & in it shows as written. Its words are the process
// language's; the heading, which counts the errors, comes with them. A
// stylesheet is known by its name without the fingerprint.
func DevScript() template.HTML {
	r := strings.NewReplacer("__LABEL__", jsString(msg.T(msg.OverlayLabel)), "__CLOSE__", jsString(msg.T(msg.OverlayClose)),
		"__FINGERPRINTED__", jsString(fingerprint.Pattern))
	return template.HTML(r.Replace(devScript))
}

// jsString writes s as a JavaScript string literal that is safe inside a
// <script> element: JSON with <, > and & escaped.
func jsString(s string) string {
	b, _ := json.Marshal(s) // a string always marshals
	return string(b)
}

// overlayEvent tells the browsers to show the errors, with the heading.
func overlayEvent(lines []string) event {
	return newEvent("overlay", map[string]any{"lines": lines, "title": msg.T(msg.OverlayTitle, len(lines))})
}

const devScript = `<script>/* jianghan serve */
(function () {
  "use strict";
  if (!window.EventSource) { return; }
  var es = new EventSource("` + EventsPath + `");
  var seen = null;
  var box = null;
  function clear() {
    if (box) { box.remove(); box = null; }
  }
  function overlay(lines, title) {
    clear();
    box = document.createElement("div");
    box.id = "jianghan-overlay";
    box.setAttribute("role", "alertdialog");
    box.setAttribute("aria-label", __LABEL__);
    box.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;" +
      "background:rgba(24,24,24,.94);color:#fff;padding:1.25rem;" +
      "font:14px/1.6 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace";
    var h = document.createElement("p");
    h.style.cssText = "margin:0 0 .75rem;font:600 16px/1.5 system-ui,sans-serif;color:#ffb4a8";
    h.textContent = title || "";
    var pre = document.createElement("pre");
    pre.style.cssText = "margin:0;white-space:pre-wrap;word-break:break-word";
    pre.textContent = lines.join("\n");
    var close = document.createElement("button");
    close.type = "button";
    close.textContent = __CLOSE__;
    close.style.cssText = "margin-top:1rem;font:inherit;padding:.3rem .8rem";
    close.onclick = clear;
    box.appendChild(h);
    box.appendChild(pre);
    box.appendChild(close);
    document.body.appendChild(box);
  }
  var fingerprinted = new RegExp(__FINGERPRINTED__);
  function bare(p) { return p.replace(fingerprinted, "$1$2"); }
  function swap(d) {
    var want = bare(new URL(d.href, location.href).pathname);
    var links = document.querySelectorAll('link[rel="stylesheet"]');
    for (var i = 0; i < links.length; i++) {
      var u = new URL(links[i].href, location.href);
      if (u.origin === location.origin && bare(u.pathname) === want) { links[i].href = d.href; }
    }
  }
  function on(name, f) {
    es.addEventListener(name, function (e) { f(e.data ? JSON.parse(e.data) : {}); });
  }
  on("hello", function (d) {
    var v = d.id + ":" + d.gen;
    if (seen !== null && seen !== v) { location.reload(); }
    seen = v;
  });
  on("reload", function () { location.reload(); });
  on("css", swap);
  on("overlay", function (d) { overlay(d.lines || [], d.title); });
  on("clear", clear);
})();
</script>
`

// problemPage is what serve shows before any build has succeeded: the
// errors, and the script that reloads when they are fixed.
var problemPage = template.Must(template.New("problems").Parse(`<!doctype html>
<html lang="{{.Lang}}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}} · jianghan serve</title></head>
<body style="font:16px/1.6 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem">
<h1 style="font-size:1.3rem">{{.Title}}</h1>
{{if .Lines}}<pre style="white-space:pre-wrap;background:#222;color:#fff;padding:1rem;overflow:auto">{{range .Lines}}{{.}}
{{end}}</pre>{{end}}
<p>{{.Hint}}</p>
{{.Script}}</body></html>
`))

// writeProblemPage answers a request when there is no good site to show.
func writeProblemPage(w http.ResponseWriter, r *http.Request, status int, title, hint msg.Key, lines []string) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", cacheNever)
	if status == http.StatusServiceUnavailable {
		w.Header().Set("Retry-After", "1")
	}
	w.WriteHeader(status)
	if r.Method == http.MethodHead {
		return
	}
	problemPage.Execute(w, map[string]any{"Lang": msg.Current(), "Title": msg.T(title), "Hint": msg.T(hint), "Lines": lines, "Script": DevScript()})
}

// wantsPage reports whether a request is for a page rather than an asset,
// so that only pages get the problem page.
func wantsPage(r *http.Request) bool {
	p := r.URL.Path
	return strings.HasSuffix(p, "/") || strings.HasSuffix(p, ".html") || strings.Contains(r.Header.Get("Accept"), "text/html")
}

// swKillSwitch replaces the site's service worker in serve: a worker left
// from a production visit on the same address would answer from its cache
// and hide every edit. This one takes its place, intercepts nothing, and
// unregisters itself. It does not reload the pages: the theme registers
// the worker on every page, and a reload would loop.
const swKillSwitch = `// jianghan serve: no offline cache while editing.
self.addEventListener("install", function () { self.skipWaiting(); });
self.addEventListener("activate", function (e) {
  e.waitUntil(self.registration.unregister());
});
`
