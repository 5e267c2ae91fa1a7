// jianghan: small enhancements shared by every page. Everything here is
// optional: pages read fully without it. It must also work opened from disk
// (file://, portable builds), where there is no service worker.
//
// - Text size: the A−/A+ buttons set --scale on <html>, remembered on the
//   device (localStorage "jianghan:scale"; an inline script in <head>
//   applies it before the first paint, so nothing jumps).
// - Offline: registers /sw.js over HTTPS or localhost, shows the notice
//   .offline-note when the page came from the worker's store
//   (<html data-offline>) or the browser is offline, and on a course page
//   shows the button that stores every lesson.
// - Course progress: the button in each .lesson-nav marks the lesson done;
//   a course page shows how many of its lessons are done. Kept in
//   localStorage under the site's root, no server.
// - Print: links in the text get data-print-url, written out on paper, and
//   folded parts (the facts of a case) open.
// - Menu: on a phone the sections fold behind the menu button.
// - Contents: on a wide screen the contents beside the text mark the
//   section being read.
//
// Its words come from the page (data-* attributes the templates fill from
// the message catalogue), so that they are in the site's language; a
// message's %d are filled in order.
(function () {
  "use strict";
  var doc = document;
  var root = doc.documentElement;
  var siteRoot = new URL(root.getAttribute("data-base") || "/", location.href);
  var each = function (sel, fn, from) { Array.prototype.forEach.call((from || doc).querySelectorAll(sel), fn); };

  function fmt(text) {
    var args = Array.prototype.slice.call(arguments, 1);
    return String(text || "").replace(/%d/g, function () { return args.length ? String(args.shift()) : ""; });
  }
  function get(k) { try { return localStorage.getItem(k); } catch (e) { return null; } }
  function put(k, v) { try { localStorage.setItem(k, v); } catch (e) { /* private mode: not remembered */ } }

  // Text size.
  var SCALES = [1, 1.15, 1.3, 1.5, 1.75, 2];
  var SCALE = "jianghan:scale";
  function scaleIndex() { return Math.max(0, SCALES.indexOf(parseFloat(root.style.getPropertyValue("--scale")) || 1)); }
  function setScale(i) {
    i = Math.max(0, Math.min(SCALES.length - 1, i));
    root.style.setProperty("--scale", String(SCALES[i]));
    put(SCALE, String(SCALES[i]));
    showScale();
  }
  function showScale() {
    var i = scaleIndex();
    each("[data-scale-step]", function (b) {
      var step = +b.getAttribute("data-scale-step");
      b.disabled = step < 0 ? i === 0 : i === SCALES.length - 1;
    });
  }
  each("[data-scale-step]", function (b) {
    b.addEventListener("click", function () { setScale(scaleIndex() + +b.getAttribute("data-scale-step")); });
  });
  showScale();

  // Menu: the button shows and hides the sections on a phone; Escape
  // closes it and gives the focus back.
  each(".menu-button[aria-controls]", function (b) {
    var nav = doc.getElementById(b.getAttribute("aria-controls"));
    if (!nav) return;
    b.addEventListener("click", function () { b.setAttribute("aria-expanded", String(b.getAttribute("aria-expanded") !== "true")); });
    doc.addEventListener("keydown", function (e) {
      if (e.key === "Escape" && b.getAttribute("aria-expanded") === "true") { b.setAttribute("aria-expanded", "false"); b.focus(); }
    });
  });

  // Offline notice.
  var note = doc.querySelector(".offline-note");
  function showOffline() {
    var off = root.hasAttribute("data-offline") || navigator.onLine === false;
    if (note) note.hidden = !off;
  }
  addEventListener("offline", showOffline);
  addEventListener("online", function () { root.removeAttribute("data-offline"); showOffline(); });
  showOffline();

  // Service worker: browsers allow it only on HTTPS and localhost.
  var sw = "serviceWorker" in navigator && window.isSecureContext && /^https?:$/.test(location.protocol);
  if (sw) {
    var register = function () {
      navigator.serviceWorker.register(new URL("sw.js", siteRoot).href, { scope: siteRoot.pathname })["catch"](function () {});
    };
    if (doc.readyState === "complete") register(); else addEventListener("load", register);
  }

  // The key a page is stored under by sw.js.
  function pageKey(href) {
    var u = new URL(href, location.href);
    u.search = "";
    u.hash = "";
    u.pathname = u.pathname.replace(/\/index\.html$/, "/");
    return u.href;
  }

  // Saving a course for offline reading.
  var course = doc.querySelector("article.course[data-course]");
  var saveBox = doc.querySelector(".offline-save");
  if (course && saveBox && sw && window.caches) {
    var btn = saveBox.querySelector("button");
    var status = saveBox.querySelector(".save-status");
    var lessons = Array.prototype.map.call(course.querySelectorAll(".lessons li[data-lesson] a[href]"), function (a) { return a.href; });
    var urls = [pageKey(location.href)].concat(lessons.map(pageKey));
    var countSaved = function () {
      Promise.all(lessons.map(function (u) { return caches.match(pageKey(u)); })).then(function (hits) {
        var n = hits.filter(Boolean).length;
        if (n === lessons.length && !btn.disabled) status.textContent = fmt(saveBox.getAttribute("data-saved"), n);
      });
    };
    saveBox.hidden = false;
    countSaved();
    btn.addEventListener("click", function () {
      // Ask the browser not to evict what the reader chose to keep.
      if (navigator.storage && navigator.storage.persist) navigator.storage.persist()["catch"](function () {});
      btn.disabled = true;
      status.textContent = fmt(saveBox.getAttribute("data-saving"));
      var heard = false;
      setTimeout(function () {
        if (heard) return;
        btn.disabled = false;
        status.textContent = fmt(saveBox.getAttribute("data-unavailable"));
      }, 15000);
      navigator.serviceWorker.ready.then(function (reg) {
        var ch = new MessageChannel();
        ch.port1.onmessage = function (e) {
          var m = e.data;
          heard = true;
          if (!m.finished) {
            status.textContent = fmt(saveBox.getAttribute("data-progress"), m.done, m.total);
            return;
          }
          btn.disabled = false;
          status.textContent = m.failed ?
            fmt(saveBox.getAttribute("data-failed"), m.done, m.failed) :
            fmt(saveBox.getAttribute("data-saved"), lessons.length);
        };
        var width = Math.ceil(Math.min(innerWidth, 748) * (window.devicePixelRatio || 1));
        (navigator.serviceWorker.controller || reg.active).postMessage({ type: "save", urls: urls, width: width }, [ch.port2]);
      });
    });
  }

  // Course progress.
  var DONE = "jianghan:" + siteRoot.pathname + ":done";
  function doneList() {
    try { var l = JSON.parse(get(DONE) || "[]"); return Array.isArray(l) ? l : []; } catch (e) { return []; }
  }
  function showProgress() {
    var done = doneList();
    each(".lesson-nav[data-lesson] .lesson-done", function (b) {
      b.setAttribute("aria-pressed", String(done.indexOf(b.closest(".lesson-nav").getAttribute("data-lesson")) >= 0));
    });
    if (!course) return;
    var items = course.querySelectorAll(".lessons li[data-lesson]");
    var p = course.querySelector(".course-progress");
    var n = 0;
    each(".lessons li[data-lesson]", function (li) {
      var d = done.indexOf(li.getAttribute("data-lesson")) >= 0;
      if (d) n++;
      li.classList.toggle("done", d);
      var mark = li.querySelector(".done-mark");
      if (d && !mark) {
        mark = doc.createElement("span");
        mark.className = "done-mark";
        mark.textContent = p ? p.getAttribute("data-done") : "✓";
        li.appendChild(mark);
      } else if (!d && mark) {
        mark.remove();
      }
    }, course);
    if (p) {
      p.textContent = fmt(p.getAttribute("data-text"), n, items.length);
      var bar = doc.createElement("progress");
      bar.max = items.length;
      bar.value = n;
      bar.setAttribute("aria-label", p.getAttribute("data-label"));
      p.appendChild(bar);
      p.hidden = false;
    }
  }
  each(".lesson-nav[data-lesson] .lesson-done", function (b) {
    b.addEventListener("click", function () {
      var lesson = b.closest(".lesson-nav").getAttribute("data-lesson");
      var done = doneList().filter(function (l) { return l !== lesson; });
      if (b.getAttribute("aria-pressed") !== "true") done.push(lesson);
      put(DONE, JSON.stringify(done.sort()));
      showProgress();
    });
  });
  addEventListener("storage", function (e) { if (e.key === DONE || e.key === null) showProgress(); });
  showProgress();

  // Print: open what is folded, and fold it again after.
  var opened = [];
  addEventListener("beforeprint", function () {
    each("details.facts:not([open])", function (d) { d.open = true; opened.push(d); });
  });
  addEventListener("afterprint", function () {
    opened.forEach(function (d) { d.open = false; });
    opened = [];
  });

  // Contents beside the text: mark the section being read.
  var toc = doc.querySelector(".doc > .toc");
  if (toc && window.IntersectionObserver) {
    var links = {};
    each("a[href^='#']", function (a) { links[decodeURIComponent(a.getAttribute("href").slice(1))] = a; }, toc);
    var current = null;
    var seen = new IntersectionObserver(function (entries) {
      entries.forEach(function (e) {
        if (!e.isIntersecting || !links[e.target.id]) return;
        if (current) current.removeAttribute("aria-current");
        current = links[e.target.id];
        current.setAttribute("aria-current", "location");
      });
    }, { rootMargin: "0px 0px -70% 0px" });
    Object.keys(links).forEach(function (id) { var h = doc.getElementById(id); if (h) seen.observe(h); });
  }

  // Print: write out where the links of the text go.
  each(".prose a[href], .case-section a[href], .objectives a[href]", function (a) {
    var h = a.getAttribute("href");
    if (!h || h.charAt(0) === "#") return;
    var u = new URL(h, location.href);
    var text = u.href;
    if (u.protocol === "file:" && text.indexOf(siteRoot.href) === 0) text = text.slice(siteRoot.href.length).replace(/index\.html$/, "");
    if (u.protocol === "mailto:") text = u.pathname;
    if (a.textContent.trim() !== text) a.setAttribute("data-print-url", text);
  });
})();
