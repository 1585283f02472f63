import type { LocalText } from '../../errors/vanity400-error.js';
import { badPattern, MAX_PATTERN_LENGTH, PATTERN_FAULTS as F, patternNotText } from '../errors.js';

/** One position of a pattern (or a `%` run). `at` is the index in the pattern text. */
export type PatternToken =
  | {
      /** A digit, matching itself. */
      type: 'digit';
      /** The digit, 0–9. */
      digit: number;
      /** Index of the token in the pattern text. */
      at: number;
    }
  | {
      /** `*` or `?`: any one digit. */
      type: 'any';
      /** Index of the token in the pattern text. */
      at: number;
    }
  | {
      /** `[689]`, `[^4]`, `[0-3]`: one of a set of digits. */
      type: 'class';
      /** The digits the class allows, ascending (a negated class is stored as what it allows). */
      digits: number[];
      /** Index of the token in the pattern text. */
      at: number;
    }
  | {
      /** A capital letter: a digit variable. */
      type: 'var';
      /** The letter, A–Z. */
      name: string;
      /** Index of the token in the pattern text. */
      at: number;
    }
  | {
      /** `%`: any run of digits, possibly empty. */
      type: 'run';
      /** Index of the token in the pattern text. */
      at: number;
    };

/** A parsed pattern, as {@link parsePattern} returns it. */
export interface PatternAst {
  /** The pattern text as given. */
  source: string;
  /** Its positions and `%` runs, in order; separators and anchors are left out. */
  tokens: PatternToken[];
  /** It starts with `^`: the first token is the number's first digit. */
  anchoredStart: boolean;
  /** It ends with `$`: the last token is the number's last digit. */
  anchoredEnd: boolean;
  /** Exactly 10 positions and no `%`: the pattern is the whole number. */
  whole: boolean;
}

/** Digits in a 400 number, and so the most positions a pattern may have. */
export const NUMBER_LENGTH = 10;

function isSeparator(c: string): boolean {
  return c === '-' || c === ' ' || c === '.';
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

/** The whole character at `i`, so an astral symbol is quoted intact. */
function charAt(text: string, i: number): string {
  return String.fromCodePoint(text.codePointAt(i) ?? 0);
}

function fail(text: string, position: number, why: LocalText): never {
  badPattern(text, position, why);
}

/** Parses `[...]` starting at `open`; returns the allowed digits (sorted) and the index after `]`. */
function parseClass(text: string, open: number): { digits: number[]; end: number } {
  let i = open + 1;
  const negated = text[i] === '^';
  if (negated) i++;
  let mask = 0;
  let empty = true;
  for (;;) {
    const c = text[i];
    if (c === undefined) fail(text, open, F.unclosed);
    if (c === ']') {
      if (empty) fail(text, i, F.emptyClass);
      break;
    }
    if (!isDigit(c)) {
      fail(text, i, F.inClass(charAt(text, i)));
    }
    let lo = c.charCodeAt(0) - 48;
    let hi = lo;
    if (text[i + 1] === '-') {
      const h = text[i + 2];
      if (h === undefined) fail(text, open, F.unclosed);
      if (!isDigit(h)) {
        fail(text, i + 2, F.rangeEnd(charAt(text, i + 2), c));
      }
      hi = h.charCodeAt(0) - 48;
      if (hi < lo) fail(text, i + 2, F.backwards(c, h));
      i += 2;
    }
    for (let d = lo; d <= hi; d++) mask |= 1 << d;
    empty = false;
    i++;
  }
  if (negated) mask = ~mask & 0x3ff;
  if (mask === 0) fail(text, open, F.noDigit(text.slice(open, i + 1)));
  const digits: number[] = [];
  for (let d = 0; d <= 9; d++) if (mask & (1 << d)) digits.push(d);
  return { digits, end: i + 1 };
}

/**
 * Parses the pattern language: digits, `*`/`?` (any digit), `%` (any run of digits), capital-letter
 * digit variables, `[689]` / `[^4]` / `[0-3]` classes, a leading `^` and a trailing `$`; `-`, space
 * and `.` are ignored. Throws Vanity400Error BAD_PATTERN with the offending position.
 */
export function parsePattern(text: string): PatternAst {
  if (typeof text !== 'string') throw patternNotText(text);
  if (text.length > MAX_PATTERN_LENGTH) fail(text, MAX_PATTERN_LENGTH, F.tooLong);
  const tokens: PatternToken[] = [];
  const letters: string[] = [];
  let anchoredStart = false;
  let anchoredEnd = false;
  let positions = 0;
  let hasRun = false;

  const addPosition = (token: PatternToken): void => {
    if (positions === NUMBER_LENGTH) {
      fail(text, token.at, F.tooManyPositions(NUMBER_LENGTH));
    }
    positions++;
    tokens.push(token);
  };

  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (isSeparator(c)) {
      i++;
    } else if (isDigit(c)) {
      addPosition({ type: 'digit', digit: c.charCodeAt(0) - 48, at: i });
      i++;
    } else if (c === '*' || c === '?') {
      addPosition({ type: 'any', at: i });
      i++;
    } else if (c === '%') {
      tokens.push({ type: 'run', at: i });
      hasRun = true;
      i++;
    } else if (c >= 'A' && c <= 'Z') {
      if (!letters.includes(c)) {
        if (letters.length === NUMBER_LENGTH) {
          fail(text, i, F.tooManyLetters(c));
        }
        letters.push(c);
      }
      addPosition({ type: 'var', name: c, at: i });
      i++;
    } else if (c >= 'a' && c <= 'z') {
      fail(text, i, F.lowercase(c));
    } else if (c === '[') {
      const { digits, end } = parseClass(text, i);
      addPosition({ type: 'class', digits, at: i });
      i = end;
    } else if (c === '^') {
      if (anchoredStart || tokens.length > 0) {
        fail(text, i, F.caret);
      }
      anchoredStart = true;
      i++;
    } else if (c === '$') {
      let j = i + 1;
      while (j < text.length && isSeparator(text[j] as string)) j++;
      if (j < text.length) fail(text, i, F.dollar);
      anchoredEnd = true;
      i = j;
    } else {
      fail(text, i, F.unexpected(charAt(text, i)));
    }
  }
  if (tokens.length === 0) {
    fail(text, 0, F.empty);
  }
  return { source: text, tokens, anchoredStart, anchoredEnd, whole: positions === NUMBER_LENGTH && !hasRun };
}
