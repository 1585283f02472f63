import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { score } from '../../src/scoring/score.js';
import { fastScoreTenths, scoreSegment } from '../../src/scoring/fast-score.js';
import { resolveProfile } from '../../src/scoring/profile.js';
import { TIERS, isSpecial, tierIndexOf } from '../../src/scoring/tiers.js';
import { lexiconPhrases } from '../../src/rules/lexicon.js';
import { multiplicationPhrases } from '../../src/rules/multiplication.js';
import { companyPhrases, type CompanyProfile } from '../../src/rules/company.js';
import { yearPhrases } from '../../src/rules/years.js';
import { oracleFindings, oracleScore } from './oracle.js';

const SEGMENTS = ['4000', '4001', '4006', '4007', '4008', '4009'];
/** Numbers biased toward shapes: digits drawn from a small alphabet make runs, mirrors and phrases common. */
const number400 = fc
  .tuple(fc.constantFrom(...SEGMENTS), fc.constantFrom('0123456789', '0189', '168', '5201314', '12', '8', '14', '2510749', '5161'))
  .chain(([segment, alphabet]) =>
    fc.string({ unit: fc.constantFrom(...alphabet), minLength: 6, maxLength: 6 }).map((rest) => segment + rest),
  );
const company: fc.Arbitrary<CompanyProfile> = fc.record(
  {
    founded: fc.integer({ min: 1950, max: 2025 }),
    registered: fc.date({ min: new Date('1990-01-01'), max: new Date('2025-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
    door: fc.integer({ min: 1, max: 9999 }),
    landline: fc.stringMatching(/^0\d{2,3}-\d{7,8}$/),
  },
  { requiredKeys: [] },
);
const profileName = fc.constantFrom('seed', 'traditional', 'cantonese');

describe('fast path and explain path', () => {
  it('give the same score for any number, profile and company profile', () => {
    fc.assert(
      fc.property(number400, profileName, fc.option(company, { nil: undefined }), (n, profile, co) => {
        const options = co ? { profile, company: co } : { profile };
        expect(fastScoreTenths(n, options) / 10).toBe(score(n, options).score);
      }),
      { numRuns: 2000 },
    );
  });

  it('list exactly the findings an independent string re-statement of the rules lists, and the score it computes', () => {
    fc.assert(
      fc.property(number400, profileName, fc.option(company, { nil: undefined }), (n, profileId, co) => {
        const profile = resolveProfile(profileId);
        const phrases = [...(co ? companyPhrases(co) : []), ...lexiconPhrases(), ...multiplicationPhrases(), ...yearPhrases()];
        const expected = oracleFindings(n, profile, phrases);
        const got = score(n, co ? { profile: profileId, company: co } : { profile: profileId });
        const key = (f: { rule: string; kind: string; at: number; digits: string; points: number }) => `${f.rule}/${f.kind}/${f.at}/${f.digits}/${f.points}`;
        expect(got.findings.map(key).sort()).toEqual(expected.map(key).sort());
        expect(got.score).toBe(oracleScore(expected, profile));
      }),
      { numRuns: 1500 },
    );
  });

  it.each<[string, { profile?: string; company?: CompanyProfile }]>([
    ['4008', {}],
    ['4006', { profile: 'traditional' }],
    ['4001', { profile: 'cantonese' }],
    ['4009', { company: { founded: 1988, registered: '2015-03-18', door: 518, landline: '020-83951688' } }],
  ])('whole-segment scoring of %s with %j gives each number the score it gets alone', (segment, options) => {
    const seg = scoreSegment(segment, options);
    expect(seg.scores).toHaveLength(1_000_000);
    // Entries drawn at random and from shaped numbers, where the last-digit look-up does the most.
    const shaped = number400.map((n) => Number(n.slice(4)));
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: 0, max: 999_999 }), shaped), (i) => {
        const a = score(`${segment}${String(i).padStart(6, '0')}`, options);
        expect(seg.scores[i]! / 10).toBe(a.score);
        expect(TIERS[tierIndexOf(seg.scores[i]!)]!.id).toBe(a.tier);
        expect(isSpecial(seg.bits[i]!)).toBe(a.special);
      }),
      { numRuns: 3000 },
    );
    for (const i of [0, 1, 888_888, 999_999, 123_456]) expect(seg.scores[i]! / 10).toBe(score(`${segment}${String(i).padStart(6, '0')}`, options).score);
  });
});
