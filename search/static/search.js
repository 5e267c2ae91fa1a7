/* jianghan search in the browser. It reads the index that search/static
 * writes and answers exactly as the bleve index does: the tokenizer mirrors
 * search/analysis, query parsing search/query, the ranking search/rank,
 * snippets search/snippet, suggestions search/rank/suggest.go — operation
 * for operation, so that scores agree bit for bit.
 *
 * A query fetches meta.json and facets.bin.gz once, then the shard of each
 * of its terms. Postings come in blocks ordered by impact (a term's BM25F
 * score in a document): a document's score is bounded by what its blocks
 * say and by the next block of each term it was not seen in. Round after
 * round it scores what it can — from the postings when the query needs no
 * positions, else from the document's text, read by an HTTP range request —
 * takes the page's last hit k, fetches the next block of a term while an
 * unseen document could still beat k, and reads the text of each document
 * whose bound still could. It stops when nothing left can beat k; after
 * need+90 texts it stops anyway and marks the answer approximate (约). */
(root => {
  'use strict';
  var SEP = 0, WORD = 1, CJK = 2, UNI = 1, BI = 2, F = 5;

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
  // scan: tokens {t: term, p: position, s, e: UTF-16 offsets, k: 0 word, 1 unigram, 2 bigram}
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
      if (inWord) { out.push({t: word, p: ++pos, s: ws, e: we, k: 0}); inWord = false; }
      if (cls === CJK) {
        pos++;
        if (prev) out.push({t: s.slice(ps, i + z), p: pos - 1, s: ps, e: i + z, k: BI});
        out.push({t: s.slice(i, i + z), p: pos, s: i, e: i + z, k: UNI});
        prev = true; ps = i;
      } else prev = false;
      i += z;
    }
    return out;
  }

  // query/run.go
  function Run(src, toks) {
    var r = {src: src, u: [], bi: []}, first = -1;
    toks.forEach(t => {
      if (first < 0) first = t.p;
      for (var i = t.p - first; r.u.length <= i;) { r.u.push(null); r.bi.push(''); }
      if (t.k === BI) r.bi[t.p - first] = t.t; else r.u[t.p - first] = {t: t.t, s: t.s, e: t.e, cjk: t.k === UNI};
    });
    r.text = (lo, hi) => src.slice(r.u[lo].s, r.u[hi - 1].e);
    r.key = (lo, hi) => r.u.slice(lo, hi).map(u => u.t).join('\x1f');
    r.term = (i, lo, hi) => i + 1 < hi && r.bi[i] ? r.bi[i] : i > lo && r.bi[i - 1] ? '' : r.u[i].t;
    r.phrase = (lo, hi) => {
      for (var ph = [], i = lo; i < hi; i++) ph.push(r.term(i, lo, hi));
      while (ph.length && ph[ph.length - 1] === '') ph.pop();
      return ph;
    };
    r.phrases = (lo, hi, L) => {
      var out = [], a = lo, count = 0, cur = [];
      function flush(b, units) {
        while (cur.length && cur[cur.length - 1] === '') cur.pop();
        if (cur.length) out.push({ph: cur, text: r.text(a, b), units: units});
        cur = []; count = 0;
      }
      for (var i = lo; i < hi; i++) {
        var t = r.term(i, lo, hi);
        if (t === '' && !cur.length) { a = i + 1; continue; }
        cur.push(t);
        if (t !== '' && ++count === L.phraseTerms) { flush(r.u[i].t !== t ? i + 2 : i + 1, i + 1 - a); a = i + 1; }
      }
      flush(hi, hi - a);
      return out;
    };
    return r;
  }
  // query/lexicon.go
  var FREE = 0, FILL = 1, KEEP = 2, SYN = 3;
  function wordRun(w, L) {
    var toks = scan(w, L.wordRunes), end = -1, sep = false;
    toks.forEach(t => { if (t.k !== BI) { if (end >= 0 && t.s !== end) sep = true; end = t.e; } });
    if (!toks.length) return null;
    var r = Run(w, toks);
    r.sep = sep;
    return r;
  }
  function Lexicon(data, L) {
    var lex = {words: new Map(), max: 0, groups: [], glue: data.glue};
    function add(w, e) {
      var r = wordRun(w, L);
      if (!r || r.sep || !r.u.length) return;
      lex.words.set(r.key(0, r.u.length), e);
      lex.max = Math.max(lex.max, r.u.length);
    }
    data.fill.forEach(w => add(w, {k: FILL}));
    data.keep.forEach(w => add(w, {k: KEEP}));
    data.syn.forEach((g, gi) => {
      lex.groups.push(g.map(w => { var r = wordRun(w, L); return {text: w, ph: r.phrase(0, r.u.length)}; }));
      g.forEach(w => add(w, {k: SYN, g: gi}));
    });
    lex.segment = r => {
      var out = [], n = r.u.length, i, k, s;
      for (i = 0; i < n;) {
        var e = {k: FREE}, len = 1;
        for (k = Math.min(lex.max, n - i); k >= 1; k--) if (lex.words.has(r.key(i, i + k))) { e = lex.words.get(r.key(i, i + k)); len = k; break; }
        var kind = e.k === KEEP ? FREE : e.k, last = out[out.length - 1];
        if (kind === FREE && last && last.k === FREE) last.hi = i + len; else out.push({k: kind, lo: i, hi: i + len, g: e.g});
        i += len;
      }
      var glue = j => r.u[j].cjk && lex.glue.indexOf(r.u[j].t) >= 0;
      for (k = 0; k < out.length; k++) {
        s = out[k];
        if (s.k !== FREE) continue;
        var before = k > 0 && out[k - 1].k === FILL, after = k + 1 < out.length && out[k + 1].k === FILL;
        if (before) while (s.lo < s.hi && glue(s.lo)) s.lo++;
        if (after) while (s.hi > s.lo && glue(s.hi - 1)) s.hi--;
        if (s.lo === s.hi || s.hi - s.lo === 1 && r.u[s.lo].cjk && (before || after)) s.k = FILL;
      }
      return out;
    };
    return lex;
  }
  // query/query.go: {parts: [{text, strict, pos, alts: [{text, syn, ph}]}], raw: [ph]}, or null
  var QUOTES = '"\uFF02\u201C\u201D\u300C\u300D\u300E\u300F';
  function parse(q, lex, L) {
    var Q = {parts: [], raw: []}, rawText = [], pos = 0, runs = 0, seenPart = new Set(), seenRaw = new Set(), quoted = false, seg = '';
    function addRaw(x) {
      var k = x.ph.join('\0');
      if (!x.ph.length || seenRaw.has(k) || Q.raw.length >= L.raw) return;
      seenRaw.add(k); Q.raw.push(x.ph); rawText.push(x.text);
    }
    function addPart(part, units) {
      var k = (part.strict ? '\x01' : '') + part.alts[0].ph.join('\0');
      if (!part.alts[0].ph.length || seenPart.has(k) || Q.parts.length >= L.parts) return;
      seenPart.add(k); part.pos = pos; part.run = runs; pos += units; Q.parts.push(part);
    }
    function run(src, toks) {
      var r = Run(src, toks);
      runs++;
      r.phrases(0, r.u.length, L).forEach(addRaw);
      lex.segment(r).forEach(s => {
        if (s.k === FILL) return;
        if (s.k === SYN) {
          var text = r.text(s.lo, s.hi), lit = r.phrase(s.lo, s.hi), part = {text: text, alts: [{text: text, ph: lit}]}, seen = new Set([lit.join('\0')]);
          lex.groups[s.g].forEach(w => {
            var k = w.ph.join('\0');
            if (part.alts.length < L.alts && !seen.has(k) && w.ph.length) { seen.add(k); part.alts.push({text: w.text, syn: true, ph: w.ph}); }
          });
          addPart(part, s.hi - s.lo);
        } else r.phrases(s.lo, s.hi, L).forEach(x => addPart({text: x.text, alts: [{text: x.text, ph: x.ph}]}, x.units));
      });
    }
    function segment(seg, quoted) {
      var toks = scan(seg, L.wordRunes), lo = 0, end = -1;
      if (!toks.length) return;
      if (quoted) {
        var r = Run(seg, toks);
        runs++;
        r.phrases(0, r.u.length, L).forEach(x => { addRaw(x); addPart({text: x.text, strict: true, alts: [{text: x.text, ph: x.ph}]}, x.units); });
        return;
      }
      toks.forEach((t, i) => {
        if (t.k === BI) return;
        if (end >= 0 && t.s !== end) { run(seg, toks.slice(lo, i)); lo = i; }
        end = t.e;
      });
      run(seg, toks.slice(lo));
    }
    Array.from(q).slice(0, L.queryRunes).forEach(ch => {
      if (QUOTES.indexOf(ch) < 0) { seg += ch; return; }
      segment(seg, quoted); quoted = !quoted; seg = '';
    });
    segment(seg, quoted);
    if (!Q.raw.length) return null;
    if (!Q.parts.length) Q.raw.forEach((ph, i) => { runs++; addPart({text: rawText[i], alts: [{text: rawText[i], ph: ph}]}, ph.length); });
    return Q;
  }
  function queryTerms(Q) {
    var out = [], add = ph => ph.forEach(t => { if (t && out.indexOf(t) < 0) out.push(t); });
    Q.parts.forEach(p => p.alts.forEach(a => add(a.ph)));
    Q.raw.forEach(add);
    return out;
  }

  // rank/ln.go: FreeBSD's log, since Math.log varies by engine
  var F64 = new DataView(new ArrayBuffer(8)), LN = new Float64Array(Uint8Array.from(atob('AADg/kIu5j92PHk17znqPZNVVVVVVeU/BPqXmZmZ2T9ZkyKUJEnSP694jh3Fccw/3gPLlmRGxz+fxnjQCZrDP0RSPt8S8cI/'), c => c.charCodeAt(0)).buffer);
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
  // rank/rank.go
  var fieldLen = n => { var x = Math.fround(1 / Math.sqrt(n)); return 1 / (x * x); };
  function termScore(P, idf, tf, kf) {
    for (var tfn = 0, f = 0; f < F; f++) if (tf[f] > 0) tfn += P.boost[f] * tf[f] / kf[f];
    return idf * (tfn * (P.k1 + 1)) / (tfn + P.k1);
  }
  // rank/plan.go
  function Plan(Q, df, meta) {
    var N = meta.n, P = meta.params, p = {terms: [], parts: [], raw: [], strict: [], pairs: [], simple: true, P: P},
      index = new Map(), seq = [], seqPos = [], seqRun = [];
    p.avg = meta.total.map(t => N > 0 ? t / N : 0);
    function id(t) {
      if (index.has(t)) return index.get(t);
      var i = p.terms.length, D = df(t);
      index.set(t, i);
      p.terms.push({t: t, df: D, idf: D > 0 ? ln(1 + (N - D + 0.5) / (D + 0.5)) : 0, q: 0});
      return i;
    }
    function toPhrase(ph) {
      var ok = true, out = ph.map(t => { if (!t) return -1; var i = id(t); ok = ok && p.terms[i].df > 0; return i; });
      return ok ? out : null;
    }
    Q.parts.forEach(qp => {
      var pp = {alts: [], w: 0};
      qp.alts.forEach((a, k) => {
        var pa = {w: a.syn ? P.synonym : 1, ph: toPhrase(a.ph), terms: [], mean: 0}, sum = 0;
        a.ph.forEach((t, j) => {
          if (!t) return;
          var i = id(t), T = p.terms[i];
          if (!T.df) return;
          T.q = Math.max(T.q, pa.w);
          if (k === 0) { seq.push(i); seqPos.push(qp.pos + j); seqRun.push(qp.run); }
          if (pa.terms.indexOf(i) < 0) { pa.terms.push(i); sum += T.idf; }
        });
        if (pa.terms.length) { pa.mean = sum / pa.terms.length; pp.w = Math.max(pp.w, pa.w * pa.mean); }
        if (a.ph.length > 1) p.simple = false;
        pa.whole = !!a.syn && !!pa.ph;
        pp.alts.push(pa);
      });
      if (qp.strict) p.strict.push(pp.alts[0].ph);
      p.parts.push(pp);
    });
    Q.raw.forEach(r => { p.raw.push(toPhrase(r)); if (r.length > 1) p.simple = false; });
    for (var k = 1; k < seq.length; k++) {
      if (seqRun[k] !== seqRun[k - 1]) continue; // typed apart
      var a = seq[k - 1], b = seq[k];
      p.pairs.push({a: a, b: b, dist: seqPos[k] - seqPos[k - 1], w: Math.min(p.terms[a].idf, p.terms[b].idf)});
    }
    if (p.pairs.length) p.simple = false;
    p.found = p.terms.some(t => t.q === 1) || p.parts.some(pp => pp.alts.some(a => a.whole));
    p.index = index;
    p.strictPos = p.strict.some(ph => !ph || ph.length > 1);
    p.partTerms = p.parts.map(pp => {
      var out = [];
      pp.alts.forEach(a => a.terms.forEach(i => { if (out.indexOf(p.terms[i].t) < 0) out.push(p.terms[i].t); }));
      return out;
    });
    // score d = {has(i), s(i): the term's score (or a bound), pos: null or pos(i)[f]: ascending positions};
    // {tier, rel} or null when d does not match
    p.score = d => {
      var B = 0, i;
      for (i = 0; i < p.terms.length; i++) if (p.terms[i].q === 1 && d.has(i)) B += d.s(i);
      p.parts.forEach(pp => {
        var best = 0;
        pp.alts.forEach(a => {
          if (!a.whole) return;
          for (var sum = 0, j = 0; j < a.terms.length; j++) {
            if (!d.has(a.terms[j])) { sum = -1; break; }
            sum += d.s(a.terms[j]);
          }
          best = Math.max(best, sum);
        });
        B += P.synonym * best;
      });
      if (B === 0 || !p.strict.every(ph => occurs(d, ph))) return null;
      var num = 0, den = 0, on = 0, ow = 0, ord = 0;
      p.parts.forEach(pp => {
        if (pp.w === 0) return;
        var h = 0;
        pp.alts.forEach(a => {
          if (!a.terms.length) return;
          var m = a.terms.filter(t => d.has(t)).length;
          h = Math.max(h, a.w * m / a.terms.length);
        });
        num += pp.w * h; den += pp.w;
      });
      var cov = num / den;
      p.pairs.forEach(pr => { on += pr.w * (d.has(pr.a) && d.has(pr.b) ? closeness(d, pr) : 0); ow += pr.w; });
      if (ow > 0) ord = on / ow;
      var rel = B * cov * cov;
      return {tier: tier(d), rel: rel * (1 + P.order * ord)};
    };
    function tier(d) {
      if (p.raw.every(ph => occurs(d, ph))) return 2;
      return p.parts.every(pp => pp.w === 0 || pp.alts.some(a => occurs(d, a.ph))) ? 1 : 0;
    }
    // positions: d.pos(i)[f] is null where they are unknown; then d.hi
    // says whether to take them at their best (true) or as absent
    function occurs(d, ph) {
      if (!ph || !ph.every(t => t < 0 || d.has(t))) return false;
      if (!d.pos || ph.length === 1) return true;
      for (var f = 0; f < F; f++) {
        var ts = ph.filter(t => t >= 0);
        if (!ts.every(t => d.can(t, f))) continue;
        if (ts.some(t => !d.pos(t)[f])) { if (d.hi) return true; continue; }
        if (d.pos(ph[0])[f].some(s => ph.every((t, j) => t < 0 || d.pos(t)[f].indexOf(s + j) >= 0))) return true;
      }
      return false;
    }
    function closeness(d, pr) {
      if (!d.pos) return 1;
      var best = -1;
      for (var f = 0; f < F; f++) {
        if (!d.can(pr.a, f) || !d.can(pr.b, f)) continue;
        var as = d.pos(pr.a)[f], bs = d.pos(pr.b)[f], j = 0;
        if (!as || !bs) { if (d.hi) best = 0; continue; }
        as.forEach(a => {
          var want = a + pr.dist;
          while (j + 1 < bs.length && bs[j + 1] <= want) j++;
          [j, j + 1].forEach(k => { if (k < bs.length) { var dev = Math.abs(bs[k] - want); if (best < 0 || dev < best) best = dev; } });
        });
      }
      return best < 0 || best > P.maxDev ? 0 : 1 / (1 + best);
    }
    return p;
  }
  // the key of a scored document as one number, and the order of keys
  var scoreOf = k => k.tier + k.rel / (1 + k.rel), before = (a, b) => a.tier > b.tier || a.tier === b.tier && a.rel > b.rel;
  // rank/text.go: what a document's text says of the plan's terms
  function fromText(p, rec, L) {
    var index = new Map(), tf = p.terms.map(() => [0, 0, 0, 0, 0]), pos = p.terms.map(() => [[], [], [], [], []]), kf = [];
    p.terms.forEach((t, i) => index.set(t.t, i));
    for (var f = 0; f < F; f++) {
      var toks = scan(rec[f + 1] || '', L.wordRunes);
      if (toks.length) kf[f] = (1 - p.P.b) + p.P.b * fieldLen(toks.length) / p.avg[f];
      toks.forEach(t => { var i = index.get(t.t); if (i !== undefined) { tf[i][f]++; pos[i][f].push(t.p); } });
    }
    return {has: i => tf[i].some(n => n > 0), s: i => termScore(p.P, p.terms[i].idf, tf[i], kf), pos: i => pos[i], can: (i, f) => tf[i][f] > 0};
  }

  // snippet.go
  var SPACE = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]+/;
  var esc = s => s.replace(/[&<>"']/g, c => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&#34;', "'": '&#39;'})[c]);
  function partMap(parts) {
    var terms = new Map();
    parts.forEach((ts, i) => ts.forEach(t => { terms.set(t, (terms.get(t) || 0) | (1 << (i % 32))); }));
    return terms;
  }
  function snippet(summary, text, parts, S, L) {
    var terms = partMap(parts), pick = null;
    [summary, text].forEach(s => {
      var m = match(s || '', terms, L);
      if (!m.spans.length) return;
      var w = windowOf(m.spans, S);
      if (!pick || w.parts > pick.parts || w.parts === pick.parts && w.terms > pick.terms) pick = {cps: m.cps, spans: m.spans, start: w.start, parts: w.parts, terms: w.terms};
    });
    return pick ? render(pick.cps, pick.spans, pick.start, S) : render(Array.from(summary || text || ''), [], 0, S);
  }
  function match(s, terms, L) {
    var cps = [], at = [], n = 0, spans = [];
    for (var i = 0; i < s.length;) { var z = s.codePointAt(i) > 0xFFFF ? 2 : 1; at[i] = n++; cps.push(s.slice(i, i + z)); i += z; }
    at[s.length] = n;
    scan(s, L.wordRunes).forEach(t => { if (terms.has(t.t)) spans.push({s: at[t.s], e: at[t.e], parts: terms.get(t.t), term: t.t}); });
    return {cps: cps, spans: spans};
  }
  function windowOf(spans, S) {
    var best = {start: -1, parts: -1, terms: -1}, lo = 0;
    for (var i = 0; i < spans.length && i < S[2]; i++) {
      var w = Math.max(0, spans[i].s - S[1]), mask = 0, seen = new Set();
      if (i > 0 && Math.max(0, spans[i - 1].s - S[1]) === w) continue;
      while (spans[lo].s < w) lo++;
      for (var j = lo; j < spans.length && spans[j].s < w + S[0]; j++) if (spans[j].e <= w + S[0]) { mask |= spans[j].parts; seen.add(spans[j].term); }
      for (var np = 0; mask; mask &= mask - 1) np++;
      if (np > best.parts || np === best.parts && seen.size > best.terms) best = {start: w, parts: np, terms: seen.size};
    }
    return best;
  }
  function render(cps, spans, start, S) {
    var end = Math.min(cps.length, start + S[0]), out = start > 0 ? '…' : '', at = start, i = 0;
    var str = (a, b) => esc(cps.slice(a, b).join(''));
    while (i < spans.length) {
      var s = {s: spans[i].s, e: spans[i].e};
      for (i++; i < spans.length && spans[i].s <= s.e; i++) s.e = Math.max(s.e, spans[i].e);
      if (s.e <= start || s.s >= end) continue;
      var a = Math.max(s.s, start, at), z = Math.min(s.e, end);
      out += str(at, a) + '<mark>' + str(a, z) + '</mark>'; at = z;
    }
    out += str(at, end) + (end < cps.length ? '…' : '');
    return out.split(SPACE).filter(Boolean).join(' ');
  }

  // rank/suggest.go
  function suggest(Q, df, topics, streets, L) {
    var s = {parts: [], topics: [], streets: []}, add = (list, v) => { if (list.length < L.suggestions && list.indexOf(v) < 0) list.push(v); };
    Q.parts.forEach(p => { if (p.alts.some(a => a.ph.some(t => t && df(t) > 0))) add(s.parts, p.text); });
    if (!s.parts.length) Q.parts.forEach(p => scan(p.text, L.wordRunes).forEach(t => { if (t.k !== BI && df(t.t) > 0) add(s.parts, t.t); }));
    var needles = s.parts.concat(Q.parts.map(p => p.text));
    [[topics, s.topics], [streets, s.streets]].forEach(x => x[0].forEach(name => {
      if (needles.some(n => n && name.indexOf(n) >= 0)) add(x[1], name);
    }));
    return s;
  }
  function unitsOf(Q, L) {
    var out = [];
    Q.parts.forEach(p => scan(p.text, L.wordRunes).forEach(t => { if (t.k !== BI && out.indexOf(t.t) < 0) out.push(t.t); }));
    return out;
  }

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

  var api = {scan: scan, parse: parse, Lexicon: Lexicon, gunzip: gunzip, loader: loader, Engine: Engine};
  root.jianghanSearch = api;
  if (typeof module === 'object' && module.exports) module.exports = api;

  // the search page: the results as <li data-url> in <ol id="results">, the
  // facets as buttons, and what to try when nothing was found
  var DIMS = ['kind', 'street', 'topic', 'method'];
  function page() {
    var $ = id => document.getElementById(id), form = $('search-form'), input = $('q'), facets = $('facets'), status = $('search-status'), results = $('results');
    if (!input || !results) return;
    var base = document.documentElement.getAttribute('data-base') || '/', engine = new Engine(loader(base + 'search/'));
    var params = new URLSearchParams(location.search), state = {q: params.get('q') || '', size: 10}, timer, seq = 0, T = {}, tried = $('search-suggest');
    if (!tried) {
      tried = document.createElement('div');
      tried.id = 'search-suggest';
      results.parentNode.insertBefore(tried, results.nextSibling);
    }
    DIMS.forEach(k => { state[k] = params.get(k) || ''; });
    input.value = state.q;
    var fmt = (s, ...a) => (s || '').replace(/%[dsq]/g, () => a.shift());
    var local = location.protocol === 'file:', link = p => esc(base + p + (local ? 'index.html' : ''));
    var searchLink = q => esc(location.pathname + '?q=' + encodeURIComponent(q));
    function run() {
      var my = ++seq, p = new URLSearchParams();
      ['q'].concat(DIMS).forEach(k => { if (state[k]) p.set(k, state[k]); });
      history.replaceState(null, '', location.pathname + (p + '' ? '?' + p : '') + location.hash);
      if (!state.q.trim()) { results.textContent = facets.textContent = tried.textContent = ''; status.textContent = T.prompt || ''; return; }
      status.textContent = T.searching || '…';
      engine.search(Object.assign({}, state)).then(r => { if (my === seq) render(r); },
        e => { if (my === seq) status.textContent = T.failed ? fmt(T.failed, e.message) : e.message; });
    }
    function go(k, v) { state[k] = v; state.size = 10; run(); }
    function render(r) {
      var html = '', more = r.about ? '+' : '';
      status.textContent = r.hits.length ? fmt(r.approx ? T.about : r.about ? T.atLeast : T.found, r.total) :
        r.empty ? T.prompt : fmt(T.none, state.q.trim());
      r.hits.forEach(h => {
        var url = esc(base + h.url.replace(/^\//, ''));
        html += '<li data-url="' + url + '"><a href="' + url + (local && /\/$/.test(url) ? 'index.html' : '') + '">' +
          esc(h.title) + '</a><span class="search-kind"> ' + esc(T['kind.' + h.kind] || h.kind) + '</span><p class="search-snippet">' + h.snippet + '</p></li>';
      });
      if (r.total > r.hits.length) html += '<li class="search-more-item"><button type="button" class="search-more">' + esc(T.more) + '</button></li>';
      results.innerHTML = html;
      html = '';
      var s = r.suggest;
      if (s && !r.hits.length) {
        var line = (label, items) => items.length ? '<p>' + esc(label) + items.join(esc(T.sep)) + '</p>' : '';
        html = line(T.try, s.parts.map(p => '<a href="' + searchLink(p) + '">' + esc(p) + '</a>')) +
          line(T.topics, s.topics.map(t => '<a href="' + link('topics/' + encodeURIComponent(t) + '/') + '">' + esc(t) + '</a>')) +
          line(T.streets, s.streets.map(t => '<a href="' + link('streets/' + encodeURIComponent(t) + '/') + '">' + esc(t) + '</a>'));
      }
      tried.className = html ? 'search-suggest' : '';
      tried.innerHTML = html;
      html = '';
      DIMS.forEach(dim => {
        var counts = r.facets[dim], keys = Object.keys(counts).sort();
        if (!keys.length && !state[dim]) return;
        html += '<fieldset class="search-facet"><legend>' + esc(T['facet.' + dim]) + '</legend>';
        [''].concat(keys).forEach(v => {
          html += '<button type="button" aria-pressed="' + (state[dim] === v) + '" data-facet="' + dim + '" data-value="' + esc(v) + '">' +
            (v ? esc(dim === 'kind' ? T['kind.' + v] || v : v) + ' (' + counts[v] + more + ')' : esc(T.all)) + '</button>';
        });
        html += '</fieldset>';
      });
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
    engine.meta.then(m => { T = m.text; }, () => {}).then(run);
  }
  if (typeof document !== 'undefined') {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', page); else page();
  }
})(typeof window !== 'undefined' ? window : globalThis);
