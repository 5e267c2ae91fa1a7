// Driven by bench/pagefind.sh: for each query, in a fresh browser context,
// run jianghan's search page and Pagefind's JS API, count hits and sum the
// bytes of the search files the browser fetched. Prints JSON lines, then a
// Markdown table.
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(path.join(process.env.PF_DIR, 'node_modules') + '/');
const { chromium } = require('playwright-core');

const OURS = process.env.OURS_URL;   // e.g. http://127.0.0.1:8941
const PF = process.env.PF_URL;       // e.g. http://127.0.0.1:8942
const queries = (process.env.PF_QUERIES || '').split(/\s+/).filter(Boolean);

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--no-first-run'],
});

// run opens a fresh context (no cache, no service worker) and records every
// finished request's encoded body and header sizes.
async function run(fn, match) {
  const ctx = await browser.newContext({ serviceWorkers: 'block' });
  const reqs = [];
  const pending = [];
  ctx.on('requestfinished', req => pending.push(req.sizes().then(s => {
    reqs.push({ url: req.url(), body: s.responseBodySize, headers: s.responseHeadersSize });
  }).catch(() => {})));
  const failed = [];
  ctx.on('requestfailed', req => failed.push(req.url() + ' ' + (req.failure() || {}).errorText));
  const page = await ctx.newPage();
  const errors = [];
  page.on('pageerror', e => errors.push(String(e)));
  const t0 = Date.now();
  const out = await fn(page);
  const ms = Date.now() - t0;
  await page.waitForTimeout(300);
  await Promise.all(pending);
  await ctx.close();
  const mine = reqs.filter(r => match(new URL(r.url).pathname));
  return {
    ...out, ms,
    files: mine.length,
    body: mine.reduce((a, r) => a + r.body, 0),
    wire: mine.reduce((a, r) => a + r.body + r.headers, 0),
    failed, errors,
  };
}

const ours = q => run(async page => {
  await page.goto(OURS + '/search/?q=' + encodeURIComponent(q));
  await page.waitForFunction(() => /^(找到|没有找到|搜索索引加载失败)/.test(document.getElementById('search-status').textContent), null, { timeout: 30000 });
  return page.evaluate(() => ({
    hits: document.querySelectorAll('#results li[data-url]').length,
    status: document.getElementById('search-status').textContent,
    top: [...document.querySelectorAll('#results li[data-url]')].slice(0, 3).map(li => li.dataset.url),
  }));
}, p => p.startsWith('/search/') && p !== '/search/' && !p.endsWith('.html') || /^\/assets\/js\/search\.[0-9a-f]+\.js$/.test(p));

const pagefind = q => run(async page => {
  await page.goto(PF + '/blank.html');
  return page.evaluate(async q => {
    const pf = await import('/pagefind/pagefind.js');
    const r = await pf.search(q);
    const data = await Promise.all(r.results.slice(0, 10).map(x => x.data()));
    return { hits: r.results.length, top: data.slice(0, 3).map(d => d.url) };
  }, q);
}, p => p.startsWith('/pagefind/'));

// session runs queries one after the other in one page, as a worker types
// them, and records the bytes of search files each fetched (the first
// includes the scripts).
async function session(qs) {
  const ctx = await browser.newContext({ serviceWorkers: 'block' });
  let bytes = 0;
  const pending = [];
  ctx.on('requestfinished', req => pending.push(req.sizes().then(s => {
    const p = new URL(req.url()).pathname;
    if (p.startsWith('/pagefind/') || p.startsWith('/search/') && p !== '/search/' && !p.endsWith('.html') || /^\/assets\/js\/search\.[0-9a-f]+\.js$/.test(p)) bytes += s.responseBodySize;
  }).catch(() => {})));
  const settle = async () => { for (let n = -1; n !== pending.length;) { n = pending.length; await Promise.all(pending); } };
  const ours = [], pf = [];
  const page = await ctx.newPage();
  for (const [i, q] of qs.entries()) {
    await settle(); const before = bytes;
    if (i === 0) await page.goto(OURS + '/search/?q=' + encodeURIComponent(q));
    else await page.evaluate(q => { const i = document.getElementById('q'); i.value = q; document.getElementById('search-form').dispatchEvent(new Event('submit', {cancelable: true})); }, q);
    await page.waitForFunction(q => new URLSearchParams(location.search).get('q') === q && /^(找到|没有找到|搜索索引加载失败)/.test(document.getElementById('search-status').textContent), q, { timeout: 60000 });
    await page.waitForTimeout(200); await settle();
    const st = await page.evaluate(() => document.getElementById('search-status').textContent);
    ours.push({ q, bytes: bytes - before, status: st });
  }
  const pfPage = await ctx.newPage();
  await pfPage.goto(PF + '/blank.html');
  for (const q of qs) {
    await settle(); const before = bytes;
    const hits = await pfPage.evaluate(async q => {
      window.pf = window.pf || await import('/pagefind/pagefind.js');
      const r = await window.pf.search(q);
      await Promise.all(r.results.slice(0, 10).map(x => x.data()));
      return r.results.length;
    }, q);
    await pfPage.waitForTimeout(200); await settle();
    pf.push({ q, bytes: bytes - before, hits });
  }
  await ctx.close();
  return { ours, pf };
}

if (process.env.SESSIONS) {
  console.log('\n| session | query | ours: bytes | ours: status | Pagefind: bytes | Pagefind: hits |');
  console.log('|---|---|---:|---|---:|---:|');
  for (const [k, qs] of JSON.parse(process.env.SESSIONS).entries()) {
    const { ours, pf } = await session(qs);
    ours.forEach((o, i) => console.log(`| ${k + 1}${i ? '' : ' (first)'} | ${o.q} | ${o.bytes} | ${o.status} | ${pf[i].bytes} | ${pf[i].hits} |`));
  }
  console.log('\nbytes = encoded response bodies of search files as transferred (gzip where the server gzips); the first query of a session includes search.js (ours) or pagefind.js and its WebAssembly (Pagefind).\n');
}

const rows = [];
for (const q of queries) {
  const o = await ours(q);
  const p = await pagefind(q);
  rows.push({ q, o, p });
  console.log(JSON.stringify({ q, ours: o, pagefind: p }));
}
await browser.close();

console.log('\n| query | ours: hits shown (total) | ours: bytes (files) | Pagefind: hits | Pagefind: bytes (files) |');
console.log('|---|---:|---:|---:|---:|');
for (const { q, o, p } of rows) {
  console.log(`| ${q} | ${o.hits} (${(o.status.match(/找到\s*(约 )?(\d+)/) || [, '', 0]).slice(1).join('')}) | ${o.body} (${o.files}) | ${p.hits} | ${p.body} (${p.files}) |`);
}
console.log('\nbytes = encoded response bodies as transferred (gzip where the server gzips), headers excluded; ours = /search/ index files + search.js, not the page HTML; Pagefind = everything under /pagefind/.');
