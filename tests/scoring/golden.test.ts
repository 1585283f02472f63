import { describe, expect, it } from 'vitest';
import { score } from '../../src/scoring/score.js';
import { GOLDEN, coveredDigits, matches, toldFindings } from './golden.js';

describe('the golden set of numbers (tests/fixtures/golden-numbers.json)', () => {
  it('has the size its description promises', () => {
    expect(GOLDEN.numbers.length).toBeGreaterThanOrEqual(300);
    expect(GOLDEN.pairs.length).toBeGreaterThanOrEqual(100);
  });

  it('tells every reading a native speaker expects, and none that must not be said', () => {
    const wrong: string[] = [];
    for (const g of GOLDEN.numbers) {
      const a = score(g.number, { profile: g.profile });
      const told = toldFindings(a.findings, a.number);
      for (const e of g.expect) {
        const hit = told.find((f) => matches(f, e)) ?? coveredDigits(told, e);
        if (!hit) wrong.push(`${g.number} (${g.profile}) lacks ${e.digits} ${e.reading}`);
        else if (e.taboo && hit.points >= 0) wrong.push(`${g.number} (${g.profile}) tells ${e.digits} ${e.reading} but not as a taboo`);
      }
      for (const x of g.forbid) {
        const hit = told.find((f) => matches(f, x) && (!x.as_bonus || f.points > 0));
        if (hit) wrong.push(`${g.number} (${g.profile}) says ${hit.digits} ${hit.label}${x.as_bonus ? ' as a bonus' : ''}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('orders every pair as a salesperson would', () => {
    const wrong = GOLDEN.pairs
      .map((p) => ({ p, better: score(p.better, { profile: p.profile }).score, worse: score(p.worse, { profile: p.profile }).score }))
      .filter(({ better, worse }) => !(better > worse))
      .map(({ p, better, worse }) => `${p.better} ${better} ≤ ${p.worse} ${worse} (${p.why})`);
    expect(wrong).toEqual([]);
  });
});
