import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseLandingNumber } from '../../src/number/landing-number.js';

describe('parseLandingNumber', () => {
  it.each([
    ['010-87654321', '01087654321', 'landline', '010-87654321'],
    ['(0755) 8888-1234', '075588881234', 'landline', '0755-88881234'],
    ['0571-8888123', '05718888123', 'landline', '0571-8888123'],
    ['+86 138 0013 8000', '13800138000', 'mobile', '138-0013-8000'],
    ['13800138000', '13800138000', 'mobile', '138-0013-8000'],
  ])('reads %s', (input, digits, kind, display) => {
    expect(parseLandingNumber(input)).toEqual({ digits, kind, display });
  });

  it.each([
    ['400-123-4567', /400、800/],
    ['800-810-8888', /400、800/],
    ['12345', /手机号/],
    ['23800138000', /手机号/],
    ['010-8765', /手机号/],
    ['abc', /只能有数字/],
  ])('refuses %s, naming the field', (input, why) => {
    expect(() => parseLandingNumber(input, 'landingNumbers[0]')).toThrow(expect.objectContaining({ code: 'BAD_LANDING_NUMBER', field: 'landingNumbers[0]' }));
    try {
      parseLandingNumber(input);
    } catch (error) {
      expect((error as { messageIn(l: string): string }).messageIn('zh')).toMatch(why);
    }
  });

  it('never crashes on any text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (s) => {
        try {
          const n = parseLandingNumber(s);
          expect(n.digits).toMatch(/^(1[3-9]\d{9}|0\d{9,11})$/);
        } catch (error) {
          expect(error).toMatchObject({ code: 'BAD_LANDING_NUMBER' });
        }
      }),
      { numRuns: 500 },
    );
  });
});
