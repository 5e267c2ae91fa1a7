/* search.js, part 5 of 6: the engine, which answers a query over the index
 * that static.go writes exactly as the bleve index answers it.
 *
 * A query fetches meta.json and facets.bin.gz once, then the shard of each
 * of its terms: every document holding the term (so the candidates, the
 * total and the facet counts are known at once) and the postings of the
 * documents where the term weighs most, with their frequencies, field
 * lengths and positions in the short fields. Further postings come in tail
 * blocks, ordered by impact (the term's BM25F score in a document). A
 * candidate whose weighing postings are all at hand, and whose key the
 * positions in its text could not change, is scored exactly; any other has
 * an upper bound: unknown impacts at their next block's top, unknown
 * positions at their best. Round after round the engine takes the page's
 * last hit k and settles each candidate whose bound could still beat k, by
 * fetching the next block of its rarest unknown term (when that costs
 * fewer bytes than the texts it would spare) or by reading its text (an
 * HTTP range request). It settles the top three first, whatever it costs;
 * then the rest of the page within a byte budget, and an answer the budget
 * cuts short says so (approx, shown as 约). */
  // loading
  // BLOCK_BYTES is about what a posting of a tail block costs, compressed
  // BUDGET and BUDGET_TERM bound the bytes a query fetches once its top
  // three are settled: so much, and so much more for each term
  var FORMAT = 3, BLOCK_BYTES = 5, SMALL_BLOCK = 512, BUDGET = 32768, BUDGET_TERM = 8192, enc = new TextEncoder(), dec = new TextDecoder(), json = u => JSON.parse(dec.decode(u));
  function gunzip(u) {
    if (u[0] !== 0x1f || u[1] !== 0x8b) return Promise.resolve(u); // the server already decoded it
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
          load.bytes += u.length;
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
    load.bytes = 0; // fetched so far
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

  // the format of static.go: facets.bin (facetColumns), shards (encodeTerm), tails (packTails), blocks
  function parseFacets(u) {
    var r = Reader(u, 3), n = r.v(), d = {kind: list(n, () => r.v() - 1), street: list(n, () => r.v() - 1)};
    d.topics = list(n, () => list(r.v(), () => r.v()));
    d.methods = list(n, () => list(r.v(), () => r.v()));
    d.slots = list(n, () => r.v());
    return d;
  }
  var TEXT = 3; // the one field whose positions postings leave out
  function parseBlock(r) {
    var c = r.v(), i, f, e, d = 0, out = list(c, () => ({d: d += r.v(), tf: [0, 0, 0, 0, 0], len: [0, 0, 0, 0, 0], pos: [[], [], [], [], []]}));
    out.forEach(e => { e.m = r.u[r.at++]; });
    ['tf', 'len'].forEach((k, j) => {
      for (i = 0; i < c; i++) for (e = out[i], f = 0; f < F; f++) if (e.m & (1 << f)) e[k][f] = r.v() + 1 - j;
    });
    out.forEach(e => {
      for (f = 0; f < F; f++) {
        if (f === TEXT) { e.pos[f] = e.tf[f] ? null : []; continue; }
        for (var n = e.tf[f], p = 0; n--;) e.pos[f].push(p += r.v());
      }
    });
    return out;
  }
  // every document holding a term, as a bitmap of n bits (terms.go, appendPresence)
  function parsePresence(r, n, D) {
    var bits = new Uint8Array((n + 7) >> 3), mode = r.u[r.at++], d = 0, c;
    if (mode === 1) { bits.set(r.u.subarray(r.at, r.at + bits.length)); r.at += bits.length; }
    else if (mode === 2) { bits.fill(255); for (c = r.v(); c--;) { d += r.v(); bits[d >> 3] &= ~(1 << (d & 7)); } }
    else for (c = D; c--;) { d += r.v(); bits[d >> 3] |= 1 << (d & 7); }
    return bits;
  }
  function addBlock(R, b, entries) {
    if (!R.loaded[b]) { R.loaded[b] = true; entries.forEach(e => R.docs.set(e.d, e)); }
  }
  var desc = r => ({file: r.v(), bound: r.f(8), bdoc: r.v(), next: r.f(4)});
  function parseShard(u, meta, byTerm) {
    var r = Reader(u, 3), count = r.v(), n = meta.n;
    while (count--) {
      let t = r.s(), R = {D: r.v(), nt: r.v(), tails: [], loaded: [], docs: new Map()}, bits = null;
      if (R.nt) {
        R.tails.push(desc(r));
        bits = parsePresence(r, n, R.D);
      }
      addBlock(R, 0, parseBlock(r));
      if (!bits) { bits = new Uint8Array((n + 7) >> 3); R.docs.forEach((_, d) => { bits[d >> 3] |= 1 << (d & 7); }); }
      R.bits = bits;
      R.has = d => (bits[d >> 3] >> (d & 7)) & 1;
      byTerm.set(t, R);
    }
  }

  function facetMaps() { return {kind: {}, street: {}, topic: {}, method: {}}; }
  // Engine answers queries over the index load fetches; opts.budget
  // replaces BUDGET (Infinity: every answer exact, whatever it costs).
  function Engine(load, opts) {
    var budget0 = opts && opts.budget !== undefined ? opts.budget : BUDGET;
    var texts = {}, shards = {}, tails = {}, byTerm = new Map(), facets, M = load('meta.json').then(json).then(m => {
      if (m.format !== FORMAT) throw new Error('index format ' + m.format);
      m.lex = Lexicon(m.lexicon, m.limits);
      return m;
    });
    var once = (cache, key, make) => cache[key] || (cache[key] = make()), dict;
    // inflate reads a part of a text: raw deflate with the texts' preset
    // dictionary (texts.go), inflated behind a stored block that holds it
    function inflate(meta, u) {
      dict = dict || (meta.dict ? load('d/dict.bin.gz') : Promise.resolve(new Uint8Array(0)));
      return dict.then(D => {
        var n = D.length, head = n ? [new Uint8Array([0, n & 255, n >> 8, ~n & 255, (~n >> 8) & 255]), D] : [];
        return new Response(new Blob(head.concat([u])).stream().pipeThrough(new DecompressionStream('deflate-raw'))).arrayBuffer()
          .then(b => new Uint8Array(b, n));
      });
    }
    function text(meta, D, d, all) {
      var c = texts[d] || (texts[d] = {}), a = 0, n = D.slots[d] * meta.slot, i = d - d % meta.group;
      for (; i < d; i++) a += D.slots[i] * meta.slot;
      var name = 'd/' + Math.floor(d / meta.group) + '.bin', part = (u, at, len) => inflate(meta, u.subarray(at, at + len)).then(json);
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
      return once(shards, s, () => load('t/' + s + '.bin.gz').then(u => parseShard(u, meta, byTerm))).then(() => byTerm.get(t));
    }
    function more(meta, R, b) {
      var file = R.tails[b - 1].file;
      return once(tails, file, () => load('x/' + file + '.bin.gz').then(u => {
        var r = Reader(u, 3);
        return list(r.v(), () => { var x = {t: r.s(), b: r.v()}, n = r.v(); x.at = r.at; x.u = u; r.at += n; return x; });
      })).then(blocks => blocks.forEach(x => {
        var U = byTerm.get(x.t), r = Reader(x.u, x.at);
        if (!U || U.loaded[x.b] || !U.tails[x.b - 1]) return;
        if (x.b < U.nt) U.tails[x.b] = desc(r);
        addBlock(U, x.b, parseBlock(r));
      }));
    }
    function search(req) {
      return M.then(meta => {
        var Q = parse(req.q || '', meta.lex, meta.limits), none = {query: req.q, total: 0, hits: [], facets: facetMaps()};
        if (!Q) return (none.empty = true, none);
        if (!meta.n) return none;
        var names = queryTerms(Q);
        facets = facets || load('facets.bin.gz').then(parseFacets);
        return Promise.all([facets].concat(names.map(t => term(meta, t)))).then(got => {
          var T = new Map();
          names.forEach((t, i) => { if (got[i + 1]) T.set(t, got[i + 1]); });
          var plan = Plan(Q, t => T.has(t) ? T.get(t).D : 0, meta);
          var tried = r => r.total || r.hits.length ? r : suggestOn(meta, Q, T, r);
          return plan.found ? rank(meta, got[0], plan, T, req).then(tried) : tried(none);
        });
      });
    }
    function suggestOn(meta, Q, T, r) {
      var df = t => T.has(t) ? T.get(t).D : 0, units = unitsOf(Q, meta.limits);
      var occurs = Q.parts.some(p => p.alts.some(a => a.ph.some(t => t && df(t) > 0)));
      return Promise.all(occurs ? [] : units.map(u => term(meta, u).then(R => { if (R) T.set(u, R); }))).then(() => {
        r.suggest = suggest(Q, df, meta.topics, meta.streets, meta.limits);
        return r;
      });
    }

    // rank: the top need documents, as the comment at the top says
    function rank(meta, D, plan, T, req) {
      var L = meta.limits, P = meta.params, need = (req.from || 0) + (req.size || 10), cut = false, reads = 0, fetched = 0, rounds = 0;
      // first the top three are settled, whatever it costs; then the rest of
      // the page, within a budget of bytes that grows with the query
      var goal = Math.min(need, (req.from || 0) + 3), start = load.bytes || 0, budget = budget0 + (budget0 === Infinity ? 0 : BUDGET_TERM * plan.terms.length);
      var recs = plan.terms.map(t => T.get(t.t)), exact = new Map(), full = new Map();
      var scoring = plan.terms.map((t, i) => t.q === 1 && recs[i] ? i : -1).filter(i => i >= 0);
      var wholes = [].concat(...plan.parts.map(pp => pp.alts.filter(a => a.whole).map(a => a.terms)));
      var weighs = plan.terms.map((t, i) => t.q === 1 || wholes.some(ts => ts.indexOf(i) >= 0)); // a term whose impact counts
      var want = [req.kind, req.street, req.topic, req.method], dims = Object.keys(facetMaps());
      var vocab = [meta.kinds, meta.streets, meta.topics, meta.methods];
      var values = (k, d) => [[D.kind[d]], [D.street[d]], D.topics[d], D.methods[d]][k].filter(i => i >= 0).map(i => vocab[k][i]);
      var fails = d => dims.map((_, k) => k).filter(k => want[k] && values(k, d).indexOf(want[k]) < 0);
      var nextBlock = R => { for (var b = 1; b <= R.nt; b++) if (!R.loaded[b]) return b; return 0; };
      var order = (a, b) => before(a.key, b.key) ? -1 : before(b.key, a.key) ? 1 : a.d - b.d;
      // the candidates: every document holding a term of the query
      var cands = [];
      for (var d = 0; d < meta.n; d++) if (scoring.some(i => recs[i].has(d)) || wholes.some(ts => ts.every(i => recs[i].has(d)))) cands.push(d);
      // what the postings say of document d, given each term's next tail block
      // (hi: unknown positions at their best; else as absent)
      var unknown = [null, null, null, null, null];
      function view(d, tails, hi) {
        var es = recs.map(R => R && R.has(d) ? R.docs.get(d) || 0 : null), kf = [];
        es.forEach(e => { if (e) for (var f = 0; f < F; f++) if (e.tf[f] > 0) kf[f] = (1 - P.b) + P.b * fieldLen(e.len[f]) / plan.avg[f]; });
        return {
          es: es, hi: hi,
          has: i => es[i] !== null,
          s: i => { var e = es[i], x = tails[i]; return e ? termScore(P, plan.terms[i].idf, e.tf, kf) : d < x.bdoc ? x.next : x.bound; },
          pos: i => es[i] ? es[i].pos : unknown,
          can: (i, f) => es[i] === 0 || !!es[i] && es[i].tf[f] > 0
        };
      }
      function round() {
        var tails = recs.map(R => { var b = R && nextBlock(R); return b ? R.tails[b - 1] : null; }), hits = [], open = [];
        cands.forEach(d => {
          var key = exact.get(d);
          if (key === undefined) {
            // exact when every weighing impact is at hand and the positions
            // the postings leave out cannot change the key
            var v = view(d, tails, true), ub = plan.score(v), lo = !v.es.some(e => e === 0) && plan.score(view(d, tails, false));
            if (!lo || lo.tier !== ub.tier || lo.rel !== ub.rel) {
              if (ub && !fails(d).length) open.push({d: d, key: ub, v: v});
              return;
            }
            exact.set(d, key = ub);
          }
          if (key && !fails(d).length) hits.push({d: d, key: key});
        });
        hits.sort(order);
        var k = hits[goal - 1], fetch = [], read = [], votes = new Map();
        var threat = (ub, d) => !k || ub.tier > k.key.tier || ub.tier === k.key.tier && (ub.rel > k.key.rel || ub.rel === k.key.rel && d < k.d);
        // the best threats read their texts (which settles them); any
        // other with a term whose impact the blocks at hand do not give
        // waits for that term's next block (the rarest such term's), unless
        // the block would cost more bytes than the texts of the documents
        // waiting for it; one known but for its positions reads its text
        open.filter(x => threat(x.key, x.d)).sort(order).forEach((x, n) => {
          var lack = x.v.es.map((e, i) => e === 0 && weighs[i] ? i : -1).filter(i => i >= 0);
          if (!lack.length) return void read.push(x);
          var t = lack.sort((a, b) => recs[a].D - recs[b].D)[0];
          votes.set(t, (votes.get(t) || []).concat([x]));
        });
        votes.forEach((xs, i) => {
          // a small block is fetched (it lowers the bound of every document
          // after it); a big one when it costs less than the texts of the
          // waiting documents it is likely to hold
          var b = nextBlock(recs[i]), lo = meta.head * Math.pow(meta.ratio, b - 1), size = Math.min(recs[i].D, lo * meta.ratio) - lo;
          if (size <= SMALL_BLOCK || size * BLOCK_BYTES <= xs.reduce((a, x) => a + D.slots[x.d] * meta.slot, 0) * size / (recs[i].D - lo)) fetch.push(i);
          else read = read.concat(xs);
        });
        read = read.sort(order).slice(0, Math.max(goal, 10));
        if (goal === need && (load.bytes || 0) - start > budget && (fetch.length || read.length)) cut = true;
        if (!cut && !fetch.length && !read.length && goal < need) { goal = need; return round(); }
        if (!cut && (fetch.length || read.length)) {
          reads += read.length; fetched += fetch.length; rounds++;
          return Promise.all(fetch.map(i => more(meta, recs[i], nextBlock(recs[i]))).concat(read.map(x => text(meta, D, x.d, true).then(rec => {
            full.set(x.d, rec);
            exact.set(x.d, plan.score(fromText(plan, rec, L)));
          })))).then(round);
        }
        return finish(hits, tails);
      }
      function finish(hits, tails) {
        var facets = facetMaps(), total = 0, about = plan.strictPos && cands.some(d => !exact.has(d));
        cands.forEach(d => {
          if (plan.strictPos ? !exact.get(d) : exact.get(d) === null) return;
          var bad = fails(d);
          if (!bad.length) total++;
          dims.forEach((dim, k) => {
            if (!bad.length || bad.length === 1 && bad[0] === k) values(k, d).forEach(v => { facets[dim][v] = (facets[dim][v] || 0) + 1; });
          });
        });
        var page = hits.slice(req.from || 0, need);
        return Promise.all(page.map(x => full.get(x.d) || text(meta, D, x.d).then(rec => {
          // the summary's window is the snippet when it holds every part and term the page does
          var es = view(x.d, tails, true).es, held = plan.partTerms.map(ts => ts.filter(t => es[plan.index.get(t)] !== null));
          var w = windowOf(match(rec[2] || '', partMap(plan.partTerms), L).spans, meta.snippet);
          var parts = held.filter(ts => ts.length).length, terms = new Set([].concat(...held)).size;
          return w.parts >= parts && w.terms >= terms ? rec : text(meta, D, x.d, true);
        }))).then(recs => ({
          query: req.q, total: total, facets: facets, about: about, approx: cut, reads: reads, fetched: fetched, rounds: rounds,
          hits: page.map((x, i) => ({url: recs[i][0], title: recs[i][1], kind: meta.kinds[D.kind[x.d]] || '', score: scoreOf(x.key),
            snippet: snippet(recs[i][2], recs[i][4], plan.partTerms, meta.snippet, L)}))
        }));
      }
      return round();
    }
    return {search: search, meta: M};
  }

