/**
 * Baseline for near-number search ("numbers like 4006123456"): the way a site adds fuzzy search,
 * with fuse.js over the number strings.
 *
 * fuse.js scores a match by Bitap edit errors / pattern length (0 = exact). Options used:
 * - threshold = maxDistance / 10: a number within maxDistance differing positions has at most
 *   maxDistance edit errors, so it passes;
 * - location 0, distance 0 (ignoreLocation false): the match must start at digit 0, i.e. the
 *   query is aligned with the number as a whole, which is the closest fuse.js gets to "differs
 *   in k positions" (ignoreLocation: true also accepts the query shifted inside the number);
 * - isCaseSensitive: digits have no case, this only skips lower-casing every string.
 * Results come in fuse's order: fewest edit errors first, then list order.
 *
 * It is approximate by nature: edit errors count insertions and deletions, so numbers with
 * more than maxDistance differing positions also pass (e.g. 4006124567 is 1 deletion from
 * 4006123456 but differs in 4 positions), and they can push true neighbours past `limit`.
 * How recall is measured: exact = exactNear(strings, number, maxDistance) (every number with
 * hamming(number, x) <= maxDistance, the query included); returned = fuseNear(...);
 *   recall    = |returned ∩ exact| / min(limit, |exact|)
 *   precision = |returned ∩ exact| / |returned|
 */
import Fuse from 'fuse.js';

const OPTIONS = { isCaseSensitive: true, ignoreLocation: false, location: 0, distance: 0 };

/**
 * @typedef {{ fuse: Fuse<string>, buildMs: number, strings: readonly string[],
 *   byDistance: Map<number, Fuse<string>> }} FuseNearIndex
 */

/**
 * A Fuse instance over the number strings, its index pre-built with Fuse.createIndex.
 * @param {readonly string[]} strings
 * @returns {FuseNearIndex}
 */
export function createFuseIndex(strings) {
  const t0 = performance.now();
  const list = /** @type {string[]} */ (strings);
  const fuse = new Fuse(list, OPTIONS, Fuse.createIndex([], list));
  return { fuse, buildMs: performance.now() - t0, strings, byDistance: new Map() };
}

/**
 * Up to `limit` numbers fuse.js finds near `number`, in fuse's order.
 * @param {FuseNearIndex} index
 * @param {string} number a 10-digit number string
 * @param {number} maxDistance
 * @param {number} limit
 * @returns {string[]}
 */
export function fuseNear(index, number, maxDistance, limit) {
  // fuse takes threshold per instance: one instance per distance, sharing the pre-built index.
  let fuse = index.byDistance.get(maxDistance);
  if (!fuse) {
    const threshold = maxDistance / number.length;
    fuse = new Fuse(/** @type {string[]} */ (index.strings), { ...OPTIONS, threshold }, index.fuse.getIndex());
    index.byDistance.set(maxDistance, fuse);
  }
  return fuse.search(number, { limit }).map((r) => r.item);
}

/**
 * Number of positions where two equal-length strings differ.
 * @param {string} a
 * @param {string} b
 */
export function hamming(a, b) {
  if (a.length !== b.length) throw new Error('hamming needs equal lengths');
  let d = 0;
  for (let i = 0; i < a.length; i++) if (a.charCodeAt(i) !== b.charCodeAt(i)) d++;
  return d;
}

/**
 * The exact answer fuse approximates: every string within maxDistance positions, list order.
 * @param {readonly string[]} strings
 * @param {string} number
 * @param {number} maxDistance
 * @returns {string[]}
 */
export function exactNear(strings, number, maxDistance) {
  return strings.filter((s) => hamming(s, number) <= maxDistance);
}
