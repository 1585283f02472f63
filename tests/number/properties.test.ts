import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { Vanity400Error } from '../../src/errors/vanity400-error.js';
import { format, listSegments, parse, segmentInfo, tryParse } from '../../src/number/index.js';
import type { FormatStyle, ParseOptions } from '../../src/number/index.js';

const PARSE_CODES = ['INVALID_TYPE', 'EMPTY', 'BAD_CHARACTER', 'WRONG_LENGTH', 'NOT_400', 'UNKNOWN_SEGMENT'];
const STYLES: FormatStyle[] = ['3-3-4', '4-3-3', '3-4-3', 'compact', 'e164'];
const CONFIRMED = ['4000', '4001', '4006', '4007', '4008', '4009'];
// Written out here rather than imported, so the tests pin the documented set.
const SEPARATORS = [
  ' ', '\t', '-', '.', '/', '(', ')',
  '\u00a0', '\u3000', '\uff0d', '\uff0e', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2212', '\uff08', '\uff09',
];

const fullWidth = (d: string): string => String.fromCharCode(0xff10 + d.charCodeAt(0) - 48);

/** Calls parse and checks the outcome is either a well-formed Number400 or a Vanity400Error. */
function checkParse(input: unknown, options?: ParseOptions): void {
  let value;
  try {
    value = parse(input as string, options);
  } catch (e) {
    expect(e).toBeInstanceOf(Vanity400Error);
    const err = e as Vanity400Error;
    expect(PARSE_CODES).toContain(err.code);
    if (err.code === 'BAD_CHARACTER') {
      expect(Number.isInteger(err.position)).toBe(true);
      expect(err.position).toBeGreaterThanOrEqual(0);
      expect(err.position).toBeLessThan((input as string).length);
    } else {
      expect(err.position).toBeUndefined();
    }
    return;
  }
  expect(value.digits).toMatch(/^400\d{7}$/);
  expect(value.segment).toBe(value.digits.slice(0, 4));
  const info = segmentInfo(value.segment);
  expect(info).toBeDefined();
  expect(value.carrier).toBe(info!.carrier);
  if (!options?.allowUnconfirmed) expect(info!.confirmed).toBe(true);
}

/** Strings made mostly of characters the parser cares about, so valid and nearly-valid inputs are common. */
const nearMiss = fc
  .array(
    fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom('4', '0', '0', '8', '6', '1', '5', '9') },
      { weight: 2, arbitrary: fc.constantFrom('４', '０', '８', '６') },
      { weight: 2, arbitrary: fc.constantFrom(...SEPARATORS) },
      { weight: 1, arbitrary: fc.constantFrom('+', '＋', 'a', 'O', ',', '\u200b', '😀', '\ud800', '\n') },
    ),
    { maxLength: 20 },
  )
  .chain((parts) =>
    // A 400-ish start makes valid results common enough to exercise the success path too.
    fc.constantFrom('', '400', '4008', '４００６', '+86 400').map((start) => start + parts.join('')),
  );

const options = fc.option(fc.record({ allowUnconfirmed: fc.boolean() }), { nil: undefined });

/** Ten digits in a confirmed segment. */
const confirmedNumber = fc
  .tuple(fc.constantFrom(...CONFIRMED), fc.stringMatching(/^\d{6}$/))
  .map(([segment, rest]) => segment + rest);

/** Digit strings: mostly valid 400 numbers (any segment, with or without a country code), some arbitrary. */
const digitStrings = fc.oneof(
  fc.tuple(fc.constantFrom('', '86', '0086'), fc.stringMatching(/^400\d{7}$/)).map(([cc, n]) => cc + n),
  fc.stringMatching(/^\d{0,16}$/),
);

/** Rewrites a digit string: each digit possibly full-width, separators inserted anywhere. */
function disguise(digits: string, wide: boolean[], seps: string[][], tail: string[]): string {
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    const d = digits[i]!;
    out += (seps[i] ?? []).join('') + (wide[i] ? fullWidth(d) : d);
  }
  return out + tail.join('');
}

const disguised = digitStrings.chain((digits) =>
  fc.record({
    digits: fc.constant(digits),
    wide: fc.array(fc.boolean(), { minLength: digits.length, maxLength: digits.length }),
    seps: fc.array(fc.array(fc.constantFrom(...SEPARATORS), { maxLength: 3 }), {
      minLength: digits.length,
      maxLength: digits.length,
    }),
    tail: fc.array(fc.constantFrom(...SEPARATORS), { maxLength: 3 }),
  }),
);

/**
 * The comparable outcome of tryParse: the value, or the error code plus the message without the quoted
 * input (so WRONG_LENGTH must report the same digit count). EMPTY says "empty" vs "only separators".
 */
function outcome(text: string, opts?: ParseOptions): unknown {
  const r = tryParse(text, opts);
  if (r.ok) return r.value;
  const { code, message } = r.error;
  return code === 'EMPTY' ? { code } : { code, detail: message.slice(message.indexOf(':')) };
}

describe('properties', () => {
  it('parse returns a valid Number400 or throws a Vanity400Error, for any string', () => {
    fc.assert(fc.property(fc.string(), options, checkParse), { numRuns: 500 });
    fc.assert(fc.property(fc.string({ unit: 'binary' }), options, checkParse), { numRuns: 500 });
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), options, checkParse), { numRuns: 300 });
    fc.assert(fc.property(nearMiss, options, checkParse), { numRuns: 2000 });
  });

  it('the near-miss generator really reaches both outcomes', () => {
    // Guards the property above against a generator that only ever produces errors.
    const samples = fc.sample(nearMiss, 3000);
    const codes = new Set(samples.map((s) => (tryParse(s).ok ? 'ok' : 'error')));
    expect(codes).toEqual(new Set(['ok', 'error']));
  });

  it('parse throws only Vanity400Error for any value at all', () => {
    fc.assert(fc.property(fc.anything(), options, checkParse), { numRuns: 500 });
  });

  it('parse(format(x, style, sep)).digits === x for confirmed numbers, any style and separator', () => {
    fc.assert(
      fc.property(confirmedNumber, fc.constantFrom(...STYLES), fc.constantFrom(...SEPARATORS, ''), (x, style, sep) => {
        expect(parse(format(x, style, sep)).digits).toBe(x);
        expect(parse(format(parse(x), style)).digits).toBe(x);
      }),
      { numRuns: 1000 },
    );
  });

  it('full-width digits and inserted separators never change the result', () => {
    fc.assert(
      fc.property(disguised, options, ({ digits, wide, seps, tail }, opts) => {
        const plain = outcome(digits, opts);
        const text = disguise(digits, wide, seps, tail);
        expect(outcome(text, opts)).toEqual(plain);
      }),
      { numRuns: 1000 },
    );
  });

  it('a +86, 86 or 0086 prefix does not change a valid number', () => {
    fc.assert(
      fc.property(
        confirmedNumber,
        fc.constantFrom('+86', '＋86', '+８６', '86', '0086', '(+86)', '+86-', '00 86 '),
        fc.constantFrom(...SEPARATORS, ''),
        (x, prefix, sep) => {
          expect(parse(prefix + sep + x)).toEqual(parse(x));
        },
      ),
    );
  });

  it('every confirmed segment is accepted and every unconfirmed one needs allowUnconfirmed', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^400\d{7}$/), (x) => {
        const info = listSegments().find((s) => s.segment === x.slice(0, 4))!;
        expect(tryParse(x).ok).toBe(info.confirmed);
        expect(tryParse(x, { allowUnconfirmed: true }).ok).toBe(true);
      }),
    );
  });
});
