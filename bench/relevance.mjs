// Driven by bench/relevance.sh: runs each judged query through Pagefind's
// JS API in headless Chromium over the built site and prints a JSON object
// of query to the URLs of its first ten results, in rank order.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';

const require = createRequire(path.join(process.env.PF_DIR, 'node_modules') + '/');
const { chromium } = require('playwright-core');

const queries = JSON.parse(fs.readFileSync(process.env.QUERIES, 'utf8'));
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
const page = await browser.newPage();
await page.goto(process.env.PF_URL + '/blank.html');
const out = await page.evaluate(async queries => {
  const pf = await import('/pagefind/pagefind.js');
  const out = {};
  for (const q of queries) {
    const r = await pf.search(q);
    const data = await Promise.all(r.results.slice(0, 10).map(x => x.data()));
    out[q] = data.map(d => d.url);
  }
  return out;
}, queries);
await browser.close();
process.stdout.write(JSON.stringify(out));
