import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { explain } from '../../src/scoring/explain.js';
import { scoreSegment } from '../../src/scoring/fast-score.js';
import { score } from '../../src/scoring/score.js';
import { TIERS, tierIndexById } from '../../src/scoring/tiers.js';

const SEGMENTS = ['4000', '4001', '4006', '4007', '4008', '4009'];
/** Random numbers, and numbers drawn from few digits, where runs, patterns and phrases pile up. */
const number400 = fc
  .tuple(fc.constantFrom(...SEGMENTS), fc.constantFrom('0123456789', '0189', '168', '5201314', '12580', '14', '2507486', '8'))
  .chain(([segment, alphabet]) => fc.string({ unit: fc.constantFrom(...alphabet), minLength: 6, maxLength: 6 }).map((rest) => segment + rest));
const profile = fc.constantFrom('seed', 'traditional', 'cantonese');

describe('what a number is said to be', () => {
  it('reads each digit at most once: readings never overlap, so no bonus and penalty share digits', () => {
    fc.assert(
      fc.property(number400, profile, (n, p) => {
        const spans = score(n, { profile: p })
          .findings.filter((f) => f.kind === 'phrase')
          .map((f) => [f.at, f.at + f.digits.length] as const)
          .sort((a, b) => a[0] - b[0]);
        for (let i = 1; i < spans.length; i++) expect(spans[i]![0]).toBeGreaterThanOrEqual(spans[i - 1]![1]);
      }),
      { numRuns: 3000 },
    );
  });

  it('hears no reading that cuts into a run of three or more: 333999 is no 三三得九, 168888 no 1688', () => {
    // Alphabets of few digits make runs next to readings; the segment digit belongs to the run it starts;
    // a reading inside the last four sees only the last four (7749 in 400-707-7749).
    const crowded = fc
      .tuple(fc.constantFrom(...SEGMENTS), fc.constantFrom('3569', '2468', '168', '1688', '518', '0369'))
      .chain(([segment, alphabet]) => fc.string({ unit: fc.constantFrom(...alphabet), minLength: 6, maxLength: 6 }).map((rest) => segment + rest));
    const runThrough = (n: string, i: number, floor: number) => {
      let from = i;
      let to = i;
      while (from > floor && n[from - 1] === n[i]) from--;
      while (to < 9 && n[to + 1] === n[i]) to++;
      return to - from + 1;
    };
    fc.assert(
      fc.property(fc.oneof(number400, crowded), profile, (n, p) => {
        for (const f of score(n, { profile: p }).findings.filter((x) => x.kind === 'phrase' && x.rule !== 'company' && x.rule !== 'taboo')) {
          const end = f.at + f.digits.length - 1;
          const floor = f.at >= 6 ? 6 : 3;
          expect(f.at > floor && n[f.at - 1] === n[f.at] && runThrough(n, f.at, floor) >= 3, `${n}: ${f.label} starts inside a run`).toBe(false);
          expect(n[end + 1] === n[end] && runThrough(n, end, floor) >= 3, `${n}: ${f.label} ends inside a run`).toBe(false);
        }
      }),
      { numRuns: 3000 },
    );
    const labels = (n: string) => score(n).findings.filter((f) => f.kind === 'phrase').map((f) => f.label);
    expect(labels('4006333999')).toEqual([]);
    expect(labels('4006666363')).not.toContain('六六三十六');
    expect(labels('4006168888')).not.toContain('一路发发');
    expect(labels('4006168888')).not.toContain('一路发');
    expect(labels('4006661688')).toContain('一路发发');
  });

  it('reads nothing in the segment digit: readings start after it (lucky digits are counted as seen, but only chosen ones score)', () => {
    fc.assert(
      fc.property(number400, profile, (n, p) => {
        for (const f of score(n, { profile: p }).findings) if (!['repeat', 'sequence', 'pattern', 'auspicious'].includes(f.rule)) expect(f.at).toBeGreaterThanOrEqual(4);
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps the salesperson’s tips out of what is read to the customer, sells nothing of a number not to sell, and tells each span once', () => {
    fc.assert(
      fc.property(number400, profile, fc.constantFrom('zh', 'en') as fc.Arbitrary<'zh' | 'en'>, (n, p, lang) => {
        const e = explain(n, { profile: p, lang });
        const aloud = [e.summary, ...e.reasons].join('\n');
        expect(aloud).not.toMatch(lang === 'zh' ? /提示|忌讳|问一句/ : /\btip\b|ask first/i);
        for (const tip of e.tips) expect(tip).toMatch(lang === 'zh' ? /^提示：/ : /^Tip: /);
        if (e.score === 0 && e.findings.some((f) => f.rule === 'taboo' && f.kind === 'phrase')) {
          for (const r of e.reasons) expect(r).toMatch(lang === 'zh' ? /^注意：/ : /^Note: /);
        }
        // Two reasons never start from the same digits (尾号 5588 once, its 588 told inside it).
        const where = e.reasons.map((r) => r.split(lang === 'zh' ? '：' : ':')[0] ?? '').filter((w) => !/^(注意|Note)/.test(w) && /\d{2}/.test(w));
        expect(new Set(where).size).toBe(where.length);
      }),
      { numRuns: 1500 },
    );
  });

  it('says no reason twice, keeps lucky-digit counts out of the summary and always names the largest taboo', () => {
    fc.assert(
      fc.property(number400, profile, fc.constantFrom('zh', 'en') as fc.Arbitrary<'zh' | 'en'>, (n, p, lang) => {
        const e = explain(n, { profile: p, lang });
        expect(new Set(e.reasons).size).toBe(e.reasons.length);
        expect(e.summary).not.toMatch(lang === 'zh' ? /含 \d+ 个 \d（吉利数字）/ : /(?<!un)lucky digits:/);
        expect(e.summary).not.toMatch(/[+-]\d+(\.\d)?( 分)?\)/);
        const taboos = e.findings.filter((f) => f.rule === 'taboo');
        const least = Math.min(...taboos.map((f) => f.points));
        if (taboos.length) expect(taboos.filter((f) => f.points === least).some((f) => e.summary.includes(lang === 'zh' ? f.label : f.labelEn))).toBe(true);
      }),
      { numRuns: 1500 },
    );
  });

  it('gives each tier a range of scores: over whole segments a higher score never has a lower tier', () => {
    for (const segment of ['4006', '4008']) {
      const { scores } = scoreSegment(segment);
      const tierOf = new Map<number, number>();
      for (let i = 0; i < scores.length; i += 97) {
        const a = score(`${segment}${String(i).padStart(6, '0')}`);
        const known = tierOf.get(scores[i]!);
        const tier = tierIndexById(a.tier);
        if (known !== undefined) expect(tier).toBe(known);
        tierOf.set(scores[i]!, tier);
      }
      const byScore = [...tierOf].sort((a, b) => a[0] - b[0]);
      for (let k = 1; k < byScore.length; k++) expect(byScore[k]![1]).toBeGreaterThanOrEqual(byScore[k - 1]![1]);
      for (const [s, t] of byScore) expect(s / 10).toBeGreaterThanOrEqual(TIERS[t]!.minScore);
    }
  });

  it('keeps every number with a serious taboo below 精品号', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SEGMENTS), fc.constantFrom('250', '748', '0748', '7456'), fc.integer({ min: 0, max: 999 }), fc.boolean(), (seg, taboo, other, atEnd) => {
        const filler = String(other).padStart(6 - taboo.length, '8').slice(0, 6 - taboo.length);
        const n = seg + (atEnd ? filler + taboo : taboo + filler);
        expect(['ordinary', 'select']).toContain(score(n).tier);
      }),
      { numRuns: 500 },
    );
  });
});

describe("the seed's own heuristics first", () => {
  const EXAMPLES = ['12580', '1615', '114', '1949', '1987', '3721', '5945', '365', '8848', '5460', '1511', '1151', '5161', '1516', '2510', '7749', '2612', '5630'];
  // Prefixes with nothing of their own, and tails that are plain, trivial (110, 119, 120, 886 拜拜了, 1372) or negative (250).
  const PREFIXES = ['8720', '8735', '8257', '7320', '1372'];
  const PLAIN = ['3271', '7352', '2573', '3110', '2501', '7886', '2119', '5120', '1372'];
  const ending = (segment: string, prefix: string, tail: string) => (segment + prefix + '0000000').slice(0, 10 - tail.length) + tail;

  it.each(['4006', '4008', '4001'])('ranks a number ending in each example above the 75th percentile of %s and above plain tails', (segment) => {
    const sorted = Uint16Array.from(scoreSegment(segment).scores).sort();
    const p75 = sorted[Math.floor(0.75 * sorted.length)]! / 10;
    for (const prefix of PREFIXES) {
      const plain = Math.max(...PLAIN.map((t) => score(ending(segment, prefix, t)).score));
      for (const example of EXAMPLES) {
        const s = score(ending(segment, prefix, example)).score;
        expect(s, `${ending(segment, prefix, example)} vs p75 ${p75}`).toBeGreaterThan(p75);
        expect(s, `${ending(segment, prefix, example)} vs plain ${plain}`).toBeGreaterThan(plain);
      }
    }
  });
});
