import { LRUCache } from 'lru-cache';
import type { Pool } from '../pool/pool.js';

/** Bound of the memory kept for lists of entries in page order (see KEPT). */
const KEPT_BYTES = 8_000_000;

/**
 * A kept list: entries in page order, or false (the query has no list worth keeping: too many
 * candidates), or SEEN (searched once; the list is made on the next search).
 */
export type Kept = Uint32Array | false | typeof SEEN;
export const SEEN = Symbol('seen');

/**
 * One list's entry in KEPT; BY_POOL finds it without building a key string per pool. The pool is held
 * weakly, so that a pool dropped by its owner (say, replaced by a fresh snapshot) can be collected.
 */
interface KeptEntry {
  pool: WeakRef<Pool>;
  key: string;
  kept: Kept;
}

/**
 * Lists of a pool's entries in a page order, kept for queries searched more than once (a repeated
 * search, a later page): a pattern's matches by score or by value, the entries within score bounds by
 * value. Scores never change in a pool (sold numbers are only marked), so the lists stay true.
 */
const KEPT = /* @__PURE__ */ new LRUCache<KeptEntry, true>({
  maxSize: KEPT_BYTES,
  sizeCalculation: (_, entry) => (entry.kept instanceof Uint32Array ? entry.kept.byteLength : 0) + 64,
  dispose: (_, entry) => {
    const pool = entry.pool.deref();
    const entries = pool && BY_POOL.get(pool);
    if (entries?.get(entry.key) === entry) entries.delete(entry.key);
  },
});
const BY_POOL = new WeakMap<Pool, Map<string, KeptEntry>>();

/** The list kept for this pool and key; undefined when the key was never searched on the pool. */
export function keptList(pool: Pool, key: string): Kept | undefined {
  const entry = BY_POOL.get(pool)?.get(key);
  if (entry === undefined) return undefined;
  KEPT.get(entry); // most recently used
  return entry.kept;
}

/** Keeps a list (or SEEN, or false) for this pool and key; returns it. */
export function keepList<T extends Kept>(pool: Pool, key: string, kept: T): T {
  let entries = BY_POOL.get(pool);
  if (entries === undefined) BY_POOL.set(pool, (entries = new Map()));
  const old = entries.get(key);
  if (old !== undefined) KEPT.delete(old);
  const entry: KeptEntry = { pool: new WeakRef(pool), key, kept };
  entries.set(key, entry);
  KEPT.set(entry, true);
  return kept;
}
