import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { displayOfKey, foursOfKey, numberOfKey } from '../../src/pool/key-strings.js';
import { NUMBER_BASE } from '../../src/pool/pool.js';
import { format } from '../../src/number/format.js';

const keys = fc.oneof(fc.integer({ min: 0, max: 9_999_999 }), fc.constantFrom(0, 9_999, 10_000, 999_999, 4_444_444, 9_999_999));

describe('key strings', () => {
  it('write the number, its display form and its count of 4s as the long way does', () => {
    fc.assert(
      fc.property(keys, (key) => {
        const number = String(NUMBER_BASE + key);
        expect(numberOfKey(key)).toBe(number);
        expect(displayOfKey(key)).toBe(format(number));
        expect(foursOfKey(key)).toBe(number.slice(3).split('4').length - 1);
      }),
      { numRuns: 2000 },
    );
  });
});
