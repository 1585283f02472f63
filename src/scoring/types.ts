import type { Carrier } from '../number/types.js';
import type { CompanyProfile } from '../rules/company.js';
import type { RuleFamily } from '../rules/families.js';
import type { Profile } from './profile.js';
import type { TierId } from './tiers.js';

export interface ScoreOptions {
  /** 'seed' (default), 'traditional', or a custom profile object. */
  profile?: string | Profile;
  /** Company facts: numbers holding them score in the `company` family. */
  company?: CompanyProfile;
  /** Accept the unconfirmed segments 4002-4005. */
  allowUnconfirmed?: boolean;
}

/** One reason behind a score. */
export interface Finding {
  rule: RuleFamily;
  /** The shape within the family, e.g. 'AABB', 'run', 'straight-up', 'digit', 'phrase'. */
  kind: string;
  digits: string;
  /** 0-based index of the first digit into the 10 digits. */
  at: number;
  /** Short Chinese label. */
  label: string;
  /** Short English label. */
  labelEn: string;
  /** Points before diminishing returns; negative for taboo. */
  points: number;
}

export interface Assessment {
  number: string;
  display: string;
  segment: string;
  carrier: Carrier | null;
  /** 0-100, one decimal. */
  score: number;
  tier: TierId;
  /** A carrier special number: 7 working days to open instead of 3, carrier-set minimum spend. */
  special: boolean;
  findings: Finding[];
}
