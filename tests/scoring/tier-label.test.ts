import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { numberTable } from '../../src/cli/table.js';
import { explain } from '../../src/scoring/explain.js';
import { score } from '../../src/scoring/score.js';
import { NOT_RECOMMENDED, TIERS, tierLabel } from '../../src/scoring/tiers.js';

/** Numbers that often carry a serious taboo: 250 二百五 or 748 去死吧 somewhere in the six chosen digits. */
const tabooNumber = fc
  .tuple(fc.constantFrom('4000', '4006', '4008'), fc.constantFrom('250', '748', '7456'), fc.stringMatching(/^\d{3}$/), fc.boolean())
  .map(([segment, taboo, other, first]) => (segment + (first ? taboo + other : other + taboo)).slice(0, 10));

describe('tierLabel', () => {
  it("names a tier by its own name, and a number its taboo brings to 0 不推荐", () => {
    for (const t of TIERS) expect(tierLabel(t.id, t.minScore + 0.1)).toEqual({ zh: t.zh, en: t.en });
    expect(tierLabel('ordinary', 0)).toEqual(NOT_RECOMMENDED);
    expect(() => tierLabel('gold' as never, 50)).toThrow(/tier/);
  });

  it('says what the summary says, and the CLI table says it too', () => {
    let refused = 0;
    fc.assert(
      fc.property(tabooNumber, (n) => {
        const a = score(n);
        const label = tierLabel(a.tier, a.score);
        expect(explain(n).summary.startsWith(`${a.display}：${a.score} 分，${label.zh}。`)).toBe(true);
        expect(explain(n, { lang: 'en' }).summary.startsWith(`${a.display} scores ${a.score} (${label.en})`)).toBe(true);
        const row = numberTable([{ display: a.display, score: a.score, tier: a.tier, rest: '' }], { lang: 'zh', header: false });
        expect(row).toContain(label.zh);
        if (a.score === 0) {
          refused++;
          expect(row).toContain('不推荐');
        }
      }),
      { numRuns: 300 },
    );
    expect(refused).toBeGreaterThan(0);
  });
});
