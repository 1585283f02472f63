/**
 * An independent, slow re-statement of the rules over strings, used only by tests to check the
 * scanner: every finding it lists must be exactly what the scanner reports, and the score it computes
 * from them the score the scanner gives.
 */
import { phraseBase, phrasesFor } from '../../src/scoring/compile.js';
import type { Phrase } from '../../src/rules/phrase.js';
import type { Profile } from '../../src/scoring/profile.js';
import { TIERS } from '../../src/scoring/tiers.js';

export interface Expected {
  rule: string;
  kind: string;
  at: number;
  digits: string;
  points: number;
}

const LENGTH_RANK = [0, 0, 4, 6, 9, 12, 16];
const shapeOf = (w: string) => {
  const seen: string[] = [];
  return [...w].map((c) => String.fromCharCode(65 + (seen.includes(c) ? seen.indexOf(c) : seen.push(c) - 1))).join('');
};
const allSame = (w: string) => new Set(w).size === 1;
const isAlternation = (w: string) => w.length >= 2 && w[0] !== w[1] && [...w].every((c, i) => c === w[i % 2]);

export function oracleFindings(number: string, profile: Profile, phrases: readonly Phrase[]): Expected[] {
  const body = number.slice(3);
  const out: Expected[] = [];
  const mult = (start: number, end: number) => (end === 6 ? profile.position.tailEnd : start >= 3 ? profile.position.tail : profile.position.middle);
  const unlucky = new Set(Object.entries(profile.points.digits).filter(([, r]) => r.family === 'taboo').map(([d]) => d));
  const blocked = (start: number, len: number) => [...body.slice(start, start + len)].some((c) => unlucky.has(c));
  const shape = (rule: string, kind: string, start: number, len: number, base: number | undefined) => {
    if (!base || (rule !== 'sequence' && blocked(start, len))) return;
    // The seed's 带四的靓号最合算: a run or shop pattern holding a discount digit counts a part of its points.
    const discount = profile.shapeDiscount;
    const discounted = discount !== undefined && (rule === 'repeat' || rule === 'pattern') && [...body.slice(start, start + len)].some((c) => discount.digits.includes(c));
    const points = base * profile.familyWeights[rule as keyof Profile['familyWeights']] * mult(start, start + len - 1);
    const tenths = Math.round((discounted ? points * discount.factor : points) * 10);
    if (tenths !== 0) out.push({ rule, kind, at: start + 3, digits: body.slice(start, start + len), points: tenths / 10 });
  };

  // The one shop pattern ending the number: the longest; of equal lengths six-digit class, mirror, alternation, N拖M, AABB.
  const candidates: { kind: string; len: number; base: number | undefined }[] = [];
  const last6 = body.slice(1);
  const s6 = shapeOf(last6);
  if (last6.slice(0, 3) === last6.slice(3) && !allSame(last6)) candidates.push({ kind: 'ABCABC', len: 6, base: profile.points.pattern.ABCABC });
  else if (s6 === 'AAABBB') candidates.push({ kind: 'AAABBB', len: 6, base: profile.points.pattern.AAABBB });
  else if (s6 === 'AABBCC' || s6 === 'AABBAA') candidates.push({ kind: 'AABBCC', len: 6, base: profile.points.pattern.AABBCC });
  for (let len = 7; len >= 4; len--) {
    const w = body.slice(7 - len);
    if (w === [...w].reverse().join('') && !allSame(w) && !isAlternation(w) && !/(\d)\1\1/.test(w)) {
      candidates.push({ kind: 'mirror', len, base: profile.points.pattern.mirror[len] });
      break;
    }
  }
  for (let len = 7; len >= 4; len--) {
    if (isAlternation(body.slice(7 - len))) {
      candidates.push({ kind: shapeOf(body.slice(7 - len)), len, base: profile.points.pattern.alternation[len] });
      break;
    }
  }
  const runs = [...body.matchAll(/(\d)\1*/g)].map((m) => m[0].length);
  const lastRun = runs.at(-1)!;
  const runBefore = runs.length > 1 ? runs.at(-2)! : 0;
  if ((runBefore >= 3 && lastRun >= 2 && lastRun < runBefore) || (runBefore === 2 && (lastRun === 3 || lastRun === 4)) || (runBefore === 3 && lastRun === 4)) candidates.push({ kind: 'trail', len: runBefore + lastRun, base: profile.points.pattern.trail[runBefore + lastRun] });
  if (shapeOf(body.slice(3)) === 'AABB') candidates.push({ kind: 'AABB', len: 4, base: profile.points.pattern.AABB });
  const pattern = candidates.reduce<(typeof candidates)[number] | undefined>((best, c) => (!best || c.len > best.len ? c : best), undefined);
  if (pattern) shape('pattern', pattern.kind, 7 - pattern.len, pattern.len, pattern.base);

  for (const m of body.matchAll(/(\d)\1+/g)) {
    const end = m.index + m[0].length - 1;
    const counts = m[0].length >= 3 || (m[0].length === 2 && end === 6 && !pattern);
    if (counts) shape('repeat', 'run', m.index, m[0].length, profile.points.repeat[m[0].length]);
  }
  for (const [ladder, kind, table] of [
    ['01234567890', 'straight-up', profile.points.sequenceUp],
    ['9876543210', 'straight-down', profile.points.sequenceDown],
  ] as const) {
    for (let len = 3; len <= 7; len++) {
      for (let i = 0; i + len <= 7; i++) {
        const w = body.slice(i, i + len);
        const maximal = ladder.includes(w) && !(i > 0 && ladder.includes(body.slice(i - 1, i + len))) && !(i + len < 7 && ladder.includes(body.slice(i, i + len + 1)));
        if (maximal && (len >= 4 || i + len === 7)) shape('sequence', kind, i, len, table[len]);
      }
    }
  }
  const [before, a, b, c, e] = body.slice(2).split('').map(Number) as [number, number, number, number, number];
  const around = a === c ? [b, e] : [a, c];
  const back = a === c ? a : b;
  const combination =
    ![a, b, c, e].includes(4) &&
    (a === c) !== (b === e) && !(a === b && b === c) && !(b === c && c === e) && before !== a && (around.includes(back) || around[0] === around[1] || Math.abs(around[0]! - around[1]!) === 1);

  // Readings: the best segmentation of the six chosen digits, by rank; ties keep the earlier choice.
  interface Best {
    rank: number;
    readings: { start: number; len: number; rule: string; points: number; phrase?: Phrase }[];
  }
  const kept = phrasesFor(profile, phrases);
  // The run of equal digits through body position i (the segment digit included), as its length.
  const runThrough = (i: number, floor = 0) => {
    let from = i;
    let to = i;
    while (from > floor && body[from - 1] === body[i]) from--;
    while (to < 6 && body[to + 1] === body[i]) to++;
    return to - from + 1;
  };
  // A reading (but a company's own fact or a taboo) that starts or ends inside a run of three or more;
  // one inside the last four sees only the last four.
  const cutsRun = (ph: Phrase, start: number, end: number) =>
    ph.family !== 'company' && ph.family !== 'taboo' && ((start !== 3 && body[start - 1] === body[start] && runThrough(start, start >= 3 ? 3 : 0) >= 3) || (body[end + 1] === body[end] && runThrough(end) >= 3));
  const best: Best[] = [];
  best[1] = { rank: 0, readings: [] };
  for (let p = 1; p <= 6; p++) {
    let choice: Best = best[p]!;
    const ending = kept.filter((ph) => body.slice(0, p + 1).endsWith(ph.digits) && p - ph.digits.length + 1 >= 1).sort((x, y) => y.digits.length - x.digits.length);
    for (const ph of ending) {
      const len = ph.digits.length;
      const start = p - len + 1;
      if (cutsRun(ph, start, p)) continue;
      // Two digits are a reading only at the end of the number, but for taboos and company facts.
      if (len === 2 && p !== 6 && ph.family !== 'taboo' && ph.family !== 'company') continue;
      // An entry heard only at the end (尾号 114).
      if (ph.heard === 'end' && p !== 6) continue;
      const pts = Math.max(1, Math.round(phraseBase(profile, ph) * mult(start, p) * 10));
      const rank = best[start]!.rank + pts * LENGTH_RANK[len]!;
      if (rank > choice.rank) choice = { rank, readings: [...best[start]!.readings, { start, len, rule: ph.family, points: pts, phrase: ph }] };
    }
    const digit = profile.points.digits[body[p]!];
    if (digit) {
      const pts = Math.round(digit.points * profile.familyWeights[digit.family] * mult(p, p) * 10);
      if (pts !== 0 && best[p]!.rank + 1 > choice.rank) choice = { rank: best[p]!.rank + 1, readings: [...best[p]!.readings, { start: p, len: 1, rule: digit.family, points: pts }] };
    }
    best[p + 1] = choice;
  }
  const readings = best[7]!.readings;
  const lastReading = readings.at(-1);
  const readsLastFour = !!lastReading?.phrase && lastReading.start + lastReading.len === 7 && lastReading.len >= 3;
  if (combination && !readsLastFour && !pattern) shape('combination', 'combination', 3, 4, profile.points.combination);
  for (const r of readings.filter((x) => x.phrase)) {
    out.push({ rule: r.rule, kind: 'phrase', at: r.start + 3, digits: body.slice(r.start, r.start + r.len), points: (r.rule === 'taboo' ? -r.points : r.points) / 10 });
  }
  for (const rule of ['auspicious', 'taboo']) {
    const digits = readings.filter((x) => !x.phrase && x.rule === rule);
    if (!digits.length) continue;
    const sum = digits.reduce((s, x) => s + x.points, 0);
    // Told as the customer counts them: unlucky digits among the six chosen (含一个 4); lucky ones among all
    // seven after 400, the kinds seen twice or more, 0 only when no other lucky digit is there.
    const from = rule === 'taboo' ? 1 : 0;
    // A lucky digit inside a taboo reading (the 8 of 748 去死吧) is not heard as lucky.
    const inTaboo = (i: number) => rule === 'auspicious' && readings.some((r) => r.phrase?.family === 'taboo' && i >= r.start && i < r.start + r.len);
    const seen = [...body.slice(from)].map((c, i) => ({ c, i: i + from })).filter(({ c, i }) => profile.points.digits[c]?.family === rule && !inTaboo(i));
    const times = (c: string) => seen.filter((x) => x.c === c).length;
    let all = seen;
    if (rule === 'auspicious' && [...body.slice(1)].every((c) => profile.points.digits[c]?.family === rule)) {
      // All six chosen digits lucky: said of them as a whole (全是吉利数字).
      all = [...body.slice(1)].map((c, i) => ({ c, i: i + 1 }));
    } else if (rule === 'auspicious') {
      const spoken = seen.some((x) => x.c !== '0') ? seen.filter((x) => x.c !== '0') : seen;
      all = spoken.some((x) => times(x.c) >= 2) ? spoken.filter((x) => times(x.c) >= 2) : spoken;
    }
    out.push({ rule, kind: 'digits', at: all[0]!.i + 3, digits: all.map(({ c }) => c).join(''), points: (rule === 'taboo' ? -sum : sum) / 10 });
  }
  (out as Expected[] & { serious?: boolean }).serious = readings.some((r) => r.phrase?.family === 'taboo' && (r.phrase.weight ?? 0) >= profile.seriousTaboo);
  return out;
}

/** The score from findings' points, by the formula in data/profiles.json's "about", computed afresh. */
export function oracleScore(findings: readonly Expected[] & { serious?: boolean }, profile: Profile): number {
  const sums = new Map<string, number>();
  for (const f of findings) sums.set(f.rule, (sums.get(f.rule) ?? 0) + Math.round(Math.abs(f.points) * 10));
  let total = Math.round(profile.base * 10);
  let positiveCaps = total;
  for (const [rule, cap] of Object.entries(profile.familyCaps)) {
    const c = Math.round(cap * 10);
    const s = Math.min(sums.get(rule) ?? 0, c * 8);
    const v = Math.round(c * (1 - Math.exp(-s / c)));
    total += rule === 'taboo' ? -v : v;
    if (rule !== 'taboo') positiveCaps += c;
  }
  if (total <= 0) return 0;
  const score = Math.round(1000 * (1 - Math.exp(-((Math.min(total, positiveCaps) / Math.round(profile.scale * 10)) ** profile.shape))));
  const cap = Math.round(TIERS.find((t) => t.id === 'premium')!.minScore * 10) - 1;
  return (findings.serious && score > cap ? cap : score) / 10;
}
