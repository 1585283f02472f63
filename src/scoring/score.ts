import { guardNumberInput } from '../errors/guards.js';
import { format } from '../number/format.js';
import { parse } from '../number/parse.js';
import type { Number400 } from '../number/types.js';
import { FAMILY_COUNT } from '../rules/families.js';
import { BODY_OFFSET, KIND } from '../rules/kinds.js';
import { combine } from './compile.js';
import { toFindings } from './findings.js';
import type { RawFinding } from './scanner.js';
import { scannerFor, tablesFor } from './tables.js';
import { TIERS, isSpecial, tierIndexOf } from './tiers.js';
import type { Assessment, ScoreOptions } from './types.js';
import { guardScoreOptions } from './score-options.js';

/**
 * Scores one number and says why: the explain path. `input` is any written form parse() takes
 * (or a parsed number). The score equals the fast path's for the same number and options.
 */
export function score(input: string | Number400, options: ScoreOptions = {}): Assessment {
  guardNumberInput(input, 'score(): number');
  guardScoreOptions(options, 'score(): options');
  const parsed = typeof input === 'string' ? parse(input, { allowUnconfirmed: options.allowUnconfirmed ?? false }) : input;
  const tables = tablesFor(options.profile, options.company);
  const log: RawFinding[] = [];
  const { bits } = scannerFor(tables).scan(parsed.digits.slice(BODY_OFFSET), log);

  // The score is rebuilt from the findings alone, so a finding the list lacks would show as a mismatch with the fast path.
  const sums = new Int32Array(FAMILY_COUNT);
  let serious = false;
  for (const f of log) {
    sums[f.family]! += f.points;
    if (f.kind === KIND.PHRASE && tables.phraseSerious[f.phrase] === 1) serious = true;
  }
  const scoreTenths = combine(tables, sums, serious);
  return {
    number: parsed.digits,
    display: format(parsed.digits),
    segment: parsed.segment,
    carrier: parsed.carrier,
    score: scoreTenths / 10,
    tier: TIERS[tierIndexOf(scoreTenths)]!.id,
    special: isSpecial(bits),
    findings: toFindings(log, parsed.digits, tables),
  };
}
