/* search.js, part 6 of 6: the search page. */
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
