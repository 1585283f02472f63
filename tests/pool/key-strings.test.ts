import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bodyDigitsOfKey, displayOfKey, foursOfKey, numberOfKey, tailDigitsOfKey } from '../../src/pool/key-strings.js';
import { NUMBER_BASE } from '../../src/pool/pool.js';
import { format } from '../../src/number/format.js';

/** The digits of a string as a bit set, bit d for digit d. */
const digitSet = (digits: string) => [...digits].reduce((set, d) => set | (1 << Number(d)), 0);

const keys = fc.oneof(fc.integer({ min: 0, max: 9_999_999 }), fc.constantFrom(0, 9_999, 10_000, 999_999, 4_444_444, 9_999_999));

describe('key strings', () => {
  it('write the number, its display form and its count of 4s as the long way does', () => {
    fc.assert(
      fc.property(keys, (key) => {
        const number = String(NUMBER_BASE + key);
        expect(numberOfKey(key)).toBe(number);
        expect(displayOfKey(key)).toBe(format(number));
        expect(foursOfKey(key)).toBe(number.slice(3).split('4').length - 1);
        expect(bodyDigitsOfKey(key)).toBe(digitSet(number.slice(3)));
        expect(tailDigitsOfKey(key)).toBe(digitSet(number.slice(6)));
      }),
      { numRuns: 2000 },
    );
  });

  it('stay right when keys that share a cache slot take turns', () => {
    // 4096 apart: the same slot of the recent strings.
    const turns = [6_668_888, 6_668_888 + 4096, 6_668_888, 6_668_888 + 8192, 6_668_888 + 4096];
    for (const key of turns) {
      expect(numberOfKey(key)).toBe(String(NUMBER_BASE + key));
      expect(displayOfKey(key)).toBe(format(String(NUMBER_BASE + key)));
    }
  });
});
