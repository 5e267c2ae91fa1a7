/* search.js, part 2 of 6: query parsing, as run.go, lexicon.go and
 * query.go have it. */
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

