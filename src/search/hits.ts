import type { Pool } from '../pool/pool.js';
import type { CursorPosition } from './cursor.js';

/** One pool entry found by a search. */
export interface Hit {
  pool: Pool;
  index: number;
  key: number; // number - NUMBER_BASE
  sortKey: number; // score (tenths) or value; 0 for number order
}

/** true when a comes before b in the page order. */
export function before(a: { sortKey: number; key: number }, b: { sortKey: number; key: number }): boolean {
  return a.sortKey !== b.sortKey ? a.sortKey > b.sortKey : a.key < b.key;
}

/** Whether a hit comes after the cursor (every hit does without one). */
export function isAfter(after: CursorPosition | null, h: { sortKey: number; key: number }): boolean {
  return after === null || before({ sortKey: after.key, key: after.number }, h);
}

/** The best `want` hits offered so far, in page order. */
export class BestHits {
  readonly hits: Hit[] = [];

  constructor(private readonly want: number) {}

  /** Whether the list is full and a hit with this sort key (and any number) could not enter it. */
  shuts(sortKey: number): boolean {
    return this.hits.length === this.want && sortKey < this.hits[this.want - 1]!.sortKey;
  }

  /** Whether a hit with this sort key and number would enter the list. */
  wouldTake(sortKey: number, key: number): boolean {
    return this.hits.length < this.want || before({ sortKey, key }, this.hits[this.want - 1]!);
  }

  /** Puts the hit in its place (the caller has checked wouldTake); the worst drops out of a full list. */
  take(hit: Hit): void {
    const hits = this.hits;
    if (hits.length < this.want) hits.push(hit);
    let at = hits.length - 1;
    while (at > 0 && before(hit, hits[at - 1]!)) {
      hits[at] = hits[at - 1]!;
      at--;
    }
    hits[at] = hit;
  }
}
