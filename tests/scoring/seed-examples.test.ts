import { describe, expect, it } from 'vitest';
import { score } from '../../src/scoring/score.js';
import type { Finding } from '../../src/scoring/types.js';

/** The seed's examples (选号方法), each placed at the end of a number: 4006 + filler + example. */
function numberEnding(example: string, filler = '1357'): string {
  return `4006${filler}`.slice(0, 10 - example.length) + example;
}

function findingFor(number: string, digits: string, options = {}): Finding | undefined {
  return score(number, options).findings.find((f) => f.digits === digits && number.indexOf(digits, 3) === f.at);
}

describe('every example of the seed is found by the right rule family', () => {
  it.each([
    ['12580', '一按我帮您'],
    ['1615', '一路有我'],
  ])('homophone %s (%s)', (digits, phrase) => {
    const f = findingFor(numberEnding(digits), digits);
    expect(f?.rule).toBe('homophone');
    expect(f?.label).toBe(phrase);
    expect(f!.points).toBeGreaterThan(0);
  });

  it.each(['114', '1949', '1987', '3721', '5945', '365', '8848', '5460'])('memorable %s', (digits) => {
    const number = numberEnding(digits);
    const f = score(number).findings.find((x) => x.rule === 'memorable' && x.digits === digits && x.at === 10 - digits.length);
    expect(f!.points).toBeGreaterThan(0);
  });

  it('5945 is also the times-table line 五九四十五', () => {
    expect(score(numberEnding('5945')).findings.find((x) => x.rule === 'multiplication')?.label).toBe('五九四十五');
  });

  it.each(['1511', '1151', '5161', '1516'])('combination %s', (digits) => {
    expect(findingFor(numberEnding(digits, '7302'), digits)?.rule).toBe('combination');
  });

  it.each(['2510', '7749', '2612', '5630'])('multiplication %s', (digits) => {
    expect(findingFor(numberEnding(digits), digits)?.rule).toBe('multiplication');
  });

  it.each(['6', '8', '9', '0'])('auspicious digit %s, worth more at the end', (digit) => {
    const lucky = (number: string, at: number) => score(number).findings.find((f) => f.rule === 'auspicious' && f.at === at);
    const atEnd = lucky(`400715327${digit}`, 9);
    const inMiddle = lucky(`4007${digit}15327`, 4);
    expect(atEnd?.digits).toBe(digit);
    expect(inMiddle?.digits).toBe(digit);
    expect(atEnd!.points).toBeGreaterThan(inMiddle!.points);
  });

  it('4 is "fa" in the seed profile: no penalty for 4; the traditional profile punishes it', () => {
    const n = '4006143414';
    const seed = score(n);
    const traditional = score(n, { profile: 'traditional' });
    expect(seed.findings.filter((f) => f.rule === 'taboo' && f.digits.includes('4'))).toEqual([]);
    expect(traditional.findings.filter((f) => f.rule === 'taboo' && f.digits === '4').length).toBe(3);
    expect(traditional.score).toBeLessThan(seed.score);
  });

  it('company facts: door number, founding year, registration date and landline', () => {
    const company = { founded: 1987, registered: '2015-03-18', door: '1203', landline: '010-87654321' };
    const companyFinding = (number: string, digits: string) =>
      score(number, { company }).findings.find((f) => f.rule === 'company' && f.digits === digits);
    expect(companyFinding('4006151987', '1987')?.label).toContain('1987');
    expect(companyFinding('4006130318', '0318')?.label).toContain('03月18日');
    expect(companyFinding('4006151203', '1203')?.label).toBe('门牌号 1203');
    expect(companyFinding('4006154321', '4321')?.label).toContain('010-87654321');
    expect(score('4006151987').findings.some((f) => f.rule === 'company')).toBe(false);
  });
});
