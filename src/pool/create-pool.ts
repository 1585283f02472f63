import { invalidType } from '../errors/guards.js';
import { Vanity400Error } from '../errors/vanity400-error.js';
import { badNumbers } from './errors.js';
import { parse } from '../number/parse.js';
import type { CompanyProfile } from '../rules/company.js';
import { BODY_OFFSET } from '../rules/kinds.js';
import { scoreSegment } from '../scoring/fast-score.js';
import type { Profile } from '../scoring/profile.js';
import { scannerFor, tablesFor } from '../scoring/tables.js';
import { NUMBER_BASE, Pool } from './pool.js';

/** How {@link createPool} scores the numbers. */
export interface PoolOptions {
  /** 'seed' (default), 'traditional' or a custom profile. */
  profile?: string | Profile;
  /** The buyer's facts (founding year, door number …), counted in every number's score. */
  company?: CompanyProfile;
  /** Accept numbers in segments 4002–4005, which no public source confirms (as {@link ParseOptions}). */
  allowUnconfirmed?: boolean;
}

/**
 * A pool of scored numbers: `{ segment: '4006' }` for all 1,000,000 numbers of a segment, or
 * `{ numbers: [...] }` for a subset such as the numbers an agent may sell (any written forms;
 * duplicates count once). A subset with bad numbers is an error listing each one; nothing is built.
 */
export function createPool(source: ({ segment: string } | { numbers: Iterable<string> }) & PoolOptions): Pool {
  if (typeof source !== 'object' || source === null || Array.isArray(source)) {
    throw invalidType('createPool(): source', '{ segment } 或 { numbers } 对象', 'an object { segment } or { numbers }', source);
  }
  if (!('segment' in source) && !('numbers' in source)) throw invalidType('createPool(): source', '{ segment } 或 { numbers } 对象', 'an object { segment } or { numbers }', source);
  if ('numbers' in source && (typeof source.numbers !== 'object' || source.numbers === null || typeof (source.numbers as Iterable<string>)[Symbol.iterator] !== 'function')) {
    throw invalidType('createPool(): numbers', '号码列表', 'a list of numbers', source.numbers);
  }
  const tables = tablesFor(source.profile, source.company);
  const profile = source.profile ?? 'seed';
  if ('segment' in source) {
    const scored = scoreSegment(source.segment, source);
    return new Pool(source.segment, null, scored.scores, scored.bits, profile, tables.fingerprint, source.company);
  }
  const keys = new Set<number>();
  const bad: { line: number; error: Vanity400Error }[] = [];
  let line = 0;
  for (const text of source.numbers) {
    line++;
    try {
      keys.add(Number(parse(text, { allowUnconfirmed: source.allowUnconfirmed ?? false }).digits) - NUMBER_BASE);
    } catch (error) {
      if (!(error instanceof Vanity400Error)) throw error;
      bad.push({ line, error });
    }
  }
  if (bad.length) throw badNumbers(bad, line);
  const sorted = Uint32Array.from(keys).sort();
  const scores = new Uint16Array(sorted.length);
  const bits = new Uint16Array(sorted.length);
  const scanner = scannerFor(tables);
  for (let i = 0; i < sorted.length; i++) {
    const r = scanner.scan(String(NUMBER_BASE + sorted[i]!).slice(BODY_OFFSET));
    scores[i] = r.score;
    bits[i] = r.bits;
  }
  return new Pool(null, sorted, scores, bits, profile, tables.fingerprint, source.company);
}
