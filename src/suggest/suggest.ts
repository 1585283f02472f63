import { guardFields, guardObject, invalidType } from '../errors/guards.js';
import { Vanity400Error } from '../errors/vanity400-error.js';
import type { Pool } from '../pool/pool.js';
import { poolList } from '../pool/pool-list.js';
import serviceNumbers from '../../data/service-numbers.json';
import { meaningReadings } from '../phonetics/meanings.js';
import { gradeWords, readText, type ReadingGrade } from '../phonetics/text-readings.js';
import { readDate } from '../calendar/working-days.js';
import { companyPhrases, type CompanyProfile } from '../rules/company.js';
import type { Phrase } from '../rules/phrase.js';
import { findingSentence, type Language } from '../scoring/explain.js';
import type { Finding } from '../scoring/types.js';
import type { TierId } from '../scoring/tiers.js';
import { matchNumbers, placeIn, type Match, type Note } from '../search/match.js';
import { search } from '../search/search.js';
import { samePoolScoring, scoreTenths, scoringOf, shapeResult, type ShapedResult } from '../search/shape.js';

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
export type FactKind = 'founded' | 'registered' | 'door' | 'landline' | 'digits' | 'name' | 'slogan' | 'keyword' | 'vanity';

/** One number {@link suggest} proposes, and why. */
export interface Suggestion {
  /** The 10 ASCII digits, e.g. `'4008881987'`. */
  number: string;
  /** The number written 3-3-4, e.g. `'400-888-1987'`. */
  display: string;
  /** Its vanity score, 0-100, one decimal: the pool's profile with the customer's company facts (or the pool's) counted. */
  score: number;
  /** The tier the score and shapes put it in. */
  tier: TierId;
  /** A carrier special number: 7 working days to open instead of 3, carrier-set minimum spend. */
  special: boolean;
  /** The fact, its digits and where they stand in the number. */
  fact: {
    /** Which fact, e.g. `'founded'` or `'name'`; of two facts side by side, the more telling one. */
    kind: FactKind;
    /** The digits that stand for it, e.g. `'1987'`, or for two facts side by side both, e.g. `'16808'`. */
    digits: string;
    /** 0-based index of those digits in the number's 10 digits. */
    at: number;
    /** Two facts side by side (门牌号 168 then 08 of the founding year 2008): each with its digits and place. */
    parts?: {
      /** Which fact, e.g. `'door'`. */
      kind: FactKind;
      /** Its digits, e.g. `'518'`. */
      digits: string;
      /** 0-based index of those digits in the number's 10 digits. */
      at: number;
    }[];
  };
  /** Why, in sentences: the fact first, then the number's strongest vanity reasons. */
  reasons: string[];
  /** All the number's findings, strongest first, as {@link explain} gives them. */
  findings: Finding[];
  /** How well the number carries the fact (more at the end) and its vanity score together, 0-100. */
  rank: number;
}

/** A page of {@link suggestPage}: the suggestions and what the salesperson should know about them. */
export interface SuggestionPage {
  /** A full page (`limit`) whenever the pools hold enough numbers that keep the customer's wishes. */
  results: Suggestion[];
  /**
   * Facts left out because they hold a digit the customer avoids (成立年份 1994 含 4，已按要求避开), a name
   * or slogan no digits sound like, and how much of the page rests on the customer's facts.
   */
  notes: Note[];
}

interface Candidate {
  digits: string;
  kind: FactKind;
  /** 0-1: how telling the fact is and how well the digits stand for it. */
  weight: number;
  /** The first reason: where the digits stand and what they are (尾号 2008，正好是公司成立的年份; 尾号 168 谐音“一路发”（常见说法）). */
  zh: (atEnd: boolean) => string;
  en: (atEnd: boolean) => string;
  /** The same fact said after another one of the same digits: 也是公司成立的年份, 也谐音“爱你一生”; absent for two facts side by side, whose digits are no other fact's. */
  also?: { zh: string; en: string };
  /** The fact said from its digits, as one of two side by side (168 是公司的门牌号); absent when it does not go with another. */
  part?: { zh: string; en: string };
  /** Of two facts side by side, each. */
  parts?: readonly Candidate[];
  /** Only where the digits end the number: two facts side by side the last of which is two digits (51808), as 尾号 08 alone. */
  endOnly?: boolean;
}

/** No more suggestions than this for one digit string, nor (before the page is filled) for one kind of fact. */
const PER_DIGITS = 2;
const PER_KIND = 4;
/** Numbers fetched for each candidate, at the end and anywhere: enough for a varied page. */
const PER_SEARCH = 12;
/** Numbers of the best of the rest looked at to fill a page. */
const FILL_LOOK = 400;
/** At most this many of the pool's best are looked at to fill a page. */
const FILL_LOOK_MAX = 8_000;
/** A customer's own order among near-equal numbers: at most this many rank points. */
const CUSTOMER_SPREAD = 1.5;
/** The same among the numbers that fill a page, which are all near the top: so two customers get different ones. */
const FILL_SPREAD = 6;

const SERVICE = new Set((serviceNumbers as { entries: { digits: string }[] }).entries.map((e) => e.digits));

/** Whether the digits are, or hold, an emergency or complaint number (110, 119, 12315 …). */
function isServiceNumber(digits: string): boolean {
  for (const s of SERVICE) if (digits.includes(s)) return true;
  return false;
}

const FACT_NAME: Record<string, { zh: string; en: string }> = {
  founded: { zh: '成立年份', en: 'the founding year' },
  registered: { zh: '注册日期', en: 'the registration date' },
  door: { zh: '门牌号', en: 'the door number' },
  landline: { zh: '固话', en: 'the landline' },
  digits: { zh: '企业数字', en: "the company's number" },
};

const COUNT_ZH = ['', '一', '两', '三', '四', '五', '六'];
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A date as a salesperson says it: 2015年3月18日. */
function dateZh(text: string): string {
  const [y, m, d] = readDate(text)!.split('-').map(Number) as [number, number, number];
  return `${y}年${m}月${d}日`;
}

function avoidedIn(digits: string, avoid: string): string[] {
  return [...new Set([...digits].filter((d) => avoid.includes(d)))].sort();
}

function where(atEnd: boolean, digits: string, lang: Language): string {
  return lang === 'zh' ? `${atEnd ? '尾号' : '含'} ${digits}` : `${atEnd ? 'ends in' : 'contains'} ${digits}`;
}

/**
 * What a company fact's digits are, as said after them: 是公司成立的年份, 对上公司 2008 年成立, 和公司固话
 * 021-95500 的后五位一样; in English a noun phrase. The sentences of suggest() are built on it.
 */
function factWords(p: Phrase, profile: SuggestProfile): { zh: string; en: string } {
  const n = p.digits.length;
  switch (p.fact) {
    case 'founded': {
      const year = String(profile.founded).trim();
      return n === 4 ? { zh: '是公司成立的年份', en: 'the year the company was founded' } : { zh: `对上公司 ${year} 年成立`, en: `for the company founded in ${year}` };
    }
    case 'registered': {
      const date = dateZh(String(profile.registered));
      const [y, m, d] = readDate(String(profile.registered))!.split('-').map(Number) as [number, number, number];
      return n === 4
        ? { zh: `是公司的注册日 ${date.slice(5)}`, en: `the company's registration day, ${d} ${MONTHS_EN[m - 1]}` }
        : { zh: `是公司的注册日期 ${date}`, en: `the company's registration date, ${d} ${MONTHS_EN[m - 1]} ${y}` };
    }
    case 'door':
      return { zh: '是公司的门牌号', en: "the company's door number" };
    case 'landline':
      return { zh: `和公司固话 ${profile.landline} 的后${COUNT_ZH[n]}位一样`, en: `the last ${n} digits of the company's landline ${profile.landline}` };
    default:
      return { zh: '是公司想要的数字', en: 'a number the company wants' };
  }
}

/** The company facts as candidates; facts every digit string of which holds an avoided digit, or that no number can hold, are noted instead. */
function companyCandidates(profile: SuggestProfile, avoid: string, notes: Note[]): Candidate[] {
  const phrases = companyPhrases(profile);
  const out: Candidate[] = [];
  const kept = new Set<string>();
  for (const p of phrases) {
    if (isServiceNumber(p.digits)) continue;
    if (avoidedIn(p.digits, avoid).length) continue;
    kept.add(p.fact ?? 'digits');
    const words = factWords(p, profile);
    out.push({
      digits: p.digits,
      kind: p.fact ?? 'digits',
      weight: Math.min(1, 0.35 + 0.15 * p.digits.length),
      zh: (atEnd) => `${where(atEnd, p.digits, 'zh')}，正好${words.zh}`,
      en: (atEnd) => `${where(atEnd, p.digits, 'en')}, ${words.en}`,
      also: { zh: `也${words.zh}`, en: `also ${words.en}` },
      part: { zh: `${p.digits} ${words.zh}`, en: `${p.digits}, ${words.en}` },
    });
  }
  for (const kind of ['founded', 'registered', 'door', 'landline'] as const) {
    const value = profile[kind];
    if (value === undefined || kept.has(kind)) continue;
    const all = phrases.filter((p) => p.fact === kind);
    const digits = avoidedIn(all.map((p) => p.digits).join(''), avoid);
    const name = FACT_NAME[kind]!;
    if (digits.length) {
      notes.push({
        kind: 'avoided',
        zh: `${name.zh} ${kind === 'registered' ? dateZh(String(value)) : value} 含 ${digits.join('、')}，已按要求避开`,
        en: `${name.en} ${value} has ${digits.join(', ')}, which the customer avoids: left out`,
      });
    } else if (!all.length) {
      // A door number of one digit, or of seven: a number cannot show it as the company's.
      const length = String(value).replace(/\D/g, '').length;
      notes.push({
        kind: 'cannot-fit',
        zh: length < 2 ? `${name.zh} ${value} 只有一位，放进号码里看不出来，没有按它挑` : `${name.zh} ${value} 有 ${length} 位，选号的六位数字放不下，没有按它挑`,
        en: length < 2 ? `${name.en} ${value} is one digit, which no number shows as the company's: not used` : `${name.en} ${value} has ${length} digits, more than the six a buyer chooses: not used`,
      });
    }
  }
  return out;
}

/** Candidates for a name or slogan by sound: whole words only, every syllable above the floor. */
async function soundCandidates(text: string, kind: 'name' | 'slogan' | 'keyword', avoid: string, notes: Note[]): Promise<Candidate[]> {
  const { pieces, readings } = await readText(text, kind === 'name' ? 'name' : 'phrase');
  const out: Candidate[] = [];
  for (const r of readings) {
    const bad = avoidedIn(r.digits, avoid);
    if (bad.length) {
      notes.push({ kind: 'avoided', zh: `“${r.words}”读作 ${r.digits}，含 ${bad.join('、')}，已按要求避开`, en: `${r.words} reads as ${r.digits}, which has ${bad.join(', ')}: left out as the customer asks` });
      continue;
    }
    if (isServiceNumber(r.digits)) continue;
    out.push({
      digits: r.digits,
      kind,
      weight: r.quality * GRADE_WEIGHT[r.grade] * Math.min(1, r.digits.length / 4 + 0.25),
      zh: (atEnd) => `${where(atEnd, r.digits, 'zh')} 谐音“${r.words}”（${gradeWords(r.grade, 'zh')}）`,
      en: (atEnd) => `${where(atEnd, r.digits, 'en')}, sounds like ${r.words} (${gradeWords(r.grade, 'en')})`,
      also: { zh: `也谐音“${r.words}”`, en: `also sounds like ${r.words}` },
      // The company's own name or slogan goes with its other facts (尾号 131410：1314 谐音“一生一世”，10 对上公司 2010 年成立); a keyword does not.
      ...(kind === 'keyword' ? {} : { part: { zh: `${r.digits} 谐音“${r.words}”（${gradeWords(r.grade, 'zh')}）`, en: `${r.digits} sounds like ${r.words}` } }),
    });
  }
  if (!readings.length && kind !== 'keyword') {
    const words = pieces[0] ?? text.trim();
    notes.push({
      kind: 'no-reading',
      zh: `“${words}”没有读音相符的号码，改按公司的其他信息和吉利号码来挑`,
      en: `No numbers sound like ${words}: chosen by the company's other facts and by lucky digits instead`,
    });
  }
  return out;
}

const GRADE_WEIGHT: Record<ReadingGrade, number> = { known: 1, close: 0.95, near: 0.85 };

/** Candidates for a keyword by meaning (发财 → 168, 518, 888 …). */
function meaningCandidates(keyword: string, avoid: string): Candidate[] {
  let answer;
  try {
    answer = meaningReadings(keyword);
  } catch (error) {
    if (error instanceof Vanity400Error) return [];
    throw error;
  }
  const meaning = answer.meaning ?? keyword;
  return answer.readings
    .filter((r) => !avoidedIn(r.digits, avoid).length)
    .slice(0, 6)
    .map((r) => ({
      digits: r.digits,
      kind: 'keyword' as const,
      weight: 0.8 * r.quality * Math.min(1, r.digits.length / 4 + 0.25),
      zh: (atEnd: boolean) => `${where(atEnd, r.digits, 'zh')}：${r.zh}${r.from === 'name' || r.zh === meaning ? '' : `，寓意${meaning}`}`,
      en: (atEnd: boolean) => `${where(atEnd, r.digits, 'en')}: ${r.zh} (${r.en})`,
      also: { zh: `也寓意${meaning}`, en: `also means ${r.en}` },
    }));
}

/** Two facts side by side count this much more than the more telling of them. */
const SIDE_BY_SIDE_BONUS = 0.1;
const READING_KINDS = new Set<FactKind>(['name', 'slogan', 'keyword']);

/**
 * Two of the customer's facts side by side in the six digits a buyer chooses, each after the other:
 * 门牌号 168 then 08 of the founding year 2008 (16808), 1314 一生一世 then 10 of 2010 (131410). Two different
 * facts, not two readings of the name, nor a founding year beside a registration date (its YYMMDD says both);
 * two digits only last, where they end the number.
 */
function sideBySide(candidates: readonly Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  const seen = new Set(candidates.map((c) => c.digits));
  const dates = new Set<FactKind>(['founded', 'registered']);
  for (const a of candidates) {
    for (const b of candidates) {
      if (a === b || !a.part || !b.part || a.kind === b.kind) continue;
      if ((READING_KINDS.has(a.kind) && READING_KINDS.has(b.kind)) || (dates.has(a.kind) && dates.has(b.kind))) continue;
      const digits = a.digits + b.digits;
      // Two digits first fall together by chance (66 of 400-666-2018, 88 in a run of 8s): only as the last part.
      if (a.digits.length === 2 || digits.length < 4 || digits.length > 6 || seen.has(digits) || a.digits.includes(b.digits) || b.digits.includes(a.digits) || isServiceNumber(digits)) continue;
      seen.add(digits);
      const [pa, pb] = [a.part, b.part];
      out.push({
        digits,
        kind: b.weight > a.weight ? b.kind : a.kind,
        weight: Math.min(1, Math.max(a.weight, b.weight) + SIDE_BY_SIDE_BONUS),
        zh: (atEnd) => `${where(atEnd, digits, 'zh')}：${pa.zh}，${pb.zh}`,
        en: (atEnd) => `${where(atEnd, digits, 'en')}: ${pa.en}; ${pb.en}`,
        parts: [a, b],
        ...(b.digits.length === 2 ? { endOnly: true } : {}),
      });
    }
  }
  return out;
}

/** Company facts no number of the pools carries (an agent's few numbers): said, so the salesperson knows it was looked for. */
function notFound(profile: SuggestProfile, candidates: readonly Candidate[], matches: readonly Match[], notes: Note[]): void {
  const found = new Set<FactKind>();
  for (const m of matches) {
    const c = candidates[m.candidate]!;
    if (c.endOnly && !m.atEnd) continue;
    for (const k of c.parts ?? [c]) found.add(k.kind);
  }
  for (const kind of ['founded', 'registered', 'door', 'landline'] as const) {
    if (found.has(kind) || !candidates.some((c) => c.kind === kind)) continue;
    const name = FACT_NAME[kind]!;
    notes.push({ kind: 'not-found', zh: `没有带${name.zh} ${profile[kind]} 的可选号码`, en: `No available number carries ${name.en} ${profile[kind]}` });
  }
}

/** The digit strings of facts that more numbers carry than the page shows (two a string), the most telling first: at most three. */
function moreOf(candidates: readonly Candidate[], matches: readonly Match[], shown: ReadonlyMap<string, number>): string[] {
  const carried = new Map<Candidate, number>();
  for (const m of matches) {
    const c = candidates[m.candidate]!;
    if (!(c.endOnly && !m.atEnd)) carried.set(c, (carried.get(c) ?? 0) + 1);
  }
  return [...carried]
    .filter(([c, n]) => !c.parts && c.digits.length > 2 && (shown.get(c.digits) ?? 0) >= PER_DIGITS && n > PER_DIGITS)
    .sort(([a], [b]) => b.weight - a.weight)
    .slice(0, 3)
    .map(([c]) => c.digits);
}

/** A stable number in [0, 1) for a customer and a number (FNV-1a). */
function spread(seed: string, number: string): number {
  let h = 0x811c9dc5;
  const text = `${seed}|${number}`;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) / 2 ** 32;
}

function checkProfile(profile: SuggestProfile): void {
  if (typeof profile !== 'object' || profile === null || Array.isArray(profile)) throw invalidType('suggest(): profile', '公司信息对象', "an object of the company's facts", profile);
  for (const key of ['name', 'slogan', 'avoid'] as const) {
    if (profile[key] !== undefined && typeof profile[key] !== 'string') throw invalidType(`suggest(): profile.${key}`, '字符串', 'a string', profile[key]);
  }
  if (profile.keywords !== undefined && (!Array.isArray(profile.keywords) || profile.keywords.some((k) => typeof k !== 'string'))) {
    throw invalidType('suggest(): profile.keywords', '字符串数组', 'an array of strings', profile.keywords);
  }
  if (profile.avoid !== undefined && !/^[0-9\s,，]*$/.test(profile.avoid)) {
    throw new Vanity400Error(
      'BAD_QUERY',
      { zh: `suggest：avoid ${JSON.stringify(profile.avoid)} 应是要避开的数字，如 "4"`, en: `suggest: avoid ${JSON.stringify(profile.avoid)} should be the digits to avoid, e.g. "4"` },
      { input: profile.avoid },
    );
  }
}

/**
 * Numbers for a customer, from its own facts, and notes for the salesperson: years as 1987 (and 87 where
 * it ends the number), dates as MMDD and YYMMDD, the door number, the landline's last digits, the name and
 * slogan by sound (whole words, every syllable above the floor of readText), keywords by sound and by
 * meaning. Facts are found only in the six digits the buyer chooses. Each number ranks by how well and
 * where it carries its best fact (the end counts most) and by its score under the pool's profile with the
 * customer's facts (matchNumbers); near-equal numbers keep an order of the customer's own, so two
 * customers with different facts do not get the same list. The page stays varied — at most two numbers
 * for one digit string, at least 80% distinct last fours, and before filling four for one kind of fact — and is
 * filled, under the same caps, with the best numbers that keep the customer's other wishes. A fact that
 * holds an avoided digit is left out and noted; so is a name no digits sound like.
 */
export async function suggestPage(profile: SuggestProfile, options: SuggestOptions): Promise<SuggestionPage> {
  checkProfile(profile);
  guardObject(options, 'suggest(): options', '选项对象（含 pools）', 'an options object with pools');
  guardFields(options, 'suggest(): options', { segments: 'array?', limit: 'number?', lang: 'string?' });
  const pools = poolList(options?.pools, 'suggest');
  const limit = options.limit ?? 10;
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
    throw new Vanity400Error('BAD_QUERY', `suggest: limit ${JSON.stringify(limit)} is not a whole number from 1 to 100`, { input: limit });
  }
  const lang = options.lang ?? 'zh';
  const avoid = (profile.avoid ?? '').replace(/\D/g, '');
  const notes: Note[] = [];
  const keywords = (profile.keywords ?? []).map((k) => k.trim()).filter(Boolean);
  const hasFacts = ['founded', 'registered', 'door', 'landline'].some((k) => profile[k as keyof SuggestProfile] !== undefined) || !!profile.digits?.length;
  if (!profile.name?.trim() && !profile.slogan?.trim() && !keywords.length && !hasFacts) {
    throw new Vanity400Error(
      'BAD_QUERY',
      {
        zh: '推荐号码：没有可以参考的信息，请给出公司名称、口号或关键词（中文或拼音），或者成立年份、注册日期、门牌号、座机号、想要的数字',
        en: 'suggest: nothing to go on: give a name, slogan or keywords (in Chinese or pinyin), or founded, registered, door, landline or digits',
      },
      { input: profile },
    );
  }
  const candidates: Candidate[] = [
    ...companyCandidates(profile, avoid, notes),
    ...(profile.name?.trim() ? await soundCandidates(profile.name, 'name', avoid, notes) : []),
    ...(profile.slogan?.trim() ? await soundCandidates(profile.slogan, 'slogan', avoid, notes) : []),
  ];
  for (const k of keywords) {
    const found = [...(await soundCandidates(k, 'keyword', avoid, notes)), ...meaningCandidates(k, avoid)];
    if (!found.length) notes.push({ kind: 'no-reading', zh: `关键词“${k}”没有读音或寓意相符的号码`, en: `No numbers sound like or mean ${k}` });
    candidates.push(...found);
  }
  // One candidate per digit string: the most telling, saying also what else the digits stand for.
  const byDigits = new Map<string, Candidate[]>();
  for (const c of candidates) byDigits.set(c.digits, [...(byDigits.get(c.digits) ?? []), c]);
  const unique = [...byDigits.values()].map((same): Candidate => {
    const [first, ...others] = [...same].sort((a, b) => b.weight - a.weight);
    const extra = others.filter((o, i) => o.also && o.kind !== first!.kind && others.findIndex((x) => x.kind === o.kind) === i);
    if (!extra.length) return first!;
    return {
      ...first!,
      zh: (atEnd) => [first!.zh(atEnd), ...extra.map((o) => o.also!.zh)].join('，'),
      en: (atEnd) => [first!.en(atEnd), ...extra.map((o) => o.also!.en)].join(', '),
    };
  });

  const all = [...unique, ...sideBySide(unique)];

  const company: CompanyProfile = {};
  for (const key of ['founded', 'registered', 'door', 'landline', 'digits'] as const) if (profile[key] !== undefined) (company as Record<string, unknown>)[key] = profile[key];
  const scoring = scoringOf(pools[0], company);
  const own = pools.every((p) => samePoolScoring(p, scoring));
  const seed = JSON.stringify(profile);
  const filters = { ...(avoid ? { exclude: avoid } : {}), ...(options.segments ? { segments: options.segments } : {}) };
  const matches = pools.length
    ? matchNumbers(pools, all, filters, {
        perSearch: PER_SEARCH,
        ...(own ? {} : { scoreOf: (n: string) => scoreTenths(n, scoring) / 10 }),
        bonus: (n: string) => CUSTOMER_SPREAD * spread(seed, n),
      })
    : [];

  // Each number shaped once: a filling number is shaped to find its strongest reason, and again for the page.
  const shapes = new Map<string, ShapedResult>();
  const shape = (number: string) => {
    let shaped = shapes.get(number);
    if (!shaped) shapes.set(number, (shaped = shapeResult(number, scoring)));
    return shaped;
  };
  // The page: varied, then filled under the same caps.
  const picked: { match: Match; candidate: Candidate | null }[] = [];
  const used = new Set<string>();
  const tails = new Map<string, number>();
  // At least 80% distinct last fours: a last four may come twice (1994 at the end of two numbers) this often.
  const spareTails = Math.floor(limit / 5);
  let twice = 0;
  const tailFits = (number: string) => {
    const n = tails.get(number.slice(6)) ?? 0;
    return n === 0 || (n === 1 && twice < spareTails);
  };
  const perDigits = new Map<string, number>();
  const perKind = new Map<FactKind, number>();
  const fits = (number: string, digits: string) => !used.has(number) && tailFits(number) && (perDigits.get(digits) ?? 0) < PER_DIGITS;
  const put = (match: Match, candidate: Candidate | null, digits: string, kind: FactKind) => {
    picked.push({ match, candidate });
    used.add(match.number);
    const tail = match.number.slice(6);
    if (tails.has(tail)) twice++;
    tails.set(tail, (tails.get(tail) ?? 0) + 1);
    perDigits.set(digits, (perDigits.get(digits) ?? 0) + 1);
    perKind.set(kind, (perKind.get(kind) ?? 0) + 1);
  };
  for (const capKinds of [true, false]) {
    for (const m of matches) {
      if (picked.length === limit) break;
      const c = all[m.candidate]!;
      if ((c.endOnly && !m.atEnd) || !fits(m.number, c.digits) || (capKinds && (perKind.get(c.kind) ?? 0) >= PER_KIND)) continue;
      put(m, c, c.digits, c.kind);
    }
  }
  const fromFacts = picked.length;
  notFound(profile, all, matches, notes);
  if (picked.length < limit && pools.length) {
    // The best of the rest that keep the customer's wishes: each under its strongest reason's digits, a page of
    // the pool's best at a time until the page is full (the best are runs of few digit strings, capped per string).
    let cursor: string | undefined;
    for (let looked = 0; picked.length < limit && looked < FILL_LOOK_MAX; ) {
      const page = search(pools, { ...filters, limit: FILL_LOOK, ...(cursor ? { cursor } : {}) }, { findings: false });
      looked += page.results.length;
      const ranked = page.results
        .map((r) => ({ number: r.number, score: own ? r.score : scoreTenths(r.number, scoring) / 10 }))
        .map((r) => ({ ...r, rank: Math.round((0.4 * r.score + FILL_SPREAD * spread(seed, r.number)) * 10) / 10 }))
        .sort((a, b) => b.rank - a.rank || (a.number < b.number ? -1 : 1));
      for (const r of ranked) {
        if (picked.length === limit) break;
        if (used.has(r.number) || tails.has(r.number.slice(6))) continue; // the spare last fours are for the facts
        const top = shape(r.number).findings.find((f) => f.points > 0 && !isServiceNumber(f.digits));
        const digits = top?.digits ?? r.number.slice(6);
        if (!fits(r.number, digits)) continue;
        put({ number: r.number, candidate: -1, at: top?.at ?? 6, atEnd: (top ? top.at + top.digits.length : 10) === 10, score: r.score, rank: r.rank }, null, digits, 'vanity');
      }
      if (!page.next) break;
      cursor = page.next;
    }
    if (fromFacts < picked.length) {
      notes.push(
        fromFacts
          ? { kind: 'filled', zh: `和客户信息对得上的号码有 ${fromFacts} 个，后面 ${picked.length - fromFacts} 个是符合要求的其他好号`, en: `${fromFacts} ${fromFacts === 1 ? 'number carries' : 'numbers carry'} the customer's facts; ${picked.length - fromFacts === 1 ? 'the other is the best other number that keeps' : `the other ${picked.length - fromFacts} are the best others that keep`} its wishes` }
          : { kind: 'filled', zh: '没有和客户信息对得上的号码，下面是符合要求的其他好号', en: "No numbers carry the customer's facts: here are the best others that keep its wishes" },
      );
      const more = moreOf(all, matches, perDigits);
      if (more.length) {
        notes.push({
          kind: 'more',
          zh: `同一组数字只放两个号码；还想看带 ${more.join('、')} 的，可以直接按${more.length > 1 ? '这几组数字' : ` ${more[0]} `}搜`,
          en: `At most two numbers for one digit string: search for ${more.join(' or ')} to see more`,
        });
      }
    }
  }

  const results = picked.map(({ match, candidate }): Suggestion => {
    const shaped = shape(match.number);
    const digits = candidate ? candidate.digits : shaped.findings.find((f) => f.points > 0 && !isServiceNumber(f.digits))?.digits ?? match.number.slice(6);
    const at = candidate ? placeIn(match.number, candidate.digits) : match.at;
    const atEnd = at + digits.length === 10;
    const inside = (f: Finding) => f.at >= at && f.at + f.digits.length <= at + digits.length;
    // The number's other strengths: not the fact again (尾号 10 beside 含 2010), nor what lies within it, nor an
    // emergency number; a strength that holds the fact says more than it (6543210 七位倒顺子 around 尾号 10) and stays.
    // Two digits of a fact inside the number are chance (中间 17 of 400-611-7777), as for the facts themselves.
    const told = (f: Finding) => inside(f) || (f.rule === 'company' && (digits.includes(f.digits) || f.digits.includes(digits) || (f.digits.length <= 2 && f.at + f.digits.length < 10)));
    const vanity = shaped.findings.filter((f) => f.points > 0 && !isServiceNumber(f.digits) && !told(f)).slice(0, 2);
    const first = candidate
      ? lang === 'zh' ? candidate.zh(atEnd) : capitalized(candidate.en(atEnd))
      : vanityFirst(shaped.findings.find((f) => f.digits === digits && f.at === at) ?? shaped.findings.find((f) => f.points > 0), lang);
    return {
      number: match.number,
      display: shaped.display,
      score: shaped.score,
      tier: shaped.tier,
      special: shaped.special,
      fact: {
        kind: candidate ? candidate.kind : 'vanity',
        digits,
        at,
        ...(candidate?.parts ? { parts: [{ kind: candidate.parts[0]!.kind, digits: candidate.parts[0]!.digits, at }, { kind: candidate.parts[1]!.kind, digits: candidate.parts[1]!.digits, at: at + candidate.parts[0]!.digits.length }] } : {}),
      },
      reasons: [first, ...vanity.map((f) => findingSentence(f, lang))],
      findings: shaped.findings,
      rank: match.rank,
    };
  });
  return { results, notes };
}

/** An English sentence as the other reasons are written: "Ends in 1987, the founding year 1987". */
function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A filling number's first reason: its strongest finding, or that it keeps the customer's wishes. */
function vanityFirst(f: Finding | undefined, lang: Language): string {
  if (f) return findingSentence(f, lang);
  return lang === 'zh' ? '符合客户的要求' : "keeps the customer's wishes";
}

/** The suggestions of {@link suggestPage}, without its notes. */
export async function suggest(profile: SuggestProfile, options: SuggestOptions): Promise<Suggestion[]> {
  return (await suggestPage(profile, options)).results;
}
