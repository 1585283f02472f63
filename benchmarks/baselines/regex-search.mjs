/**
 * Baseline for pattern search: what a number shop's site does, done well. The numbers are sorted once
 * at load (by score, and by value); a search turns the pattern into one regular expression and tests
 * the numbers in the page's order, stopping once the page is full.
 *
 * Inputs shared by the search baselines:
 * - `strings`: number strings, e.g. `segmentNumbers(6)` = the 1,000,000 numbers of 4006, where
 *   index = last six digits. Any list works (the tests use 10,000 numbers).
 * - `scores`: a Uint16Array parallel to `strings` (scores[i] is the score of strings[i], in tenths);
 *   for a whole segment that is "indexed by the last six digits".
 * The answer: matching numbers by score descending, then number ascending, the first `limit`.
 *
 * @typedef {{ type: 'digit', digit: number, at: number }
 *   | { type: 'any', at: number }
 *   | { type: 'class', digits: number[], at: number }
 *   | { type: 'var', name: string, at: number }
 *   | { type: 'run', at: number }} PatternToken
 * @typedef {{ source: string, tokens: PatternToken[], anchoredStart: boolean,
 *   anchoredEnd: boolean, whole: boolean }} PatternAst
 */

/**
 * "4006" (or 6, or "6") → "4006"; throws on anything else.
 * @param {number | string} segment
 */
export function segmentPrefix(segment) {
  const s = String(segment);
  const prefix = s.length === 1 ? '400' + s : s;
  if (!/^400\d$/.test(prefix)) throw new Error(`not a 400 segment: ${segment}`);
  return prefix;
}

/**
 * The 1,000,000 number strings of a segment, index = last six digits.
 * @param {number | string} segment
 * @returns {string[]}
 */
export function segmentNumbers(segment) {
  const prefix = segmentPrefix(segment);
  const out = new Array(1_000_000);
  for (let i = 0; i < 1_000_000; i++) out[i] = prefix + String(i).padStart(6, '0');
  return out;
}

/**
 * A RegExp equivalent to the pattern over a 10-digit string.
 * Letters: the first occurrence is a capture group preceded by a negative lookahead on every
 * earlier letter's group (so different letters are different digits), later occurrences are
 * backreferences.
 * @param {PatternAst} ast
 * @returns {RegExp}
 */
export function astToRegExp(ast) {
  /** @type {Map<string, number>} letter → group number */
  const groups = new Map();
  let body = '';
  for (const t of ast.tokens) {
    switch (t.type) {
      case 'digit':
        body += String(t.digit);
        break;
      case 'any':
        body += '\\d';
        break;
      case 'class':
        body += t.digits.length ? `[${t.digits.join('')}]` : '(?!)';
        break;
      case 'run':
        body += '\\d*';
        break;
      case 'var': {
        const group = groups.get(t.name);
        if (group !== undefined) {
          body += `\\${group}`;
        } else {
          const earlier = [...groups.values()].map((g) => `\\${g}`);
          if (earlier.length) body += `(?!${earlier.join('|')})`;
          groups.set(t.name, groups.size + 1);
          body += '(\\d)';
        }
        break;
      }
      default:
        throw new Error(`unknown token ${JSON.stringify(t)}`);
    }
  }
  const start = ast.whole || ast.anchoredStart ? '^' : '';
  const end = ast.whole || ast.anchoredEnd ? '$' : '';
  return new RegExp(start + body + end);
}

/**
 * @typedef {{ strings: readonly string[], byScore: Uint32Array, byValue: Uint32Array | null }} ScanIndex
 */

/**
 * The orders a site sorts its numbers in once, at load: by score (high first, then number) and, given
 * values, by value. `strings` are in number order.
 * @param {readonly string[]} strings
 * @param {ArrayLike<number>} scores parallel to `strings`
 * @param {ArrayLike<number> | null} [values] parallel to `strings`
 * @returns {ScanIndex}
 */
export function scanIndex(strings, scores, values = null) {
  const byScore = Uint32Array.from(strings.keys()).sort((a, b) => scores[b] - scores[a] || a - b);
  const byValue = values ? Uint32Array.from(strings.keys()).sort((a, b) => values[b] - values[a] || a - b) : null;
  return { strings, byScore, byValue };
}

/**
 * The first `limit` numbers the pattern (null: any) and `accept` (index → boolean) let through, in
 * the sort's order: the numbers are tested in that order until the page is full. In number order a
 * pattern's leading digits give the first number to test.
 * @param {ScanIndex} index
 * @param {PatternAst | null} ast
 * @param {number} limit
 * @param {{ sort?: 'score' | 'number' | 'value', accept?: (i: number) => boolean }} [options]
 * @returns {string[]}
 */
export function regexSearch(index, ast, limit, { sort = 'score', accept = () => true } = {}) {
  const { strings } = index;
  const re = ast ? astToRegExp(ast) : null;
  const order = sort === 'score' ? index.byScore : sort === 'value' ? index.byValue : null;
  if (sort === 'value' && !order) throw new Error('regexSearch: sort by value needs the values (scanIndex)');
  let from = 0;
  if (!order && ast && (ast.anchoredStart || ast.whole)) {
    let prefix = '';
    for (const t of ast.tokens) {
      if (t.type !== 'digit') break;
      prefix += t.digit;
    }
    let hi = strings.length;
    while (from < hi) {
      const mid = (from + hi) >> 1;
      if (strings[mid] < prefix) from = mid + 1;
      else hi = mid;
    }
  }
  /** @type {string[]} */
  const out = [];
  for (let k = from; k < strings.length && out.length < limit; k++) {
    const i = order ? order[k] : k;
    if ((re === null || re.test(strings[i])) && accept(i)) out.push(strings[i]);
  }
  return out;
}
