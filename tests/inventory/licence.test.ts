import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Vanity400Error } from '../../src/errors/vanity400-error.js';
import { checkLicence, isValidLicence, licenceCheckCharacter, looksLikePersonalId } from '../../src/inventory/licence.js';

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** The check character worked out by hand from GB 32100-2015: weights 3^i mod 31, values by position in CHARSET. */
function byHand(first17: string): string {
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const sum = [...first17].reduce((s, c, i) => s + CHARSET.indexOf(c) * (weights[i] as number), 0);
  const v = 31 - (sum % 31);
  return CHARSET[v === 31 ? 0 : v] as string;
}

function error(code: unknown): Vanity400Error {
  try {
    checkLicence(code);
  } catch (e) {
    return e as Vanity400Error;
  }
  throw new Error(`expected ${String(code)} to be rejected`);
}

const body = fc
  .array(fc.constantFrom(...CHARSET), { minLength: 15, maxLength: 15 })
  .map((chars) => `91${chars.join('')}`);

describe('unified social credit code (统一社会信用代码)', () => {
  it('accepts published enterprise codes', () => {
    // Codes printed on well-known companies' business licences.
    for (const code of ['91110108551385082Q', '9144030071526726XG', '91330100716105852F', '914403001922038216']) {
      expect(checkLicence(code)).toBe(code);
      expect(isValidLicence(code)).toBe(true);
    }
  });

  it('computes the check character as the standard says', () => {
    expect(licenceCheckCharacter('91110108551385082')).toBe('Q');
    fc.assert(
      fc.property(body, (b) => {
        expect(licenceCheckCharacter(b)).toBe(byHand(b));
        expect(checkLicence(b + byHand(b))).toBe(b + byHand(b));
      }),
    );
  });

  it('accepts lower case and returns upper case', () => {
    expect(checkLicence('9144030071526726xg')).toBe('9144030071526726XG');
  });

  it('catches any single changed character, with the position or the right check character', () => {
    fc.assert(
      fc.property(body, fc.nat(17), fc.constantFrom(...CHARSET), (b, at, c) => {
        const good = b + byHand(b);
        fc.pre(good[at] !== c);
        const bad = good.slice(0, at) + c + good.slice(at + 1);
        const e = error(bad);
        if (looksLikePersonalId(bad)) expect(e.code).toBe('NOT_A_COMPANY');
        else {
          expect(e.code).toBe('BAD_LICENCE');
          expect(e.position).toBe(17);
          expect(e.message).toContain(`check character should be ${byHand(bad.slice(0, 17))}`);
        }
      }),
    );
  });

  it('catches two swapped neighbours', () => {
    fc.assert(
      fc.property(body, fc.nat(15), (b, at) => {
        const good = b + byHand(b);
        fc.pre(good[at] !== good[at + 1]);
        const swapped = good.slice(0, at) + good[at + 1] + good[at] + good.slice(at + 2);
        expect(isValidLicence(swapped)).toBe(false);
      }),
    );
  });

  it('names the bad character and where it is', () => {
    for (const [code, position] of [
      ['91110108551385O82Q', 14], // letter O
      ['9111010855138508IQ', 16], // letter I
      ['91110108-51385082Q', 8],
      ['S1110108551385082Q', 0],
    ] as const) {
      const e = error(code);
      expect(e.code, code).toBe('BAD_LICENCE');
      expect(e.position, code).toBe(position);
      expect(e.message).toContain(`position ${position}`);
    }
    expect(error('9111010855138508').message).toMatch(/expected 18 characters.*got 16/);
    expect(error('110108000000000').message).toMatch(/15-digit/);
    expect(error(12345).code).toBe('INVALID_TYPE');
  });

  it('rejects personal ID card numbers: individuals cannot be agents', () => {
    for (const id of ['11010519491231002X', '440305199001011234', '110105194912310021']) {
      const e = error(id);
      expect(e.code, id).toBe('NOT_A_COMPANY');
      expect(e.message).toMatch(/personal ID card number/);
      expect(e.message).toMatch(/individuals cannot be agents/);
      expect(e.message).toContain('个人不能申请成为代理商');
    }
    expect(looksLikePersonalId('11010519491331002X')).toBe(false); // month 13
    expect(looksLikePersonalId('99010519491231002X')).toBe(false); // no province 99
  });

  it('rejects valid codes of anything but an enterprise', () => {
    for (const [prefix, what] of [
      ['92', '个体工商户'],
      ['93', '农民专业合作社'],
      ['11', '机关'],
      ['12', '事业单位'],
      ['51', '社会团体'],
      ['52', '民办非企业单位'],
      ['53', '基金会'],
      ['Y1', 'registration authority Y'],
    ]) {
      const b = `${prefix}440300MA5F0000A`;
      const e = error(b + byHand(b));
      expect(e.code, prefix).toBe('NOT_A_COMPANY');
      expect(e.message).toContain(what);
    }
  });
});
