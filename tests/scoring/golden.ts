/**
 * Holding the engine to the golden set (tests/fixtures/golden-numbers.json): what a native-speaking
 * salesperson expects to hear of a number, and what must never be said.
 */
import golden from '../fixtures/golden-numbers.json';
import { reasonClauses } from '../../src/scoring/explain.js';
import type { Finding } from '../../src/scoring/types.js';

export interface Reading {
  digits: string;
  reading: string;
  taboo?: boolean;
  as_bonus?: boolean;
}
export interface GoldenNumber {
  number: string;
  profile: string;
  expect: Reading[];
  forbid: Reading[];
  note?: string;
}
export interface GoldenPair {
  better: string;
  worse: string;
  why: string;
  profile: string;
}
export const GOLDEN = golden as { about: string; numbers: GoldenNumber[]; pairs: GoldenPair[] };

const SHAPE_WORDS: Record<string, (f: Finding) => boolean> = {
  豹子: (f) => f.kind === 'run' && f.digits.length === 3,
  对子: (f) => f.kind === 'run' && f.digits.length === 2,
  四连号: (f) => f.kind === 'run' && f.digits.length === 4,
  五连号: (f) => f.kind === 'run' && f.digits.length === 5,
  六连号: (f) => f.kind === 'run' && f.digits.length === 6,
  七连号: (f) => f.kind === 'run' && f.digits.length === 7,
  顺子: (f) => f.kind.startsWith('straight'),
  AABB: (f) => f.kind === 'AABB',
  ABCABC: (f) => f.kind === 'ABCABC',
  AAABBB: (f) => f.kind === 'AAABBB',
  AABBCC: (f) => f.kind === 'AABBCC',
  ABAB: (f) => f.kind.startsWith('ABAB'),
  ABBA: (f) => f.kind === 'mirror' && f.digits.length === 4,
  镜像: (f) => f.kind === 'mirror',
  拖: (f) => f.kind === 'trail',
  巧妙组合: (f) => f.kind === 'combination',
};

/** Whether a finding is the reading (or shape) a golden entry names. */
export function matches(f: Finding, r: Reading): boolean {
  if (r.reading === '吉利数字') return f.kind === 'digits' && f.rule === 'auspicious';
  const shape = SHAPE_WORDS[r.reading];
  if (shape) return shape(f) && f.digits === r.digits;
  // Single digits are one finding: 44 死 is told by "含 2 个 4（4 谐音“死”）".
  if (f.kind === 'digits') return /^(\d)\1*$/.test(r.digits) && f.digits.includes(r.digits) && ((f.note ?? '').includes(r.reading) || f.label.includes(r.reading));
  if (f.digits !== r.digits || f.kind !== 'phrase') return false;
  if (/^\d+$/.test(r.reading)) return f.rule === 'memorable' || f.rule === 'company' || f.label.includes(r.reading);
  return f.label.includes(r.reading) || r.reading.includes(f.label);
}

/** The findings a salesperson hears: those the reasons tell (a shape inside a longer shape is told with it, not on its own; a reading inside a shape is told as its part). */
export function toldFindings(findings: readonly Finding[], number: string): Finding[] {
  return reasonClauses(findings, number).flatMap((c) => [...c.whats, ...(c.inner ?? [])]);
}

/**
 * A run of one unlucky digit expected as a taboo (44 死) is also told when the taboo findings together
 * cover as many of that digit: 274403 tells 74 气死 and one more 4 on its own. Returns one of them.
 */
export function coveredDigits(told: readonly Finding[], r: Reading): Finding | undefined {
  if (!r.taboo || !/^(\d)\1+$/.test(r.digits)) return undefined;
  const digit = r.digits[0]!;
  const taboos = told.filter((f) => f.rule === 'taboo' && ((f.note ?? '') + f.label).includes(r.reading));
  const count = taboos.reduce((n, f) => n + [...f.digits].filter((c) => c === digit).length, 0);
  return count >= r.digits.length ? taboos[0] : undefined;
}
