// jianghan service worker: keeps the library readable where the network
// drops. jianghan build publishes it as /sw.js at the site root, after
// lines that set VERSION (a hash of this file and the shell), PRECACHE
// (the shell: home page, search page, CSS and JS, relative to the root) and
// FINGERPRINTED (the path of an asset named by its hash; group 1 is the path
// before the hash, group 2 the extension).
//
// - On install the shell is stored.
// - Every page, bundle file and search file is stored as it is read (for a
//   file read in parts by HTTP range requests, each part read). The
//   network is asked first, so a reader online always gets the newest text;
//   when it fails, or is slower than TIMEOUT and a copy is stored, the
//   stored copy is served, and a page served so carries data-offline on its
//   <html>, which site.js shows as a notice.
// - Fingerprinted assets (assets/NAME.HASH.ext) never change: stored first.
// - A page may ask, by message, to store a list of pages with their images
//   (a course's lessons): {type: "save", urls, width} with a MessagePort,
//   which gets {done, failed, total} after each page and finished: true.
// - Stored pages survive a new version of the worker; only the shell is
//   replaced. Caches are named after the scope, so two sites on one host
//   never mix.
"use strict";

const SCOPE = self.registration.scope;
const SHELL = "jianghan-shell-" + VERSION + "@" + SCOPE;
const PAGES = "jianghan-pages@" + SCOPE;
const TIMEOUT = 6000;

self.addEventListener("install", (e) => {
  e.waitUntil(
    caches.open(SHELL)
      .then((c) => c.addAll(PRECACHE.map((u) => new Request(u, { cache: "reload" }))))
      .then(() => self.skipWaiting())
  );
});

// On activation the shells of earlier versions go. (Only then: a worker
// that deleted other shells later could delete the shell of a newer one
// that is being installed.)
self.addEventListener("activate", (e) => {
  e.waitUntil(
    caches.keys()
      .then((names) => Promise.all(names
        .filter((n) => n.startsWith("jianghan-shell-") && n.endsWith("@" + SCOPE) && n !== SHELL)
        .map((n) => caches.delete(n))))
      .then(() => self.clients.claim())
  );
});

// key is the URL a response is stored under: no query or fragment, and a
// folder's index.html is the folder.
function key(u) {
  const url = new URL(u, SCOPE);
  url.search = "";
  url.hash = "";
  if (url.pathname.endsWith("/index.html")) url.pathname = url.pathname.slice(0, -10);
  return url.href;
}

self.addEventListener("fetch", (e) => {
  const req = e.request;
  if (req.method !== "GET" || !req.url.startsWith(SCOPE)) return;
  const path = new URL(req.url).pathname;
  if (path.includes("/api/") || (req.headers.get("accept") || "").includes("text/event-stream") ||
      req.destination === "video" || req.destination === "audio") return;
  if (req.headers.has("range")) e.respondWith(ranged(e));
  else e.respondWith(FINGERPRINTED.test(path) ? storedFirst(e) : networkFirst(e));
});

// stem is a stored URL without what changes between builds or sizes: the
// hash of an asset (site.3f2a9c1d.css) or the width of an image copy
// (photo.720w.jpg).
function stem(u) {
  const k = key(u);
  return FINGERPRINTED.test(new URL(k).pathname) ?
    k.replace(FINGERPRINTED, "$1$2") : k.replace(/\.\d+w(\.(?:jpe?g|png))$/i, "$1");
}

// lookup finds the stored answer to req; unless exact, another version of
// the same file will do.
async function lookup(req, exact) {
  // caches.match with a cacheName never creates the cache, as caches.open
  // would: a worker being replaced should not bring back the shell its
  // successor deleted.
  const k = key(req.url);
  const hit = (await caches.match(k, { cacheName: PAGES })) || (await caches.match(k, { cacheName: SHELL }));
  if (hit || exact || req.mode === "navigate") return hit;
  // An image size never loaded, or the stylesheet of a page stored before
  // the site was rebuilt: another stored version of the same file.
  const want = stem(req.url);
  for (const name of [SHELL, PAGES]) {
    if (!(await caches.has(name))) continue;
    const c = await caches.open(name);
    for (const r of await c.keys()) {
      if (stem(r.url) === want) return c.match(r);
    }
  }
  return undefined;
}

function store(e, res) {
  if (res.status === 200 && res.type === "basic" && !/no-store/.test(res.headers.get("cache-control") || "")) {
    const copy = res.clone();
    e.waitUntil(caches.open(PAGES).then((c) => c.put(key(e.request.url), copy)).catch(() => {}));
  }
  return res;
}

async function storedFirst(e) {
  const hit = await lookup(e.request, true);
  if (hit) return hit;
  try {
    return store(e, await fetch(e.request));
  } catch (err) {
    return (await lookup(e.request, false)) || Response.error();
  }
}

async function networkFirst(e) {
  const req = e.request;
  // A page is always checked with the server (a cheap 304 when unchanged):
  // served from the HTTP cache it could be stale, and an offline reader
  // would not be told.
  const net = fetch(req, req.mode === "navigate" ? { cache: "no-cache" } : undefined).then((res) => store(e, res));
  e.waitUntil(net.catch(() => {})); // keeps the worker alive to store a late answer
  let timer;
  const slow = new Promise((resolve) => { timer = setTimeout(resolve, TIMEOUT); });
  try {
    const res = await Promise.race([net, slow]);
    if (res) return res;
  } catch (err) {
    // no network: fall through to the stored copy
  } finally {
    clearTimeout(timer);
  }
  const hit = await lookup(req, false);
  if (hit) return marked(req, hit);
  try {
    return await net;
  } catch (err) {
    return notStored(req);
  }
}

// ranged answers a request for part of a file (search.js reads document
// texts so). Each part read is stored, as a whole response under the file's
// key plus "?range=…", since the cache refuses 206 answers; offline it is
// served again as a 206, or cut from the whole file if that is stored.
async function ranged(e) {
  const req = e.request;
  const range = (req.headers.get("range") || "").replace(/\s/g, "");
  const k = key(req.url) + "?range=" + encodeURIComponent(range);
  try {
    const res = await fetch(req);
    if (res.status === 206 && res.type === "basic") {
      const copy = res.clone();
      e.waitUntil(copy.arrayBuffer()
        .then((b) => caches.open(PAGES).then((c) => c.put(k, new Response(b, { status: 200, headers: copy.headers }))))
        .catch(() => {}));
      return res;
    }
    return store(e, res);
  } catch (err) {
    const part = await caches.match(k, { cacheName: PAGES });
    if (part) return new Response(part.body, { status: 206, statusText: "Partial Content", headers: part.headers });
    const whole = await lookup(req, true);
    const m = /^bytes=(\d+)-(\d*)$/.exec(range);
    if (!whole || !m) return Response.error();
    const buf = await whole.arrayBuffer();
    const a = +m[1];
    const b = Math.min(m[2] ? +m[2] : buf.byteLength - 1, buf.byteLength - 1);
    if (a > b) return new Response(null, { status: 416, headers: { "Content-Range": "bytes */" + buf.byteLength } });
    return new Response(buf.slice(a, b + 1), { status: 206, statusText: "Partial Content", headers: {
      "Content-Type": whole.headers.get("content-type") || "application/octet-stream",
      "Content-Range": "bytes " + a + "-" + b + "/" + buf.byteLength,
    } });
  }
}

// marked returns a stored page with data-offline on its <html>.
async function marked(req, res) {
  if (req.mode !== "navigate" || !(res.headers.get("content-type") || "").includes("text/html")) return res;
  const text = (await res.text()).replace(/<html\b/i, "<html data-offline=\"\"");
  const headers = new Headers(res.headers);
  headers.delete("content-length");
  return new Response(text, { status: res.status, statusText: res.statusText, headers });
}

function notStored(req) {
  if (req.mode !== "navigate") return Response.error();
  const css = PRECACHE.find((p) => p.endsWith(".css"));
  const html = "<!doctype html><html lang=\"zh-CN\" data-offline=\"\"><head><meta charset=\"utf-8\">" +
    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>此页未保存到本机</title>" +
    (css ? "<link rel=\"stylesheet\" href=\"" + new URL(css, SCOPE).href + "\">" : "") +
    "</head><body><main id=\"main\" class=\"offline-page\"><h1>此页未保存到本机</h1>" +
    "<p>现在连不上网络，这一页以前没有打开过，本机没有它的副本。联网后再打开；读过的页面和保存过的课程，离线时照样能读。</p>" +
    "<p class=\"more\"><a href=\"" + SCOPE + "\">回到首页</a></p></main></body></html>";
  return new Response(html, { status: 503, headers: { "Content-Type": "text/html; charset=utf-8" } });
}

// images lists the image files a page shows: from an <img>'s srcset the
// smallest copy at least width pixels wide (the one a phone of that width
// loads; not the original, which may be large), else its src.
function images(html, base, width) {
  const out = [];
  const attr = (tag, name) => {
    const m = new RegExp("\\s" + name + "=\"([^\"]*)\"", "i").exec(tag);
    return m ? m[1].replace(/&amp;/g, "&").replace(/&#34;/g, "\"") : "";
  };
  for (const m of html.matchAll(/<img\b[^>]*>/gi)) {
    const set = attr(m[0], "srcset").split(",").map((c) => c.trim().split(/\s+/))
      .filter((c) => c[0]).map((c) => [c[0], parseInt(c[1], 10) || 0]).sort((a, b) => a[1] - b[1]);
    const pick = set.find((c) => c[1] >= width) || set[set.length - 1];
    const src = pick ? pick[0] : attr(m[0], "src");
    if (src) out.push(new URL(src, base).href);
  }
  return [...new Set(out)].filter((u) => u.startsWith(SCOPE));
}

async function save(urls, width, port) {
  const pages = await caches.open(PAGES);
  const put = async (u) => {
    const res = await fetch(u, { cache: "no-cache" });
    if (!res.ok) throw new Error(u + ": " + res.status);
    const body = await res.blob();
    await pages.put(key(u), new Response(body, { status: 200, headers: res.headers }));
    return body;
  };
  let done = 0;
  let failed = 0;
  port.postMessage({ done, failed, total: urls.length });
  for (const u of urls) {
    try {
      if (!u.startsWith(SCOPE)) throw new Error(u + ": outside the site");
      const body = await put(u);
      for (const img of images(await body.text(), u, width)) {
        await put(img).catch(() => {});
      }
      done++;
    } catch (err) {
      failed++;
    }
    port.postMessage({ done, failed, total: urls.length });
  }
  port.postMessage({ done, failed, total: urls.length, finished: true });
}

self.addEventListener("message", (e) => {
  const m = e.data || {};
  if (m.type === "save" && Array.isArray(m.urls) && e.ports[0]) {
    e.waitUntil(save(m.urls, m.width || 720, e.ports[0]));
  }
});
