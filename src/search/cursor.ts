import { foreignCursor, unknownCursor } from './errors.js';
import type { SortOrder } from './query.js';

/** Where a page ended: the sort key of its last result. The next page starts strictly after it. */
export interface CursorPosition {
  sort: SortOrder;
  /** Score (tenths) or value of the last result; 0 for number order. */
  key: number;
  /** The last result's number, as its offset from 4,000,000,000. */
  number: number;
}

const SORT_LETTER: Record<SortOrder, string> = { score: 's', number: 'n', value: 'v' };
const CURSOR = /^([snv])(\d+(?:\.\d+)?)_(\d{1,7})_(\d{1,10})$/;

/**
 * Cursors are opaque strings naming the last result's sort key and number, bound to the query
 * they came from: stable while the pool changes (a sold number does not shift later pages).
 * URL-safe as they are: sort letter and key, the number's last seven digits, the query's hash.
 */
export function encodeCursor(position: CursorPosition, queryHash: number): string {
  return `${SORT_LETTER[position.sort]}${position.key}_${position.number}_${queryHash}`;
}

export function decodeCursor(cursor: string, queryHash: number, sort: SortOrder): CursorPosition {
  const parts = CURSOR.exec(cursor);
  if (parts === null) throw unknownCursor(cursor);
  const [, letter, key, number, hash] = parts;
  if (letter !== SORT_LETTER[sort] || Number(hash) !== queryHash) throw foreignCursor(cursor);
  return { sort, key: Number(key), number: Number(number) };
}
