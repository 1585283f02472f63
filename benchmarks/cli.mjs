/**
 * The command line as a salesperson runs it: whole processes of search, near, sounds and suggest with a
 * warm pool cache, beside `vanity400 --version` (starting Node and loading the command) in the same run.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { measure, round } from './harness.mjs';

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
    const warm = {};
    for (const [name, args] of Object.entries(COMMANDS)) warm[name] = measure(() => run(args), { runs: 7, warmup: 1 });
    const base = warm.version.medianMs;
    const commands = Object.fromEntries(
      Object.entries(warm).map(([name, m]) => [name, { warmMs: m.medianMs, vsVersion: round(m.medianMs / base, 2), firstRunMs: cold[name] }]),
    );
    return { task: 'whole-process CLI commands with a warm pool cache, beside vanity400 --version (target ≤ 1.5×)', commands };
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
}
