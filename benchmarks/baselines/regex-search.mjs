/**
 * Baseline for pattern search: what number shops do today. The pattern becomes one regular
 * expression, every number string of the segment is tested, the matches are sorted.
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
 * Tests every string, sorts the matches (score desc, number asc), returns the first `limit`.
 * @param {readonly string[]} strings
 * @param {Uint16Array} scores parallel to `strings`
 * @param {PatternAst} ast
 * @param {number} limit
 * @returns {string[]}
 */
export function regexSearch(strings, scores, ast, limit) {
  const re = astToRegExp(ast);
  /** @type {number[]} */
  const hits = [];
  for (let i = 0; i < strings.length; i++) if (re.test(strings[i])) hits.push(i);
  hits.sort((a, b) => scores[b] - scores[a] || (strings[a] < strings[b] ? -1 : strings[a] > strings[b] ? 1 : 0));
  const out = new Array(Math.min(limit, hits.length));
  for (let k = 0; k < out.length; k++) out[k] = strings[hits[k]];
  return out;
}
