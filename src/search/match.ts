/**
 * Match and rank: the numbers of the pools that carry one of a list of digit strings (readings of a phrase,
 * a meaning's readings, a company's facts), each with its best match and a rank. searchSounds() and
 * suggest() both rank this way.
 */
import type { Pool } from '../pool/pool.js';
import { numberOfKey } from '../pool/key-strings.js';
import { Filter } from './filter.js';
import { normalizeFilters, type SearchFilters } from './query.js';

/** Why an answer is empty or short, and what else to try; in both languages. */
export interface Note {
  /** What the note is about, e.g. 'no-reading', 'try-meaning', 'avoided', 'filled'. */
  kind: string;
  /** The note in Chinese, as a salesperson reads it. */
  zh: string;
  /** The same in English. */
  en: string;
}

/** A digit string to look for, and how telling it is (0-1: a reading's quality, a fact's weight). */
export interface MatchCandidate {
  digits: string;
  weight: number;
}

/** A number's best match among the candidates. */
export interface Match {
  number: string;
  /** Index of the candidate in the list given. */
  candidate: number;
  /** 0-based index of its digits in the number (4 or more: in the six digits after the segment's). */
  at: number;
  /** Whether the digits end the number. */
  atEnd: boolean;
  /** The number's score (0-100) the rank was made with. */
  score: number;
  /** How well and where it carries the candidate, and its score: 0-100, one decimal. */
  rank: number;
}

/** Share of the rank that comes from how well the number carries the candidate; the rest is its vanity score. */
export const MATCH_SHARE = 0.6;
/** A candidate that does not end the number counts this much. */
export const NOT_AT_END = 0.75;
/** The first digit a buyer chooses: 400 and the segment digit are fixed. */
export const CHOSEN_FROM = 4;

/** A match's rank: how telling the candidate is, whether it ends the number, and the number's score; one decimal. */
export function rankOf(weight: number, atEnd: boolean, score: number): number {
  return Math.round((MATCH_SHARE * 100 * weight * (atEnd ? 1 : NOT_AT_END) + (1 - MATCH_SHARE) * score) * 10) / 10;
}

/**
 * Where the digits stand in the six digits the buyer chooses (after 400 and the segment digit), the last
 * place if more than one; -1 if they are not there. Two digits count only where they end the number
 * (尾号 88): inside a number two digits fall together by chance.
 */
export function placeIn(number: string, digits: string): number {
  const at = number.lastIndexOf(digits);
  if (at < CHOSEN_FROM) return -1;
  if (digits.length <= 2 && at + digits.length !== number.length) return -1;
  return at;
}

/** The best match of one number among the candidates, or undefined if it carries none. */
export function bestMatch(number: string, candidates: readonly MatchCandidate[], score: number, bonus = 0): Match | undefined {
  let best: Match | undefined;
  candidates.forEach((c, k) => {
    const at = placeIn(number, c.digits);
    if (at < 0) return;
    const atEnd = at + c.digits.length === number.length;
    const rank = Math.round((rankOf(c.weight, atEnd, score) + bonus) * 10) / 10;
    if (!best || rank > best.rank) best = { number, candidate: k, at, atEnd, score, rank };
  });
  return best;
}

/** How {@link matchNumbers} searches. */
export interface MatchOptions {
  /** Numbers kept per candidate: this many ending in its digits and as many holding them elsewhere. */
  perSearch: number;
  /** A number's score (0-100) under other scoring options than the pool's (a customer's facts); default the pool's. */
  scoreOf?: (number: string, poolScore: number) => number;
  /** A small addition to a number's rank (a customer's own order among near-equal numbers); default none. */
  bonus?: (number: string) => number;
  /** The most `bonus` adds. */
  maxBonus?: number;
  /**
   * The page: a candidate whose best possible rank (at the pools' highest score, or `highestScore`) cannot
   * place a number among the first `limit` is not looked up, as it cannot change them. Default: every
   * candidate is.
   */
  limit?: number;
  /** The highest score a number can have under `scoreOf` (default: the pools' highest). */
  highestScore?: number;
}

/**
 * The best `want` entries offered, by pool score (then number), as a small sorted list; with them every
 * entry scored within TIE_TENTHS of the last, as its rounded rank can equal the last one's.
 */
class Top {
  readonly entries: { pool: Pool; index: number; key: number; score: number }[] = [];
  constructor(private readonly want: number) {}
  offer(pool: Pool, index: number, key: number): void {
    const score = pool.scores[index]!;
    const list = this.entries;
    if (list.length >= this.want && score < list[this.want - 1]!.score - TIE_TENTHS) return;
    let at = list.length;
    while (at > 0 && (list[at - 1]!.score < score || (list[at - 1]!.score === score && list[at - 1]!.key > key))) at--;
    list.splice(at, 0, { pool, index, key, score });
    if (list.length > this.want) {
      const floor = list[this.want - 1]!.score - TIE_TENTHS;
      while (list[list.length - 1]!.score < floor) list.pop();
    }
  }
}

/** Scores this many tenths apart can round to one rank (0.4 × 0.2 < 0.1). */
const TIE_TENTHS = 3;

/**
 * Offers every entry of a whole-segment pool whose six chosen digits hold `digits` at the end (`end`) or
 * elsewhere (not `end`), listed directly: a 4-digit string has 100 numbers at each place, a 3-digit one 1,000.
 */
function listSegment(pool: Pool, digits: string, end: boolean, filter: Filter, top: Top): void {
  const len = digits.length;
  const base = Number(pool.segment![3]) * 1_000_000;
  const value = Number(digits);
  for (let j = end ? 6 - len : 0; j <= 6 - len - (end ? 0 : 1); j++) {
    const after = 6 - j - len;
    const afterSpan = 10 ** after;
    const beforeSpan = 10 ** j;
    const placed = value * afterSpan;
    for (let before = 0; before < beforeSpan; before++) {
      const head = base + before * 10 ** (6 - j) + placed;
      for (let rest = 0; rest < afterSpan; rest++) {
        const key = head + rest;
        const index = pool.indexOfKey(key);
        if (index >= 0 && filter.accepts(pool, index, key)) top.offer(pool, index, key);
      }
    }
  }
}

/**
 * The numbers of the pools that carry a candidate, each with its best match, best rank first (then by
 * number). Per candidate, the `perSearch` best-scored numbers holding its digits at the end, and as many
 * holding them elsewhere in the six digits the buyer chooses (two digits only at the end), are looked at;
 * a number's match is the best of all candidates it carries. Whole segments are listed directly, other
 * pools (an agent's numbers) scanned once. The search filters apply as in search(). With `limit`, the
 * first `limit` matches are exactly those of looking every candidate up (without `bonus`); a candidate
 * that cannot change them is skipped.
 */
export function matchNumbers(list: readonly Pool[], candidates: readonly MatchCandidate[], filters: SearchFilters, options: MatchOptions): Match[] {
  const { perSearch, scoreOf, bonus, limit } = options;
  const q = normalizeFilters(filters, 'search');
  const highest = options.highestScore ?? Math.max(0, ...list.map((p) => (p.size ? p.scores[p.order[0]!]! / 10 : 0)));
  const maxBonus = bonus ? (options.maxBonus ?? 0) : 0;
  const best = new Map<string, Match>();
  const take = (top: Top) => {
    for (const e of top.entries) {
      const number = numberOfKey(e.key);
      if (best.has(number)) continue;
      const poolScore = e.score / 10;
      const m = bestMatch(number, candidates, scoreOf ? scoreOf(number, poolScore) : poolScore, bonus ? bonus(number) : 0);
      if (m) best.set(number, m);
    }
  };
  /** Whether `limit` matches already rank above `bound`, so that nothing ranking at most `bound` can make the page. */
  const full = (bound: number) => {
    if (limit === undefined || best.size < limit) return false;
    let above = 0;
    for (const b of best.values()) if (b.rank > bound && ++above === limit) return true;
    return false;
  };
  const pools = list
    .filter((pool) => !(q.segments && pool.segment && !q.segments.includes(pool.segment)))
    .map((pool) => ({ pool, filter: new Filter(q, null, q.segments !== null && pool.segment === null) }));
  // Strongest first; at the end before elsewhere, as the end counts most.
  const order = candidates.map((c, k) => ({ c, k })).sort((a, b) => b.c.weight - a.c.weight || a.k - b.k);
  const subsets = pools.filter((p) => p.pool.segment === null);
  const subsetTops = subsets.length ? scanSubsets(subsets, candidates, perSearch) : null;
  for (const end of [true, false]) {
    for (const { c, k } of order) {
      if (c.digits.length > 6 || (!end && c.digits.length <= 2)) continue;
      if (full(rankOf(c.weight, end, highest) + maxBonus)) continue;
      const top = subsetTops ? (end ? subsetTops[k]!.end : subsetTops[k]!.elsewhere) : new Top(perSearch);
      for (const { pool, filter } of pools) if (pool.segment !== null) listSegment(pool, c.digits, end, filter, top);
      take(top);
    }
  }
  return [...best.values()].sort((a, b) => b.rank - a.rank || (a.number < b.number ? -1 : 1));
}

/** Pools that are not whole segments (an agent's numbers), scanned once for every candidate. */
function scanSubsets(subsets: readonly { pool: Pool; filter: Filter }[], candidates: readonly MatchCandidate[], perSearch: number): { end: Top; elsewhere: Top }[] {
  const tops = candidates.map(() => ({ end: new Top(perSearch), elsewhere: new Top(perSearch) }));
  for (const { pool, filter } of subsets) {
    for (let i = 0; i < pool.size; i++) {
      const key = pool.keyAt(i);
      const number = pool.numberAt(i);
      let accepted: boolean | undefined;
      candidates.forEach((c, k) => {
        const at = placeIn(number, c.digits);
        if (at < 0) return;
        accepted ??= filter.accepts(pool, i, key);
        if (accepted) (at + c.digits.length === 10 ? tops[k]!.end : tops[k]!.elsewhere).offer(pool, i, key);
      });
    }
  }
  return tops;
}
