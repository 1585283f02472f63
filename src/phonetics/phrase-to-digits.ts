/**
 * Phrase → digit strings that sound like it.
 *
 * Ranking: the text becomes one syllable per Chinese character (pinyin-pro, with every reading of a
 * polyphone; the reading pinyin-pro picks from context counts in full, the others at 0.5) or per typed
 * pinyin syllable; a digit typed as such stays itself. Each syllable can stand for a digit with
 * score = syllableSimilarity(syllable, reading) × reading weight (data/readings.json), taking that digit's
 * best reading. A beam search keeps the best digit strings (one digit per syllable); quality is the
 * geometric mean of the per-syllable scores. Lexicon phrases (data/lexicon.json) whose Chinese equals the
 * text, or whose toneless reading equals the syllables, are exact hits: they rank first, their quality
 * lifted to at least 0.9 + 0.02 × lexicon weight (1-5). Results are unique by digits.
 */
import { Vanity400Error } from '../errors/vanity400-error.js';
import { lexiconPhrases } from '../rules/lexicon.js';
import { readHanRun } from './han-readings.js';
import { compareDigits, digitCandidates, digitReadings } from './readings.js';
import { isCombiningMark, isSeparator, normalizeSyllable, pinyinLetter, stripSeparators, syllablesOfRun } from './syllable.js';
import { guardFields, guardOptions, guardString } from '../errors/guards.js';

/** One digit string a phrase can be heard as, from {@link phraseToDigits}; e.g. 一路发 → 168. */
export interface DigitReading {
  /** The digits, e.g. `'168'`. */
  digits: string;
  /** 0-1, 1 best. */
  quality: number;
  /** The toneless syllables read from the text; one per digit, except for lexicon phrases such as 二百五. */
  syllables: string[];
  /** How each digit is heard; one entry covering all digits (kind 'lexicon') for lexicon phrases that do not map digit by digit. */
  readings: {
    /** The digit, e.g. `'8'`; all the digits (`'250'`) for a 'lexicon' entry. */
    digit: string;
    /** The digit's reading the syllable was heard as, in pinyin with tone mark (`'fā'`); the toneless syllables for a 'lexicon' entry. */
    syllable: string;
    /** 'standard', 'telephone', 'solfege' or 'sound-alike' (data/readings.json); 'digit' for a digit typed as such; 'lexicon' for a fixed phrase. */
    kind: string;
    /** The character of that reading (`'发'` for 8 read fā), or the lexicon phrase (`'二百五'`); absent for a typed digit. */
    char?: string;
    /** 0-1: how well this syllable is heard as this digit (similarity × the reading's weight); a 'lexicon' entry's is the reading's quality. */
    score: number;
  }[];
}

/** Options of {@link phraseToDigits}. */
export interface PhraseToDigitsOptions {
  /** How many results, best first; default 10. */
  limit?: number;
}

/** Longest phrase accepted, in syllables (one per Chinese character, pinyin syllable or digit). */
export const MAX_SYLLABLES = 32;
const MAX_TEXT_LENGTH = 256;
const BEAM_WIDTH = 64;
const DIGITS_PER_SYLLABLE = 6;
/** A polyphone's readings other than the one pinyin-pro picks in context are possible but unlikely. */
const ALTERNATIVE_FACTOR = 0.5;
const MIN_SCORE = 1e-4;

interface Slot {
  /** Index in the text of the character or first letter. */
  start: number;
  /** The Chinese character, for Han slots. */
  han?: string;
  /** A digit typed as itself. */
  digit?: string;
  /** Toneless syllables, the preferred (context) reading first. */
  alternatives: string[];
}

const HAN = /\p{Script=Han}/u;

function quote(text: string): string {
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}

function badPhrase(text: string, why: string, position?: number): Vanity400Error {
  return new Vanity400Error('BAD_PHRASE', `${quote(text)}: ${why}`, position === undefined ? { input: text } : { input: text, position });
}

function charAt(text: string, position: number): string {
  return String.fromCodePoint(text.codePointAt(position) ?? 0x3f);
}

function asciiDigit(ch: string): string | undefined {
  if (ch >= '0' && ch <= '9') return ch;
  const code = ch.codePointAt(0) ?? 0;
  return code >= 0xff10 && code <= 0xff19 ? String(code - 0xff10) : undefined; // full-width ０-９
}

/** Splits the text into slots; Han slots get their readings later. Throws BAD_PHRASE on anything else. */
function scan(text: string): Slot[] {
  const slots: Slot[] = [];
  let letters = '';
  let starts: number[] = [];
  const flush = () => {
    if (!letters) return;
    const run = syllablesOfRun(letters, starts);
    if (!Array.isArray(run)) {
      throw badPhrase(text, `${JSON.stringify(charAt(text, run.failAt))} at position ${run.failAt} is neither a Chinese character nor pinyin`, run.failAt);
    }
    for (const { syllable, start } of run) slots.push({ start, alternatives: [syllable] });
    letters = '';
    starts = [];
  };
  let i = 0;
  for (const ch of text) {
    const letter = pinyinLetter(ch);
    const digit = asciiDigit(ch);
    if (letter) {
      letters += letter;
      starts.push(i);
    } else if (isCombiningMark(ch) && letters) {
      // a tone mark typed as a combining character belongs to the letter before it
    } else if (digit !== undefined && letters && digit <= '5') {
      flush(); // a tone number (yi2lu4)
    } else if (digit !== undefined) {
      flush();
      slots.push({ start: i, digit, alternatives: [] });
    } else if (HAN.test(ch)) {
      flush();
      slots.push({ start: i, han: ch, alternatives: [] });
    } else if (isSeparator(ch)) {
      flush();
    } else {
      throw badPhrase(text, `${JSON.stringify(ch)} at position ${i} is neither a Chinese character nor pinyin`, i);
    }
    if (slots.length > MAX_SYLLABLES) throw badPhrase(text, `too long (more than ${MAX_SYLLABLES} syllables)`, slots[MAX_SYLLABLES]?.start);
    i += ch.length;
  }
  flush();
  if (slots.length > MAX_SYLLABLES) throw badPhrase(text, `too long (more than ${MAX_SYLLABLES} syllables)`, slots[MAX_SYLLABLES]?.start);
  return slots;
}

/** Fills in the readings of Han slots: pinyin-pro's pick in context first, then the character's other readings. */
async function readHan(text: string, slots: Slot[]): Promise<void> {
  // Runs of adjacent characters are read together, so that polyphones are read in context.
  const runs: Slot[][] = [];
  let previous: Slot | undefined;
  for (const slot of slots) {
    if (slot.han === undefined) {
      previous = undefined;
      continue;
    }
    const last = runs[runs.length - 1];
    if (last && previous?.han !== undefined && previous.start + previous.han.length === slot.start) last.push(slot);
    else runs.push([slot]);
    previous = slot;
  }
  for (const group of runs) {
    const readings = await readHanRun(group.map((s) => s.han ?? ''));
    group.forEach((slot, k) => {
      const usable = (readings[k] ?? []).filter((a) => /^[a-z]+$/.test(a));
      if (!usable.length) {
        throw badPhrase(text, `${JSON.stringify(slot.han)} at position ${slot.start} has no known reading`, slot.start);
      }
      slot.alternatives = usable;
    });
  }
}

interface Pick {
  digit: string;
  score: number;
  syllable: string;
  reading: { digit: string; syllable: string; kind: string; char?: string; score: number };
}

const STANDARD = new Map<string, string>();
function standardSyllable(digit: string): string {
  if (!STANDARD.size) for (const r of digitReadings()) if (r.kind === 'standard') STANDARD.set(r.digit, r.syllable);
  return STANDARD.get(digit) ?? digit;
}

/** Every digit a slot can stand for (its best reading each), best first. */
function slotPicks(slot: Slot): Pick[] {
  if (slot.digit !== undefined) {
    const syllable = standardSyllable(slot.digit);
    return [{ digit: slot.digit, score: 1, syllable: normalizeSyllable(syllable), reading: { digit: slot.digit, syllable, kind: 'digit', score: 1 } }];
  }
  const best = new Map<string, Pick>();
  slot.alternatives.forEach((alternative, k) => {
    const factor = k === 0 ? 1 : ALTERNATIVE_FACTOR;
    for (const c of digitCandidates(alternative)) {
      const score = c.score * factor;
      const current = best.get(c.digit);
      if (!current || score > current.score) {
        best.set(c.digit, {
          digit: c.digit,
          score,
          syllable: alternative,
          reading: { digit: c.digit, syllable: c.reading.syllable, kind: c.reading.kind, char: c.reading.char, score: Math.round(score * 1000) / 1000 },
        });
      }
    }
  });
  return [...best.values()].sort((a, b) => b.score - a.score || compareDigits(a.digit, b.digit));
}

interface Beam {
  digits: string;
  logScore: number;
  pick: Pick | undefined;
  /** The beam this one extends by one pick (picks are read back at the end, not copied at each step). */
  parent: Beam | undefined;
}

function picksOf(beam: Beam): Pick[] {
  const picks: Pick[] = [];
  for (let b: Beam | undefined = beam; b?.pick; b = b.parent) picks.push(b.pick);
  return picks.reverse();
}

function beamSearch(picksPerSlot: Pick[][]): Beam[] {
  let beams: Beam[] = [{ digits: '', logScore: 0, pick: undefined, parent: undefined }];
  for (const picks of picksPerSlot) {
    const options = picks.slice(0, DIGITS_PER_SYLLABLE);
    const next: Beam[] = [];
    for (const beam of beams) {
      for (const pick of options) {
        next.push({ digits: beam.digits + pick.digit, logScore: beam.logScore + Math.log(Math.max(pick.score, MIN_SCORE)), pick, parent: beam });
      }
    }
    next.sort((a, b) => b.logScore - a.logScore || compareDigits(a.digits, b.digits));
    beams = next.slice(0, BEAM_WIDTH);
  }
  return beams;
}

interface LexiconKey {
  digits: string;
  zh: string;
  /** The reading's syllables as written, with tones. */
  written: string[];
  /** The same, toneless; made the first time the key is compared with a phrase of as many syllables. */
  toneless?: string[];
  weight: number;
}

let lexiconKeys: LexiconKey[] | undefined;
function lexiconIndex(): LexiconKey[] {
  lexiconKeys ??= lexiconPhrases().map((p) => ({
    digits: p.digits,
    zh: stripSeparators(p.zh),
    written: (p.reading ?? '').split(/\s+/).filter(Boolean),
    weight: p.weight ?? 1,
  }));
  return lexiconKeys;
}

function syllablesOf(key: LexiconKey): string[] {
  key.toneless ??= key.written.map(normalizeSyllable);
  return key.toneless;
}

function matchesReading(key: LexiconKey, slots: Slot[]): boolean {
  if (key.written.length !== slots.length) return false;
  const syllables = syllablesOf(key);
  return slots.every((slot, i) => {
    const syllable = syllables[i] ?? '';
    if (slot.digit !== undefined) return key.digits.length === slots.length && key.digits[i] === slot.digit;
    return slot.alternatives.includes(syllable);
  });
}

/** The lexicon's exact hits for the text, as results; strongest first. */
function lexiconHits(text: string, slots: Slot[], picksPerSlot: Pick[][]): DigitReading[] {
  const compact = stripSeparators(text);
  const byDigits = new Map<string, { reading: DigitReading; weight: number }>();
  for (const key of lexiconIndex()) {
    const byReading = matchesReading(key, slots);
    if (!byReading && key.zh !== compact) continue;
    const floor = 0.9 + 0.02 * Math.min(5, Math.max(1, key.weight));
    const aligned = key.digits.length === slots.length ? slots.map((_, i) => picksPerSlot[i]?.find((p) => p.digit === key.digits[i])) : [];
    let reading: DigitReading;
    if (aligned.length && aligned.every((p) => p !== undefined && p.score >= 0.2)) {
      const picks = aligned as Pick[];
      const quality = Math.exp(picks.reduce((sum, p) => sum + Math.log(p.score), 0) / picks.length);
      reading = {
        digits: key.digits,
        quality: Math.max(quality, floor),
        syllables: byReading ? [...syllablesOf(key)] : picks.map((p) => p.syllable),
        readings: picks.map((p) => ({ ...p.reading })),
      };
    } else {
      // a fixed phrase that does not read digit by digit (二百五 = 250)
      const syllables = byReading ? [...syllablesOf(key)] : slots.map((s) => s.alternatives[0] ?? normalizeSyllable(standardSyllable(s.digit ?? '')));
      reading = {
        digits: key.digits,
        quality: floor,
        syllables,
        readings: [{ digit: key.digits, syllable: syllables.join(' '), kind: 'lexicon', char: key.zh, score: floor }],
      };
    }
    const current = byDigits.get(key.digits);
    if (!current || key.weight > current.weight) byDigits.set(key.digits, { reading, weight: key.weight });
  }
  return [...byDigits.values()]
    .sort((a, b) => b.reading.quality - a.reading.quality || b.weight - a.weight || compareDigits(a.reading.digits, b.reading.digits))
    .map((h) => h.reading);
}

function readLimit(options: PhraseToDigitsOptions | undefined): number {
  const limit = options?.limit;
  if (limit === undefined || !Number.isFinite(limit)) return 10;
  return Math.max(1, Math.floor(limit));
}

/**
 * Digit strings that sound like a phrase written in Chinese ('一路有我'), typed pinyin ('yi lu you wo',
 * 'yiluyouwo', 'yī lù yǒu wǒ', 'yi2lu4') or a mix with digits ('168一路发'), best first (see the top of this
 * file). A digit 0-5 right after pinyin letters is a tone number; any other digit stands for itself.
 * Rejects with Vanity400Error BAD_PHRASE (naming the text and, where one is to blame, the position of
 * the character) for empty text, text with nothing to read, characters that are neither Chinese nor
 * pinyin, and phrases longer than MAX_SYLLABLES.
 */
export async function phraseToDigits(text: string, options?: PhraseToDigitsOptions): Promise<DigitReading[]> {
  guardString(text, 'phraseToDigits(): text');
  guardOptions(options, 'phraseToDigits(): options');
  if (options !== undefined) guardFields(options, 'phraseToDigits(): options', { limit: 'number?' });
  if (!text.trim()) throw badPhrase(text, 'the phrase is empty');
  if (text.length > MAX_TEXT_LENGTH) throw badPhrase(text, `too long (more than ${MAX_TEXT_LENGTH} characters)`, MAX_TEXT_LENGTH);
  const limit = readLimit(options);
  const slots = scan(text);
  if (!slots.length) throw badPhrase(text, 'no Chinese characters, pinyin or digits to read');
  await readHan(text, slots);

  const picksPerSlot = slots.map(slotPicks);
  const results = lexiconHits(text, slots, picksPerSlot);
  const seen = new Set(results.map((r) => r.digits));
  const composed: DigitReading[] = [];
  for (const beam of beamSearch(picksPerSlot)) {
    if (seen.has(beam.digits)) continue;
    seen.add(beam.digits);
    const picks = picksOf(beam);
    composed.push({
      digits: beam.digits,
      quality: Math.exp(beam.logScore / slots.length),
      syllables: picks.map((p) => p.syllable),
      readings: picks.map((p) => ({ ...p.reading })),
    });
  }
  composed.sort((a, b) => b.quality - a.quality || compareDigits(a.digits, b.digits));
  return [...results, ...composed].slice(0, limit);
}
