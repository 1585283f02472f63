import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { CHROMIUM, launchChromium, servePage } from '../examples/web/serve.mjs';
import { build } from 'vite';
import { round } from './harness.mjs';

const LOADS = 7;
const QUERY = '?seg=4006&mode=pattern&q=AABB%24';

function gzipSize(file) {
  const bytes = readFileSync(file);
  return { bytes: bytes.length, gzipBytes: gzipSync(bytes).length };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return round(sorted[Math.floor(sorted.length / 2)]);
}

/** The page's own marks, in ms from navigation start: its script running, the snapshot's fetch and load, the first result rows in the DOM. */
function readTimings(page) {
  return page.evaluate(() => {
    const one = (name) => performance.getEntriesByName(name)[0];
    const fetch = one('vanity400:snapshot-fetch:4006');
    const load = one('vanity400:snapshot-load:4006');
    const firstResults = one('vanity400:first-results').startTime;
    return {
      firstResultsMs: firstResults,
      pageReadyMs: fetch.startTime,
      snapshotFetchMs: fetch.duration,
      snapshotLoadMs: load.duration,
      searchAndRenderMs: firstResults - (load.startTime + load.duration),
    };
  });
}

/** LOADS first visits of a link with a pattern query, each in a fresh browser context (empty cache). */
async function firstResults(url) {
  const browser = await launchChromium();
  const runs = [];
  try {
    for (let i = 0; i < LOADS; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${url}${QUERY}`);
      await page.locator('#results[data-state="done"]').waitFor();
      runs.push(await readTimings(page));
      await context.close();
    }
  } finally {
    await browser.close();
  }
  const medians = Object.fromEntries(Object.keys(runs[0]).map((key) => [key, median(runs.map((r) => r[key]))]));
  // The machine's load while measuring: page loads share its cores with everything else running.
  const loadAverage = round(loadavg()[0], 1);
  return { browser: `Chromium (${CHROMIUM})`, query: decodeURIComponent(QUERY), loads: LOADS, medians, firstResultsRuns: runs.map((r) => round(r.firstResultsMs, 1)), loadAverage };
}

/** What a page imports for each of the two budgets: score, parse and format; search and sounds. */
const PAGES = {
  'score + parse + format': "import { score, parse, format } from 'vanity400';\ndocument.body.textContent = JSON.stringify(score(parse('4008517517'))) + format('4008517517');\n",
  'search + sounds': "import { search, searchSounds, poolFromSnapshot } from 'vanity400';\nconst pool = poolFromSnapshot(await (await fetch('4006.bin')).arrayBuffer());\ndocument.body.textContent = JSON.stringify(search(pool, { pattern: 'AABB$' })) + JSON.stringify(await searchSounds(pool, { sounds: '一路发' }));\n",
};

/**
 * The first chunk a page using only these functions loads (its entry and what that imports statically,
 * gzip) and the packages whose code is in it, built by Vite from the built core (dist/index.js) as a
 * website would; pinyin-pro's dictionaries come later, on the first Chinese phrase.
 */
export async function firstChunks(dir) {
  const out = {};
  for (const [name, code] of Object.entries(PAGES)) {
    const entry = join(dir, `${name.replace(/\W+/g, '-')}.js`);
    writeFileSync(entry, code);
    const result = await build({
      root: dir,
      configFile: false,
      logLevel: 'silent',
      resolve: { alias: [{ find: /^vanity400$/, replacement: new URL('../dist/index.js', import.meta.url).pathname }] },
      build: { write: false, target: 'es2022', modulePreload: false, rolldownOptions: { input: { page: entry } } },
    });
    const chunks = (Array.isArray(result) ? result[0] : result).output.filter((o) => o.type === 'chunk');
    const byName = new Map(chunks.map((c) => [c.fileName, c]));
    const first = new Set();
    const stack = [chunks.find((c) => c.isEntry).fileName];
    while (stack.length) {
      const file = stack.pop();
      if (first.has(file)) continue;
      first.add(file);
      stack.push(...byName.get(file).imports);
    }
    const gzipBytes = [...first].reduce((sum, f) => sum + gzipSync(byName.get(f).code).length, 0);
    const modules = [...first].flatMap((f) => Object.keys(byName.get(f).modules));
    const packages = [...new Set(modules.map((id) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(id)?.[1]).filter(Boolean))].sort();
    out[name] = { gzipBytes, gzipKB: round(gzipBytes / 1024, 1), packages, lazyGzipBytes: chunks.filter((c) => !first.has(c.fileName)).reduce((sum, c) => sum + gzipSync(c.code).length, 0) };
  }
  return { budgets: { 'score + parse + format': '≤ 40 KB gzip', 'search + sounds': '≤ 60 KB gzip' }, ...out };
}

/** The demo page: the first chunks of pages using parts of the core, the whole library's and the built page's gzip sizes, and time to first results in Chromium. */
export async function benchWeb() {
  const outDir = mkdtempSync(join(tmpdir(), 'vanity400-web-bench-'));
  try {
    const served = await servePage(outDir);
    try {
      const html = readFileSync(join(outDir, 'index.html'), 'utf8');
      const assets = readdirSync(join(outDir, 'assets')).map((name) => ({
        file: name,
        ...gzipSize(join(outDir, 'assets', name)),
        loaded: html.includes(`assets/${name}`) ? 'with the page' : 'on the first Chinese phrase (pinyin-pro)',
      }));
      const pageJs = assets.filter((a) => a.file.endsWith('.js') && a.loaded === 'with the page');
      return {
        task: `demo page (examples/web, Vite build): bundle sizes and time to first results for ${decodeURIComponent(QUERY)}`,
        // Every export with its data: what a page would load only if its bundler kept what it does not use.
        wholeLibrary: { file: 'dist/index.js', ...gzipSize(new URL('../dist/index.js', import.meta.url)) },
        firstChunk: await firstChunks(mkdtempSync(join(outDir, 'pages-'))),
        page: {
          jsGzipBytes: pageJs.reduce((sum, a) => sum + a.gzipBytes, 0),
          assets,
          snapshot: { file: 'snapshots/4006.bin', ...gzipSize(join(outDir, 'snapshots', '4006.bin')) },
        },
        timeToFirstResults: existsSync(CHROMIUM) ? await firstResults(served.url) : `not measured: no Chromium at ${CHROMIUM} (apt-get install chromium)`,
      };
    } finally {
      await served.close();
    }
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
