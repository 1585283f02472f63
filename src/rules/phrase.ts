import type { RuleFamily } from './families.js';
import { LAST } from './kinds.js';

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
  /** 1 (weak) … 5 (everyone knows it); lexicon entries only. */
  weight?: number;
  /** What the entry means or relies on, e.g. `love`, `wealth`, `four-as-death`; lexicon entries only. */
  tags?: readonly string[];
  /** Where the fact came from: a source id of the data file it was read from, or the generator's name. */
  source: string;
  /** For company phrases: which fact of the profile. */
  fact?: 'founded' | 'registered' | 'door' | 'landline' | 'digits';
}

/**
 * Whether a phrase is heard where it ends at body position `end`: a reading of two digits only where it
 * ends the number (尾号 18 要发), since inside a number two digits fall together by chance; taboos, which a
 * customer hears anyway, and the company's own facts are heard anywhere.
 */
export function heardAt(phrase: Phrase, end: number): boolean {
  return phrase.digits.length > 2 || phrase.family === 'taboo' || phrase.family === 'company' || end === LAST;
}
