import { guardNumberInput, guardObject, invalidType } from '../errors/guards.js';
import { BODY_OFFSET } from '../rules/kinds.js';
import type { CompanyProfile } from '../rules/company.js';
import { Pool } from '../pool/pool.js';
import { score } from '../scoring/score.js';
import { scannerFor, tablesFor } from '../scoring/tables.js';
import { TIERS, type TierId } from '../scoring/tiers.js';
import type { Finding, ScoreOptions } from '../scoring/types.js';
import { valueOf } from './value.js';
import { guardCompany } from '../rules/company-fields.js';
import { guardScoreOptions } from '../scoring/score-options.js';

/** The scoring options a result is shaped with: the pool's profile, and its company facts or the customer's. */
export interface ResultScoring {
  /** The pool's profile: 'seed', 'traditional' or a custom one. */
  profile: ScoreOptions['profile'];
  /** The company facts counted: the customer's, else the pool's; absent for none. */
  company?: CompanyProfile;
}

/**
 * The scoring options of a pool, with a customer's company facts in place of the pool's when given:
 * what every result of search, near, sounds and suggest is scored with, so that one number has one score
 * in one session.
 */
export function scoringOf(pool: Pool | undefined, company?: CompanyProfile): ResultScoring {
  if (pool !== undefined && !(pool instanceof Pool)) throw invalidType('scoringOf(): pool', '号码池（createPool 的结果）', 'a pool made by createPool', pool);
  if (company !== undefined) guardCompany(company, 'scoringOf(): company');
  const facts = company && Object.keys(company).length ? company : pool?.company;
  return { profile: pool?.profile ?? 'seed', ...(facts ? { company: facts } : {}) };
}

/** Whether a result scored with these options can take its score from the pool's arrays (the same options built it). */
export function samePoolScoring(pool: Pool, scoring: ResultScoring): boolean {
  return pool.profile === scoring.profile && (pool.company === scoring.company || JSON.stringify(pool.company ?? null) === JSON.stringify(scoring.company ?? null));
}

/**
 * A number's score in tenths under the options, by the fast path (no findings): for ranking numbers
 * a customer's facts change, without building their reasons.
 */
export function scoreTenths(number: string, scoring: ResultScoring): number {
  return scannerFor(tablesFor(scoring.profile, scoring.company)).scan(number.slice(BODY_OFFSET)).score;
}

/** The fields every result shares. */
export interface ShapedResult {
  /** The 10 digits. */
  number: string;
  /** As people write it, e.g. "400-666-6688". */
  display: string;
  /** 0–100, one decimal, under the scoring options. */
  score: number;
  /** The tier the score and shapes put it in. */
  tier: TierId;
  /** A carrier's special number (the top tiers). */
  special: boolean;
  /** Score for the price level (sort: 'value'). */
  value: number;
  /** The reasons for the score, strongest first. */
  findings: Finding[];
}

/** One result as search, near, sounds and suggest give it: score, tier and reasons under the options. */
export function shapeResult(number: string, scoring: ResultScoring): ShapedResult {
  guardNumberInput(number, 'shapeResult(): number');
  guardObject(scoring, 'shapeResult(): scoring', '评分选项（scoringOf 的结果）', 'scoring options, as scoringOf gives them');
  guardScoreOptions(scoring, 'shapeResult(): scoring');
  const a = score(number, { ...(scoring.profile !== undefined ? { profile: scoring.profile } : {}), ...(scoring.company ? { company: scoring.company } : {}), allowUnconfirmed: true });
  number = a.number;
  const tierIndex = TIERS.findIndex((t) => t.id === a.tier);
  let fours = 0;
  for (let i = 3; i < 10; i++) if (number[i] === '4') fours++;
  return { number, display: a.display, score: a.score, tier: a.tier, special: a.special, value: valueOf(Math.round(a.score * 10), tierIndex, fours), findings: a.findings };
}
