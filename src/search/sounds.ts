import { guardOptions } from '../errors/guards.js';
import { Vanity400Error } from '../errors/vanity400-error.js';
import type { Pool } from '../pool/pool.js';
import { poolList } from '../pool/pool-list.js';
import { phraseToDigits, searchLexicon } from '../phonetics/index.js';
import { search, type SearchResult } from './search.js';
import { score } from '../scoring/score.js';
import { TIERS } from '../scoring/tiers.js';
import { valueOf } from './value.js';
import type { SearchQuery } from './query.js';

/** What a number sounds like or means, as found by a sound or meaning search. */
export interface SoundMatch {
  /** The digits found in the number, e.g. `'518'`. */
  digits: string;
  /** The phrase it sounds like, or the lexicon entry's meaning. */
  phrase: string;
  /** The lexicon entry's English gloss, for a meaning search. */
  en?: string;
  /** How well the digits fit the phrase, 0-1. */
  quality: number;
  /** 0-based index of the digits in the number. */
  at: number;
  /** Whether the digits end the number (where they count most). */
  atEnd: boolean;
}

/** A number found by {@link searchSounds}, with what it sounds like and its rank. */
export interface SoundResult extends SearchResult {
  /** The number's best match among the phrase's or meaning's readings. */
  soundsLike: SoundMatch;
  /** Rank: match quality (more at the end) and vanity score together, 0-100. */
  rank: number;
}

/**
 * What {@link searchSounds} looks for: exactly one of `sounds` and `meaning`, with the filters of
 * {@link SearchQuery} (but no `pattern`, `sort` or `cursor`: results go by rank, on one page).
 */
export type SoundQuery = Omit<SearchQuery, 'pattern' | 'cursor' | 'sort'> & {
  /** A phrase in Chinese or typed pinyin: 我要发, yilufa. */
  sounds?: string;
  /** A meaning looked up in the lexicon: 发财, prosper. */
  meaning?: string;
};

interface Candidate {
  digits: string;
  phrase: string;
  en?: string;
  quality: number;
}

/** Share of the rank that comes from how well the number says the phrase; the rest is its vanity score. */
const MATCH_SHARE = 0.6;
/** A phrase that is not at the end of the number counts this much. */
const NOT_AT_END = 0.75;
/** Candidate readings tried: at most this many, none below this share of the best one's quality. */
const MAX_CANDIDATES = 5;
const WEAKEST = 0.7;

/** A result's rank: how well and where it says the phrase, and its vanity score; one decimal. */
function rankOf(quality: number, atEnd: boolean, score: number): number {
  return Math.round((MATCH_SHARE * 100 * quality * (atEnd ? 1 : NOT_AT_END) + (1 - MATCH_SHARE) * score) * 10) / 10;
}

/** The candidates a phrase or a meaning stands for, best first. */
async function candidatesOf(query: SoundQuery): Promise<Candidate[]> {
  if (query.sounds !== undefined) {
    const readings = await phraseToDigits(query.sounds, { limit: 8 });
    // A number has ten digits: longer readings (a phrase with a whole number typed in it) cannot be in one.
    return readings.filter((r) => r.digits.length >= 2 && r.digits.length <= 10).map((r) => ({ digits: r.digits, phrase: query.sounds!.trim(), quality: r.quality }));
  }
  const hits = searchLexicon(query.meaning!, { limit: 8, families: ['homophone', 'memorable'] });
  return hits.map((h) => ({ digits: h.digits, phrase: h.zh, en: h.en, quality: h.score }));
}

/**
 * Numbers that sound like a phrase (`sounds`) or carry a meaning (`meaning`), with the other
 * search filters. Each candidate digit string is looked for anywhere in the number; a number ranks
 * by how well and where it says the phrase (the end counts most) and by its vanity score.
 */
export async function searchSounds(
  pools: Pool | readonly Pool[],
  query: SoundQuery,
): Promise<{
  /** At most `limit` numbers (default 20), highest rank first. */
  results: SoundResult[];
  /** Always null: a sound search gives one page. */
  next: null;
}> {
  guardOptions(query, 'searchSounds(): query');
  const { sounds, meaning, limit = 20, ...filters } = query ?? {};
  if ((sounds === undefined) === (meaning === undefined)) {
    throw new Vanity400Error('BAD_QUERY', 'sound search: give exactly one of sounds (a phrase) or meaning (a word to look up)', { input: query });
  }
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
    throw new Vanity400Error('BAD_QUERY', `sound search: limit ${JSON.stringify(limit)} is not a whole number from 1 to 1000`, { input: limit });
  }
  const list = poolList(pools, 'searchSounds');
  const all = await candidatesOf(query);
  // Readings much weaker than the best one cannot rank among its results.
  const top = all[0]?.quality ?? 0;
  const candidates = all.filter((c) => c.quality >= WEAKEST * top).slice(0, MAX_CANDIDATES);
  const highestScore = Math.max(0, ...list.map((p) => (p.size ? p.scores[p.order[0]!]! / 10 : 0)));
  // Per number, its best match; on equal ranks the stronger reading (lower index) wins.
  const best = new Map<string, { rank: number; reading: number; soundsLike: SoundMatch }>();
  const take = (c: Candidate, reading: number, page: SearchResult[]) => {
    for (const r of page) {
      const at = r.number.lastIndexOf(c.digits);
      const atEnd = at + c.digits.length === 10;
      const rank = rankOf(c.quality, atEnd, r.score);
      const seen = best.get(r.number);
      if (!seen || rank > seen.rank || (rank === seen.rank && reading < seen.reading)) {
        best.set(r.number, { rank, reading, soundsLike: { digits: c.digits, phrase: c.phrase, ...(c.en ? { en: c.en } : {}), quality: c.quality, at, atEnd } });
      }
    }
  };
  /** Whether `limit` numbers already rank above `bound`, so that nothing ranking at most `bound` can make the page. */
  const full = (bound: number) => {
    if (best.size < limit) return false;
    let above = 0;
    for (const b of best.values()) if (b.rank > bound && ++above === limit) return true;
    return false;
  };
  // The end of the number counts most, so numbers ending in the digits are fetched on their own, first.
  // A search whose best possible rank (its reading at the highest score in the pools) cannot make the
  // page cannot change the answer and is skipped. The numbers a search anywhere finds at the end are
  // among those the search at the end found, so the bound of a search anywhere is NOT_AT_END's.
  candidates.forEach((c, k) => {
    if (full(rankOf(c.quality, true, highestScore))) return;
    take(c, k, search(list, { ...filters, pattern: `${c.digits}$`, limit }, { findings: false }).results);
  });
  candidates.forEach((c, k) => {
    if (full(rankOf(c.quality, false, highestScore))) return;
    take(c, k, search(list, { ...filters, pattern: `%${c.digits}%`, limit }, { findings: false }).results);
  });
  const ranked = [...best.entries()].sort((a, b) => b[1].rank - a[1].rank || (a[0] < b[0] ? -1 : 1)).slice(0, limit);
  // Reasons only for the numbers shown.
  const profile = list[0]?.profile;
  const results = ranked.map(([number, { rank, soundsLike }]): SoundResult => {
    const a = score(number, { profile: profile ?? 'seed', allowUnconfirmed: true });
    const tierIndex = TIERS.findIndex((t) => t.id === a.tier);
    return { number, display: a.display, score: a.score, tier: a.tier, special: a.special, value: valueOf(Math.round(a.score * 10), tierIndex, [...number.slice(3)].filter((d) => d === '4').length), findings: a.findings, rank, soundsLike };
  });
  return { results, next: null };
}
