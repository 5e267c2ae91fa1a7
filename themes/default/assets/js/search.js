/* jianghan site search: queries the static index that search.WriteStatic
 * writes to {base}search/, ranking exactly as the server's bleve index does.
 * Plain JavaScript, no build step, no libraries. The analysis, query parsing,
 * scoring and snippets mirror search/analysis.go, query.go, rank.go and
 * snippet.go operation for operation; change them together.
 *
 * Files (see search/static.go): meta.json; docs.bin.gz; t/N.bin.gz (terms
 * whose FNV-1a 32 hash of UTF-8 bytes is N mod meta.shards); d/N.json.gz
 * (document N's [url,title,kind,summary,problem,solution,body]). Portable
 * builds have FILE.js calling __jianghanSearch("FILE","<base64>") instead. */
(function (root) {
  'use strict';
  var SEP = 0, WORD = 1, CJK = 2;
  var UNI = 1, BI = 2;

  // ---- analysis (analysis.go) ----
  function classOf(c) {
    if (c < 0x80) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) ? WORD : SEP;
    if (c < 0x370) return c >= 0xC0 && c <= 0x24F && c !== 0xD7 && c !== 0xF7 ? WORD : SEP;
    if (c <= 0x52F) return WORD;
    if (c < 0x3005) return SEP;
    if (c === 0x3005 || c === 0x3007) return CJK;
    if (c >= 0x3040 && c <= 0x30FF) return c === 0x30FB ? SEP : CJK;
    if ((c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7AF) ||
        (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x323AF)) return CJK;
    return SEP;
  }
  function fold(c) {
    if (c >= 0xFF01 && c <= 0xFF5E) c -= 0xFEE0;
    if (c < 0x80) return c >= 65 && c <= 90 ? c + 32 : c;
    if (classOf(c) === WORD) {
      var s = String.fromCodePoint(c).toLowerCase(), l = s.codePointAt(0);
      if (s.length === (l > 0xFFFF ? 2 : 1) && l !== c && l >= 0x80 && classOf(l) === WORD) return l;
    }
    return c;
  }
  // scan returns the tokens of s: {t: term, p: position (1-based), s, e:
  // UTF-16 offsets, k: WORD|UNI|BI}, in the order analysis.go emits them.
  function scan(s, maxWord) {
    var out = [], pos = 0, inWord = false, ws = 0, we = 0, wn = 0, word = '', prevCJK = false, ps = 0;
    for (var i = 0; i <= s.length;) {
      var c = i < s.length ? s.codePointAt(i) : 32, size = c > 0xFFFF ? 2 : 1, f = fold(c), cls = classOf(f);
      if (cls === WORD) {
        prevCJK = false;
        if (!inWord) { inWord = true; ws = i; wn = 0; word = ''; }
        if (wn < maxWord) { word += String.fromCodePoint(f); wn++; }
        we = i + size; i += size; continue;
      }
      if (inWord) { out.push({t: word, p: ++pos, s: ws, e: we, k: WORD}); inWord = false; }
      if (cls === CJK) {
        pos++;
        if (prevCJK) out.push({t: s.slice(ps, i + size), p: pos - 1, s: ps, e: i + size, k: BI});
        out.push({t: s.slice(i, i + size), p: pos, s: i, e: i + size, k: UNI});
        prevCJK = true; ps = i;
      } else prevCJK = false;
      i += size;
    }
    return out;
  }

  // ---- query syntax (query.go) ----
  var QUOTES = '"\uFF02\u201C\u201D\u300C\u300D\u300E\u300F';
  function parseQuery(q, L) { // L = meta.limits: [maxRunes, maxClauses, maxPhraseTerms, maxWord]
    q = Array.from(q).slice(0, L[0]).join('');
    var clauses = [], seen = {}, inQuote = false, seg = '';
    function add(cs) {
      cs.forEach(function (c) {
        var key = c.join('\0');
        if (seen[key] || clauses.length >= L[1]) return;
        seen[key] = true; clauses.push(c);
      });
    }
    Array.from(q).forEach(function (ch) {
      if (QUOTES.indexOf(ch) < 0) { seg += ch; return; }
      add(segment(seg, inQuote, L)); inQuote = !inQuote; seg = '';
    });
    add(segment(seg, inQuote, L));
    return clauses;
  }
  function segment(seg, quoted, L) {
    var toks = scan(seg, L[3]), out = [], start = 0, prevEnd = -1;
    toks.forEach(function (t, i) {
      if (t.k !== BI && !quoted && prevEnd >= 0 && t.s !== prevEnd) { out = out.concat(group(toks.slice(start, i), L)); start = i; }
      if (t.k !== BI) prevEnd = t.e;
    });
    return out.concat(group(toks.slice(start), L));
  }
  function group(toks, L) {
    if (!toks.length) return [];
    var first = toks[0].p, n = toks[toks.length - 1].p - first + 1, bi = [], single = [], terms = [], out = [], cur = [], count = 0, p;
    toks.forEach(function (t) { (t.k === BI ? bi : single)[t.p - first] = t.t; });
    for (p = 0; p < n; p++) terms.push(bi[p] || (p > 0 && bi[p - 1] ? '' : single[p]));
    function flush() {
      while (cur.length && cur[cur.length - 1] === '') cur.pop();
      if (cur.length) out.push(cur);
      cur = []; count = 0;
    }
    terms.forEach(function (t) {
      if (t === '' && !cur.length) return;
      cur.push(t);
      if (t !== '' && ++count === L[2]) flush();
    });
    flush();
    return out;
  }

  // ---- loading ----
  function fnv(bytes) {
    var h = 0x811c9dc5;
    for (var i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
    return h >>> 0;
  }
  var enc = new TextEncoder(), dec = new TextDecoder();
  function gunzip(u8) {
    if (u8[0] !== 0x1f || u8[1] !== 0x8b) return Promise.resolve(u8); // server already decoded it
    var st = new Blob([u8]).stream().pipeThrough(new DecompressionStream('gzip'));
    return new Response(st).arrayBuffer().then(function (b) { return new Uint8Array(b); });
  }
  // loader(base) returns load(name) → Promise<Uint8Array> (decompressed),
  // by fetch() or, from file:// or when fetch fails, by <script> tags.
  function loader(base) {
    var cache = {}, waiting = {}, scripts = typeof location !== 'undefined' && location.protocol === 'file:';
    root.__jianghanSearch = function (name, b64) {
      var w = waiting[name]; delete waiting[name];
      if (w) w(Uint8Array.from(atob(b64), function (c) { return c.charCodeAt(0); }));
    };
    function byScript(name) {
      return new Promise(function (resolve, reject) {
        var el = document.createElement('script');
        waiting[name] = resolve;
        el.src = base + name + '.js';
        el.onerror = function () { reject(new Error('cannot load ' + name)); };
        el.onload = function () { el.remove(); };
        document.head.appendChild(el);
      });
    }
    function get(name) {
      if (scripts) return byScript(name);
      return fetch(base + name).then(function (r) {
        if (!r.ok) throw new Error(r.status + ' ' + name);
        return r.arrayBuffer();
      }).then(function (b) { return new Uint8Array(b); }, function (e) {
        if (name !== 'meta.json' || typeof document === 'undefined') throw e;
        scripts = true; return byScript(name);
      });
    }
    return function (name) {
      return cache[name] || (cache[name] = get(name).then(gunzip));
    };
  }
  // Reader reads the unsigned varints (Go's binary.AppendUvarint) of u8 from at.
  function Reader(u8, at) { this.u = u8; this.at = at; }
  Reader.prototype.v = function () {
    var v = 0, m = 1, b, u = this.u;
    do { b = u[this.at++]; v += (b & 127) * m; m *= 128; } while (b & 128);
    return v;
  };
  function parseFacets(u8) {
    var r = new Reader(u8, 3), n = r.v(), d = {n: n, kind: [], street: [], topics: [], methods: [], len: []}, i;
    for (i = 0; i < n; i++) d.kind.push(r.v() - 1);
    for (i = 0; i < n; i++) d.street.push(r.v() - 1);
    ['topics', 'methods'].forEach(function (k) {
      for (var i = 0, c, vs; i < n; i++) { c = r.v(); vs = []; while (c--) vs.push(r.v()); d[k].push(vs); }
    });
    return d;
  }
  function parseLen(u8) {
    var r = new Reader(u8, 3), n = r.v(), l = new Int32Array(n);
    for (var i = 0; i < n; i++) l[i] = r.v();
    return l;
  }
  function parseShard(u8, n) {
    var r = new Reader(u8, 3), terms = new Map(), count = r.v();
    while (count--) {
      var len = r.v(), t = dec.decode(u8.subarray(r.at, r.at + len)), fields = [];
      r.at += len;
      var mask = u8[r.at++];
      for (var f = 0; f < 5; f++) {
        if (!(mask & (1 << f))) { fields.push(null); continue; }
        var df = r.v(), docs = new Int32Array(df), tfs = new Int32Array(df), i, d = 0;
        if (u8[r.at++]) { // bitmap of n bits
          for (i = 0; i < df; d++) if (u8[r.at + (d >> 3)] & (1 << (d & 7))) docs[i++] = d;
          r.at += (n + 7) >> 3;
        } else for (i = 0; i < df; i++) docs[i] = d += r.v();
        for (i = 0; i < df; i++) tfs[i] = r.v() + 1;
        fields.push({docs: docs, tfs: tfs});
      }
      terms.set(t, fields);
    }
    return terms;
  }

  // ---- ranking (rank.go) ----
  function Engine(load) {
    this.load = load;
    this.meta = load('meta.json').then(function (u8) { return JSON.parse(dec.decode(u8)); });
    this.docs = {}; this.shards = {}; this.lens = [];
  }
  function once(cache, key, make) { return cache[key] || (cache[key] = make()); }
  function json(u8) { return JSON.parse(dec.decode(u8)); }
  // doc(d) loads document d's [url, title, kind, summary, problem, solution, body].
  Engine.prototype.doc = function (d) {
    var self = this;
    return once(self.docs, d, function () { return self.load('d/' + d + '.json.gz').then(json); });
  };
  Engine.prototype.search = function (req) {
    var self = this;
    return self.meta.then(function (meta) {
      var clauses = parseQuery(req.q || '', meta.limits);
      if (!clauses.length || !meta.n) return {query: req.q, total: 0, hits: [], facets: emptyFacets(), empty: !clauses.length};
      var terms = {};
      clauses.forEach(function (c) { c.forEach(function (t) { if (t) terms[t] = null; }); });
      var names = Object.keys(terms);
      self.facets = self.facets || self.load('facets.bin.gz').then(parseFacets);
      return Promise.all([self.facets].concat(names.map(function (t) {
        var s = fnv(enc.encode(t)) % meta.shards;
        return once(self.shards, s, function () { return self.load('t/' + s + '.bin.gz').then(function (u8) { return parseShard(u8, meta.n); }); });
      }))).then(function (got) {
        var D = got[0], need = [];
        names.forEach(function (t, i) { terms[t] = got[i + 1].get(t) || [null, null, null, null, null]; });
        meta.fields.forEach(function (_, f) {
          if (names.some(function (t) { return terms[t][f]; })) {
            need.push(once(self.lens, f, function () { return self.load('len/' + f + '.bin.gz').then(parseLen); }));
          }
        });
        return Promise.all(need).then(function () {
          return Promise.all(self.lens).then(function (lens) {
            D.len = lens;
            return self.rank(meta, D, clauses, terms, req);
          });
        });
      });
    });
  };
  function emptyFacets() { return {kind: {}, street: {}, topic: {}, method: {}}; }
  function stableSort(a, key) {
    return a.map(function (x, i) { return [key(x), i, x]; }).sort(function (p, q) { return p[0] - q[0] || p[1] - q[1]; }).map(function (p) { return p[2]; });
  }
  Engine.prototype.rank = function (meta, D, clauses, terms, req) {
    var self = this, N = meta.n, k1 = meta.k1, b = meta.b, F = meta.fields.length;
    var avg = meta.total.map(function (t) { return Math.ceil(t / N); });
    function df(t, f) { var p = terms[t][f]; return p ? p.docs.length : 0; }
    function idf(t, f) {
      var n = df(t, f);
      return avg[f] > 0 ? Math.log(1 + (N - n + 0.5) / (n + 0.5)) : 1 + Math.log(N / (n + 1));
    }
    // the searcher tree, children sorted as bleve sorts them
    var W = 0, plan = stableSort(clauses.map(function (c) {
      var fields = [];
      for (var f = 0; f < F; f++) {
        var leaves = stableSort(c.filter(Boolean).map(function (t) { return {t: t, df: df(t, f), idf: idf(t, f)}; }), function (l) { return l.df; });
        var count = 0, w = 0;
        leaves.forEach(function (l) { count += l.df; var x = meta.boost[f] * l.idf; w += x * x; });
        fields.push({f: f, leaves: leaves, count: count, w: w});
      }
      fields = stableSort(fields, function (x) { return x.count; });
      var cw = 0, cc = 0;
      fields.forEach(function (x) { cw += x.w; cc += x.count; });
      return {terms: c, phrase: c.length > 1, fields: fields, count: cc, w: cw};
    }), function (c) { return c.count; });
    plan.forEach(function (c) { W += c.w; });
    var qn = 1 / Math.sqrt(W);
    // per clause: doc → array of field scores (by sorted field index)
    plan.forEach(function (c) {
      c.hits = new Map();
      c.fields.forEach(function (fx, fi) {
        var f = fx.f, lists = fx.leaves.map(function (l) { return terms[l.t][f]; });
        if (lists.some(function (p) { return !p; })) return;
        var qw = fx.leaves.map(function (l) { return meta.boost[f] * l.idf * qn; });
        var ptr = lists.map(function () { return 0; }), base = lists[0];
        outer: for (var i = 0; i < base.docs.length; i++) {
          var d = base.docs[i];
          for (var j = 1; j < lists.length; j++) {
            var p = lists[j], k = ptr[j];
            while (k < p.docs.length && p.docs[k] < d) k++;
            ptr[j] = k;
            if (k === p.docs.length) break outer;
            if (p.docs[k] !== d) continue outer;
          }
          var nrm = Math.fround(1 / Math.sqrt(D.len[f][d])), len = 1 / (nrm * nrm), s = 0;
          for (j = 0; j < lists.length; j++) {
            var tf = Math.sqrt(j ? lists[j].tfs[ptr[j]] : base.tfs[i]), id = fx.leaves[j].idf;
            var sc = id * (tf * k1) / (tf + k1 * (1 - b + (b * len / avg[f])));
            if (qw[j] !== 1) sc = sc * qw[j];
            s += sc;
          }
          var e = c.hits.get(d);
          if (!e) c.hits.set(d, e = []);
          e[fi] = s;
        }
      });
    });
    // candidates: documents every clause may match; phrases still unchecked
    var base = plan.reduce(function (a, c) { return !a || c.hits.size < a.hits.size ? c : a; }, null), cands = [];
    base.hits.forEach(function (_, d) {
      if (!plan.every(function (c) { return c.hits.has(d); })) return;
      var x = {d: d, ok: plan.map(function (c) {
        return c.hits.get(d).map(function (v) { return v === undefined ? 0 : c.phrase ? 2 : 1; }); // 1 sure, 2 unchecked
      })};
      x.score = score(x); x.exact = !plan.some(function (c) { return c.phrase; });
      cands.push(x);
    });
    function score(x) {
      var sum = 0;
      for (var i = 0; i < plan.length; i++) {
        var e = plan[i].hits.get(x.d), s = 0, m = 0;
        for (var j = 0; j < F; j++) if (x.ok[i][j]) { s += e[j]; m++; }
        if (!m) return -1;
        sum += s * (m / F);
      }
      return sum;
    }
    function verify(x) {
      return self.doc(x.d).then(function (doc) {
        plan.forEach(function (c, i) {
          if (!c.phrase) return;
          c.fields.forEach(function (fx, j) {
            if (x.ok[i][j] === 2) x.ok[i][j] = matchSpans(fieldText(doc, fx.f), [c.terms], meta.limits[3]).length ? 1 : 0;
          });
        });
        x.score = score(x); x.exact = true;
      });
    }
    // filters and facets
    var want = {kind: req.kind, street: req.street, topic: req.topic, method: req.method}, dims = ['kind', 'street', 'topic', 'method'];
    var vocab = {kind: meta.kinds, street: meta.streets, topic: meta.topics, method: meta.methods};
    function values(dim, d) {
      var v = dim === 'kind' ? [D.kind[d]] : dim === 'street' ? [D.street[d]] : dim === 'topic' ? D.topics[d] : D.methods[d];
      return v.filter(function (i) { return i >= 0; }).map(function (i) { return vocab[dim][i]; });
    }
    function fails(x) {
      return dims.filter(function (dim) { return want[dim] && values(dim, x.d).indexOf(want[dim]) < 0; });
    }
    var need = (req.from || 0) + (req.size || 10);
    function settle() {
      var live = cands.filter(function (x) { return x.score >= 0; });
      var shown = live.filter(function (x) { return !fails(x).length; });
      shown.sort(function (p, q) { return q.score - p.score || p.d - q.d; });
      var todo = shown.slice(0, need).filter(function (x) { return !x.exact; });
      if (todo.length) return Promise.all(todo.map(verify)).then(settle);
      var facets = emptyFacets();
      live.forEach(function (x) {
        var bad = fails(x);
        dims.forEach(function (dim) {
          if (bad.length > 1 || (bad.length === 1 && bad[0] !== dim)) return;
          values(dim, x.d).forEach(function (v) { facets[dim][v] = (facets[dim][v] || 0) + 1; });
        });
      });
      var page = shown.slice(req.from || 0, need);
      return Promise.all(page.map(function (x) { return self.doc(x.d); })).then(function (texts) {
        return {
          query: req.q, total: shown.length, facets: facets,
          approx: live.some(function (x) { return !x.exact; }),
          hits: page.map(function (x, i) {
            var t = texts[i];
            return {url: t[0], title: t[1], kind: t[2], score: x.score, snippet: snippet(t, clauses, meta)};
          })
        };
      });
    }
    return settle();
  };
  // fieldText is text field f (title, summary, problem, solution, body) of a
  // document loaded by Engine.doc.
  function fieldText(doc, f) { return doc[f ? f + 2 : 1] || ''; }

  // ---- snippets (snippet.go) ----
  function matchSpans(text, clauses, maxWord) {
    var toks = scan(text, maxWord), spans = [];
    if (!toks.length) return spans;
    var max = toks[toks.length - 1].p, at = [];
    toks.forEach(function (t) { (at[t.p] = at[t.p] || [])[t.k === BI ? 1 : 0] = t; });
    function find(p, term) {
      var a = at[p];
      if (!a) return null;
      return a[0] && a[0].t === term ? a[0] : a[1] && a[1].t === term ? a[1] : null;
    }
    clauses.forEach(function (c) {
      outer: for (var p = 1; p + c.length - 1 <= max; p++) {
        var first = find(p, c[0]);
        if (!first) continue;
        var sp = [first.s, first.e];
        for (var j = 1; j < c.length; j++) {
          if (c[j] === '') continue;
          var k = find(p + j, c[j]);
          if (!k) continue outer;
          if (k.e > sp[1]) sp[1] = k.e;
        }
        spans.push(sp);
      }
    });
    spans.sort(function (a, b) { return a[0] - b[0]; });
    var out = [];
    spans.forEach(function (s) {
      var last = out[out.length - 1];
      if (last && s[0] <= last[1]) { if (s[1] > last[1]) last[1] = s[1]; } else out.push(s.slice());
    });
    return out;
  }
  function esc(s) {
    return s.replace(/[&<>"']/g, function (c) { return {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&#34;', "'": '&#39;'}[c]; });
  }
  function snippet(doc, clauses, meta) {
    var order = [1, 2, 3, 4, 0], i, text, spans;
    for (i = 0; i < order.length; i++) {
      text = fieldText(doc, order[i]); spans = matchSpans(text, clauses, meta.limits[3]);
      if (spans.length) return windowed(text, spans, meta.snippet);
    }
    for (i = 0; i < 4; i++) if ((text = fieldText(doc, order[i]))) return windowed(text, [], meta.snippet);
    return '';
  }
  function windowed(text, spans, S) {
    var start = 0, end, n, out = '', at;
    function back(i) { return i >= 2 && /[\uDC00-\uDFFF]/.test(text[i - 1]) && /[\uD800-\uDBFF]/.test(text[i - 2]) ? i - 2 : i - 1; }
    function fwd(i) { return text.codePointAt(i) > 0xFFFF ? i + 2 : i + 1; }
    if (spans.length) { start = spans[0][0]; for (n = 0; n < S[1] && start > 0; n++) start = back(start); }
    for (end = start, n = 0; n < S[0] && end < text.length; n++) end = fwd(end);
    at = start;
    spans.forEach(function (s) {
      if (s[1] <= start || s[0] >= end) return;
      var a = Math.max(s[0], start), z = Math.min(s[1], end);
      out += esc(text.slice(at, a)) + '<mark>' + esc(text.slice(a, z)) + '</mark>'; at = z;
    });
    out = (start > 0 ? '…' : '') + out + esc(text.slice(at, end)) + (end < text.length ? '…' : '');
    return out.split(/\s+/).filter(Boolean).join(' ');
  }

  var api = {scan: scan, parseQuery: parseQuery, loader: loader, gunzip: gunzip, Engine: Engine, snippet: snippet};
  root.jianghanSearch = api;

  // ---- the search page ----
  var KIND = {cases: '案例', lectures: '微课', guides: '指南', workers: '社工', courses: '课程', handbook: '手册'};
  var DIMS = [['kind', '类型'], ['street', '街道'], ['topic', '主题'], ['method', '方法']];
  function page() {
    var form = document.getElementById('search-form'), input = document.getElementById('q'),
      facetsEl = document.getElementById('facets'), status = document.getElementById('search-status'),
      list = document.getElementById('results');
    if (!input || !list) return;
    var base = document.documentElement.getAttribute('data-base') || '/';
    var engine = new Engine(loader(base + 'search/'));
    var params = new URLSearchParams(location.search), state = {q: params.get('q') || '', size: 10};
    DIMS.forEach(function (d) { state[d[0]] = params.get(d[0]) || ''; });
    input.value = state.q;
    var timer, seq = 0;
    function writeURL() {
      var p = new URLSearchParams();
      ['q'].concat(DIMS.map(function (d) { return d[0]; })).forEach(function (k) { if (state[k]) p.set(k, state[k]); });
      var s = p.toString();
      history.replaceState(null, '', location.pathname + (s ? '?' + s : '') + location.hash);
    }
    function el(tag, attrs, text) {
      var e = document.createElement(tag);
      for (var k in attrs) e.setAttribute(k, attrs[k]);
      if (text != null) e.textContent = text;
      return e;
    }
    function run() {
      var my = ++seq;
      writeURL();
      if (!state.q.trim()) { list.textContent = ''; facetsEl.textContent = ''; status.textContent = '请输入要搜索的文字。'; return; }
      status.textContent = '正在搜索…';
      engine.search({q: state.q, kind: state.kind, street: state.street, topic: state.topic, method: state.method, size: state.size}).then(function (r) {
        if (my === seq) render(r);
      }, function (e) {
        if (my === seq) status.textContent = '搜索索引加载失败，请稍后再试。（' + e.message + '）';
      });
    }
    function render(r) {
      list.textContent = '';
      facetsEl.textContent = '';
      if (!r.hits.length) {
        status.textContent = r.empty ? '请输入要搜索的文字。' : '没有找到与「' + state.q.trim() + '」相关的内容。';
      } else {
        status.textContent = '找到' + (r.approx ? '约 ' : ' ') + r.total + ' 条结果';
      }
      r.hits.forEach(function (h) {
        var url = base + h.url.replace(/^\//, ''), li = el('li', {'data-url': url});
        var href = location.protocol === 'file:' && /\/$/.test(url) ? url + 'index.html' : url;
        li.appendChild(el('a', {href: href}, h.title));
        li.appendChild(el('span', {'class': 'search-kind'}, ' ' + (KIND[h.kind] || h.kind)));
        var p = el('p', {'class': 'search-snippet'});
        p.innerHTML = h.snippet; // built from escaped text by snippet()
        li.appendChild(p);
        list.appendChild(li);
      });
      if (r.total > r.hits.length) {
        var more = el('button', {type: 'button', 'class': 'search-more'}, '显示更多结果');
        more.onclick = function () { state.size += 10; run(); };
        list.appendChild(el('li', {'class': 'search-more-item'})).appendChild(more);
      }
      DIMS.forEach(function (d) {
        var dim = d[0], counts = r.facets[dim], keys = Object.keys(counts).sort();
        if (!keys.length && !state[dim]) return;
        var fs = el('fieldset', {'class': 'search-facet'});
        fs.appendChild(el('legend', {}, d[1]));
        [''].concat(keys).forEach(function (v) {
          var label = v ? (dim === 'kind' ? KIND[v] || v : v) + ' (' + counts[v] + ')' : '全部';
          var btn = el('button', {type: 'button', 'aria-pressed': String(state[dim] === v), 'data-facet': dim, 'data-value': v}, label);
          btn.onclick = function () { state[dim] = state[dim] === v ? '' : v; state.size = 10; run(); };
          fs.appendChild(btn);
        });
        facetsEl.appendChild(fs);
      });
    }
    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(function () { state.q = input.value; state.size = 10; run(); }, 200);
    });
    if (form) form.addEventListener('submit', function (e) {
      e.preventDefault(); clearTimeout(timer); state.q = input.value; state.size = 10; run();
    });
    run();
  }
  if (typeof document !== 'undefined') {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', page); else page();
  }
  if (typeof module === 'object' && module.exports) module.exports = api;
})(typeof window !== 'undefined' ? window : globalThis);
