import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CALL_RECORDS_HEADER, callRecordLine, parseRoutingRules, route, simulateCallRecords } from '../dist/index.js';
import { round } from './harness.mjs';

const WORKER = fileURLToPath(new URL('./calls-worker.mjs', import.meta.url));
const RECORDS = 1_000_000;
const RUNS = 3;

/** The rules the records are simulated through: by area, by time, by percentage, forwarding, blocking. */
const RULES = parseRoutingRules({
  route: {
    byArea: [{ areas: ['上海'], route: '021-61234567' }],
    otherwise: {
      byTime: [{ days: ['workday'], from: '09:00', to: '18:00', route: { split: [{ percent: 60, route: '010-82345678' }, { percent: 40, route: { ring: ['020-83456789', '0755-23456789'], order: 'rotating' } }] } }],
      otherwise: { ring: ['13800138000', '13900139000'], order: 'random' },
    },
  },
  forwarding: { numbers: ['13700137000'] },
  blocking: { mode: 'deny', areas: ['0898'] },
});

function writeRecords(path, count) {
  let batch = `${CALL_RECORDS_HEADER}\n`;
  writeFileSync(path, '');
  for (const r of simulateCallRecords(RULES, { count, seed: 400, days: 28 })) {
    batch += `${callRecordLine(r)}\n`;
    if (batch.length > 1 << 20) {
      writeFileSync(path, batch, { flag: 'a' });
      batch = '';
    }
  }
  writeFileSync(path, batch, { flag: 'a' });
}

/** Runs an engine RUNS times, each in a fresh process; medians of time and peak memory. */
function measureEngine(engine, path) {
  const runs = Array.from({ length: RUNS }, () => JSON.parse(execFileSync(process.execPath, ['--expose-gc', WORKER, engine, path], { encoding: 'utf8', maxBuffer: 1 << 20 })));
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return { medianMs: round(median(runs.map((r) => r.ms)), 1), peakRssMb: median(runs.map((r) => r.maxRssMb)), heapAfterGcMb: median(runs.map((r) => r.heapAfterGcMb)), summary: runs[0].summary };
}

/** route() over 100,000 calls of a percentage split: the shares against the percentages, and the time per call. */
function percentageCheck() {
  const percents = { '021-61234567': 37, '13800138000': 1, '13900139000': 29, '010-82345678': 33 };
  const split = parseRoutingRules({ route: { split: Object.entries(percents).map(([number, percent]) => ({ percent, route: number })) } });
  const calls = 100_000;
  const counts = {};
  let state;
  const t0 = performance.now();
  for (let i = 0; i < calls; i++) {
    const d = route(split, { from: '010-66666666', at: '2026-03-09 10:00' }, state ? { state } : { seed: 7 });
    state = d.state;
    counts[d.attempts[0].number] = (counts[d.attempts[0].number] ?? 0) + 1;
  }
  const ms = performance.now() - t0;
  const shares = Object.fromEntries(Object.entries(percents).map(([n, p]) => [n, { percent: p, share: round((counts[n] / calls) * 100, 2) }]));
  const worst = Math.max(...Object.values(shares).map((s) => Math.abs(s.share - s.percent)));
  return { calls, seed: 7, shares, maxDeviationPoints: round(worst, 2), withinOnePoint: worst < 1, routeMicrosecondsPerCall: round((ms * 1000) / calls, 2) };
}

/**
 * analyseCalls on 1,000,000 simulated records (a 50 MB CSV file, streamed) beside parse-then-aggregate
 * baselines on the same file, each run in a fresh process so that peak memory is its own; ours on a quarter
 * of the file too, to show memory does not grow with the file. And the simulator's percentage check.
 */
export async function benchCalls() {
  const dir = mkdtempSync(join(tmpdir(), 'vanity400-calls-'));
  try {
    const full = join(dir, 'calls.csv');
    const quarter = join(dir, 'calls-quarter.csv');
    const t0 = performance.now();
    writeRecords(full, RECORDS);
    writeRecords(quarter, RECORDS / 4);
    const generateMs = round(performance.now() - t0, 0);
    const engines = {};
    for (const engine of ['ours', 'split', 'csv-parse-sync', 'csv-parse-stream']) engines[engine] = measureEngine(engine, full);
    const oursQuarter = measureEngine('ours', quarter);
    const same = ['split', 'csv-parse-sync', 'csv-parse-stream'].every((e) => JSON.stringify(engines[e].summary.totals) === JSON.stringify(engines.ours.summary.totals) && engines[e].summary.hour10 === engines.ours.summary.hour10 && engines[e].summary.landings === engines.ours.summary.landings && engines[e].summary.areas === engines.ours.summary.areas);
    const ratio = (e) => ({ time: round(engines[e].medianMs / engines.ours.medianMs, 2), memory: round(engines[e].peakRssMb / engines.ours.peakRssMb, 2) });
    return {
      task: 'analyseCalls over 1,000,000 call records (CSV, streamed from a file) beside parse-then-aggregate baselines; route() percentage shares over 100,000 calls',
      file: { records: RECORDS, bytes: statSync(full).size, generateMs },
      analyse: {
        ours: { ...engines.ours, recordsPerSecond: Math.round(RECORDS / (engines.ours.medianMs / 1000)), quarterFile: { records: RECORDS / 4, medianMs: oursQuarter.medianMs, peakRssMb: oursQuarter.peakRssMb, heapAfterGcMb: oursQuarter.heapAfterGcMb } },
        baselines: {
          split: { ...engines.split, engine: 'readFileSync, split lines and commas, an object a record, then aggregate (no checks)', vsOurs: ratio('split') },
          'csv-parse-sync': { ...engines['csv-parse-sync'], engine: 'csv-parse/sync with columns, then aggregate (no checks)', vsOurs: ratio('csv-parse-sync') },
          'csv-parse-stream': { ...engines['csv-parse-stream'], engine: 'csv-parse streaming, aggregating as records come (no checks)', vsOurs: ratio('csv-parse-stream') },
        },
        identicalTotals: same,
      },
      percentages: percentageCheck(),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
