/* search.js, part 3 of 6: the ranking, as ln.go, rank.go, plan.go,
 * score.go, text.go and suggest.go have it. */
  var F = 5; // the fields: title, summary, headings, text, filed
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

