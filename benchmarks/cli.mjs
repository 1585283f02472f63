/**
 * The command line as a salesperson runs it: whole processes of search, near, sounds and suggest with a
 * warm pool cache, beside `vanity400 --version` (starting Node and loading the command) in the same run.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { round } from './harness.mjs';

const ROUNDS = 9;
const CLI = join(import.meta.dirname, '..', 'packages', 'cli', 'dist', 'cli.js');

const COMMANDS = {
  version: ['--version'],
  search: ['search', 'AABB$', '--segment', '4006', '--limit', '20'],
  'search (six segments)': ['search', '8888$', '--limit', '20'],
  near: ['near', '400-688-8888', '--distance', '2'],
  sounds: ['sounds', '一路发', '--segment', '4008'],
  suggest: ['suggest', '--name', '顺发物流', '--founded', '2008', '--door', '518', '--segment', '4006'],
};

export async function benchCli() {
  const cache = mkdtempSync(join(tmpdir(), 'vanity400-bench-cache-'));
  const env = { ...process.env, VANITY400_CACHE: cache, VANITY400_CONFIG: join(cache, 'none.json'), NO_COLOR: '1' };
  const run = (args) => execFileSync(process.execPath, [CLI, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const cold = {};
    for (const [name, args] of Object.entries(COMMANDS)) {
      const t0 = performance.now();
      run(args); // the first run fills the cache
      cold[name] = round(performance.now() - t0, 1);
    }
    // Rounds of every command in turn, so that the load of a shared machine, which comes and goes, weighs
    // on each command alike; each command's median beside --version's median.
    const times = Object.fromEntries(Object.keys(COMMANDS).map((name) => [name, []]));
    for (let r = 0; r < ROUNDS; r++) {
      for (const [name, args] of Object.entries(COMMANDS)) {
        const t0 = performance.now();
        run(args);
        times[name].push(performance.now() - t0);
      }
    }
    const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const base = median(times.version);
    const commands = Object.fromEntries(
      Object.entries(times).map(([name, ms]) => [name, { warmMs: round(median(ms), 1), vsVersion: round(median(ms) / base, 2), minMs: round(Math.min(...ms), 1), firstRunMs: cold[name] }]),
    );
    return { task: `whole-process CLI commands with a warm pool cache, beside vanity400 --version (target ≤ 1.5×), ${ROUNDS} rounds of all in turn`, loadAverage: round(loadavg()[0], 1), commands };
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
}
