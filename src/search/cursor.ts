import { Vanity400Error } from '../errors/vanity400-error.js';
import type { SortOrder } from './query.js';

/** Where a page ended: the sort key of its last result. The next page starts strictly after it. */
export interface CursorPosition {
  sort: SortOrder;
  /** Score (tenths) or value of the last result; 0 for number order. */
  key: number;
  /** The last result's number, as its offset from 4,000,000,000. */
  number: number;
}

function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

const toBase64Url = (s: string) => btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const fromBase64Url = (s: string) => atob(s.replace(/-/g, '+').replace(/_/g, '/'));

/**
 * Cursors are opaque strings naming the last result's sort key and number, bound to the query
 * they came from: stable while the pool changes (a sold number does not shift later pages).
 */
export function encodeCursor(position: CursorPosition, queryKey: string): string {
  return toBase64Url(`1|${position.sort}|${position.key}|${position.number}|${hash(queryKey)}`);
}

export function decodeCursor(cursor: string, queryKey: string, sort: SortOrder): CursorPosition {
  let parts: string[];
  try {
    parts = fromBase64Url(cursor).split('|');
  } catch {
    parts = [];
  }
  const [version, s, key, number, queryHash] = parts;
  if (parts.length !== 5 || version !== '1' || !Number.isFinite(Number(key)) || !Number.isInteger(Number(number))) {
    throw new Vanity400Error('BAD_CURSOR', `cursor ${JSON.stringify(cursor)} is not one a search returned`, { input: cursor });
  }
  if (s !== sort || queryHash !== hash(queryKey)) {
    throw new Vanity400Error('BAD_CURSOR', `cursor ${JSON.stringify(cursor)} belongs to another query: repeat the query it came from, or drop the cursor`, { input: cursor });
  }
  return { sort, key: Number(key), number: Number(number) };
}
