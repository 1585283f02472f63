/**
 * The readings of a name, slogan or phrase a salesperson can say aloud without embarrassment: whole words
 * only, every syllable heard as its digit at least as well as {@link SYLLABLE_FLOOR}.
 *
 * A company name is read by its trade name (字号) alone: the place before it, and the trade words and legal
 * form after it (data/name-parts.json), are left out, never cut in half: 一路发物流 is read as 一路发, and
 * 顺丰速运 as 顺丰 (which no digits sound like). A slogan or phrase is read whole, and clause by clause
 * where punctuation or spaces part it. A reading is kept only if each of its syllables scores at least
 * the floor (a lexicon phrase, such as 一按我帮您 → 12580, is kept as the lexicon has it); a text with none
 * has no reading, and says so, rather than offering weak ones.
 */
import namePartsData from '../../data/name-parts.json';
import { invalidType, quoted, guardString } from '../errors/guards.js';
import { Vanity400Error } from '../errors/vanity400-error.js';
import { lexiconPhrases } from '../rules/lexicon.js';
import { phraseToDigits, type DigitReading } from './phrase-to-digits.js';
import { normalizeSyllable, stripSeparators, syllableSimilarity } from './syllable.js';

/**
 * The weakest a syllable may be heard as its digit, in syllableSimilarity × the reading's weight: 有 as 1
 * (0.6, in 1615 一路有我) passes, 顺 as 6 (0.5), 丰 as 3 (0.4) and 福 as 5 (0.5) do not.
 */
export const SYLLABLE_FLOOR = 0.6;
/**
 * And the syllable must sound like the digit's reading at least this much (syllableSimilarity): the accent
 * mergers pass (是 shì as 四 sì, 0.93), a different vowel does not (一 yī as 五 wǔ, 0.75; 路 lù as 你 nǐ, 0.68).
 */
export const SIMILARITY_FLOOR = 0.8;
/** A reading whose every syllable reaches this is a close one (读音贴切); below, a near one (读音相近). */
export const CLOSE = 0.85;
/** A reading the lexicon does not know is kept only at this share of the piece's best reading's quality or more. */
export const RELATIVE_FLOOR = 0.85;
/** At most this many digits: the six a buyer chooses after 400 and the segment digit. */
export const MAX_READING_DIGITS = 6;

/** How well a reading sounds like its words: a well-known lexicon phrase (weight 3-5), every syllable close, or near. */
export type ReadingGrade = 'known' | 'close' | 'near';

/** One reading of a name, slogan or phrase, from {@link readText}. */
export interface TextReading {
  /** The digits, e.g. `'168'`. */
  digits: string;
  /** The words read, e.g. `'一路发'` (from 一路发物流). */
  words: string;
  /** 0-1: the geometric mean of the syllables' scores (a known phrase at least 0.9). */
  quality: number;
  /** The weakest syllable's score. */
  weakest: number;
  /** How a salesperson rates it: 'known' (常见说法), 'close' (读音贴切) or 'near' (读音相近). */
  grade: ReadingGrade;
  /** Whether the lexicon knows the reading (data/lexicon.json). */
  fromLexicon: boolean;
}

/** The readings of a text, and the words they were read from. */
export interface TextReadings {
  /** The words read: the trade name of a company name; a slogan's clauses. */
  pieces: string[];
  /** Best first; empty when no reading reaches the floor. */
  readings: TextReading[];
}

interface NamePart {
  word: string;
  part: 'place' | 'trade' | 'legal-form';
}

let parts: { start: string[]; end: string[] } | undefined;
function nameParts(): { start: string[]; end: string[] } {
  if (!parts) {
    const entries = (namePartsData as { entries: NamePart[] }).entries;
    const longestFirst = (a: string, b: string) => b.length - a.length;
    parts = {
      start: entries.filter((e) => e.part === 'place').map((e) => e.word).sort(longestFirst),
      end: entries.filter((e) => e.part !== 'place').map((e) => e.word).sort(longestFirst),
    };
  }
  return parts;
}

const HAN = /\p{Script=Han}/u;
/** A place written with its level: 深圳市, 广东省, 南山区. */
const PLACE = /^\p{Script=Han}{2,3}?[省市区县]/u;

/** A company name's trade name: without the place before it and the trade words and legal form after it. */
export function tradeName(name: string): string {
  let core = [...name].filter((ch) => HAN.test(ch)).join('');
  if (!core) return name.trim();
  const { start, end } = nameParts();
  for (let changed = true; changed; ) {
    changed = false;
    const place = PLACE.exec(core)?.[0] ?? start.find((w) => core.startsWith(w));
    if (place && core.length - place.length >= 2) {
      core = core.slice(place.length);
      changed = true;
    }
    const tail = end.find((w) => core.endsWith(w) && core.length - w.length >= 2);
    if (tail) {
      core = core.slice(0, -tail.length);
      changed = true;
    }
  }
  return core;
}

/** A slogan's or phrase's clauses, as punctuation and spaces part them; the whole as well when there are several. */
function clauses(text: string): string[] {
  const trimmed = text.trim();
  if (!HAN.test(trimmed)) return trimmed ? [trimmed] : []; // typed pinyin: spaces part syllables, not clauses
  const found = trimmed.split(/[\s\p{P}]+/u).filter(Boolean);
  const whole = stripSeparators(trimmed);
  return found.length > 1 && whole.length <= MAX_READING_DIGITS ? [...found, whole] : found;
}

/** The lexicon's weight (1-5) for the piece read as these digits, or 0 when the lexicon does not know the reading. */
function lexiconWeight(r: DigitReading, piece: string): number {
  const compact = stripSeparators(piece);
  const spoken = r.syllables.join(' ');
  let weight = 0;
  for (const p of lexiconPhrases()) {
    if (p.family === 'taboo' || p.digits !== r.digits) continue;
    if (stripSeparators(p.zh) === compact || (p.reading ?? '').split(/\s+/).map(normalizeSyllable).join(' ') === spoken) weight = Math.max(weight, p.weight ?? 1);
  }
  return weight;
}

/** A lexicon reading this well known (weight 3-5: 168, 518, 1615, 12580 …) is a well-known one, 常见说法. */
const WELL_KNOWN = 3;

const TABOO = new Set<string>();
function isTaboo(digits: string): boolean {
  if (!TABOO.size) for (const p of lexiconPhrases()) if (p.family === 'taboo') TABOO.add(p.digits);
  return TABOO.has(digits);
}

/** The readings of one piece that reach the floor, best first. */
async function readPiece(piece: string): Promise<TextReading[]> {
  let found: DigitReading[];
  try {
    found = await phraseToDigits(piece, { limit: 8 });
  } catch (error) {
    if (error instanceof Vanity400Error && error.code === 'BAD_PHRASE' && /no known reading/.test(error.message)) return [];
    throw error;
  }
  const out: TextReading[] = [];
  for (const r of found) {
    if (r.digits.length < 2 || r.digits.length > MAX_READING_DIGITS || isTaboo(r.digits)) continue;
    const weight = lexiconWeight(r, piece);
    const weakest = Math.min(...r.readings.map((x) => x.score));
    const alike = r.readings.every((x, i) => x.kind === 'digit' || x.kind === 'lexicon' || syllableSimilarity(r.syllables[i] ?? '', x.syllable) >= SIMILARITY_FLOOR);
    if (!weight && (weakest < SYLLABLE_FLOOR || !alike)) continue;
    const grade: ReadingGrade = weight >= WELL_KNOWN ? 'known' : weakest >= CLOSE ? 'close' : 'near';
    out.push({ digits: r.digits, words: piece, quality: Math.round(r.quality * 1000) / 1000, weakest: Math.round(weakest * 1000) / 1000, grade, fromLexicon: weight > 0 });
  }
  // A known phrase's own digits first; then by quality; none far below the best (发发 is 88, hardly 48).
  const order: Record<ReadingGrade, number> = { known: 0, close: 1, near: 2 };
  const top = Math.max(0, ...out.map((r) => r.quality));
  return out
    .filter((r) => r.grade === 'known' || r.fromLexicon || r.quality >= RELATIVE_FLOOR * top)
    .sort((a, b) => order[a.grade] - order[b.grade] || b.quality - a.quality)
    .slice(0, 3);
}

/**
 * The readings of a company name (`kind: 'name'`: its trade name alone) or of a slogan or phrase (read
 * whole and by clauses), best first, each at least {@link SYLLABLE_FLOOR} in every syllable. Throws
 * BAD_PHRASE for text that is neither Chinese nor pinyin (as phraseToDigits does).
 */
export async function readText(text: string, kind: 'name' | 'phrase'): Promise<TextReadings> {
  if (typeof text !== 'string') throw invalidType('readText(): text', '公司名称或口号的字符串', 'a company name or slogan as a string', text);
  guardString(kind, 'readText(): kind');
  if (kind !== 'name' && kind !== 'phrase') throw new Vanity400Error('BAD_QUERY', { zh: `readText()：kind 应为 "name" 或 "phrase"，而不是 ${quoted(kind)}`, en: `readText(): kind should be "name" or "phrase", not ${quoted(kind)}` }, { input: kind });
  if (!text.trim()) return { pieces: [], readings: [] };
  const pieces = kind === 'name' ? [tradeName(text)].filter(Boolean) : clauses(text);
  const readings: TextReading[] = [];
  const seen = new Set<string>();
  for (const piece of pieces) {
    for (const r of await readPiece(piece)) {
      if (seen.has(r.digits)) continue;
      seen.add(r.digits);
      readings.push(r);
    }
  }
  const order: Record<ReadingGrade, number> = { known: 0, close: 1, near: 2 };
  readings.sort((a, b) => order[a.grade] - order[b.grade] || b.quality - a.quality);
  return { pieces, readings };
}

/** A reading's grade as a salesperson says it: 常见说法 / 读音贴切 / 读音相近. */
export function gradeWords(grade: ReadingGrade, lang: 'zh' | 'en'): string {
  if (lang === 'en') return grade === 'known' ? 'a well-known reading' : grade === 'close' ? 'a close reading' : 'a near reading';
  return grade === 'known' ? '常见说法' : grade === 'close' ? '读音贴切' : '读音相近';
}
