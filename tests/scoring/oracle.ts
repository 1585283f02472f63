/**
 * An independent, slow re-statement of the rules over strings, used only by tests to check
 * the scanner: every finding it lists must be exactly what the scanner reports.
 */
import type { Phrase } from '../../src/rules/phrase.js';
import type { Profile } from '../../src/scoring/profile.js';

export interface Expected {
  rule: string;
  kind: string;
  at: number;
  digits: string;
  points: number;
}

const shapeOf = (w: string) => {
  const seen: string[] = [];
  return [...w].map((c) => String.fromCharCode(65 + (seen.includes(c) ? seen.indexOf(c) : seen.push(c) - 1))).join('');
};

export function oracleFindings(number: string, profile: Profile, phrases: readonly Phrase[]): Expected[] {
  const body = number.slice(3);
  const out: Expected[] = [];
  const mult = (start: number, end: number) =>
    end === 6 ? profile.position.tailEnd : start >= 3 ? profile.position.tail : profile.position.middle;
  const add = (rule: string, kind: string, start: number, len: number, base: number | undefined) => {
    if (!base) return;
    const tenths = Math.round(base * profile.familyWeights[rule as keyof Profile['familyWeights']] * mult(start, start + len - 1) * 10);
    if (tenths === 0) return;
    out.push({ rule, kind, at: start + 3, digits: body.slice(start, start + len), points: (rule === 'taboo' ? -tenths : tenths) / 10 });
  };
  const windows = (len: number) => Array.from({ length: 8 - len }, (_, i) => ({ i, w: body.slice(i, i + len) }));

  for (const m of body.matchAll(/(\d)\1+/g)) add('repeat', 'run', m.index, m[0].length, profile.points.repeat[m[0].length]);

  for (const [ladder, kind, table] of [
    ['01234567890', 'straight-up', profile.points.sequenceUp],
    ['9876543210', 'straight-down', profile.points.sequenceDown],
  ] as const) {
    for (let len = 3; len <= 7; len++) {
      for (const { i, w } of windows(len)) {
        const maximal =
          ladder.includes(w) && !(i > 0 && ladder.includes(body.slice(i - 1, i + len))) && !(i + len < 7 && ladder.includes(body.slice(i, i + len + 1)));
        if (maximal) add('sequence', kind, i, len, table[len]);
      }
    }
  }

  const four: Record<string, string> = { AABB: 'AABB', ABAB: 'ABAB', ABBA: 'ABBA', AAAB: 'AAAB', ABBB: 'ABBB' };
  for (const { i, w } of windows(4)) {
    const shape = shapeOf(w);
    if (four[shape]) add('pattern', shape, i, 4, profile.points.pattern[shape as 'AABB']);
    if (['ABAC', 'ABAA', 'ABCB', 'AABA'].includes(shape)) add('combination', 'combination', i, 4, profile.points.combination);
  }
  for (const { i, w } of windows(6)) {
    const shape = shapeOf(w);
    if (['ABCABC', 'AABAAB', 'ABAABA', 'ABBABB'].includes(shape)) add('pattern', 'ABCABC', i, 6, profile.points.pattern.ABCABC);
    if (shape === 'AAABBB') add('pattern', 'AAABBB', i, 6, profile.points.pattern.AAABBB);
    if (shape === 'AABBCC' || shape === 'AABBAA') add('pattern', 'AABBCC', i, 6, profile.points.pattern.AABBCC);
  }
  for (let end = 4; end < 7; end++) {
    for (let len = Math.min(7, end + 1); len >= 5; len--) {
      const w = body.slice(end - len + 1, end + 1);
      if (w === [...w].reverse().join('') && new Set(w).size > 1) {
        add('pattern', 'mirror', end - len + 1, len, profile.points.pattern.mirror[len]);
        break;
      }
    }
  }
  const trail = /(?:^|(?<=(\d))(?!\1))((\d)\3{2,})(?!\3)((\d)\5*)$/.exec(body);
  if (trail && trail[4]!.length < trail[2]!.length && trail[2]!.length + trail[4]!.length >= 5) {
    const len = trail[2]!.length + trail[4]!.length;
    add('pattern', 'trail', 7 - len, len, profile.points.pattern.trail[len]);
  }

  [...body].forEach((d, i) => {
    const rule = profile.points.digits[d];
    if (rule) add(rule.family, 'digit', i, 1, rule.points);
  });

  const phraseBase = (ph: Phrase) => {
    let base =
      ph.family === 'multiplication'
        ? profile.points.multiplication[ph.digits.length]
        : ph.family === 'company'
          ? profile.points.company[ph.digits.length]
          : profile.points.lexicon[ph.family][(ph.weight ?? 1) - 1];
    for (const t of ph.tags ?? []) base = (base ?? 0) * (profile.tagWeights[t] ?? 1);
    return base ?? 0;
  };
  const hits: { ph: Phrase; start: number; end: number }[] = [];
  for (const ph of phrases) {
    if (phraseBase(ph) <= 0) continue;
    for (let i = body.indexOf(ph.digits); i >= 0; i = body.indexOf(ph.digits, i + 1)) hits.push({ ph, start: i, end: i + ph.digits.length - 1 });
  }
  for (const h of hits) {
    const coveredByPositive = hits.some((o) => o.end === h.end && o.ph.family !== 'taboo' && o.ph.digits.length > h.ph.digits.length);
    if (h.ph.family === 'taboo' && coveredByPositive) continue;
    add(h.ph.family, 'phrase', h.start, h.ph.digits.length, phraseBase(h.ph));
  }
  return out;
}

/** The score from findings' points, by the formula in data/profiles.json's "about", computed afresh. */
export function oracleScore(findings: readonly { rule: string; points: number }[], profile: Profile): number {
  const sums = new Map<string, number>();
  for (const f of findings) sums.set(f.rule, (sums.get(f.rule) ?? 0) + Math.round(Math.abs(f.points) * 10));
  let total = 0;
  let positiveCaps = 0;
  for (const [rule, cap] of Object.entries(profile.familyCaps)) {
    const c = Math.round(cap * 10);
    const s = Math.min(sums.get(rule) ?? 0, c * 8);
    const v = Math.round(c * (1 - Math.exp(-s / c)));
    total += rule === 'taboo' ? -v : v;
    if (rule !== 'taboo') positiveCaps += c;
  }
  if (total <= 0) return 0;
  return Math.round(1000 * (1 - Math.exp(-((Math.min(total, positiveCaps) / Math.round(profile.scale * 10)) ** profile.shape)))) / 10;
}
