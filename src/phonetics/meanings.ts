/**
 * Meaning search by whole meanings: 发财 → the lexicon's wealth readings (168, 518 …) and 888; 珠峰 → 8848.
 * A query is compared whole with the words of data/meanings.json, the names of data/names.json and the
 * lexicon's own phrases, never by a character it shares with them (好运 is not 奥运, 运 is not 五四运动).
 */
import meaningsData from '../../data/meanings.json';
import namesData from '../../data/names.json';
import { invalidType } from '../errors/guards.js';
import { Vanity400Error } from '../errors/vanity400-error.js';
import { lexiconPhrases } from '../rules/lexicon.js';
import { compareDigits } from './readings.js';
import { isCombiningMark, pinyinLetter } from './syllable.js';

/** One digit string a meaning stands for, from {@link meaningReadings}. */
export interface MeaningReading {
  /** The digits, e.g. `'168'`. */
  digits: string;
  /** What a salesperson says the digits mean, e.g. `'一路发'` or `'珠峰高度 8848 米'`. */
  zh: string;
  /** The same in English. */
  en: string;
  /** 0-1: how strong and well known the reading is. */
  quality: number;
  /** Where it comes from: a lexicon entry, a repeat of the meaning's digit, or a memorable number's name. */
  from: 'lexicon' | 'digit' | 'name';
}

/** What {@link meaningReadings} found for a query. */
export interface MeaningAnswer {
  /** The meaning the query names, in Chinese (发财, 顺利 …), or the name of a memorable number; null when none. */
  meaning: string | null;
  /** Its readings, strongest first; empty when the query names no meaning. */
  readings: MeaningReading[];
}

interface MeaningEntry {
  meaning: string;
  zh: string;
  en: string;
  words: string[];
  tags: string[];
  readings: { digits: string; zh: string }[];
  source: string;
}

interface NameEntry {
  digits: string;
  zh: string;
  en: string;
  names: string[];
  source: string;
}

/** Lower case, toneless, without spaces or punctuation: how queries and words are compared. */
export function meaningKey(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC').toLowerCase()) {
    if (isCombiningMark(ch) || /[\s\p{P}]/u.test(ch)) continue;
    out += pinyinLetter(ch) ?? ch;
  }
  return out;
}

const LEFT_OUT_TAGS = new Set(['intimate']);

interface Index {
  meanings: Map<string, MeaningEntry>;
  names: Map<string, NameEntry>;
}

let index: Index | undefined;

function bad(file: string, i: number, why: string): never {
  throw new Vanity400Error('BAD_DATA', `data/${file} entries[${i}]: ${why}`);
}

function buildIndex(): Index {
  if (index) return index;
  const meanings = new Map<string, MeaningEntry>();
  const mSources = (meaningsData as { sources: Record<string, unknown> }).sources;
  (meaningsData as { entries: MeaningEntry[] }).entries.forEach((e, i) => {
    if (!Array.isArray(e.words) || !e.words.length || !Array.isArray(e.tags) || !Array.isArray(e.readings)) bad('meanings.json', i, 'words, tags and readings are required');
    if (!Object.hasOwn(mSources, e.source)) bad('meanings.json', i, `source ${JSON.stringify(e.source)} is not in sources`);
    for (const w of [e.zh, e.en, ...e.words]) {
      const key = meaningKey(w);
      if (meanings.has(key) && meanings.get(key) !== e) bad('meanings.json', i, `${JSON.stringify(w)} names two meanings`);
      meanings.set(key, e);
    }
  });
  const names = new Map<string, NameEntry>();
  const nSources = (namesData as { sources: Record<string, unknown> }).sources;
  (namesData as { entries: NameEntry[] }).entries.forEach((e, i) => {
    if (!/^\d{2,6}$/.test(e.digits)) bad('names.json', i, `digits ${JSON.stringify(e.digits)} is not 2 to 6 digits`);
    if (!Object.hasOwn(nSources, e.source)) bad('names.json', i, `source ${JSON.stringify(e.source)} is not in sources`);
    for (const n of e.names) names.set(meaningKey(n), e);
  });
  index = { meanings, names };
  return index;
}

/** A lexicon weight (1-5) as a reading's quality: 0.68 … 1, as digitsToPhrases rates the lexicon. */
function qualityOfWeight(weight: number): number {
  return Math.round((0.6 + 0.08 * Math.min(5, Math.max(1, weight))) * 100) / 100;
}

/**
 * The readings a meaning stands for. The query is taken whole (Chinese, toneless pinyin or English, case
 * and spaces aside): a word of data/meanings.json gives the lexicon's readings with that meaning's tags
 * and the repeats of its digit (发财 → 168 一路发, 518 我要发, 888 发发发 …); a name of data/names.json
 * gives its number (珠峰 → 8848); a lexicon phrase written out gives its own digits (一路发 → 168).
 * A query that is none of these names no meaning: `{ meaning: null, readings: [] }`.
 */
export function meaningReadings(query: string): MeaningAnswer {
  if (typeof query !== 'string') throw invalidType('meaningReadings(): meaning', '表示寓意的字符串（如“发财”）', 'a meaning as a string (such as 发财)', query);
  if (!query.trim()) throw new Vanity400Error('BAD_PHRASE', { zh: '寓意为空：请给出一个词，如 发财、顺利', en: 'the meaning is empty: give a word such as 发财 (wealth) or 顺利 (smooth)' }, { input: query });
  const key = meaningKey(query);
  const { meanings, names } = buildIndex();
  const out = new Map<string, MeaningReading>();
  const add = (r: MeaningReading) => {
    const seen = out.get(r.digits);
    if (!seen || seen.quality < r.quality) out.set(r.digits, r);
  };
  let meaning: string | null = null;
  const m = meanings.get(key);
  if (m) {
    meaning = m.zh;
    m.readings.forEach((r, k) => add({ digits: r.digits, zh: r.zh, en: m.en, quality: Math.round((0.95 - 0.05 * k) * 100) / 100, from: 'digit' }));
    for (const p of lexiconPhrases()) {
      if (p.family !== 'homophone' || !p.tags?.some((t) => m.tags.includes(t)) || p.tags.some((t) => LEFT_OUT_TAGS.has(t))) continue;
      add({ digits: p.digits, zh: p.zh, en: p.en, quality: qualityOfWeight(p.weight ?? 1), from: 'lexicon' });
    }
  }
  const n = names.get(key);
  if (n) {
    meaning ??= n.zh;
    add({ digits: n.digits, zh: n.zh, en: n.en, quality: 1, from: 'name' });
  }
  for (const p of lexiconPhrases()) {
    if (p.family === 'taboo' || meaningKey(p.zh) !== key) continue;
    meaning ??= p.zh;
    add({ digits: p.digits, zh: p.zh, en: p.en, quality: 1, from: 'lexicon' });
  }
  const readings = [...out.values()].sort((a, b) => b.quality - a.quality || a.digits.length - b.digits.length || compareDigits(a.digits, b.digits));
  return { meaning, readings };
}

/** The meanings a customer can ask for, in Chinese: for the hint when a query names none. */
export function knownMeanings(): string[] {
  return (meaningsData as { entries: MeaningEntry[] }).entries.map((e) => e.zh);
}
