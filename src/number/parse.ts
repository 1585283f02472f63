import { Vanity400Error, type LocalText } from '../errors/vanity400-error.js';
import { badCharacter, badPlus, noDigits, not400, numberNotText, unconfirmedSegment, wrongLength } from './errors.js';
import { listSegments, segmentInfo } from './segments.js';
import type { Number400, ParseOptions } from './types.js';
import { guardFields, guardOptions } from '../errors/guards.js';

/** The longest digit run that can still be valid: 0086 + 10 digits. */
const MAX_KEPT = 14;

/** Characters ignored between digits: whitespace, dashes, dots, slashes, parentheses and their look-alikes. */
function isSeparator(c: number): boolean {
  switch (c) {
    case 0x20: // space
    case 0x09: // tab
    case 0x0a: // line feed
    case 0x0d: // carriage return
    case 0x2d: // -
    case 0x2e: // .
    case 0x2f: // /
    case 0x28: // (
    case 0x29: // )
    case 0xa0: // no-break space
    case 0x3000: // ideographic space
    case 0x2010: // hyphen
    case 0x2011: // non-breaking hyphen
    case 0x2012: // figure dash
    case 0x2013: // en dash
    case 0x2014: // em dash
    case 0x2212: // minus sign
    case 0xff08: // full-width (
    case 0xff09: // full-width )
    case 0xff0d: // full-width hyphen-minus
    case 0xff0e: // full-width full stop
      return true;
    default:
      return false;
  }
}

function isPlus(c: number): boolean {
  return c === 0x2b || c === 0xff0b; // + and full-width ＋
}

let knownSegmentsText: LocalText | undefined;

/** "4000, 4006 (China Unicom); 4001, 4007 (China Mobile); 4008, 4009 (China Telecom)", from the data file. */
function knownSegments(): LocalText {
  if (knownSegmentsText === undefined) {
    const byCarrier = new Map<string, { zh: string; segments: string[] }>();
    for (const s of listSegments()) {
      if (!s.confirmed || s.carrierEn === null || s.carrierZh === null) continue;
      const entry = byCarrier.get(s.carrierEn) ?? { zh: s.carrierZh, segments: [] };
      entry.segments.push(s.segment);
      byCarrier.set(s.carrierEn, entry);
    }
    const all = [...byCarrier];
    knownSegmentsText = {
      zh: all.map(([, { zh, segments }]) => `${segments.join('、')}（${zh}）`).join('；'),
      en: all.map(([name, { segments }]) => `${segments.join(', ')} (${name})`).join('; '),
    };
  }
  return knownSegmentsText;
}

/**
 * Reads a 400 number written in any common way: "400-851-7517", "4008 517 517", "400.8517.517",
 * full-width digits, look-alike dashes and spaces, and an optional +86 / 86 / 0086 country code.
 *
 * A "+" (or full-width "＋") may appear once, before any digit, and must be followed by 86;
 * otherwise the error is BAD_CHARACTER with `position` at the "+".
 *
 * @throws Vanity400Error (and nothing else) with code INVALID_TYPE, EMPTY, BAD_CHARACTER,
 *   WRONG_LENGTH, NOT_400 or UNKNOWN_SEGMENT.
 */
export function parse(text: string, options?: ParseOptions): Number400 {
  if (typeof text !== 'string') {
    throw numberNotText(text);
  }
  if (options !== undefined) guardParseOptions(options, 'parse()');

  let kept = ''; // the first MAX_KEPT digits, as ASCII
  let count = 0;
  let plusAt = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let d: number;
    if (c >= 0x30 && c <= 0x39) d = c - 0x30;
    else if (c >= 0xff10 && c <= 0xff19) d = c - 0xff10;
    else if (isSeparator(c)) continue;
    else if (isPlus(c) && plusAt < 0 && count === 0) {
      plusAt = i;
      continue;
    } else throw badCharacter(text, i, isPlus(c));

    // Check the country code as soon as its digits arrive, so errors come in reading order.
    if (plusAt >= 0 && count < 2 && d !== (count === 0 ? 8 : 6)) throw badPlus(text, plusAt);
    if (count < MAX_KEPT) kept += String.fromCharCode(0x30 + d);
    count++;
  }

  if (plusAt >= 0 && count < 2) throw badPlus(text, plusAt);
  if (count === 0) throw noDigits(text);

  let skip = 0;
  if (plusAt >= 0) skip = 2;
  else if (count === 12 && kept.startsWith('86400')) skip = 2;
  else if (count === 14 && kept.startsWith('0086400')) skip = 4;

  const length = count - skip;
  if (length !== 10) throw wrongLength(text, length, plusAt >= 0);

  const digits = skip === 0 ? kept : kept.slice(skip);
  if (!digits.startsWith('400')) throw not400(text, digits.slice(0, 3));

  const segment = digits.slice(0, 4);
  const info = segmentInfo(segment);
  const allowUnconfirmed = typeof options === 'object' && options !== null && options.allowUnconfirmed === true;
  if (info === undefined || (!info.confirmed && !allowUnconfirmed)) throw unconfirmedSegment(text, segment, knownSegments());
  return { digits, segment, carrier: info.carrier };
}

/** The options of parse() and its try-forms: a wrong one is INVALID_TYPE even where the text's errors are answers. */
function guardParseOptions(options: unknown, fn: string): void {
  guardOptions(options, `${fn}: options`);
  guardFields(options as object, `${fn}: options`, { allowUnconfirmed: 'boolean?' });
}

/** What {@link tryParse} returns: the number, or the error {@link parse} would have thrown. */
export type TryParseResult =
  | {
      /** The text is a 400 number. */
      ok: true;
      /** The parsed number. */
      value: Number400;
    }
  | {
      /** The text is not a 400 number. */
      ok: false;
      /** Why not, with a code and a message naming the input. */
      error: Vanity400Error;
    };

/** Like {@link parse}, but returns the error instead of throwing it. */
export function tryParse(text: unknown, options?: ParseOptions): TryParseResult {
  if (options !== undefined) guardParseOptions(options, 'tryParse()');
  try {
    return { ok: true, value: parse(text as string, options) };
  } catch (error) {
    if (error instanceof Vanity400Error) return { ok: false, error };
    throw error; // only a bug (or a throwing options getter) gets here
  }
}

/** Whether `text` is a 400 number that {@link parse} accepts with the same options. */
export function isValid400(text: unknown, options?: ParseOptions): boolean {
  if (options !== undefined) guardParseOptions(options, 'isValid400()');
  return tryParse(text, options).ok;
}
