package server

import (
	"html/template"
	"net/http"
	"strings"
)

// DevScript is what serve injects before </body> of every page it builds:
// it listens for rebuilds, reloads the page, swaps a changed stylesheet in
// place, and draws the content errors over the page. It writes the errors
// with textContent, never as HTML, so a message quoting <script> or a
// title with & in it shows as written.
const DevScript template.HTML = `<script>/* jianghan serve：保存即刷新 */
(function () {
  "use strict";
  if (!window.EventSource) { return; }
  var es = new EventSource("` + EventsPath + `");
  var seen = null;
  var box = null;
  function clear() {
    if (box) { box.remove(); box = null; }
  }
  function overlay(lines) {
    clear();
    box = document.createElement("div");
    box.id = "jianghan-overlay";
    box.setAttribute("role", "alertdialog");
    box.setAttribute("aria-label", "内容错误");
    box.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;" +
      "background:rgba(24,24,24,.94);color:#fff;padding:1.25rem;" +
      "font:14px/1.6 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace";
    var h = document.createElement("p");
    h.style.cssText = "margin:0 0 .75rem;font:600 16px/1.5 system-ui,sans-serif;color:#ffb4a8";
    h.textContent = "内容有 " + lines.length + " 处错误，页面仍是上次成功生成的版本。改正后会自动刷新：";
    var pre = document.createElement("pre");
    pre.style.cssText = "margin:0;white-space:pre-wrap;word-break:break-word";
    pre.textContent = lines.join("\n");
    var close = document.createElement("button");
    close.type = "button";
    close.textContent = "暂时关闭";
    close.style.cssText = "margin-top:1rem;font:inherit;padding:.3rem .8rem";
    close.onclick = clear;
    box.appendChild(h);
    box.appendChild(pre);
    box.appendChild(close);
    document.body.appendChild(box);
  }
  function bare(p) { return p.replace(/\.[0-9a-f]{8}(\.css)$/, "$1"); }
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
  on("overlay", function (d) { overlay(d.lines || []); });
  on("clear", clear);
})();
</script>
`

// problemPage is what serve shows before any build has succeeded: the
// errors, and the script that reloads when they are fixed.
var problemPage = template.Must(template.New("problems").Parse(`<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
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
func writeProblemPage(w http.ResponseWriter, r *http.Request, status int, title, hint string, lines []string) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", cacheNever)
	if status == http.StatusServiceUnavailable {
		w.Header().Set("Retry-After", "1")
	}
	w.WriteHeader(status)
	if r.Method == http.MethodHead {
		return
	}
	problemPage.Execute(w, map[string]any{"Title": title, "Hint": hint, "Lines": lines, "Script": DevScript})
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
