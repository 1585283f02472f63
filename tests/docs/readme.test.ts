import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createPool, explain, format, parse, score, search } from '../../src/index.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe('README examples say what the code does', () => {
  it('parse and format', () => {
    expect(parse('４００-８５１-７５１７')).toEqual({ digits: '4008517517', segment: '4008', carrier: 'telecom' });
    expect(readme).toContain("{ digits: '4008517517', segment: '4008', carrier: 'telecom' }");
    expect(format('4008517517', '4-3-3')).toBe('4008-517-517');
  });

  it('the score of 400-851-7517 and its first finding', () => {
    const a = score('400-851-7517');
    expect(readme).toContain(`score: ${a.score}, tier: '${a.tier}', special: ${a.special}`);
    const f = a.findings[0]!;
    expect(readme).toContain(`{ rule: '${f.rule}', kind: '${f.kind}', digits: '${f.digits}', at: ${f.at}, label: '${f.label}', points: ${f.points}`);
  });

  it('the English summary', () => {
    const summary = explain('4006161615', { lang: 'en' }).summary;
    const shown = /explain\('4006161615', \{ lang: 'en' \}\)\.summary;\n\/\/ '(.*) …'/.exec(readme)![1]!;
    expect(summary.startsWith(shown)).toBe(true);
  });

  it('the search example', () => {
    const [first] = search(createPool({ segment: '4006' }), { pattern: 'AABB$', exclude: '4', limit: 10 }).results;
    expect(readme).toContain(`{ number: '${first!.number}', display: '${first!.display}', score: ${first!.score}, tier: '${first!.tier}', findings: […] }`);
  });

  it('the table at the top', () => {
    for (const n of ['400-851-7517', '4006-161-615']) {
      const a = score(n);
      expect(readme).toMatch(new RegExp(`${a.display}\\s+${a.score.toFixed(1)}`));
    }
  });
});
