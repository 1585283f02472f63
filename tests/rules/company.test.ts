import { describe, expect, it } from 'vitest';
import { companyPhrases } from '../../src/rules/company.js';
import { Vanity400Error } from '../../src/errors/vanity400-error.js';

const digitsOf = (profile: Parameters<typeof companyPhrases>[0]) => companyPhrases(profile).map((p) => p.digits);

describe('companyPhrases', () => {
  it('reads a founding year as 1987 and 87', () => {
    expect(digitsOf({ founded: 1987 })).toEqual(['1987', '87']);
    expect(digitsOf({ founded: '1987' })).toEqual(['1987', '87']);
  });

  it('reads a registration date as MMDD, YYMMDD and leaves out the 8-digit form that cannot fit', () => {
    expect(digitsOf({ registered: '2015-03-18' })).toEqual(['0318', '150318']);
    expect(digitsOf({ registered: '20150318' })).toEqual(['0318', '150318']);
  });

  it("takes a landline's last 6 to 4 digits (no more fit in the six digits the buyer chooses) and a door number", () => {
    expect(digitsOf({ landline: '010-87654321', door: 88 })).toEqual(['88', '654321', '54321', '4321']);
  });

  it('labels each string with the fact it came from', () => {
    const [year] = companyPhrases({ founded: 1999 });
    expect(year!.zh).toContain('1999');
    expect(year!.en).toBe('the founding year 1999');
  });

  it.each([
    [{ founded: 'nineteen' }, 'company.founded'],
    [{ founded: 1776 }, 'company.founded'],
    [{ registered: '2015-13-01' }, 'company.registered'],
    [{ landline: 'call me' }, 'company.landline'],
    [{ door: '12-3' }, 'company.door'],
    [{ digits: ['12x'] }, 'company.digits[0]'],
  ])('rejects %j with an error naming %s', (profile, field) => {
    let error: unknown;
    try {
      companyPhrases(profile as never);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(Vanity400Error);
    expect((error as Vanity400Error).code).toBe('BAD_COMPANY');
    expect((error as Vanity400Error).message).toContain(field);
  });
});
