import { cpus } from 'node:os';

/**
 * Runs fn `runs` times after `warmup` runs; returns the median and all times in ms. With `timed`, fn
 * times itself and returns its ms (to leave its own setup out).
 */
export function measure(fn, { runs = 5, warmup = 1, timed = false } = {}) {
  for (let i = 0; i < warmup; i++) fn();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const own = fn();
    times.push(timed ? own : performance.now() - t0);
  }
  const sorted = [...times].sort((a, b) => a - b);
  return { medianMs: round(sorted[Math.floor(sorted.length / 2)]), minMs: round(sorted[0]), runs: times.map(round) };
}

export function round(x, digits = 3) {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

export function machine() {
  return { node: process.version, cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, date: new Date().toISOString() };
}
