/* jianghan search over search/static.go's index, ranked as search/rank.go
 * says ("In the browser"); mirrors analysis.go, query.go and snippet.go. */
(root => {
  'use strict';
  var SEP = 0, WORD = 1, CJK = 2, BI = 2;

  // analysis.go
  var RANGES = [0x30, 0x39, WORD, 0x41, 0x5A, WORD, 0x61, 0x7A, WORD, 0xC0, 0xD6, WORD, 0xD8, 0xF6, WORD, 0xF8, 0x24F, WORD,
    0x370, 0x52F, WORD, 0x3005, 0x3005, CJK, 0x3007, 0x3007, CJK, 0x3040, 0x30FA, CJK, 0x30FC, 0x30FF, CJK, 0x3400, 0x4DBF, CJK,
    0x4E00, 0x9FFF, CJK, 0xAC00, 0xD7AF, CJK, 0xF900, 0xFAFF, CJK, 0x20000, 0x323AF, CJK];
  function classOf(c) {
    for (var i = 0; i < RANGES.length; i += 3) if (c >= RANGES[i] && c <= RANGES[i + 1]) return RANGES[i + 2];
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
  function scan(s, maxWord) {
    var out = [], pos = 0, inWord = false, ws = 0, we = 0, wn = 0, word = '', prev = false, ps = 0;
    for (var i = 0; i <= s.length;) {
      var c = i < s.length ? s.codePointAt(i) : 32, z = c > 0xFFFF ? 2 : 1, f = fold(c), cls = classOf(f);
      if (cls === WORD) {
        prev = false;
        if (!inWord) { inWord = true; ws = i; wn = 0; word = ''; }
        if (wn < maxWord) { word += String.fromCodePoint(f); wn++; }
        we = i + z; i += z; continue;
      }
      if (inWord) { out.push({t: word, p: ++pos, s: ws, e: we, k: WORD}); inWord = false; }
      if (cls === CJK) {
        pos++;
        if (prev) out.push({t: s.slice(ps, i + z), p: pos - 1, s: ps, e: i + z, k: BI});
        out.push({t: s.slice(i, i + z), p: pos, s: i, e: i + z, k: 1});
        prev = true; ps = i;
      } else prev = false;
      i += z;
    }
    return out;
  }

  // query.go
  function parseQuery(q, L) {
    var clauses = [], seen = {}, quoted = false, seg = '';
    function add(cs) {
      cs.forEach(c => {
        var key = c.join('\0');
        if (!seen[key] && clauses.length < L[1]) { seen[key] = true; clauses.push(c); }
      });
    }
    Array.from(q).slice(0, L[0]).forEach(ch => {
      if ('"\uFF02\u201C\u201D\u300C\u300D\u300E\u300F'.indexOf(ch) < 0) { seg += ch; return; }
      add(segment(seg, quoted, L)); quoted = !quoted; seg = '';
    });
    add(segment(seg, quoted, L));
    return clauses;
  }
  function segment(seg, quoted, L) {
    var toks = scan(seg, L[3]), out = [], start = 0, end = -1;
    toks.forEach((t, i) => {
      if (t.k !== BI && !quoted && end >= 0 && t.s !== end) { out = out.concat(group(toks.slice(start, i), L)); start = i; }
      if (t.k !== BI) end = t.e;
    });
    return out.concat(group(toks.slice(start), L));
  }
  function group(toks, L) {
    if (!toks.length) return [];
    var first = toks[0].p, n = toks[toks.length - 1].p - first + 1, bi = [], one = [], out = [], cur = [], count = 0, p;
    toks.forEach(t => { (t.k === BI ? bi : one)[t.p - first] = t.t; });
    function flush() {
      while (cur.length && cur[cur.length - 1] === '') cur.pop();
      if (cur.length) out.push(cur);
      cur = []; count = 0;
    }
    for (p = 0; p < n; p++) {
      var t = bi[p] || (p > 0 && bi[p - 1] ? '' : one[p]);
      if (t === '' && !cur.length) continue;
      cur.push(t);
      if (t !== '' && ++count === L[2]) flush();
    }
    flush();
    return out;
  }

  // loading
  var enc = new TextEncoder(), dec = new TextDecoder(), json = u => JSON.parse(dec.decode(u));
  function gunzip(u) {
    if (u[0] !== 0x1f || u[1] !== 0x8b) return Promise.resolve(u); // server already decoded it
    return new Response(new Blob([u]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer().then(b => new Uint8Array(b));
  }
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
        el.onerror = () => reject(new Error('cannot load ' + name));
        el.onload = () => el.remove();
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
    function load(name) { return cache[name] || (cache[name] = get(name).then(gunzip)); }
    load.range = (name, a, b) => {
      if (scripts && !whole[name]) whole[name] = byScript(name);
      return whole[name] ? whole[name].then(u => u.subarray(a, b)) : get(name, [a, b]);
    };
    return load;
  }
  function Reader(u, at) {
    var r = {u: u, at: at};
    r.v = () => { var v = 0, m = 1, b; do { b = u[r.at++]; v += (b & 127) * m; m *= 128; } while (b & 128); return v; };
    r.s = () => { var n = r.v(); r.at += n; return dec.decode(u.subarray(r.at - n, r.at)); };
    r.f = n => { var v = new DataView(u.buffer, u.byteOffset + r.at, n); r.at += n; return n > 4 ? v.getFloat64(0, true) : v.getFloat32(0, true); };
    return r;
  }
  function list(n, f) { for (var a = [], i = 0; i < n; i++) a.push(f(i)); return a; }
  function parseFacets(u) {
    var r = Reader(u, 3), n = r.v(), d = {kind: list(n, () => r.v() - 1), street: list(n, () => r.v() - 1)};
    d.topics = list(n, () => list(r.v(), () => r.v()));
    d.methods = list(n, () => list(r.v(), () => r.v()));
    d.slots = list(n, () => r.v());
    return d;
  }
  function parseBlock(r, full, blk, n) {
    var c = r.v(), out = [], i, f, e, d = 0, u = r.u;
    if (!full) {
      if (!u[r.at++]) out = list(c, () => ({d: d += r.v(), blk: blk}));
      else {
        for (; d < n; d++) if (u[r.at + (d >> 3)] & (1 << (d & 7))) out.push({d: d, blk: blk});
        r.at += (n + 7) >> 3;
      }
      out.forEach(e => { e.top = blk.bound * Math.pow(2, -u[r.at++] / 16); });
      return out;
    }
    out = list(c, () => ({d: d += r.v(), tf: [], len: []}));
    out.forEach(e => { e.m = u[r.at++]; });
    ['tf', 'len'].forEach((k, j) => {
      for (i = 0; i < c; i++) for (e = out[i], f = 0; f < 5; f++) if (e.m & (1 << f)) e[k][f] = r.v() + 1 - j;
    });
    return out;
  }
  function addBlock(T, b, entries) {
    if (!T.loaded[b]) { T.loaded[b] = true; entries.forEach(e => T.docs.set(e.d, e)); }
  }
  function desc(r, mask) {
    return {file: r.v(), bound: r.f(8), bdoc: r.v(), next: r.f(4), raw: list(5, f => mask & (1 << f) ? r.f(4) : 0)};
  }
  function parseShard(u, meta, byTerm) {
    var r = Reader(u, 3), count = r.v();
    while (count--) {
      var t = r.s(), mask = u[r.at++], T = {mask: mask, tails: [], loaded: [], docs: new Map()};
      T.df = list(5, f => mask & (1 << f) ? r.v() : 0);
      T.D = r.v(); T.nt = r.v();
      if (T.nt) {
        T.tails.push(desc(r, mask));
        T.counts = [meta.kinds, meta.streets, meta.topics, meta.methods].map(v => v.map(() => r.v()));
      }
      addBlock(T, 0, parseBlock(r, 1));
      byTerm.set(t, T);
    }
  }

  // rank.go
  var F64 = new DataView(new ArrayBuffer(8)), LN = new Float64Array(Uint8Array.from(atob('AADg/kIu5j92PHk17znqPZNVVVVVVeU/BPqXmZmZ2T9ZkyKUJEnSP694jh3Fccw/3gPLlmRGxz+fxnjQCZrDP0RSPt8S8cI/'), c => c.charCodeAt(0)).buffer);
  // rank.go's ln (Math.log varies by engine)
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
    var texts = {}, shards = {}, tails = {}, byTerm = new Map(), facets, M = load('meta.json').then(json);
    var once = (cache, key, make) => cache[key] || (cache[key] = make());
    function text(meta, D, d, all) {
      var c = texts[d] || (texts[d] = {}), a = 0, n = D.slots[d] * meta.slot, i = d - d % meta.group;
      for (; i < d; i++) a += D.slots[i] * meta.slot;
      var name = 'd/' + Math.floor(d / meta.group) + '.bin', part = (u, at, len) => gunzip(u.subarray(at, at + len)).then(json);
      if (all || c.all) {
        return c.all || (c.all = load.range(name, a, a + n).then(u => {
          var r = Reader(u, 0), la = r.v(), lb = r.v();
          return Promise.all([part(u, r.at, la), part(u, r.at + la, lb)]).then(p => p[0].concat(p[1]));
        }));
      }
      return c.first || (c.first = load.range(name, a, a + Math.min(n, meta.first)).then(u => {
        var r = Reader(u, 0), la = r.v();
        r.v();
        return r.at + la <= u.length ? part(u, r.at, la) : load.range(name, a, a + r.at + la).then(u => part(u, r.at, la));
      }).then(x => x.concat([null, null, null])));
    }
    function term(meta, t) {
      var h = 0x811c9dc5, s;
      enc.encode(t).forEach(b => { h = Math.imul(h ^ b, 0x01000193); });
      s = (h >>> 0) % meta.shards;
      return once(shards, s, () => load('t/' + s + '.bin.gz').then(u => parseShard(u, meta, byTerm)))
        .then(() => byTerm.get(t));
    }
    function more(meta, T, b) {
      var file = T.tails[b - 1].file;
      return once(tails, file, () => load('x/' + file + '.bin.gz').then(u => {
        var r = Reader(u, 3);
        return list(r.v(), () => { var x = {t: r.s(), b: r.v()}, n = r.v(); x.at = r.at; x.u = u; r.at += n; return x; });
      })).then(blocks => blocks.forEach(x => {
        var U = byTerm.get(x.t), r = Reader(x.u, x.at);
        if (!U || U.loaded[x.b] || !U.tails[x.b - 1]) return;
        if (x.b < U.nt) U.tails[x.b] = desc(r, U.mask);
        addBlock(U, x.b, parseBlock(r, meta.head * Math.pow(meta.ratio, x.b) <= meta.full, U.tails[x.b - 1], meta.n));
      }));
    }
    function search(req) {
      return M.then(meta => {
        var clauses = parseQuery(req.q || '', meta.limits), names = [], none = {query: req.q, total: 0, hits: [], facets: facetMaps()};
        if (!clauses.length || !meta.n) return (none.empty = !clauses.length, none);
        clauses.forEach(c => c.forEach(t => { if (t && names.indexOf(t) < 0) names.push(t); }));
        facets = facets || load('facets.bin.gz').then(parseFacets);
        return Promise.all([facets].concat(names.map(t => term(meta, t)))).then(got => {
          var terms = {};
          names.forEach((t, i) => { terms[t] = got[i + 1]; });
          return got.indexOf(undefined) > 0 ? none : rank(meta, got[0], clauses, terms, names, req);
        });
      });
    }
    function facetMaps() { return {kind: {}, street: {}, topic: {}, method: {}}; }
    function rank(meta, D, clauses, terms, names, req) {
      var N = meta.n, k1 = meta.k1, b = meta.b, F = 5, boost = meta.boost, L = meta.limits;
      var EPS = 1 + 1e-9, TIE = 1 + 1e-12, avg = meta.total.map(t => Math.ceil(t / N)), W = 0, idfs = {};
      var need = (req.from || 0) + (req.size || 10), exact = new Map(), tail = {}, reads = 0, cut;
      names.forEach(t => {
        idfs[t] = avg.map((a, f) => { var n = terms[t].df[f]; return a > 0 ? ln(1 + (N - n + 0.5) / (n + 0.5)) : 1 + ln(N / (n + 1)); });
      });
      var plan = clauses.map((c, i) => {
        var words = c.filter(Boolean), w = 0, n = 0, rho = {};
        var fields = list(F, f => {
          var x = {f: f, idf: 0, n: 0};
          words.forEach(t => { x.idf += idfs[t][f]; x.n += terms[t].df[f]; });
          return x;
        }).sort((p, q) => p.n - q.n);
        fields.forEach(x => { var y = boost[x.f] * x.idf; w += y * y; n += x.n; });
        words.forEach(t => {
          rho[t] = 0;
          fields.forEach(x => { var y = x.idf / idfs[t][x.f]; if (terms[t].df[x.f]) rho[t] = Math.max(rho[t], y * y); });
        });
        return {i: i, c: c, words: words, fields: fields, n: n, w: w, rho: rho};
      }).sort((p, q) => p.n - q.n);
      plan.forEach(c => { W += c.w; });
      var qn = 1 / Math.sqrt(W), terms1 = plan.every(c => c.c.length === 1);
      plan.forEach(c => c.fields.forEach(x => { x.qw = boost[x.f] * x.idf * qn; }));
      function fields(i, es) {
        var c = clauses[i], m = 31, e = es[c[0]];
        if (c.length === 1 && e && !e.blk) return {m: e.m};
        c.forEach(t => { if (t && es[t] && !es[t].blk) m &= es[t].m; });
        return {m: m, text: 1};
      }
      var later = (es, text) => clauses.some((_, i) => { var x = fields(i, es); return (!text || x.text) && x.m & 28; });
      function scoreOf(es, rec) {
        var per = list(F, f => {
          if (!rec || rec[f + 1] === null) return null;
          var pos = new Map(), toks = scan(rec[f + 1] || '', L[3]);
          toks.forEach(t => { if (!pos.has(t.t)) pos.set(t.t, new Set()); pos.get(t.t).add(t.p); });
          return {n: toks.length, pos: pos};
        }), sum = 0;
        for (var i = 0; i < plan.length; i++) {
          var c = plan[i], s = 0, m = 0;
          for (var j = 0; j < F; j++) {
            var x = c.fields[j], f = x.f, y = fields(c.i, es), tf = 0, n = 0, w = c.c, P = per[f];
            if (!(y.m & (1 << f))) continue;
            if (!y.text) { tf = es[w[0]].tf[f]; n = es[w[0]].len[f]; } else if (P.pos.has(w[0])) {
              P.pos.get(w[0]).forEach(p => {
                for (var k = 1; k < w.length; k++) if (w[k] && !(P.pos.get(w[k]) || new Set()).has(p + k)) return;
                tf++;
              });
              n = P.n;
            }
            if (!tf) continue;
            var q = Math.sqrt(tf), sc = x.idf * (q * k1) / (q + K(n, f));
            if (x.qw !== 1) sc = sc * x.qw;
            s += sc; m++;
          }
          if (!m) return -1;
          sum += s * (m / F);
        }
        return sum;
      }
      function K(n, f) { var x = Math.fround(1 / Math.sqrt(n)); return k1 * (1 - b + (b * (1 / (x * x)) / avg[f])); }
      function part(e, f) { var x = Math.sqrt(e.tf[f]); return (x * k1) / (x + K(e.len[f], f)); }
      function impact(t, e) {
        var s = 0, m = 0;
        for (var f = 0; f < F; f++) if (e.m & (1 << f)) { s += boost[f] * idfs[t][f] * idfs[t][f] * part(e, f); m++; }
        return s * m / F;
      }
      function termBound(t, e, d, sub) {
        var x = e ? e.blk : tail[t];
        return e && !x ? impact(t, e) : Math.min(e ? e.top : x.bound, t === sub || (d >= 0 && d < x.bdoc) ? x.next : x.bound);
      }
      function bound(es, d, sub) {
        var sum = 0;
        plan.forEach(c => { sum += cbound(c, es, d, sub); });
        return sum * qn;
      }
      function cbound(c, es, d, sub, free) {
        if (c.c.length === 1) return termBound(c.c[0], es[c.c[0]], d, sub);
        var r = Infinity, best = 0, acc = 0;
        c.words.forEach(t => { if (es[t] || !free) r = Math.min(r, c.rho[t] * termBound(t, es[t], d, sub)); });
        c.fields.map(x => {
          var lo = Infinity;
          c.words.forEach(t => {
            var e = es[t];
            if (e || !free) lo = Math.min(lo, e && !e.blk ? (e.m & (1 << x.f) ? boost[x.f] * part(e, x.f) : 0) :
            Math.min((e ? e.blk : tail[t]).raw[x.f], F * termBound(t, e, d, sub) / idfs[t][x.f] / idfs[t][x.f]));
          });
          return x.idf * x.idf * lo;
        }).sort((p, q) => q - p).forEach((y, j) => {
          if (y > 0) { acc += y; best = Math.max(best, acc * (j + 1) / F); }
        });
        return Math.min(best, r);
      }
      function beats(es, d, lack, k) {
        var ub = bound(es, d, null), tau = k.score, first = -1;
        if (ub * EPS < tau) return false;
        if (ub > tau * TIE || tau <= 0) return true;
        if (d >= 0) return d < k.d;
        lack.forEach(t => { if (bound(es, d, t) * EPS < tau) first = Math.max(first, tail[t].bdoc); });
        return first <= k.d;
      }
      var want = [req.kind, req.street, req.topic, req.method], dims = Object.keys(facetMaps());
      var vocab = [meta.kinds, meta.streets, meta.topics, meta.methods];
      var values = (k, d) => [[D.kind[d]], [D.street[d]], D.topics[d], D.methods[d]][k].filter(i => i >= 0).map(i => vocab[k][i]);
      var fails = d => dims.filter((_, k) => want[k] && values(k, d).indexOf(want[k]) < 0);
      var nextBlock = T => { for (var i = 1; i <= T.nt; i++) if (!T.loaded[i]) return i; return 0; };
      var driver = c => c.words.filter(t => tail[t]).sort((p, q) => terms[p].D - terms[q].D)[0];
      function round() {
        var done = [], open = [], live = [], seen = new Set();
        names.forEach(t => {
          var i = nextBlock(terms[t]);
          tail[t] = i ? terms[t].tails[i - 1] : null;
          (i ? open : done).push(t);
        });
        (done.length ? [done.map(t => terms[t]).sort((p, q) => p.docs.size - q.docs.size)[0]] : names.map(t => terms[t])).forEach(T => {
          T.docs.forEach((_, d) => {
            if (seen.has(d)) return;
            seen.add(d);
            var es = {}, lack = [], s = exact.get(d);
            for (var i = 0; i < names.length; i++) {
              var t = names[i], e = terms[t].docs.get(d);
              if (e) es[t] = e; else if (!tail[t]) return; else lack.push(t);
            }
            if (s === undefined && terms1 && !lack.length && names.every(t => !es[t].blk)) exact.set(d, s = scoreOf(es));
            if (s === undefined) live.push({d: d, es: es, lack: lack});
            else if (s >= 0) live.push({d: d, es: es, score: s, exact: 1});
          });
        });
        var shown = live.filter(x => !fails(x.d).length), hits = shown.filter(x => x.exact).sort((p, q) => q.score - p.score || p.d - q.d);
        var k = hits[need - 1] || {score: -Infinity, d: -1}, get = new Set(), read = [];
        if (!done.length && beats({}, -1, open, k)) plan.forEach(c => { if (driver(c)) get.add(driver(c)); });
        shown.forEach(x => {
          if (x.exact || !beats(x.es, x.d, x.lack, k)) return;
          var more = [];
          plan.forEach(c => {
            var t = driver(c);
            if (!t || x.es[t] && c.words.every(u => x.es[u] || !tail[u])) return;
            if (!c.words.some(u => x.es[u]) || cbound(c, x.es, x.d) < cbound(c, x.es, x.d, null, 1)) {
              more.push(c.words.filter(u => !x.es[u] && tail[u]).sort((p, q) => terms[p].D - terms[q].D)[0]);
            }
          });
          if (more.length) more.forEach(t => get.add(t)); else read.push(x);
        });
        if (k.d < 0 && hits.length + read.length >= need) get.clear();
        read.forEach(x => { x.ub = +bound(x.es, x.d).toPrecision(12); });
        read = read.sort((p, q) => q.ub - p.ub || p.d - q.d).slice(0, Math.max(need, reads));
        if (reads > need + 90) get.clear(), read = [], cut = true;
        reads += read.length;
        if (get.size || read.length) {
          return Promise.all(Array.from(get).map(t => more(meta, terms[t], nextBlock(terms[t]))).concat(read.map(x =>
            text(meta, D, x.d, later(x.es, 1)).then(rec => { exact.set(x.d, scoreOf(x.es, rec)); })))).then(round);
        }
        var facets = facetMaps(), total = shown.length, approx = !!(cut || (done.length ? live.some(x => !x.exact) : names.length > 1 || clauses[0].length > 1 || want.some(Boolean)));
        if (done.length) {
          live.forEach(x => {
            var bad = fails(x.d);
            dims.forEach((dim, k) => {
              if (!bad.length || (bad.length === 1 && bad[0] === dim)) values(k, x.d).forEach(v => { facets[dim][v] = (facets[dim][v] || 0) + 1; });
            });
          });
        } else {
          total = Math.min(...names.map(t => Math.min(...[terms[t].D].concat(dims.map((_, k) =>
            want[k] ? terms[t].counts[k][vocab[k].indexOf(want[k])] || 0 : Infinity)))));
          dims.forEach((dim, k) => vocab[k].forEach((v, j) => {
            var n = Math.min(...names.map(t => terms[t].counts[k][j]));
            if (n) facets[dim][v] = n;
          }));
        }
        var page = hits.slice(req.from || 0, need);
        return Promise.all(page.map(x => text(meta, D, x.d).then(rec =>
          rec[3] !== null || (rec[2] && (matchSpans(rec[2], clauses, L[3]).length || !later(x.es))) ? rec : text(meta, D, x.d, 1))))
          .then(recs => ({
            query: req.q, total: total, facets: facets, approx: approx,
            hits: page.map((x, i) => ({url: recs[i][0], title: recs[i][1], kind: meta.kinds[D.kind[x.d]] || '', score: x.score,
              snippet: snippet(recs[i], clauses, meta)}))
          }));
      }
      return round();
    }
    return {search: search};
  }

  // snippet.go
  function matchSpans(text, clauses, maxWord) {
    var toks = scan(text, maxWord), spans = [], out = [], at = [], max = toks.length && toks[toks.length - 1].p;
    toks.forEach(t => { (at[t.p] = at[t.p] || [])[t.k === BI ? 1 : 0] = t; });
    var find = (p, term) => (at[p] || []).filter(t => t && t.t === term)[0];
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
    spans.sort((a, b) => a[0] - b[0]).forEach(s => {
      var last = out[out.length - 1];
      if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]); else out.push(s.slice());
    });
    return out;
  }
  var esc = s => s.replace(/[&<>"']/g, c => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&#34;', "'": '&#39;'})[c]);
  function snippet(rec, clauses, meta) {
    var order = [2, 3, 4, 5, 1], i, text, spans;
    for (i = 0; i < 5; i++) {
      text = rec[order[i]] || ''; spans = matchSpans(text, clauses, meta.limits[3]);
      if (spans.length) return windowed(text, spans, meta.snippet);
    }
    for (i = 0; i < 4; i++) if ((text = rec[order[i]])) return windowed(text, [], meta.snippet);
    return '';
  }
  function windowed(text, spans, S) {
    var start = 0, end, n, out = '', at;
    var back = i => i >= 2 && /[\uDC00-\uDFFF]/.test(text[i - 1]) && /[\uD800-\uDBFF]/.test(text[i - 2]) ? i - 2 : i - 1;
    if (spans.length) for (start = spans[0][0], n = 0; n < S[1] && start > 0; n++) start = back(start);
    for (end = start, n = 0; n < S[0] && end < text.length; n++) end += text.codePointAt(end) > 0xFFFF ? 2 : 1;
    at = start;
    spans.forEach(s => {
      if (s[1] <= start || s[0] >= end) return;
      var a = Math.max(s[0], start), z = Math.min(s[1], end);
      out += esc(text.slice(at, a)) + '<mark>' + esc(text.slice(a, z)) + '</mark>'; at = z;
    });
    out = (start > 0 ? '…' : '') + out + esc(text.slice(at, end)) + (end < text.length ? '…' : '');
    return out.split(/\s+/).filter(Boolean).join(' ');
  }

  var api = {scan: scan, parseQuery: parseQuery, gunzip: gunzip, Engine: Engine};
  root.jianghanSearch = api;

  // the search page
  var KIND = {cases: '案例', lectures: '微课', guides: '指南', workers: '社工', courses: '课程', handbook: '手册'};
  var DIMS = {kind: '类型', street: '街道', topic: '主题', method: '方法'};
  function page() {
    var $ = id => document.getElementById(id), form = $('search-form'), input = $('q'), facets = $('facets'), status = $('search-status'), results = $('results');
    if (!input || !results) return;
    var base = document.documentElement.getAttribute('data-base') || '/', engine = new Engine(loader(base + 'search/'));
    var params = new URLSearchParams(location.search), state = {q: params.get('q') || '', size: 10}, timer, seq = 0;
    for (var k in DIMS) state[k] = params.get(k) || '';
    input.value = state.q;
    function run() {
      var my = ++seq, p = new URLSearchParams();
      ['q'].concat(Object.keys(DIMS)).forEach(k => { if (state[k]) p.set(k, state[k]); });
      history.replaceState(null, '', location.pathname + (p + '' ? '?' + p : '') + location.hash);
      if (!state.q.trim()) { results.textContent = facets.textContent = ''; status.textContent = '请输入要搜索的文字。'; return; }
      status.textContent = '正在搜索…';
      engine.search(Object.assign({}, state)).then(r => { if (my === seq) render(r); },
        e => { if (my === seq) status.textContent = '搜索索引加载失败，请稍后再试。（' + e.message + '）'; });
    }
    function go(k, v) { state[k] = v; state.size = 10; run(); }
    function render(r) {
      var about = r.approx ? '约' : '', html = '';
      status.textContent = r.hits.length ? '找到' + (about ? '约 ' : ' ') + r.total + ' 条结果' :
        r.empty ? '请输入要搜索的文字。' : '没有找到与「' + state.q.trim() + '」相关的内容。';
      r.hits.forEach(h => {
        var url = esc(base + h.url.replace(/^\//, ''));
        html += '<li data-url="' + url + '"><a href="' + url + (location.protocol === 'file:' && /\/$/.test(url) ? 'index.html' : '') + '">' +
          esc(h.title) + '</a><span class="search-kind"> ' + esc(KIND[h.kind] || h.kind) + '</span><p class="search-snippet">' + h.snippet + '</p></li>';
      });
      if (r.total > r.hits.length) html += '<li class="search-more-item"><button type="button" class="search-more">显示更多结果</button></li>';
      results.innerHTML = html;
      html = '';
      for (var dim in DIMS) {
        var counts = r.facets[dim], keys = Object.keys(counts).sort();
        if (!keys.length && !state[dim]) continue;
        html += '<fieldset class="search-facet"><legend>' + DIMS[dim] + '</legend>';
        [''].concat(keys).forEach(v => {
          html += '<button type="button" aria-pressed="' + (state[dim] === v) + '" data-facet="' + dim + '" data-value="' + esc(v) + '">' +
            (v ? esc(dim === 'kind' ? KIND[v] || v : v) + ' (' + about + counts[v] + ')' : '全部') + '</button>';
        });
        html += '</fieldset>';
      }
      facets.innerHTML = html;
    }
    facets.onclick = e => {
      var b = e.target.closest('button');
      if (b) go(b.dataset.facet, state[b.dataset.facet] === b.dataset.value ? '' : b.dataset.value);
    };
    results.onclick = e => {
      if (e.target.closest('.search-more')) { state.size += 10; run(); }
    };
    input.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(() => go('q', input.value), 200);
    });
    if (form) form.addEventListener('submit', e => { e.preventDefault(); clearTimeout(timer); go('q', input.value); });
    run();
  }
  if (typeof document !== 'undefined') {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', page); else page();
  }
  if (typeof module === 'object' && module.exports) module.exports = api;
})(typeof window !== 'undefined' ? window : globalThis);
