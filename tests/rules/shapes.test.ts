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
  it('finds maximal runs of three or more equal digits after 400, and a pair only at the very end', () => {
    expect(found('4006888888', 'repeat')).toEqual(['run 888888@4']);
    expect(found('4008888888', 'repeat')).toEqual(['run 8888888@3']);
    expect(found('4006112333', 'repeat')).toEqual(['run 333@7']);
    expect(found('4006113577', 'repeat')).toEqual(['run 77@8']);
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
  it('finds maximal straights up and down of four or more, and of three only at the very end', () => {
    expect(found('4001234567', 'sequence')).toEqual(['straight-up 1234567@3']);
    expect(found('4007654321', 'sequence')).toEqual(['straight-down 7654321@3']);
    expect(found('4006135792', 'sequence')).toEqual([]);
    expect(found('4006123795', 'sequence')).toEqual([]);
    expect(found('4006795123', 'sequence')).toEqual(['straight-up 123@7']);
  });

  it('lets 0 end a straight after 9 (7890), and a new straight start at that 0', () => {
    expect(found('4006167890', 'sequence')).toEqual(['straight-up 67890@5']);
    expect(found('4006890123', 'sequence')).toEqual(['straight-up 0123@6']);
  });
});

describe('pattern', () => {
  it.each([
    ['4006135577', 'AABB 5577@6'],
    ['4006135757', 'ABAB 5757@6'],
    ['4006158585', 'ABABA 58585@5'],
    ['4006137557', 'mirror 7557@6'],
    ['4006517517', 'ABCABC 517517@4'],
    ['4006555777', 'AAABBB 555777@4'],
    ['4006557799', 'AABBCC 557799@4'],
    ['4006517715', 'mirror 517715@4'],
    ['4006123321', 'mirror 123321@4'],
    ['4001234321', 'mirror 1234321@3'],
  ])('%s ends in %s', (number, expected) => {
    expect(found(number, 'pattern')).toEqual([expected]);
  });

  it('reads patterns only at the end, where buyers look for them', () => {
    expect(found('4006557713', 'pattern')).toEqual([]);
    expect(found('4006575713', 'pattern')).toEqual([]);
  });

  it('counts one pattern, the longest ending the number, and not the pair it ends with', () => {
    expect(found('4001888866', 'pattern')).toEqual(['trail 888866@4']);
    expect(found('4001888866', 'repeat')).toEqual(['run 8888@4']);
    expect(found('4006135577', 'repeat')).toEqual([]);
  });

  it('N拖M: a run of three or more, then a shorter run of two or more ending the number', () => {
    expect(found('4006188866', 'pattern')).toEqual(['trail 88866@5']);
    expect(score('4006188866').findings.find((f) => f.kind === 'trail')?.label).toBe('三拖二');
    expect(found('4006188886', 'pattern')).toEqual([]);
    expect(found('4006666661', 'repeat')).toEqual(['run 666666@3']);
    expect(found('4006128866', 'pattern')).toEqual(['AABB 8866@6']);
  });

  it('a run of one digit is not a mirror', () => {
    expect(found('4006888888', 'pattern').some((f) => f.startsWith('mirror'))).toBe(false);
  });
});

describe('combination', () => {
  it('finds one digit coming back in the last four (x?x? / ?x?x), not the shop classes, and not in the middle', () => {
    expect(found('4006151173', 'combination')).toEqual([]);
    expect(found('4006731511', 'combination')).toContain('combination 1511@6');
    expect(found('4006731151', 'combination')).toContain('combination 1151@6');
    expect(found('4006735161', 'combination')).toContain('combination 5161@6');
    expect(found('4006731516', 'combination')).toContain('combination 1516@6');
    expect(found('4006731212', 'combination')).not.toContain('combination 1212@6');
    expect(found('4006731112', 'combination')).not.toContain('combination 1112@6');
  });
});

describe('taboo', () => {
  it('scores 250 against the number', () => {
    const t = score('4006137250').findings.find((f) => f.digits === '250');
    expect(t?.rule).toBe('taboo');
    expect(t!.points).toBeLessThan(0);
  });

  it('reads the whole phrase, not the readings inside it: 1314 一生一世, not 13, 31 or 14', () => {
    for (const profile of ['seed', 'traditional']) {
      expect(score('4006731314', { profile }).findings.filter((f) => f.kind === 'phrase').map((f) => `${f.digits} ${f.label}`)).toEqual(['1314 一生一世']);
    }
  });

  it('in the traditional profile no shape made with a 4 counts: 4444 is four 4s, not a 四连号', () => {
    expect(found('4001304444', 'repeat', 'traditional')).toEqual([]);
    expect(found('4001304444', 'repeat')).toEqual(['run 4444@6']);
    expect(found('4001301414', 'pattern', 'traditional')).toEqual([]);
    expect(score('4001304444', { profile: 'traditional' }).findings.map((f) => f.label)).toEqual(['含四个 4', '带 0']);
  });
});
