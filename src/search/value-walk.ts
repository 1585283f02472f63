import { foursOfKey } from '../pool/key-strings.js';
import type { Pool } from '../pool/pool.js';
import { tierIndexOf } from '../scoring/tiers.js';
import { lowestLevelAt, mostFours, type Filter, type ScoreRange } from './filter.js';
import { BestHits, isAfter, type Hit } from './hits.js';
import type { CursorPosition } from './cursor.js';
import type { NormalizedFilters } from './query.js';
import { valueOf } from './value.js';

/** Segment entries whose last six digits hold at least this many 4s are listed rather than walked to. */
const MANY_FOURS = 4;

/** The last six digits of every number with at least MANY_FOURS 4s among them, ascending: 1,270. */
const WITH_MANY_FOURS = ((): Uint32Array => {
  const out: number[] = [];
  const add = (position: number, suffix: number, fours: number): void => {
    if (fours + 6 - position < MANY_FOURS) return;
    if (position === 6) {
      out.push(suffix);
      return;
    }
    for (let d = 0; d <= 9; d++) add(position + 1, suffix * 10 + d, fours + (d === 4 ? 1 : 0));
  };
  add(0, 0, 0);
  return Uint32Array.from(out);
})();

/** Scores of one tier, walked from the top: their values are at most score / `level`. */
interface Run {
  score: number;
  end: number;
  level: number;
}

/**
 * The first `want` entries after the cursor in value order, without a kept value order: a pool's
 * first value-sorted search. Values are score / price level, so the highest are low-tier numbers
 * rich in 4s rather than high scores. A segment's numbers with at least four 4s in their last six
 * digits (1,270) are listed and taken first; then the score buckets are walked, the one with the
 * highest bound on its values first (its score over the lowest price level its lowest tier and the
 * remaining 4s allow), until no bucket's bound reaches the page's last value.
 */
export function firstValuePage(pool: Pool, filter: Filter, q: NormalizedFilters, range: ScoreRange, after: CursorPosition | null, want: number): Hit[] {
  const best = new BestHits(want);
  const segmentFours = pool.segment !== null && pool.segment[3] === '4' ? 1 : 0;
  const listsManyFours = pool.segment !== null && mostFours(q) >= segmentFours + MANY_FOURS;
  const consider = (i: number): void => {
    const key = pool.keyAt(i);
    const s = pool.scores[i]!;
    const value = valueOf(s, tierIndexOf(s), foursOfKey(key));
    if (!best.wouldTake(value, key)) return;
    const hit: Hit = { pool, index: i, key, sortKey: value };
    if (isAfter(after, hit) && filter.accepts(pool, i, key)) best.take(hit);
  };

  if (listsManyFours) {
    for (const i of WITH_MANY_FOURS) {
      const s = pool.scores[i]!;
      if (s >= range.lo && s <= range.hi) consider(i);
    }
  }
  const fours = listsManyFours ? segmentFours + MANY_FOURS - 1 : mostFours(q);
  const runs: Run[] = [];
  for (let s = range.hi; s >= range.lo; ) {
    let end = s;
    while (end > range.lo && tierIndexOf(end - 1) === tierIndexOf(s)) end--;
    const level = lowestLevelAt(s, q.tierMask, fours);
    if (level !== Infinity) runs.push({ score: s, end, level });
    s = end - 1;
  }
  const bound = (run: Run) => Math.round((run.score / run.level) * 1000) / 1000;
  for (;;) {
    let top: Run | null = null;
    for (const run of runs) if (run.score >= run.end && (top === null || bound(run) > bound(top))) top = run;
    if (top === null || best.shuts(bound(top))) break;
    const s = top.score--;
    for (let p = pool.bucketStart[1000 - s]!, to = pool.bucketStart[1001 - s]!; p < to; p++) {
      const i = pool.order[p]!;
      if (listsManyFours && foursOfKey(pool.keyAt(i)) - segmentFours >= MANY_FOURS) continue; // listed above
      consider(i);
    }
  }
  return best.hits;
}
