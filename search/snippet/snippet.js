/* search.js, part 4 of 6: snippets, as snippet.go has them. */
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

