import type { RuleFamily } from './families.js';
import { LAST, TAIL_START } from './kinds.js';

/** A digit string the scanner looks for anywhere after "400", with what it means. */
export interface Phrase {
  /** The digits, e.g. "1615". */
  digits: string;
  /** The rule family a finding of this phrase counts in. */
  family: Extract<RuleFamily, 'homophone' | 'memorable' | 'taboo' | 'multiplication' | 'company'>;
  /** Chinese label: the phrase it sounds like, or what it is known as. */
  zh: string;
  /** English label. */
  en: string;
  /** Pinyin with tone marks, where the entry has one. */
  reading?: string;
  /** 1 (weak) … 5 (everyone knows it); lexicon entries and the times table. */
  weight?: number;
  /** What the entry means or relies on, e.g. `love`, `wealth`, `four-as-death`; lexicon entries and the times table. */
  tags?: readonly string[];
  /** Where the fact came from: a source id of the data file it was read from, or the generator's name. */
  source: string;
  /** `'end'`: heard only where it ends the number (尾号 114 is the directory line; 1144 is two pairs, not 114); lexicon entries and the times table. */
  heard?: 'end';
  /** For company phrases: which fact of the profile. */
  fact?: 'founded' | 'registered' | 'door' | 'landline' | 'digits';
}

/**
 * Whether a phrase is heard where it ends at body position `end`: a reading of two digits only where it
 * ends the number (尾号 18 要发), since inside a number two digits fall together by chance; taboos, which a
 * customer hears anyway, and the company's own facts are heard anywhere; an entry marked `heard: 'end'`
 * only where it ends the number.
 */
export function heardAt(phrase: Phrase, end: number): boolean {
  if (phrase.heard === 'end') return end === LAST;
  return phrase.digits.length > 2 || phrase.family === 'taboo' || phrase.family === 'company' || end === LAST;
}

/**
 * The digit at body position `at` as a reading that starts at `start` sees it: a reading inside the last
 * four does not see the digits before the dash (-1), so 7749 is heard in 400-707-7749 though 777 runs
 * across the dash.
 */
export function seenFrom(start: number, at: number, digit: number): number {
  return start >= TAIL_START && at < TAIL_START ? -1 : digit;
}
