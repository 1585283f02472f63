import readingsData from '../../data/readings.json';
import { Vanity400Error } from '../errors/vanity400-error.js';
import { normalizeSyllable, syllableSimilarity } from './syllable.js';

export type ReadingKind = 'standard' | 'telephone' | 'solfege' | 'sound-alike';
const KINDS = new Set<string>(['standard', 'telephone', 'solfege', 'sound-alike']);

/** One way a digit can be heard (data/readings.json). */
export interface DigitReadingFact {
  digit: string;
  kind: ReadingKind;
  /** Pinyin with tone mark, as in the data file. */
  syllable: string;
  /** The same, toneless (what the engine compares). */
  toneless: string;
  char: string;
  /** 0-1: how natural the reading is. */
  weight: number;
  source: string;
}

interface ReadingsFile {
  sources: Record<string, unknown>;
  readings: unknown[];
}

/** Checks a readings file; any bad entry is a BAD_DATA error naming it. */
export function checkReadings(file: ReadingsFile): DigitReadingFact[] {
  if (!file || typeof file !== 'object' || !Array.isArray(file.readings) || typeof file.sources !== 'object' || !file.sources) {
    throw new Vanity400Error('BAD_DATA', 'data/readings.json: expected { sources: {...}, readings: [...] }');
  }
  const bad = (i: number, why: string): never => {
    throw new Vanity400Error('BAD_DATA', `data/readings.json readings[${i}]: ${why}`);
  };
  const facts = file.readings.map((raw, i): DigitReadingFact => {
    const e = (raw ?? {}) as Record<string, unknown>;
    if (typeof e.digit !== 'string' || !/^\d$/.test(e.digit)) bad(i, `digit ${JSON.stringify(e.digit)} is not one digit`);
    if (typeof e.kind !== 'string' || !KINDS.has(e.kind)) bad(i, `kind ${JSON.stringify(e.kind)} is unknown`);
    if (typeof e.syllable !== 'string' || !e.syllable || typeof e.char !== 'string' || !e.char) bad(i, 'syllable and char are required');
    if (typeof e.weight !== 'number' || !(e.weight >= 0 && e.weight <= 1)) bad(i, `weight ${JSON.stringify(e.weight)} is not in 0-1`);
    if (typeof e.source !== 'string' || !(e.source in file.sources)) bad(i, `source ${JSON.stringify(e.source)} is not in sources`);
    return {
      digit: e.digit as string,
      kind: e.kind as ReadingKind,
      syllable: e.syllable as string,
      toneless: normalizeSyllable(e.syllable as string),
      char: e.char as string,
      weight: e.weight as number,
      source: e.source as string,
    };
  });
  for (const d of '0123456789') {
    if (!facts.some((f) => f.digit === d && f.kind === 'standard')) bad(facts.length, `digit ${d} has no standard reading`);
  }
  return facts;
}

let cached: readonly DigitReadingFact[] | undefined;

/** The built-in readings (data/readings.json), checked once. */
export function digitReadings(): readonly DigitReadingFact[] {
  cached ??= Object.freeze(checkReadings(readingsData as unknown as ReadingsFile));
  return cached;
}

/** How one syllable can stand for one digit: the best reading of that digit for it. */
export interface DigitCandidate {
  digit: string;
  /** syllableSimilarity × reading weight. */
  score: number;
  reading: DigitReadingFact;
}

/** Orders strings of ASCII digits as localeCompare does, without loading a collator (costly on first use). */
export function compareDigits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const candidateCache = new Map<string, DigitCandidate[]>();
const CANDIDATE_CACHE_LIMIT = 4096;

/** For a toneless syllable, each digit with its best-scoring reading, best first (all ten digits). */
export function digitCandidates(syllable: string): readonly DigitCandidate[] {
  const key = normalizeSyllable(syllable);
  const hit = candidateCache.get(key);
  if (hit) return hit;
  const best = new Map<string, DigitCandidate>();
  for (const reading of digitReadings()) {
    const score = syllableSimilarity(key, reading.toneless) * reading.weight;
    const current = best.get(reading.digit);
    if (!current || score > current.score) best.set(reading.digit, { digit: reading.digit, score, reading });
  }
  const list = [...best.values()].sort((a, b) => b.score - a.score || compareDigits(a.digit, b.digit));
  if (candidateCache.size >= CANDIDATE_CACHE_LIMIT) candidateCache.clear();
  candidateCache.set(key, list);
  return list;
}
