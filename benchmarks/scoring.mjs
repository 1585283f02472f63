import { scoreSegment } from '../dist/index.js';
import { regexScore, REGEX_RULES } from './baselines/regex-rules.mjs';
import { measure, round } from './harness.mjs';

/** Whole-segment scoring: our fast path against the regex rule list, on all 1,000,000 numbers of 4006. */
export function benchScoring() {
  const segment = '4006';
  const size = 1_000_000;
  const ours = measure(() => scoreSegment(segment), { runs: 7, warmup: 2 });

  const strings = Array.from({ length: size }, (_, i) => segment + String(i).padStart(6, '0'));
  const regexScores = new Uint8Array(size);
  const regex = measure(
    () => {
      for (let i = 0; i < size; i++) regexScores[i] = regexScore(strings[i]);
    },
    { runs: 3, warmup: 1 },
  );
  const perSecond = (ms) => Math.round(size / (ms / 1000));
  return {
    task: `score all ${size.toLocaleString('en')} numbers of segment ${segment}`,
    ours: { engine: 'vanity400 scoreSegment (fast path)', ...ours, numbersPerSecond: perSecond(ours.medianMs) },
    baseline: { engine: `regex rule list (${REGEX_RULES.length} named regexes per number string)`, ...regex, numbersPerSecond: perSecond(regex.medianMs) },
    ratio: round(regex.medianMs / ours.medianMs, 1),
    targets: { oursMaxMs: 50, minRatio: 40 },
  };
}
