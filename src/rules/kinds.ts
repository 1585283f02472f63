/**
 * Finding kinds: what the scanner can find. A shape kind plus a length and an end position
 * indexes the compiled points table, so every kind has a small integer code.
 */
export const KIND = {
  /** A run of one digit (888). */
  REPEAT: 0,
  /** A straight up (1234, 7890). */
  SEQUENCE_UP: 1,
  /** A straight down (4321). */
  SEQUENCE_DOWN: 2,
  /** Two pairs ending the number (5577). */
  AABB: 3,
  /** Two digits taking turns, ending the number (5757, 585858). */
  ALTERNATION: 4,
  /** Digits that read the same backwards, ending the number (7557, 12321). */
  MIRROR: 5,
  /** Three digits twice, ending the number (517517). */
  ABCABC: 6,
  /** Two triples ending the number (888666). */
  AAABBB: 7,
  /** Three pairs ending the number (556677). */
  AABBCC: 8,
  /** N拖M: a run of three or more, then a shorter run ending the number (88866). */
  TRAIL: 9,
  /** The seed's clever combination in the last four digits (1511, 5161). */
  COMBINATION: 10,
  /** A single digit read as lucky or unlucky. */
  DIGIT: 11,
  /** A phrase: lexicon, times table, year or company fact. */
  PHRASE: 12,
} as const;

export const KIND_COUNT = 13;

/** The number-shop pattern kinds a profile gives points to, by the names used in profiles and findings. */
export const PATTERN_KINDS = {
  AABB: KIND.AABB,
  ABCABC: KIND.ABCABC,
  AAABBB: KIND.AAABBB,
  AABBCC: KIND.AABBCC,
} as const;

export type PatternName = keyof typeof PATTERN_KINDS;

/** Digits after "400": body position 0 is the segment digit (index 3 of the 10 digits). */
export const BODY_LENGTH = 7;
export const BODY_OFFSET = 3;
/** The first body position the buyer chooses: readings, lucky digits and company facts start here. */
export const CHOSEN_START = 1;
/** The body position of the number's last digit. */
export const LAST = BODY_LENGTH - 1;
/** The first body position of the last four digits (尾号). */
export const TAIL_START = BODY_LENGTH - 4;
