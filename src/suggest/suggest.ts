import { invalidType } from '../errors/guards.js';
import { Vanity400Error } from '../errors/vanity400-error.js';
import type { Pool } from '../pool/pool.js';
import { poolList } from '../pool/pool-list.js';
import { phraseToDigits, searchLexicon } from '../phonetics/index.js';
import { companyPhrases, type CompanyProfile } from '../rules/company.js';
import { explain, findingSentence, type Language } from '../scoring/explain.js';
import type { Finding } from '../scoring/types.js';
import type { TierId } from '../scoring/tiers.js';
import { search } from '../search/search.js';

/** What a salesperson learns about the customer; every field is optional, but one is needed. */
export interface SuggestProfile extends CompanyProfile {
  /** Company name, e.g. 一路发物流. */
  name?: string;
  /** The company's slogan, in Chinese or pinyin, e.g. 一路有我: numbers that sound like it or a part of it. */
  slogan?: string;
  /** Words the customer cares about, e.g. 发财 or prosper: numbers that sound like them or carry their meaning. */
  keywords?: readonly string[];
  /** Digits the customer does not want, e.g. '4'. */
  avoid?: string;
}

/** Where {@link suggest} looks and how it answers. */
export interface SuggestOptions {
  /** Where to look: whole segments or an agent's own numbers. */
  pools: Pool | readonly Pool[];
  /** Only these segments, e.g. `['4006', '4008']`. */
  segments?: readonly string[];
  /** Suggestions (default 10, at most 100). */
  limit?: number;
  /** The language of the reasons: `'zh'` (default) or `'en'`. */
  lang?: Language;
}

/** Which fact a suggestion rests on. */
export type FactKind = 'founded' | 'registered' | 'door' | 'landline' | 'digits' | 'name' | 'slogan' | 'keyword';

/** One number {@link suggest} proposes, and why. */
export interface Suggestion {
  /** The 10 ASCII digits, e.g. `'4008881987'`. */
  number: string;
  /** The number written 3-3-4, e.g. `'400-888-1987'`. */
  display: string;
  /** Its vanity score, 0-100, one decimal (with the customer's company facts counted). */
  score: number;
  /** The tier the score and shapes put it in. */
  tier: TierId;
  /** A carrier special number: 7 working days to open instead of 3, carrier-set minimum spend. */
  special: boolean;
  /** The fact, its digits and where they stand in the number. */
  fact: {
    /** Which fact, e.g. `'founded'` or `'name'`. */
    kind: FactKind;
    /** The digits that stand for it, e.g. `'1987'`. */
    digits: string;
    /** 0-based index of those digits in the number's 10 digits. */
    at: number;
  };
  /** Why, in sentences: the fact first, then the number's strongest vanity reasons. */
  reasons: string[];
  /** All the number's findings, strongest first, as {@link explain} gives them. */
  findings: Finding[];
  /** How well the number carries the fact (more at the end) and its vanity score together, 0-100. */
  rank: number;
}

interface Candidate {
  digits: string;
  kind: FactKind;
  /** 0-1: how telling the fact is and how well the digits stand for it. */
  weight: number;
  zh: string;
  en: string;
}

const MATCH_SHARE = 0.65;
const NOT_AT_END = 0.8;
/** No more suggestions than this for one digit string, nor for one kind of fact. */
const PER_DIGITS = 2;
const PER_KIND = 4;

function companyCandidates(profile: SuggestProfile): Candidate[] {
  return companyPhrases(profile).map((p): Candidate => ({
    digits: p.digits,
    kind: p.fact ?? 'digits',
    weight: Math.min(1, 0.35 + 0.15 * p.digits.length),
    zh: `含 ${p.digits}（${p.zh}）`,
    en: `contains ${p.digits}, ${p.en}`,
  }));
}

/** A place before the name (深圳市, 广东省) and the legal form after it (有限公司): not part of what a buyer hears. */
const PLACE = /^\p{Script=Han}{2,3}?[省市区县]/u;
const LEGAL_FORM = /(股份)?有限(责任)?公司$|公司$|集团$/u;

/**
 * The parts of a name or slogan worth hearing in a number: the whole, and each stretch from its start that
 * ends where a word ends (顺发物流 → 顺发, 顺发物流; never 发物流, which no one would say). Words are found
 * by Intl.Segmenter; where it is missing, every stretch from the start.
 */
function soundPieces(text: string): string[] {
  const han = [...text].filter((ch) => /\p{Script=Han}/u.test(ch)).join('');
  if (!han) return text.trim() ? [text.trim()] : [];
  const core = han.replace(PLACE, '').replace(LEGAL_FORM, '') || han;
  const ends: number[] = [];
  if (typeof Intl.Segmenter === 'function') {
    let at = 0;
    for (const { segment } of new Intl.Segmenter('zh', { granularity: 'word' }).segment(core)) ends.push((at += segment.length));
  } else {
    for (let i = 1; i <= core.length; i++) ends.push(i);
  }
  const pieces = new Set<string>();
  if (han.length >= 2 && han.length <= 7) pieces.add(han);
  for (const end of ends) if (end >= 2 && end <= 7) pieces.add(core.slice(0, end));
  return [...pieces];
}

/** Sound candidates for a name or slogan, one per reading of each of its pieces. */
async function soundCandidates(text: string, kind: FactKind): Promise<Candidate[]> {
  const pieces = soundPieces(text);
  const out: Candidate[] = [];
  for (const piece of pieces) {
    let readings;
    try {
      readings = await phraseToDigits(piece, { limit: 2 });
    } catch (error) {
      if (error instanceof Vanity400Error) continue;
      throw error;
    }
    for (const r of readings) {
      if (r.digits.length < 3 || r.quality < 0.5) continue;
      out.push({ digits: r.digits, kind, weight: r.quality * Math.min(1, r.digits.length / 4), zh: `${r.digits} 谐音“${piece}”`, en: `${r.digits} sounds like ${piece}` });
    }
  }
  return out;
}

function meaningCandidates(keyword: string): Candidate[] {
  return searchLexicon(keyword, { limit: 3, families: ['homophone', 'memorable'] }).map((h) => ({
    digits: h.digits,
    kind: 'keyword',
    weight: 0.8 * h.score,
    zh: `${h.digits} 寓意“${h.zh}”`,
    en: `${h.digits} means ${h.en}`,
  }));
}

/**
 * Numbers for a customer, from its own facts: years as 1987 and 87, dates as MMDD and YYMMDD, the
 * door number, the landline's last digits, and the name, slogan and keywords by sound and meaning.
 * Each number ranks by how well and where it carries a fact (the end counts most) and by its vanity
 * score; the list stays varied (at most two numbers for one digit string, four for one kind of fact),
 * and every suggestion says why.
 */
export async function suggest(profile: SuggestProfile, options: SuggestOptions): Promise<Suggestion[]> {
  if (typeof profile !== 'object' || profile === null || Array.isArray(profile)) throw invalidType('suggest(): profile', '公司信息对象', "an object of the company's facts", profile);
  for (const key of ['name', 'slogan'] as const) {
    if (profile[key] !== undefined && typeof profile[key] !== 'string') throw invalidType(`suggest(): profile.${key}`, '字符串', 'a string', profile[key]);
  }
  if (profile.keywords !== undefined && (!Array.isArray(profile.keywords) || profile.keywords.some((k) => typeof k !== 'string'))) {
    throw invalidType('suggest(): profile.keywords', '字符串数组', 'an array of strings', profile.keywords);
  }
  if (typeof options !== 'object' || options === null) throw invalidType('suggest(): options', '选项对象（含 pools）', 'an options object with pools', options);
  const pools = poolList(options?.pools, 'suggest');
  const limit = options.limit ?? 10;
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
    throw new Vanity400Error('BAD_QUERY', `suggest: limit ${JSON.stringify(limit)} is not a whole number from 1 to 100`, { input: limit });
  }
  const lang = options.lang ?? 'zh';
  const candidates = [
    ...companyCandidates(profile),
    ...(profile.name ? await soundCandidates(profile.name, 'name') : []),
    ...(profile.slogan ? await soundCandidates(profile.slogan, 'slogan') : []),
    ...(await Promise.all((profile.keywords ?? []).map(async (k) => [...(await soundCandidates(k, 'keyword')), ...meaningCandidates(k)]))).flat(),
  ];
  if (!candidates.length) {
    throw new Vanity400Error(
      'BAD_QUERY',
      'suggest: nothing to go on: give a name, slogan or keywords (in Chinese or pinyin), or founded, registered, door, landline or digits',
      { input: profile },
    );
  }
  // One candidate per digit string: the strongest reading of it.
  const byDigits = new Map<string, Candidate>();
  for (const c of candidates) if (!byDigits.has(c.digits) || byDigits.get(c.digits)!.weight < c.weight) byDigits.set(c.digits, c);

  const ranked: { number: string; score: number; candidate: Candidate; at: number; rank: number }[] = [];
  const filters = { ...(profile.avoid ? { exclude: profile.avoid } : {}), ...(options.segments ? { segments: options.segments } : {}) };
  for (const c of byDigits.values()) {
    // Numbers ending in the digits are fetched on their own: the end of a number counts most.
    const atEnd = search(pools, { ...filters, pattern: `${c.digits}$`, limit: 4 }, { findings: false });
    const anywhere = search(pools, { ...filters, pattern: `%${c.digits}%`, limit: 4 }, { findings: false });
    for (const r of [...atEnd.results, ...anywhere.results]) {
      const at = r.number.lastIndexOf(c.digits);
      const atEnd = at + c.digits.length === 10;
      const rank = Math.round((MATCH_SHARE * 100 * c.weight * (atEnd ? 1 : NOT_AT_END) + (1 - MATCH_SHARE) * r.score) * 10) / 10;
      ranked.push({ number: r.number, score: r.score, candidate: c, at, rank });
    }
  }
  ranked.sort((a, b) => b.rank - a.rank || (a.number < b.number ? -1 : 1));

  const picked: typeof ranked = [];
  const usedNumbers = new Set<string>();
  const perDigits = new Map<string, number>();
  const perKind = new Map<FactKind, number>();
  for (const r of ranked) {
    if (picked.length === limit) break;
    if (usedNumbers.has(r.number)) continue;
    if ((perDigits.get(r.candidate.digits) ?? 0) >= PER_DIGITS || (perKind.get(r.candidate.kind) ?? 0) >= PER_KIND) continue;
    picked.push(r);
    usedNumbers.add(r.number);
    perDigits.set(r.candidate.digits, (perDigits.get(r.candidate.digits) ?? 0) + 1);
    perKind.set(r.candidate.kind, (perKind.get(r.candidate.kind) ?? 0) + 1);
  }
  // Too few once varied: fill with the best of the rest.
  for (const r of ranked) {
    if (picked.length === limit) break;
    if (!usedNumbers.has(r.number)) {
      picked.push(r);
      usedNumbers.add(r.number);
    }
  }

  const company: CompanyProfile = {};
  for (const key of ['founded', 'registered', 'door', 'landline', 'digits'] as const) if (profile[key] !== undefined) (company as Record<string, unknown>)[key] = profile[key];
  const hasCompany = Object.keys(company).length > 0;
  return picked.map((r) => {
    const e = explain(r.number, { lang, allowUnconfirmed: true, ...(hasCompany ? { company } : {}) });
    const vanity = e.findings.filter((f) => f.points > 0 && !(f.rule === 'company' && f.digits === r.candidate.digits)).slice(0, 2);
    return {
      number: r.number,
      display: e.display,
      score: e.score,
      tier: e.tier,
      special: e.special,
      fact: { kind: r.candidate.kind, digits: r.candidate.digits, at: r.at },
      reasons: [lang === 'zh' ? r.candidate.zh : r.candidate.en, ...vanity.map((f) => findingSentence(f, lang))],
      findings: e.findings,
      rank: r.rank,
    };
  });
}
