/* search.js, part 1 of 6: the tokenizer, as analysis.go has it. The build
 * joins the parts into one script (search/static/script.go). */
  var SEP = 0, WORD = 1, CJK = 2, UNI = 1, BI = 2;

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

