import { cpus } from 'node:os';

/**
 * Runs fn `runs` times after `warmup` runs; returns the median and all times in ms. With `timed`, fn
 * times itself and returns its ms (to leave its own setup out). With `batch`, each run calls fn that
 * many times and counts the mean: for calls of a few microseconds, which one clock reading per call
 * would blur; `batch: 'auto'` picks it so that a run lasts about a millisecond.
 */
export function measure(fn, { runs = 5, warmup = 1, timed = false, batch = 1 } = {}) {
  for (let i = 0; i < warmup; i++) fn();
  if (batch === 'auto') {
    const t0 = performance.now();
    fn();
    batch = Math.max(1, Math.min(1000, Math.round(1 / Math.max(performance.now() - t0, 0.001))));
  }
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    let own = 0;
    for (let b = 0; b < batch; b++) own += timed ? fn() : (fn(), 0);
    times.push((timed ? own : performance.now() - t0) / batch);
  }
  const sorted = [...times].sort((a, b) => a - b);
  const digits = sorted[0] < 0.01 ? 5 : 3;
  return { medianMs: round(sorted[Math.floor(sorted.length / 2)], digits), minMs: round(sorted[0], digits), runs: times.map((t) => round(t, digits)) };
}

export function round(x, digits = 3) {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

export function machine() {
  return { node: process.version, cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, date: new Date().toISOString() };
}
