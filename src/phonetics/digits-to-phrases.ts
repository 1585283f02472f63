import { Vanity400Error } from '../errors/vanity400-error.js';
import { lexiconPhrases } from '../rules/lexicon.js';
import { digitReadings, type DigitReadingFact } from './readings.js';
import { guardFields, guardOptions, guardString } from '../errors/guards.js';

/** One phrase a digit string can be heard as, from {@link digitsToPhrases}; e.g. 518 → 我要发. */
export interface PhraseReading {
  /** The phrase in Chinese. */
  text: string;
  /** Its pinyin, with tone marks, one syllable per character where the phrase has one. */
  pinyin: string;
  /** 'lexicon': a known phrase from data/lexicon.json; 'readings': composed from data/readings.json. */
  source: 'lexicon' | 'readings';
  /** The lexicon family (homophone, memorable, taboo) for lexicon phrases. */
  family?: string;
  /** A short English gloss, for lexicon phrases, e.g. `'I will prosper'`. */
  en?: string;
  /** 0-1, 1 best. */
  quality: number;
}

/** Options of {@link digitsToPhrases}. */
export interface DigitsToPhrasesOptions {
  /** How many phrases, best first; default 10. */
  limit?: number;
}

const MAX_DIGITS = 8;
/** Composed phrases are guesses: they score below a known phrase of the same strength. */
const COMPOSED_FACTOR = 0.85;
const BEAM_WIDTH = 32;

function badDigits(digits: unknown, why: string, position?: number): Vanity400Error {
  const shown = typeof digits === 'string' ? JSON.stringify(digits.length > 40 ? `${digits.slice(0, 40)}…` : digits) : String(digits);
  return new Vanity400Error('BAD_PHRASE', `${shown}: ${why}`, position === undefined ? { input: digits } : { input: digits, position });
}

function checkDigits(digits: unknown): string {
  guardString(digits, 'digitsToPhrases(): digits');
  if (digits.length === 0) throw badDigits(digits, `expected 1 to ${MAX_DIGITS} digits, got nothing`);
  const bad = digits.search(/[^0-9]/);
  if (bad >= 0) throw badDigits(digits, `${JSON.stringify(String.fromCodePoint(digits.codePointAt(bad) ?? 0x3f))} at position ${bad} is not a digit`, bad);
  if (digits.length > MAX_DIGITS) throw badDigits(digits, `more than ${MAX_DIGITS} digits`, MAX_DIGITS);
  return digits;
}

/** Sound-alike and solfège readings (the ones that make words) of each digit, most natural first. */
let wordReadings: Map<string, DigitReadingFact[]> | undefined;
function readingsByDigit(): Map<string, DigitReadingFact[]> {
  if (!wordReadings) {
    wordReadings = new Map();
    for (const r of digitReadings()) {
      if (r.kind !== 'sound-alike' && r.kind !== 'solfege') continue;
      const list = wordReadings.get(r.digit) ?? [];
      list.push(r);
      wordReadings.set(r.digit, list);
    }
    for (const list of wordReadings.values()) list.sort((a, b) => b.weight - a.weight);
  }
  return wordReadings;
}

interface Composition {
  picks: DigitReadingFact[];
  logWeight: number;
}

/** The best character-per-digit phrases: a beam over each digit's word readings, by product of weights. */
function compose(digits: string, count: number): PhraseReading[] {
  let beams: Composition[] = [{ picks: [], logWeight: 0 }];
  for (const digit of digits) {
    const options = readingsByDigit().get(digit) ?? digitReadings().filter((r) => r.digit === digit && r.kind === 'standard');
    const next: Composition[] = [];
    for (const beam of beams) {
      for (const r of options) next.push({ picks: [...beam.picks, r], logWeight: beam.logWeight + Math.log(Math.max(r.weight, 1e-4)) });
    }
    next.sort((a, b) => b.logWeight - a.logWeight);
    beams = next.slice(0, Math.max(BEAM_WIDTH, count));
  }
  const seen = new Set<string>();
  const out: PhraseReading[] = [];
  for (const beam of beams) {
    const text = beam.picks.map((p) => p.char).join('');
    if (seen.has(text)) continue;
    seen.add(text);
    out.push({
      text,
      pinyin: beam.picks.map((p) => p.syllable).join(' '),
      source: 'readings',
      quality: COMPOSED_FACTOR * Math.exp(beam.logWeight / digits.length),
    });
  }
  return out;
}

/**
 * Phrases a digit string (1-8 digits) can be heard as, best first: the lexicon's entries for exactly these
 * digits (homophones, memorable numbers and taboo readings, marked by `family`; quality 0.6 + 0.08 × weight),
 * then phrases composed from each digit's sound-alike readings (518 → 我要发; quality 0.85 × the geometric
 * mean of the reading weights). Texts are unique. Throws Vanity400Error BAD_PHRASE for anything but 1-8
 * ASCII digits, with the position of the first non-digit.
 */
export function digitsToPhrases(digits: string, options?: DigitsToPhrasesOptions): PhraseReading[] {
  guardOptions(options, 'digitsToPhrases(): options');
  if (options !== undefined) guardFields(options, 'digitsToPhrases(): options', { limit: 'number?' });
  const checked = checkDigits(digits);
  const limit = options?.limit === undefined || !Number.isFinite(options.limit) ? 10 : Math.max(1, Math.floor(options.limit));
  const results: PhraseReading[] = [];
  const texts = new Set<string>();
  for (const p of lexiconPhrases()) {
    if (p.digits !== checked) continue;
    texts.add(p.zh);
    results.push({
      text: p.zh,
      pinyin: p.reading ?? '',
      source: 'lexicon',
      family: p.family,
      en: p.en,
      quality: 0.6 + 0.08 * Math.min(5, Math.max(1, p.weight ?? 1)),
    });
  }
  for (const phrase of compose(checked, limit)) {
    if (!texts.has(phrase.text)) results.push(phrase);
  }
  results.sort((a, b) => b.quality - a.quality || (a.source === b.source ? 0 : a.source === 'lexicon' ? -1 : 1));
  return results.slice(0, limit);
}
