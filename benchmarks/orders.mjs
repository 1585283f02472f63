import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { openingDate, quote } from '../dist/index.js';
import { dayLoopOpening } from './baselines/day-loop.mjs';
import { measure, round } from './harness.mjs';
import { benchOrderSteps } from './order-steps.mjs';

const PAID = Array.from({ length: 1000 }, (_, i) => Date.UTC(2024, 0, 1) + i * 7_919_000_000 % (3 * 365 * 86_400_000));
const NUMBERS = ['4006123007', '4006666688', '4008517517', '4006161615'];

/** The same prices as quote, as a plain loop over the bundled packages: what quote adds is the checks and the minimum spend. */
function plainQuote(packages, minimum, minutes) {
  return packages
    .filter((p) => p.prepay / p.years >= minimum)
    .map((p) => ({ p, perYear: Math.max(p.prepay, minutes * 12 * p.years * p.ratePerMinute) / p.years }))
    .sort((a, b) => a.perYear - b.perYear);
}

/** The first call of each in a fresh process (loading the packages file, building the calendar table). */
function firstCalls() {
  const dist = fileURLToPath(new URL('../dist/index.js', import.meta.url));
  const script = `
    const t0 = performance.now();
    const lib = await import(${JSON.stringify(dist)});
    const t1 = performance.now();
    lib.openingDate('ordinary', '2026-09-30T17:30+08:00');
    const t2 = performance.now();
    lib.quote({ tier: 'ordinary', minutesPerMonth: 800 });
    const t3 = performance.now();
    console.log(JSON.stringify({ importMs: t1 - t0, openingDateMs: t2 - t1, quoteMs: t3 - t2 }));`;
  const runs = Array.from({ length: 5 }, () => JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })));
  const median = (key) => round(runs.map((r) => r[key]).sort((a, b) => a - b)[2]);
  return { importMs: median('importMs'), openingDateMs: median('openingDateMs'), quoteMs: median('quoteMs') };
}

export async function benchOrders() {
  // Same answers first: the baseline is only a baseline if it agrees.
  for (const paidAt of PAID) {
    for (const what of ['ordinary', 'top']) {
      const ours = openingDate(what, paidAt);
      if (ours.date !== dayLoopOpening(paidAt, ours.workingDays)) throw new Error(`opening dates differ for ${what} paid at ${paidAt}`);
    }
  }
  let i = 0;
  const next = () => PAID[i++ % PAID.length];
  const oursOrdinary = measure(() => openingDate('ordinary', next()), { runs: 21, warmup: 3, batch: 'auto' });
  const oursSpecial = measure(() => openingDate('top', next()), { runs: 21, warmup: 3, batch: 'auto' });
  const loopOrdinary = measure(() => dayLoopOpening(next(), 3), { runs: 21, warmup: 3, batch: 'auto' });
  const loopSpecial = measure(() => dayLoopOpening(next(), 7), { runs: 21, warmup: 3, batch: 'auto' });

  const packages = quote({ tier: 'ordinary', minutesPerMonth: 0 });
  const all = [...packages.packages.map((p) => p.package), ...packages.ineligible.map((p) => p.package)];
  let n = 0;
  const byTier = measure(() => quote({ tier: 'ordinary', minutesPerMonth: 100 + (n++ % 5000) }), { runs: 21, warmup: 3, batch: 'auto' });
  const byNumber = measure(() => quote({ number: NUMBERS[n++ % NUMBERS.length], minutesPerMonth: 800 }), { runs: 21, warmup: 3, batch: 'auto' });
  const plain = measure(() => plainQuote(all, 600, 100 + (n++ % 5000)), { runs: 21, warmup: 3, batch: 'auto' });
  const us = (m) => round(m.medianMs * 1000, 2);
  return {
    task: 'opening dates (3 and 7 working days, Beijing time, the 2024–2026 holidays) and package quotes, per call',
    openingDate: {
      ordinaryUs: us(oursOrdinary),
      specialUs: us(oursSpecial),
      dayLoopOrdinaryUs: us(loopOrdinary),
      dayLoopSpecialUs: us(loopSpecial),
      baseline: "chinese-days' isWorkday asked one calendar day at a time (benchmarks/baselines/day-loop.mjs), answers checked identical on 2,000 payments",
      vsDayLoopOrdinary: round(loopOrdinary.medianMs / oursOrdinary.medianMs, 1),
      vsDayLoopSpecial: round(loopSpecial.medianMs / oursSpecial.medianMs, 1),
    },
    quote: {
      byTierUs: us(byTier),
      byNumberUs: us(byNumber),
      plainLoopUs: us(plain),
      baseline: 'the same pricing as a bare filter-map-sort over the 8 bundled packages, without checks, warnings or the number\'s tier',
      vsPlainLoop: round(plain.medianMs / byTier.medianMs, 2),
    },
    firstCallInFreshProcess: firstCalls(),
    steps: {
      task: 'orders walked from the draft to the test call, one after another: µs per order step (7 a walk, the sale among them) beside a hold on the same store',
      baseline: "the store's own hold: one transaction (SQLite) or one script (Redis), what a hand-made orders table would also cost a step",
      ...(await benchOrderSteps()),
    },
  };
}
