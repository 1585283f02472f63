import { Vanity400Error } from '../errors/vanity400-error.js';
import type { Pool } from '../pool/pool.js';
import { phraseToDigits, searchLexicon } from '../phonetics/index.js';
import { search, type SearchResult } from './search.js';
import { score } from '../scoring/score.js';
import { TIERS } from '../scoring/tiers.js';
import { valueOf } from './value.js';
import type { SearchQuery } from './query.js';

/** What a number sounds like or means, as found by a sound or meaning search. */
export interface SoundMatch {
  digits: string;
  /** The phrase it sounds like, or the lexicon entry's meaning. */
  phrase: string;
  en?: string;
  /** How well the digits fit the phrase, 0-1. */
  quality: number;
  /** 0-based index of the digits in the number. */
  at: number;
  atEnd: boolean;
}

export interface SoundResult extends SearchResult {
  soundsLike: SoundMatch;
  /** Rank: match quality (more at the end) and vanity score together, 0-100. */
  rank: number;
}

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

/** The candidates a phrase or a meaning stands for, best first. */
async function candidatesOf(query: SoundQuery): Promise<Candidate[]> {
  if (query.sounds !== undefined) {
    const readings = await phraseToDigits(query.sounds, { limit: 8 });
    return readings.filter((r) => r.digits.length >= 2).map((r) => ({ digits: r.digits, phrase: query.sounds!.trim(), quality: r.quality }));
  }
  const hits = searchLexicon(query.meaning!, { limit: 8, families: ['homophone', 'memorable'] });
  return hits.map((h) => ({ digits: h.digits, phrase: h.zh, en: h.en, quality: h.score }));
}

/**
 * Numbers that sound like a phrase (`sounds`) or carry a meaning (`meaning`), with the other
 * search filters. Each candidate digit string is looked for anywhere in the number; a number ranks
 * by how well and where it says the phrase (the end counts most) and by its vanity score.
 */
export async function searchSounds(pools: Pool | readonly Pool[], query: SoundQuery): Promise<{ results: SoundResult[]; next: null }> {
  const { sounds, meaning, limit = 20, ...filters } = query;
  if ((sounds === undefined) === (meaning === undefined)) {
    throw new Vanity400Error('BAD_QUERY', 'sound search: give exactly one of sounds (a phrase) or meaning (a word to look up)', { input: query });
  }
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
    throw new Vanity400Error('BAD_QUERY', `sound search: limit ${JSON.stringify(limit)} is not a whole number from 1 to 1000`, { input: limit });
  }
  const all = await candidatesOf(query);
  // Readings much weaker than the best one cannot rank among its results.
  const top = all[0]?.quality ?? 0;
  const candidates = all.filter((c) => c.quality >= WEAKEST * top).slice(0, MAX_CANDIDATES);
  const best = new Map<string, { rank: number; soundsLike: SoundMatch }>();
  for (const c of candidates) {
    // The end of the number counts most, so numbers ending in the digits are fetched on their own.
    const atEndPage = search(pools, { ...filters, pattern: `${c.digits}$`, limit }, { findings: false });
    const anywherePage = search(pools, { ...filters, pattern: `%${c.digits}%`, limit }, { findings: false });
    for (const r of [...atEndPage.results, ...anywherePage.results]) {
      const at = r.number.lastIndexOf(c.digits);
      const atEnd = at + c.digits.length === 10;
      const rank = Math.round((MATCH_SHARE * 100 * c.quality * (atEnd ? 1 : NOT_AT_END) + (1 - MATCH_SHARE) * r.score) * 10) / 10;
      const seen = best.get(r.number);
      if (!seen || rank > seen.rank) best.set(r.number, { rank, soundsLike: { digits: c.digits, phrase: c.phrase, ...(c.en ? { en: c.en } : {}), quality: c.quality, at, atEnd } });
    }
  }
  const ranked = [...best.entries()].sort((a, b) => b[1].rank - a[1].rank || (a[0] < b[0] ? -1 : 1)).slice(0, limit);
  // Reasons only for the numbers shown.
  const profile = Array.isArray(pools) ? (pools as readonly Pool[])[0]?.profile : (pools as Pool).profile;
  const results = ranked.map(([number, { rank, soundsLike }]): SoundResult => {
    const a = score(number, { profile: profile ?? 'seed', allowUnconfirmed: true });
    const tierIndex = TIERS.findIndex((t) => t.id === a.tier);
    return { number, display: a.display, score: a.score, tier: a.tier, special: a.special, value: valueOf(Math.round(a.score * 10), tierIndex, [...number.slice(3)].filter((d) => d === '4').length), findings: a.findings, rank, soundsLike };
  });
  return { results, next: null };
}
