import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPool, phraseToDigits, poolToSnapshot, readText } from '../dist/index.js';
import { segmentNumbers } from './baselines/regex-search.mjs';
import { measure, round } from './harness.mjs';

const CORE = new URL('../dist/index.js', import.meta.url).href;
const CLI = new URL('../packages/cli/dist/cli.js', import.meta.url).pathname;
/** What a first query loads of pinyin-pro (docs/sounds.md): one phrase of each kind. */
const PHRASES = [
  { phrase: '一路有我', loads: 'its character table (each character has one reading)' },
  { phrase: '我要发', loads: 'its character table (each character has one reading)' },
  { phrase: '长长久久', loads: 'its character table and word lists (长 is cháng or zhǎng; no word here)' },
  { phrase: '中国银行', loads: 'its character table and word lists (the word 银行 reads 行 as háng)' },
  { phrase: '银行长', loads: 'its character table and word lists (the words 银行 and 行长 overlap)' },
  { phrase: 'yi lu fa', loads: 'nothing (typed pinyin)' },
];
/** Asked before the measured phrase in a warm process: other digits, and overlapping words of pinyin-pro's lists (银行长沙). */
const WARM_UP = ['一生一世', '发发发', 'wo ai ni', '银行长沙'];
const COLD_RUNS = 7;
const WARM_PROCESSES = 5;
const REPEATS = 60;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const runNode = (script) => JSON.parse(execFileSync('node', ['--input-type=module', '-e', script], { encoding: 'utf8' }).trim());

/**
 * A fresh process's first sound query, pinyin-pro's loading included, as a server that has its pool
 * sees it: the pool is built in the process or loaded from a snapshot (not timed), then one query is.
 */
function coldMs(phrase, snapshotFile) {
  const make = snapshotFile ? `lib.poolFromSnapshot(new Uint8Array(readFileSync(${JSON.stringify(snapshotFile)})).buffer)` : `lib.createPool({ segment: '4006' })`;
  return runNode(`
    import { readFileSync } from 'node:fs';
    const lib = await import(${JSON.stringify(CORE)});
    const pool = ${make};
    const t0 = performance.now();
    await lib.searchSounds(pool, { sounds: ${JSON.stringify(phrase)}, limit: 20 });
    console.log(performance.now() - t0);`);
}

/** In a fresh process that has answered other sound queries: the phrase's first query, then the median of repeats. */
function warmMs(phrase) {
  return runNode(`
    const lib = await import(${JSON.stringify(CORE)});
    const pool = lib.createPool({ segment: '4006' });
    for (const p of ${JSON.stringify(WARM_UP)}) for (let i = 0; i < 20; i++) await lib.searchSounds(pool, { sounds: p, limit: 20 });
    const time = async () => { const t0 = performance.now(); await lib.searchSounds(pool, { sounds: ${JSON.stringify(phrase)}, limit: 20 }); return performance.now() - t0; };
    const first = await time();
    const times = [];
    for (let i = 0; i < ${REPEATS}; i++) times.push(await time());
    times.sort((a, b) => a - b);
    console.log(JSON.stringify({ first, repeated: times[times.length >> 1] }));`);
}

/** The whole command a salesperson types: Node starting, loading, building the segment's pool, the query. */
function commandMs(phrase) {
  const t0 = performance.now();
  execFileSync('node', [CLI, 'sounds', phrase, '--segment', '4006', '--json'], { encoding: 'utf8' });
  return performance.now() - t0;
}

/**
 * Sound search: cold and warm query times and a regex scan for the same digits. What a page loads for it
 * is the web suite's first chunk of a page that searches by pattern and by sound.
 */
export async function benchSounds() {
  const dir = mkdtempSync(join(tmpdir(), 'vanity400-sounds-'));
  const snapshot = join(dir, '4006.snapshot');
  writeFileSync(snapshot, new Uint8Array(poolToSnapshot(createPool({ segment: '4006' }))));

  // Runs interleaved (one of each phrase and pool in turn), so that a busy spell on the machine hits all alike.
  const runs = new Map(PHRASES.map(({ phrase }) => [phrase, { built: [], snapshot: [] }]));
  for (let r = 0; r < COLD_RUNS; r++) {
    for (const { phrase } of PHRASES) {
      runs.get(phrase).built.push(coldMs(phrase));
      runs.get(phrase).snapshot.push(coldMs(phrase, snapshot));
    }
  }
  const cold = PHRASES.map(({ phrase, loads }) => {
    const { built, snapshot: loaded } = runs.get(phrase);
    return { phrase, loads, medianMs: round(median(built)), minMs: round(Math.min(...built)), maxMs: round(Math.max(...built)), snapshotPoolMedianMs: round(median(loaded)) };
  });
  const command = [0, 1, 2, 3, 4].map(() => commandMs('一路有我'));
  rmSync(dir, { recursive: true, force: true });

  const pool = createPool({ segment: '4006' });
  const strings = segmentNumbers('4006');
  const rows = [];
  for (const { phrase } of PHRASES) {
    const processes = Array.from({ length: WARM_PROCESSES }, () => warmMs(phrase));
    // The digit strings a query looks for: the phrase's readings (readText); for a phrase no digits sound
    // like (which our search answers at once with a note), phraseToDigits' eight best, so that the scan has work.
    const heard = (await readText(phrase, 'phrase')).readings.map((r) => r.digits);
    const digits = heard.length ? heard : (await phraseToDigits(phrase, { limit: 8 })).filter((r) => r.digits.length >= 2).map((r) => r.digits);
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
    const warm = round(median(processes.map((p) => p.repeated)));
    rows.push({
      phrase,
      candidates: digits,
      readings: heard.length,
      warmMs: warm,
      firstInWarmProcessMs: round(median(processes.map((p) => p.first))),
      regexScanMs: regex.medianMs,
      vsRegex: round(regex.medianMs / warm, 1),
    });
  }
  return {
    task: 'sound search on segment 4006 (1,000,000 numbers): first page of 20',
    method: {
      cold: `a fresh process per run (${COLD_RUNS} runs per phrase, interleaved): the pool is built in it (medianMs) or loaded from a snapshot (snapshotPoolMedianMs), untimed; then one query is timed, loading pinyin-pro included`,
      warm: `${WARM_PROCESSES} fresh processes per phrase, each having answered ${WARM_UP.join(', ')} 20 times: the phrase's first query (firstInWarmProcessMs) and the median of ${REPEATS} repeats (warmMs); medians over the processes`,
      commandLine: 'node packages/cli/dist/cli.js sounds 一路有我 --segment 4006 --json, the whole process: Node starting, loading, building the pool, the query',
    },
    cold,
    commandLine: { medianMs: round(median(command)), runs: command.map(round) },
    warm: rows,
    targets: { warmMaxMs: 2, coldMaxMs: 120 },
  };
}
