import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { createPool, phraseToDigits, searchSounds } from '../dist/index.js';
import { segmentNumbers } from './baselines/regex-search.mjs';
import { measure, round } from './harness.mjs';

const PHRASES = ['一路有我', '我要发', 'yi lu fa'];

/** A fresh process: build the pool (not timed), then time the first sound query, pinyin-pro's loading included. */
function coldMs(phrase) {
  const script = `
    const { createPool, searchSounds } = await import(${JSON.stringify(new URL('../dist/index.js', import.meta.url).href)});
    const pool = createPool({ segment: '4006' });
    const t0 = performance.now();
    await searchSounds(pool, { sounds: ${JSON.stringify(phrase)}, limit: 20 });
    console.log(performance.now() - t0);`;
  return Number(execFileSync('node', ['--input-type=module', '-e', script], { encoding: 'utf8' }).trim());
}

/** Sound search: cold and warm query times, the core bundle's size, and a regex scan for the same digits. */
export async function benchSounds() {
  const core = readFileSync(new URL('../dist/index.js', import.meta.url));
  const cold = PHRASES.map((p) => {
    const runs = [coldMs(p), coldMs(p), coldMs(p)].sort((a, b) => a - b);
    return { phrase: p, medianMs: round(runs[1]) };
  });

  const pool = createPool({ segment: '4006' });
  const strings = segmentNumbers('4006');
  const rows = [];
  for (const phrase of PHRASES) {
    await searchSounds(pool, { sounds: phrase, limit: 20 });
    const times = [];
    for (let i = 0; i < 60; i++) {
      const t0 = performance.now();
      await searchSounds(pool, { sounds: phrase, limit: 20 });
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    const digits = (await phraseToDigits(phrase, { limit: 8 })).filter((r) => r.digits.length >= 2).map((r) => r.digits);
    // Baseline: the same candidate digit strings found by scanning the number strings, best score first.
    const regex = measure(
      () => {
        const res = digits.map((d) => new RegExp(d));
        const hits = [];
        for (let i = 0; i < strings.length; i++) if (res.some((re) => re.test(strings[i]))) hits.push(i);
        hits.sort((a, b) => pool.scores[b] - pool.scores[a] || a - b);
        return hits.slice(0, 20);
      },
      { runs: 3, warmup: 1 },
    );
    const warm = round(times[30]);
    rows.push({ phrase, candidates: digits, warmMs: warm, regexScanMs: regex.medianMs, vsRegex: round(regex.medianMs / warm, 1) });
  }
  return {
    task: 'sound search on segment 4006 (1,000,000 numbers): first page of 20',
    coreBundle: { file: 'dist/index.js', bytes: core.length, gzipBytes: gzipSync(core).length, pinyinPro: 'loaded on first Chinese phrase, not in the bundle' },
    cold,
    warm: rows,
    targets: { warmMaxMs: 2, coldMaxMs: 120 },
  };
}
