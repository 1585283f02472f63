/**
 * Finding kinds: the shapes the scanner can emit. A kind plus a length and an end position
 * indexes the compiled points table, so every kind has a small integer code.
 */
export const KIND = {
  REPEAT: 0,
  SEQUENCE_UP: 1,
  SEQUENCE_DOWN: 2,
  AABB: 3,
  ABAB: 4,
  ABBA: 5,
  AAAB: 6,
  ABBB: 7,
  ABCABC: 8,
  AAABBB: 9,
  AABBCC: 10,
  MIRROR: 11,
  TRAIL: 12,
  COMBINATION: 13,
  DIGIT: 14,
  PHRASE: 15,
} as const;

export const KIND_COUNT = 16;

/** Pattern kinds by the shop names used in profiles and in findings. */
export const PATTERN_KINDS = {
  AABB: KIND.AABB,
  ABAB: KIND.ABAB,
  ABBA: KIND.ABBA,
  AAAB: KIND.AAAB,
  ABBB: KIND.ABBB,
  ABCABC: KIND.ABCABC,
  AAABBB: KIND.AAABBB,
  AABBCC: KIND.AABBCC,
  mirror: KIND.MIRROR,
  trail: KIND.TRAIL,
} as const;

export type PatternName = keyof typeof PATTERN_KINDS;

/** Digits after "400": body position 0 is the segment digit (index 3 of the 10 digits). */
export const BODY_LENGTH = 7;
export const BODY_OFFSET = 3;
