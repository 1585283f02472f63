import { describe, expect, it } from 'vitest';
import { score } from '../../src/scoring/score.js';

/** The findings of one family as "kind digits@at". */
function found(number: string, rule: string, profile = 'seed'): string[] {
  return score(number, { profile })
    .findings.filter((f) => f.rule === rule)
    .map((f) => `${f.kind} ${f.digits}@${f.at}`)
    .sort();
}

describe('repeat', () => {
  it('finds maximal runs of 2 to 7 equal digits after 400, not their parts', () => {
    expect(found('4006888888', 'repeat')).toEqual(['run 888888@4']);
    expect(found('4008888888', 'repeat')).toEqual(['run 8888888@3']);
    expect(found('4006112333', 'repeat')).toEqual(['run 11@4', 'run 333@7']);
  });

  it('starts at the segment digit: the zeros of 400 itself are not a run', () => {
    expect(found('4000000123', 'repeat')).toEqual(['run 0000@3']);
    expect(found('4001234567', 'repeat')).toEqual([]);
  });

  it('is worth more at the end than in the middle', () => {
    const [end] = score('4006123888').findings.filter((f) => f.rule === 'repeat');
    const [middle] = score('4006888123').findings.filter((f) => f.rule === 'repeat');
    expect(end!.points).toBeGreaterThan(middle!.points);
  });
});

describe('sequence', () => {
  it('finds maximal straights up and down of 3 or more', () => {
    expect(found('4001234567', 'sequence')).toEqual(['straight-up 1234567@3']);
    expect(found('4007654321', 'sequence')).toEqual(['straight-down 7654321@3']);
    expect(found('4006135792', 'sequence')).toEqual([]);
  });

  it('lets 0 end a straight after 9 (7890), and a new straight start at that 0', () => {
    expect(found('4006167890', 'sequence')).toEqual(['straight-up 67890@5']);
    expect(found('4006890123', 'sequence')).toEqual(['straight-up 0123@6', 'straight-up 890@4']);
  });
});

describe('pattern', () => {
  it.each([
    ['4006135577', 'AABB 5577@6'],
    ['4006135757', 'ABAB 5757@6'],
    ['4006137557', 'ABBA 7557@6'],
    ['4006135552', 'AAAB 5552@6'],
    ['4006132555', 'ABBB 2555@6'],
    ['4006517517', 'ABCABC 517517@4'],
    ['4006555777', 'AAABBB 555777@4'],
    ['4006557799', 'AABBCC 557799@4'],
    ['4006517715', 'mirror 517715@4'],
    ['4006188881', 'mirror 188881@4'],
  ])('%s has %s', (number, expected) => {
    expect(found(number, 'pattern')).toContain(expected);
  });

  it('N拖M: a long run then a shorter one ending the number', () => {
    expect(found('4006188886', 'pattern')).toContain('trail 88886@5');
    expect(score('4006188886').findings.find((f) => f.kind === 'trail')?.label).toBe('4拖1');
    expect(found('4006188866', 'pattern')).toContain('trail 88866@5');
    expect(found('4006128866', 'pattern').some((f) => f.startsWith('trail'))).toBe(false);
  });

  it('a run of one digit is not a mirror', () => {
    expect(found('4006888888', 'pattern').some((f) => f.startsWith('mirror'))).toBe(false);
  });
});

describe('combination', () => {
  it('finds few digits interleaved (x?x? / ?x?x) but not the shop classes', () => {
    expect(found('4006731511', 'combination')).toContain('combination 1511@6');
    expect(found('4006731151', 'combination')).toContain('combination 1151@6');
    expect(found('4006735161', 'combination')).toContain('combination 5161@6');
    expect(found('4006731516', 'combination')).toContain('combination 1516@6');
    expect(found('4006731212', 'combination')).not.toContain('combination 1212@6');
    expect(found('4006731112', 'combination')).not.toContain('combination 1112@6');
  });
});

describe('taboo', () => {
  it('scores 250 and 38 against the number', () => {
    const t = score('4006137250').findings.find((f) => f.digits === '250');
    expect(t?.rule).toBe('taboo');
    expect(t!.points).toBeLessThan(0);
  });

  it('does not count a taboo that is only the end of a positive phrase: 14 in 1314', () => {
    expect(score('4006731314', { profile: 'traditional' }).findings.some((f) => f.rule === 'taboo' && f.digits === '14')).toBe(false);
    expect(score('4006731314').findings.some((f) => f.rule === 'homophone' && f.digits === '1314')).toBe(true);
  });
});
