export { phraseToDigits, MAX_SYLLABLES, type DigitReading, type PhraseToDigitsOptions } from './phrase-to-digits.js';
export { digitsToPhrases, type PhraseReading, type DigitsToPhrasesOptions } from './digits-to-phrases.js';
export { searchLexicon, type LexiconHit, type SearchLexiconOptions } from './lexicon-search.js';
export { splitPinyin, splitSyllable, syllableSimilarity, type SyllableParts } from './syllable.js';
export { digitReadings, type DigitReadingFact, type ReadingKind } from './readings.js';
