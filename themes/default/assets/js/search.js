/* jianghan site search: queries the static index that search.WriteStatic
 * writes to {base}search/, ranking exactly as the server's bleve index does.
 * Plain JavaScript, no build step, no libraries. The analysis, query parsing,
 * scoring and snippets mirror search/analysis.go, query.go, rank.go and
 * snippet.go operation for operation; change them together.
 *
 * Files (see search/static.go): meta.json; facets.bin.gz; t/N.bin.gz (terms
 * whose FNV-1a 32 hash of UTF-8 bytes is N mod meta.shards, with the head of
 * their postings); x/N.bin.gz (tail blocks of postings); d/N.bin (document
 * texts, read one at a time by HTTP range requests). Portable builds have
 * FILE.js calling __jianghanSearch("FILE","<base64>") instead. */
(root => {
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
      cs.forEach(c => {
        var key = c.join('\0');
        if (seen[key] || clauses.length >= L[1]) return;
        seen[key] = true; clauses.push(c);
      });
    }
    Array.from(q).forEach(ch => {
      if (QUOTES.indexOf(ch) < 0) { seg += ch; return; }
      add(segment(seg, inQuote, L)); inQuote = !inQuote; seg = '';
    });
    add(segment(seg, inQuote, L));
    return clauses;
  }
  function segment(seg, quoted, L) {
    var toks = scan(seg, L[3]), out = [], start = 0, prevEnd = -1;
    toks.forEach((t, i) => {
      if (t.k !== BI && !quoted && prevEnd >= 0 && t.s !== prevEnd) { out = out.concat(group(toks.slice(start, i), L)); start = i; }
      if (t.k !== BI) prevEnd = t.e;
    });
    return out.concat(group(toks.slice(start), L));
  }
  function group(toks, L) {
    if (!toks.length) return [];
    var first = toks[0].p, n = toks[toks.length - 1].p - first + 1, bi = [], single = [], terms = [], out = [], cur = [], count = 0, p;
    toks.forEach(t => { (t.k === BI ? bi : single)[t.p - first] = t.t; });
    for (p = 0; p < n; p++) terms.push(bi[p] || (p > 0 && bi[p - 1] ? '' : single[p]));
    function flush() {
      while (cur.length && cur[cur.length - 1] === '') cur.pop();
      if (cur.length) out.push(cur);
      cur = []; count = 0;
    }
    terms.forEach(t => {
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
    return new Response(st).arrayBuffer().then(b => new Uint8Array(b));
  }
  // loader(base) returns load(name) → Promise<Uint8Array> (decompressed),
  // by fetch() or, from file:// or when fetch fails, by <script> tags, and
  // load.range(name, a, b) → bytes [a, b) of a file, by an HTTP range request
  // (the whole file when the server or file:// cannot do ranges).
  function loader(base) {
    var cache = {}, whole = {}, waiting = {}, scripts = typeof location !== 'undefined' && location.protocol === 'file:';
    root.__jianghanSearch = (name, b64) => {
      var w = waiting[name]; delete waiting[name];
      if (w) w(Uint8Array.from(atob(b64), c => c.charCodeAt(0)));
    };
    function byScript(name) {
      return new Promise((resolve, reject) => {
        var el = document.createElement('script');
        waiting[name] = resolve;
        el.src = base + name + '.js';
        el.onerror = () => { reject(new Error('cannot load ' + name)); };
        el.onload = () => { el.remove(); };
        document.head.appendChild(el);
      });
    }
    function get(name, r) {
      if (scripts) return byScript(name);
      return fetch(base + name, r ? {headers: {Range: 'bytes=' + r[0] + '-' + (r[1] - 1)}} : {}).then(res => {
        if (!res.ok) throw new Error(res.status + ' ' + name);
        return res.arrayBuffer().then(b => {
          var u = new Uint8Array(b);
          if (!r || res.status === 206) return u;
          whole[name] = Promise.resolve(u);
          return u.subarray(r[0], r[1]);
        });
      }, e => {
        if (name !== 'meta.json' || typeof document === 'undefined') throw e;
        scripts = true; return byScript(name);
      });
    }
    function load(name) {
      return cache[name] || (cache[name] = get(name).then(gunzip));
    }
    load.range = (name, a, b) => {
      if (scripts && !whole[name]) whole[name] = byScript(name);
      return whole[name] ? whole[name].then(u => u.subarray(a, b)) : get(name, [a, b]);
    };
    return load;
  }
  // Reader reads the unsigned varints (Go's binary.AppendUvarint), strings
  // and little-endian floats of u8 from at.
  function Reader(u8, at) { this.u = u8; this.at = at; }
  Reader.prototype.v = function () {
    var v = 0, m = 1, b, u = this.u;
    do { b = u[this.at++]; v += (b & 127) * m; m *= 128; } while (b & 128);
    return v;
  };
  Reader.prototype.s = function () {
    var n = this.v(), s = dec.decode(this.u.subarray(this.at, this.at + n));
    this.at += n; return s;
  };
  Reader.prototype.f = function (n) { // n bytes: 8 float64, 4 float32
    var v = new DataView(this.u.buffer, this.u.byteOffset + this.at, n);
    this.at += n; return n > 4 ? v.getFloat64(0, true) : v.getFloat32(0, true);
  };
  function parseFacets(u8, meta) {
    var r = new Reader(u8, 3), n = r.v(), d = {kind: [], street: [], topics: [], methods: [], at: [], slots: []}, i;
    for (i = 0; i < n; i++) d.kind.push(r.v() - 1);
    for (i = 0; i < n; i++) d.street.push(r.v() - 1);
    ['topics', 'methods'].forEach(k => {
      for (var i = 0, c, vs; i < n; i++) { c = r.v(); vs = []; while (c--) vs.push(r.v()); d[k].push(vs); }
    });
    for (i = 0; i < n; i++) { d.slots.push(r.v()); d.at.push(i % meta.group ? d.at[i - 1] + d.slots[i - 1] : 0); }
    return d;
  }
  // parseBlock reads a block of postings (static.go encodeBlock) as entries
  // {d: document, m: field mask, tf, len: by field}, or (encodeDocs) as
  // entries {d, blk: the bounds of the block}.
  function parseBlock(r, full, blk, n) {
    var c = r.v(), out = [], i, f, e, d = 0, u = r.u;
    if (!full) {
      if (!u[r.at++]) { for (i = 0; i < c; i++) out.push({d: d += r.v(), blk: blk}); return out; }
      for (d = 0; d < n; d++) if (u[r.at + (d >> 3)] & (1 << (d & 7))) out.push({d: d, blk: blk});
      r.at += (n + 7) >> 3;
      return out;
    }
    for (i = 0; i < c; i++) out.push({d: d += r.v(), m: 0, tf: [], len: []});
    for (i = 0; i < c; i++) out[i].m = u[r.at++];
    ['tf', 'len'].forEach((k, j) => {
      for (i = 0; i < c; i++) for (e = out[i], f = 0; f < 5; f++) if (e.m & (1 << f)) e[k][f] = r.v() + 1 - j;
    });
    return out;
  }
  function addBlock(T, b, entries) {
    if (T.loaded[b]) return;
    T.loaded[b] = true;
    entries.forEach(e => { T.docs.set(e.d, e); });
  }
  // full tells whether tail block b (1-based) has full postings.
  function full(meta, b) { return meta.head * Math.pow(meta.ratio, b) <= meta.full; }
  // desc reads what a term's record or tail block says of a tail block
  // (static.go appendDesc).
  function desc(r, mask) {
    var x = {file: r.v(), bound: r.f(8), bdoc: r.v(), next: r.f(4), raw: []};
    for (var f = 0; f < 5; f++) x.raw.push(mask & (1 << f) ? r.f(4) : 0);
    return x;
  }
  // parseShard reads a term shard (static.go encodeTerm) into byTerm: per
  // term its dfs by field, D (documents with it), its tail blocks (nt, and
  // each one's description once known), facet counts (when it has tails)
  // and its postings fetched so far.
  function parseShard(u8, meta, byTerm) {
    var r = new Reader(u8, 3), count = r.v(), sizes = [meta.kinds, meta.streets, meta.topics, meta.methods];
    while (count--) {
      var t = r.s(), mask = u8[r.at++], T = {t: t, mask: mask, df: [], tails: [], counts: null, loaded: [], docs: new Map()}, f;
      for (f = 0; f < 5; f++) T.df.push(mask & (1 << f) ? r.v() : 0);
      T.D = r.v(); T.nt = r.v();
      if (T.nt) {
        T.tails.push(desc(r, mask));
        T.counts = sizes.map(v => { return v.map(() => { return r.v(); }); });
      }
      addBlock(T, 0, parseBlock(r, true));
      byTerm.set(t, T);
    }
  }

  // ---- ranking (rank.go) ----
  var F64 = new DataView(new ArrayBuffer(8)), LN = [6.93147180369123816490e-01, 1.90821492927058770002e-10, 6.666666666666735130e-01,
    3.999999999940941908e-01, 2.857142874366239149e-01, 2.222219843214978396e-01, 1.818357216161805012e-01, 1.531383769920937332e-01, 1.479819860511658591e-01];
  // ln is rank.go's ln, bit for bit (Math.log differs between engines)
  function ln(x) {
    F64.setFloat64(0, x);
    var hi = F64.getUint32(0), k = ((hi >>> 20) & 0x7ff) - 1022, f, s, s2, s4, r, h;
    F64.setUint32(0, (hi & 0x800fffff) | 0x3fe00000);
    f = F64.getFloat64(0);
    if (f < Math.SQRT2 / 2) { f *= 2; k--; }
    f -= 1; s = f / (2 + f); s2 = s * s; s4 = s2 * s2;
    r = s2 * (LN[2] + s4 * (LN[4] + s4 * (LN[6] + s4 * LN[8]))) + s4 * (LN[3] + s4 * (LN[5] + s4 * LN[7]));
    h = 0.5 * f * f;
    return k * LN[0] - ((h - (s * (h + r) + k * LN[1])) - f);
  }
  function Engine(load) {
    this.load = load;
    this.meta = load('meta.json').then(u8 => JSON.parse(dec.decode(u8)));
    this.texts = {}; this.shards = {}; this.tails = {}; this.byTerm = new Map();
  }
  function once(cache, key, make) { return cache[key] || (cache[key] = make()); }
  // text(meta, D, d, all) loads document d's text [url, title, summary,
  // problem, solution, body] (static.go compressTexts); unless all, maybe
  // only its first part (problem, solution and body then null).
  Engine.prototype.text = function (meta, D, d, all) {
    var self = this, c = self.texts[d] || (self.texts[d] = {}), a = D.at[d] * meta.slot, n = D.slots[d] * meta.slot;
    var name = 'd/' + Math.floor(d / meta.group) + '.bin';
    function part(u8, at, len) {
      return gunzip(u8.subarray(at, at + len)).then(x => JSON.parse(dec.decode(x)));
    }
    if (all || c.all) {
      return c.all || (c.all = self.load.range(name, a, a + n).then(u8 => {
        var r = new Reader(u8, 0), la = r.v(), lb = r.v();
        return Promise.all([part(u8, r.at, la), part(u8, r.at + la, lb)]).then(p => p[0].concat(p[1]));
      }));
    }
    return c.first || (c.first = self.load.range(name, a, a + Math.min(n, 384)).then(u8 => {
      var r = new Reader(u8, 0), la = r.v();
      r.v();
      if (r.at + la <= u8.length) return part(u8, r.at, la);
      return self.load.range(name, a, a + r.at + la).then(u8 => part(u8, r.at, la));
    }).then(x => x.concat([null, null, null])));
  };
  Engine.prototype.term = function (meta, t) {
    var self = this, s = fnv(enc.encode(t)) % meta.shards;
    return once(self.shards, s, () => {
      return self.load('t/' + s + '.bin.gz').then(u8 => { parseShard(u8, meta, self.byTerm); });
    }).then(() => self.byTerm.get(t) || null);
  };
  // more(T, b) fetches tail block b of T, and keeps the other blocks of its file.
  Engine.prototype.more = function (meta, T, b) {
    var self = this, file = T.tails[b - 1].file;
    return once(self.tails, file, () => {
      return self.load('x/' + file + '.bin.gz').then(u8 => {
        var r = new Reader(u8, 3), n = r.v(), out = [];
        while (n--) { var t = r.s(), k = r.v(), len = r.v(); out.push({t: t, b: k, at: r.at, u: u8}); r.at += len; }
        return out;
      });
    }).then(blocks => {
      blocks.forEach(x => {
        var U = self.byTerm.get(x.t), r = new Reader(x.u, x.at);
        if (!U || U.loaded[x.b] || !U.tails[x.b - 1]) return;
        if (x.b < U.nt) U.tails[x.b] = desc(r, U.mask);
        addBlock(U, x.b, parseBlock(r, full(meta, x.b), U.tails[x.b - 1], meta.n));
      });
    });
  };
  Engine.prototype.search = function (req) {
    var self = this;
    return self.meta.then(meta => {
      var clauses = parseQuery(req.q || '', meta.limits);
      if (!clauses.length || !meta.n) return {query: req.q, total: 0, hits: [], facets: emptyFacets(), empty: !clauses.length};
      var names = [];
      clauses.forEach(c => { c.forEach(t => { if (t && names.indexOf(t) < 0) names.push(t); }); });
      self.facets = self.facets || self.load('facets.bin.gz').then(u8 => parseFacets(u8, meta));
      return Promise.all([self.facets].concat(names.map(t => self.term(meta, t)))).then(got => {
        var terms = {};
        names.forEach((t, i) => { terms[t] = got[i + 1]; });
        if (names.some(t => !terms[t])) return {query: req.q, total: 0, hits: [], facets: emptyFacets()};
        return self.rank(meta, got[0], clauses, terms, names, req);
      });
    });
  };
  function emptyFacets() { return {kind: {}, street: {}, topic: {}, method: {}}; }
  function stableSort(a, key) {
    return a.map((x, i) => [key(x), i, x]).sort((p, q) => p[0] - q[0] || p[1] - q[1]).map(p => p[2]);
  }
  // rank finds the top hits with the threshold algorithm. A term's postings
  // come in blocks of falling impact, and a document's score is at most the
  // sum of what its clauses can score given the postings at hand (bound).
  // Blocks are fetched, and texts of documents read, until no document not
  // yet scored could still make the page. Scores are rank.go's, exactly: a
  // query of terms from full postings, anything else from the text.
  Engine.prototype.rank = function (meta, D, clauses, terms, names, req) {
    var self = this, N = meta.n, k1 = meta.k1, b = meta.b, F = meta.fields.length, boost = meta.boost, L = meta.limits;
    var EPS = 1 + 1e-9, TIE = 1 + 1e-12, avg = meta.total.map(t => Math.ceil(t / N));
    function idf(t, f) {
      var n = terms[t].df[f];
      return avg[f] > 0 ? ln(1 + (N - n + 0.5) / (n + 0.5)) : 1 + ln(N / (n + 1));
    }
    // the plan: clauses and fields in summing order (rank.go newPlan)
    var W = 0, plan = stableSort(clauses.map((c, i) => {
      var words = c.filter(Boolean), fields = [], w = 0, cc = 0;
      for (var f = 0; f < F; f++) {
        var x = 0, n = 0;
        words.forEach(t => { x += idf(t, f); n += terms[t].df[f]; });
        fields.push({f: f, idf: x, count: n});
      }
      fields = stableSort(fields, x => x.count);
      fields.forEach(x => { var y = boost[x.f] * x.idf; w += y * y; cc += x.count; });
      var rho = {};
      words.forEach(t => {
        rho[t] = 0;
        fields.forEach(x => { var y = x.idf / idf(t, x.f); if (terms[t].df[x.f]) rho[t] = Math.max(rho[t], y * y); });
      });
      return {i: i, c: c, words: words, fields: fields, count: cc, w: w, rho: rho};
    }), c => c.count);
    plan.forEach(c => { W += c.w; });
    var qn = 1 / Math.sqrt(W), terms1 = plan.every(c => c.c.length === 1), idfs = {};
    plan.forEach(c => { c.fields.forEach(x => { x.qw = boost[x.f] * x.idf * qn; }); });
    names.forEach(t => { idfs[t] = meta.fields.map((_, f) => idf(t, f)); });
    // score is rank.go's plan.score: freq(clause, field) gives [frequency, tokens]
    function score(freq) {
      var sum = 0;
      for (var i = 0; i < plan.length; i++) {
        var c = plan[i], s = 0, m = 0;
        for (var j = 0; j < F; j++) {
          var x = c.fields[j], q = freq(c.i, x.f);
          if (!q || !q[0]) continue;
          var nrm = Math.fround(1 / Math.sqrt(q[1])), len = 1 / (nrm * nrm), tf = Math.sqrt(q[0]);
          var sc = x.idf * (tf * k1) / (tf + k1 * (1 - b + (b * len / avg[x.f])));
          if (x.qw !== 1) sc = sc * x.qw;
          s += sc; m++;
        }
        if (!m) return -1;
        sum += s * (m / F);
      }
      return sum;
    }
    // fields is the mask of fields where clause i may match in a document
    // with postings es, and whether its score needs the text
    function fields(i, es) {
      var c = clauses[i], m = 31, e = es[c[0]];
      if (c.length === 1 && e && !e.blk) return {m: e.m};
      c.forEach(t => { if (t && es[t] && !es[t].blk) m &= es[t].m; });
      return {m: m, text: true};
    }
    // later tells whether, for a document with postings es, some clause may
    // match in problem, solution or body, or (with text) score from there
    function later(es, text) {
      return clauses.some((_, i) => { var x = fields(i, es); return (!text || x.text) && x.m & 28; });
    }
    // fromText scores a document from its postings es where they are full
    // and for single terms, from its text rec (if any) for the rest.
    function fromText(es, rec) {
      var per = [];
      for (var f = 0; f < F; f++) {
        var pos = new Map(), toks = !rec || rec[f + 1] === null ? null : scan(rec[f + 1] || '', L[3]);
        if (toks) toks.forEach(t => { var s = pos.get(t.t); if (!s) pos.set(t.t, s = new Set()); s.add(t.p); });
        per.push(toks && {n: toks.length, pos: pos});
      }
      return score((i, f) => {
        var c = clauses[i], x = fields(i, es), n = 0, e = es[c[0]];
        if (!(x.m & (1 << f))) return null;
        if (!x.text) return [e.tf[f], e.len[f]];
        var P = per[f], first = P.pos.get(c[0]);
        if (!first) return null;
        first.forEach(p => {
          for (var j = 1; j < c.length; j++) if (c[j] && !(P.pos.get(c[j]) || new Set()).has(p + j)) return;
          n++;
        });
        return [n, P.n];
      });
    }
    // part is BM25's term-frequency part of a fetched posting in field f;
    // impact is static.go's termImpact
    function part(e, f) {
      var n = Math.fround(1 / Math.sqrt(e.len[f])), l = 1 / (n * n), x = Math.sqrt(e.tf[f]);
      return (x * k1) / (x + k1 * (1 - b + b * l / avg[f]));
    }
    function impact(t, e) {
      var s = 0, m = 0;
      for (var f = 0; f < F; f++) if (e.m & (1 << f)) { s += boost[f] * idfs[t][f] * idfs[t][f] * part(e, f); m++; }
      return s * m / F;
    }
    // bound is at least the score of document d (-1: not seen in any list)
    // with postings es at hand. A term not at hand is bounded by the rest of
    // its list: by its next block's top impact, or, for a document before
    // the first at that impact (and for the term sub), the next lower one.
    // A phrase scores at most what each of its terms' postings allow, field
    // by field, and rho² (the largest ratio of its idf to the term's, squared)
    // times the term's impact.
    function termBound(t, e, d, sub) {
      var x = tail[t];
      return e ? (e.blk ? e.blk.bound : impact(t, e)) : t === sub || (d >= 0 && d < x.bdoc) ? x.next : x.bound;
    }
    function bound(es, d, sub) {
      var sum = 0;
      plan.forEach(c => { sum += cbound(c, es, d, sub); });
      return sum * qn;
    }
    // cbound is clause c's part of bound (before the query norm); with free,
    // the terms of a phrase not at hand do not count.
    function cbound(c, es, d, sub, free) {
      if (c.c.length === 1) return termBound(c.c[0], es[c.c[0]], d, sub);
      var r = Infinity, best = 0, acc = 0;
      c.words.forEach(t => { if (es[t] || !free) r = Math.min(r, c.rho[t] * termBound(t, es[t], d, sub)); });
      c.fields.map(x => {
        var lo = Infinity;
        c.words.forEach(t => {
          var e = es[t];
          if (e || !free) lo = Math.min(lo, !e ? tail[t].raw[x.f] : e.blk ? e.blk.raw[x.f] : e.m & (1 << x.f) ? boost[x.f] * part(e, x.f) : 0);
        });
        return x.idf * x.idf * lo;
      }).sort((p, q) => q - p).forEach((y, j) => {
        if (y > 0) { acc += y; best = Math.max(best, acc * (j + 1) / F); }
      });
      return Math.min(best, r);
    }
    // filters and facets
    var want = {kind: req.kind, street: req.street, topic: req.topic, method: req.method}, dims = ['kind', 'street', 'topic', 'method'];
    var vocab = {kind: meta.kinds, street: meta.streets, topic: meta.topics, method: meta.methods};
    function values(dim, d) {
      var v = dim === 'kind' ? [D.kind[d]] : dim === 'street' ? [D.street[d]] : dim === 'topic' ? D.topics[d] : D.methods[d];
      return v.filter(i => i >= 0).map(i => vocab[dim][i]);
    }
    function fails(d) {
      return dims.filter(dim => want[dim] && values(dim, d).indexOf(want[dim]) < 0);
    }
    var need = (req.from || 0) + (req.size || 10), exact = new Map(), tail = {};
    function nextBlock(T) { for (var i = 1; i <= T.nt; i++) if (!T.loaded[i]) return i; return 0; }
    // beats tells whether a document not yet scored may still make the page
    // ahead of hit k: it may not if its bound is below k's score, nor if it
    // can only tie with it (no two different postings score within TIE of
    // each other) and comes after k: a document seen has its number; one not
    // seen must be at the top impact of every list whose next lower impact
    // would put it below k, so comes after each such list's bdoc.
    function beats(es, d, lack, k) {
      var ub = bound(es, d, null), tau = k.score, first = -1;
      if (ub * EPS < tau) return false;
      if (ub > tau * TIE || tau <= 0) return true;
      if (d >= 0) return d < k.d;
      lack.forEach(t => { if (bound(es, d, t) * EPS < tau) first = Math.max(first, tail[t].bdoc); });
      return first <= k.d;
    }
    // driver is the term of clause c to fetch more of: its rarest not all at hand
    function driver(c) {
      var best = null;
      c.words.forEach(t => { if (tail[t] && (!best || terms[t].D < terms[best].D)) best = t; });
      return best;
    }
    function round() {
      var done = [], open = [], live = [], seen = new Set();
      names.forEach(t => {
        var i = nextBlock(terms[t]);
        tail[t] = i ? terms[t].tails[i - 1] : null;
        (i ? open : done).push(t);
      });
      (done.length ? [done.map(t => terms[t]).sort((p, q) => p.docs.size - q.docs.size)[0]] :
        names.map(t => terms[t])).forEach(T => {
        T.docs.forEach((_, d) => {
          if (seen.has(d)) return;
          seen.add(d);
          var es = {}, lack = [], s = exact.get(d);
          for (var i = 0; i < names.length; i++) {
            var t = names[i], e = terms[t].docs.get(d);
            if (e) es[t] = e; else if (!tail[t]) return; else lack.push(t);
          }
          if (s === undefined && terms1 && !lack.length && names.every(t => !es[t].blk)) exact.set(d, s = fromText(es));
          if (s === undefined) live.push({d: d, es: es, lack: lack});
          else if (s >= 0) live.push({d: d, es: es, score: s, exact: true});
        });
      });
      var shown = live.filter(x => !fails(x.d).length);
      var hits = shown.filter(x => x.exact).sort((p, q) => q.score - p.score || p.d - q.d);
      var k = hits.length >= need ? hits[need - 1] : {score: -Infinity, d: -1}, get = new Set(), read = [];
      if (!done.length && beats({}, -1, open, k)) plan.forEach(c => { var t = driver(c); if (t) get.add(t); });
      shown.forEach(x => {
        if (x.exact || !beats(x.es, x.d, x.lack, k)) return;
        // fetch more of a clause's postings where what is missing binds its
        // bound; read the text where only the text can tell
        var more = [];
        plan.forEach(c => {
          var t = driver(c);
          if (!t || x.es[t] && c.words.every(u => x.es[u] || !tail[u])) return;
          if (!c.words.some(u => x.es[u]) || cbound(c, x.es, x.d, null) < cbound(c, x.es, x.d, null, true)) {
            more.push(c.words.filter(u => !x.es[u] && tail[u]).sort((p, q) => terms[p].D - terms[q].D)[0]);
          }
        });
        if (more.length) more.forEach(t => { get.add(t); }); else read.push(x);
      });
      // with too few hits scored to judge by, read the best candidates first
      if (k.d < 0 && hits.length + read.length >= need) get.clear();
      read.forEach(x => { x.ub = bound(x.es, x.d, null); });
      read = read.sort((p, q) => q.ub - p.ub || p.d - q.d).slice(0, need);
      if (get.size || read.length) {
        return Promise.all(Array.from(get).map(t => self.more(meta, terms[t], nextBlock(terms[t]))).concat(read.map(x => {
          return self.text(meta, D, x.d, later(x.es, true)).then(rec => { exact.set(x.d, fromText(x.es, rec)); });
        }))).then(round);
      }
      return finish(live, shown, hits, done.length > 0);
    }
    function finish(live, shown, hits, bounded) {
      var facets = emptyFacets(), total, approx = !bounded || live.some(x => !x.exact);
      if (bounded) {
        total = shown.length;
        live.forEach(x => {
          var bad = fails(x.d);
          dims.forEach(dim => {
            if (bad.length > 1 || (bad.length === 1 && bad[0] !== dim)) return;
            values(dim, x.d).forEach(v => { facets[dim][v] = (facets[dim][v] || 0) + 1; });
          });
        });
      } else {
        // no term's postings are all at hand: each term's own counts bound the query's
        total = Infinity;
        var most = {};
        names.forEach(t => {
          var T = terms[t], n = T.D;
          dims.forEach((dim, k) => {
            var i = vocab[dim].indexOf(want[dim]);
            if (want[dim]) n = Math.min(n, i < 0 ? 0 : T.counts[k][i]);
            vocab[dim].forEach((v, j) => { var key = dim + '\n' + v; most[key] = Math.min(T.counts[k][j], key in most ? most[key] : Infinity); });
          });
          total = Math.min(total, n);
        });
        for (var key in most) if (most[key]) facets[key.split('\n')[0]][key.split('\n')[1]] = most[key];
      }
      var page = hits.slice(req.from || 0, need);
      return Promise.all(page.map(x => {
        return self.text(meta, D, x.d).then(rec => {
          if (rec[3] !== null || (rec[2] && matchSpans(rec[2], clauses, L[3]).length) || (rec[2] && !later(x.es))) return rec;
          return self.text(meta, D, x.d, true);
        });
      })).then(recs => {
        return {
          query: req.q, total: total, facets: facets, approx: approx,
          hits: page.map((x, i) => {
            var r = recs[i], k = D.kind[x.d];
            return {url: r[0], title: r[1], kind: k >= 0 ? meta.kinds[k] : '', score: x.score, snippet: snippet(r, clauses, meta)};
          })
        };
      });
    }
    return round();
  };
  // fieldText is text field f (title, summary, problem, solution, body) of a
  // text loaded by Engine.text.
  function fieldText(rec, f) { return rec[f + 1] || ''; }

  // ---- snippets (snippet.go) ----
  function matchSpans(text, clauses, maxWord) {
    var toks = scan(text, maxWord), spans = [];
    if (!toks.length) return spans;
    var max = toks[toks.length - 1].p, at = [];
    toks.forEach(t => { (at[t.p] = at[t.p] || [])[t.k === BI ? 1 : 0] = t; });
    function find(p, term) {
      var a = at[p];
      if (!a) return null;
      return a[0] && a[0].t === term ? a[0] : a[1] && a[1].t === term ? a[1] : null;
    }
    clauses.forEach(c => {
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
    spans.sort((a, b) => a[0] - b[0]);
    var out = [];
    spans.forEach(s => {
      var last = out[out.length - 1];
      if (last && s[0] <= last[1]) { if (s[1] > last[1]) last[1] = s[1]; } else out.push(s.slice());
    });
    return out;
  }
  function esc(s) {
    return s.replace(/[&<>"']/g, c => { return {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&#34;', "'": '&#39;'}[c]; });
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
    spans.forEach(s => {
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
    DIMS.forEach(d => { state[d[0]] = params.get(d[0]) || ''; });
    input.value = state.q;
    var timer, seq = 0;
    function writeURL() {
      var p = new URLSearchParams();
      ['q'].concat(DIMS.map(d => d[0])).forEach(k => { if (state[k]) p.set(k, state[k]); });
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
      engine.search({q: state.q, kind: state.kind, street: state.street, topic: state.topic, method: state.method, size: state.size}).then(r => {
        if (my === seq) render(r);
      }, e => {
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
      r.hits.forEach(h => {
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
        more.onclick = () => { state.size += 10; run(); };
        list.appendChild(el('li', {'class': 'search-more-item'})).appendChild(more);
      }
      DIMS.forEach(d => {
        var dim = d[0], counts = r.facets[dim], keys = Object.keys(counts).sort();
        if (!keys.length && !state[dim]) return;
        var fs = el('fieldset', {'class': 'search-facet'});
        fs.appendChild(el('legend', {}, d[1]));
        [''].concat(keys).forEach(v => {
          var label = v ? (dim === 'kind' ? KIND[v] || v : v) + ' (' + counts[v] + ')' : '全部';
          var btn = el('button', {type: 'button', 'aria-pressed': String(state[dim] === v), 'data-facet': dim, 'data-value': v}, label);
          btn.onclick = () => { state[dim] = state[dim] === v ? '' : v; state.size = 10; run(); };
          fs.appendChild(btn);
        });
        facetsEl.appendChild(fs);
      });
    }
    input.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(() => { state.q = input.value; state.size = 10; run(); }, 200);
    });
    if (form) form.addEventListener('submit', e => {
      e.preventDefault(); clearTimeout(timer); state.q = input.value; state.size = 10; run();
    });
    run();
  }
  if (typeof document !== 'undefined') {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', page); else page();
  }
  if (typeof module === 'object' && module.exports) module.exports = api;
})(typeof window !== 'undefined' ? window : globalThis);
