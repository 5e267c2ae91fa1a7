// Driven by bench/relevance.sh: indexes the documents jianghan indexes
// (DOCS, from go run ./bench/relevance -docs) with three baselines and runs
// every judged query (QUERIES) through each, printing a JSON array of
// {name, results: {query: URLs of the first ten pages, in rank order}}.
//
//   MiniSearch (VP)   MiniSearch as VitePress's local search sets it up:
//                     one document per page section (split at headings),
//                     fields title/titles/text, MiniSearch's own tokenizer
//                     (splits at spaces and punctuation only, so a Chinese
//                     run is one term), fuzzy 0.2, prefix, boost title 4,
//                     text 2, titles 1 (vitepress src/node/plugins/
//                     localSearchPlugin.ts, src/client/theme-default/
//                     components/VPLocalSearchBox.vue). Sections are
//                     folded into their pages in the order they rank.
//   MiniSearch + seg  the same searchOptions on one document per page, with
//                     fields title, summary, headings, text, filed and a
//                     Chinese word segmenter as tokenizer: Node's
//                     Intl.Segmenter('zh', {granularity: 'word'}), or
//                     jieba's search-mode cut with SEGMENTER=jieba; terms
//                     combined with OR (MiniSearch's default).
//   jieba + BM25      jieba (jieba-wasm, a wasm build of jieba-rs) search-
//                     mode cut for pages and queries alike, Okapi BM25F
//                     (k1 1.2, b 0.75 in every field, title weighted 3,
//                     the other fields 1), OR over the query's words.
//
// No engine gets a stop list or the site's thesaurus: each is what its
// documentation sets up.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';

const require = createRequire(path.resolve(process.env.BASELINES_DIR, 'node_modules') + '/');
const MiniSearch = require('minisearch');
const jieba = require('jieba-wasm');

const docs = JSON.parse(fs.readFileSync(process.env.DOCS, 'utf8'));
const queries = JSON.parse(fs.readFileSync(process.env.QUERIES, 'utf8'));
const TOP = 10;

// A term is a segment holding a letter or a digit: punctuation and spaces
// are not searched by any engine here.
const wordLike = s => /[\p{L}\p{N}]/u.test(s);

const zhSegmenter = new Intl.Segmenter('zh', { granularity: 'word' });
const segmenters = {
  intl: text => [...zhSegmenter.segment(text)].filter(s => s.isWordLike).map(s => s.segment),
  jieba: text => jieba.cut_for_search(text, true).filter(wordLike),
};

// The text of a page outside its headed sections: the summary and the
// terms it is filed under open the page; sections without a heading (the
// lead, a lecture's objectives, a worker's awards) belong to it too.
function leadText(d) {
  const parts = [d.Summary, ...(d.Filed || [])];
  for (const s of d.Sections || []) if (!s.Heading) parts.push(s.Text);
  return parts.filter(Boolean).join('\n');
}

// topPages folds ranked hits (of pages or sections) into the URLs of the
// first TOP distinct pages.
function topPages(hits, url) {
  const seen = new Set();
  for (const h of hits) {
    seen.add(url(h));
    if (seen.size === TOP) break;
  }
  return [...seen];
}

function miniSearchVitePress() {
  const ms = new MiniSearch({
    fields: ['title', 'titles', 'text'],
    storeFields: ['title', 'titles'],
    searchOptions: { fuzzy: 0.2, prefix: true, boost: { title: 4, text: 2, titles: 1 } },
  });
  const sections = [];
  for (const d of docs) {
    // The page's own section, under its h1, then one per h2 with the
    // page title as its parent title, as splitPageIntoSections does.
    sections.push({ id: d.URL, url: d.URL, title: d.Title, titles: [], text: leadText(d) });
    (d.Sections || []).forEach((s, i) => {
      if (s.Heading) sections.push({ id: `${d.URL}#${i}`, url: d.URL, title: s.Heading, titles: [d.Title], text: s.Text });
    });
  }
  ms.addAll(sections.map(s => ({ ...s, titles: s.titles.join(' ') })));
  const urlOf = new Map(sections.map(s => [s.id, s.url]));
  return q => topPages(ms.search(q), h => urlOf.get(h.id));
}

function miniSearchSegmented(segment) {
  const ms = new MiniSearch({
    fields: ['title', 'summary', 'headings', 'text', 'filed'],
    tokenize: segment,
    searchOptions: {
      combineWith: 'OR',
      fuzzy: 0.2,
      prefix: true,
      boost: { title: 4, summary: 2, headings: 1, text: 2, filed: 2 },
    },
  });
  ms.addAll(docs.map(d => ({
    id: d.URL,
    title: d.Title,
    summary: d.Summary || '',
    headings: (d.Sections || []).map(s => s.Heading).filter(Boolean).join('\n'),
    text: (d.Sections || []).map(s => s.Text).join('\n'),
    filed: (d.Filed || []).join('\n'),
  })));
  return q => topPages(ms.search(q), h => h.id);
}

// BM25F after Robertson and Zaragoza: a term's frequency in each field is
// normalised by the field's length against its average and weighted, the
// sum saturated once with k1 and multiplied by the term's IDF over pages.
function jiebaBM25({ k1 = 1.2, b = 0.75, weights = { title: 3, summary: 1, headings: 1, text: 1, filed: 1 } } = {}) {
  const fields = Object.keys(weights);
  const tokens = text => jieba.cut_for_search(text || '', true).filter(wordLike).map(t => t.toLowerCase());
  const pages = docs.map(d => {
    const f = {
      title: tokens(d.Title),
      summary: tokens(d.Summary),
      headings: tokens((d.Sections || []).map(s => s.Heading).join('\n')),
      text: tokens((d.Sections || []).map(s => s.Text).join('\n')),
      filed: tokens((d.Filed || []).join('\n')),
    };
    const tf = {};
    for (const name of fields) {
      tf[name] = new Map();
      for (const t of f[name]) tf[name].set(t, (tf[name].get(t) || 0) + 1);
    }
    return { url: d.URL, len: Object.fromEntries(fields.map(n => [n, f[n].length])), tf };
  });
  const avg = Object.fromEntries(fields.map(n => [n, pages.reduce((a, p) => a + p.len[n], 0) / pages.length || 1]));
  const df = new Map();
  for (const p of pages) {
    const terms = new Set(fields.flatMap(n => [...p.tf[n].keys()]));
    for (const t of terms) df.set(t, (df.get(t) || 0) + 1);
  }
  const N = pages.length;
  const idf = t => Math.log(1 + (N - df.get(t) + 0.5) / (df.get(t) + 0.5));
  return q => {
    const terms = [...new Set(tokens(q))].filter(t => df.has(t));
    const scored = [];
    for (const p of pages) {
      let score = 0;
      for (const t of terms) {
        let w = 0;
        for (const n of fields) {
          const f = p.tf[n].get(t);
          if (f) w += weights[n] * f / (1 - b + b * p.len[n] / avg[n]);
        }
        if (w > 0) score += idf(t) * w / (k1 + w);
      }
      if (score > 0) scored.push({ url: p.url, score });
    }
    scored.sort((x, y) => y.score - x.score || (x.url < y.url ? -1 : 1));
    return topPages(scored, h => h.url);
  };
}

const segmenterName = process.env.SEGMENTER || 'intl';
const segment = segmenters[segmenterName];
if (!segment) throw new Error(`SEGMENTER=${segmenterName}: want intl or jieba`);

const engines = [
  ['MiniSearch (VP)', miniSearchVitePress()],
  [segmenterName === 'intl' ? 'MiniSearch + seg' : 'MiniSearch+jieba', miniSearchSegmented(segment)],
  ['jieba + BM25', jiebaBM25()],
];
const out = engines.map(([name, search]) => ({
  name,
  results: Object.fromEntries(queries.map(q => [q, search(q)])),
}));
process.stdout.write(JSON.stringify(out));
