/**
 * Baseline for near-number search ("my dream number is taken: what is close?"), as a good engineer
 * writes it without our library: list the numbers 0, 1, … maxDistance digits away from the wanted one
 * (digits after the segment, which stays), look each up, keep those that are there and pass the
 * filters, and stop after the distance at which the page is full; then sort by distance, score and
 * number.
 */

/**
 * @param {string} number the wanted number, 10 digits
 * @param {number} maxDistance
 * @param {number} limit
 * @param {{ scoreOf: (n: string) => number | undefined, accept?: (n: string, score: number) => boolean }} lookup
 *   scoreOf: a number's score if it is available, else undefined
 * @returns {string[]}
 */
export function enumerateNear(number, maxDistance, limit, { scoreOf, accept = () => true }) {
  /** @type {{ n: string, distance: number, score: number }[]} */
  const found = [];
  const digits = [...number];
  const offer = (distance) => {
    const n = digits.join('');
    const score = scoreOf(n);
    if (score !== undefined && accept(n, score)) found.push({ n, distance, score });
  };
  /** Every number `left` more changes away, changing positions from `first` on. */
  const vary = (first, left, distance) => {
    if (left === 0) return offer(distance);
    for (let p = first; p <= 10 - left; p++) {
      const original = digits[p];
      for (let d = 0; d <= 9; d++) {
        if (String(d) === original) continue;
        digits[p] = String(d);
        vary(p + 1, left - 1, distance);
      }
      digits[p] = original;
    }
  };
  for (let distance = 0; distance <= maxDistance && found.length < limit; distance++) vary(4, distance, distance);
  found.sort((a, b) => a.distance - b.distance || b.score - a.score || (a.n < b.n ? -1 : 1));
  return found.slice(0, limit).map((f) => f.n);
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
