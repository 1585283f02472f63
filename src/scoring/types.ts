import type { Carrier } from '../number/types.js';
import type { CompanyProfile } from '../rules/company.js';
import type { RuleFamily } from '../rules/families.js';
import type { Profile } from './profile.js';
import type { TierId } from './tiers.js';

/** Options of {@link score} and {@link explain}. */
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
  /** The rule family it belongs to, e.g. `'repeat'` or `'homophone'`; `'taboo'` counts against the number. */
  rule: RuleFamily;
  /** The shape within the family: 'run', 'straight-up', 'straight-down', 'AABB', 'ABAB' (an alternation, also 'ABABA' …), 'mirror', 'ABCABC', 'AAABBB', 'AABBCC', 'trail', 'combination', 'phrase', or 'digits' (the lucky or unlucky single digits, together). */
  kind: string;
  /** The digits it covers, e.g. `'517'`. */
  digits: string;
  /** 0-based index of the first digit into the 10 digits. */
  at: number;
  /** Short Chinese label. */
  label: string;
  /** Short English label. */
  labelEn: string;
  /** Points before diminishing returns; negative for taboo. */
  points: number;
  /** What a salesperson adds when the reading needs it, in Chinese (4 按简谱读 fa，谐音“发”), and why a taboo reading is one (不吉利, 像骂人); absent otherwise. */
  note?: string;
  /** The same in English. */
  noteEn?: string;
}

/** A number's score and the reasons for it, as {@link vanity400!score | score} returns them. */
export interface Assessment {
  /** The 10 ASCII digits, e.g. `'4008517517'`. */
  number: string;
  /** The number written 3-3-4, e.g. `'400-851-7517'`. */
  display: string;
  /** The first 4 digits, e.g. `'4008'`. */
  segment: string;
  /** The issuing carrier, or null for an unconfirmed segment. */
  carrier: Carrier | null;
  /** 0-100, one decimal. */
  score: number;
  /** The tier on the ladder ({@link TIERS}) the score reaches. */
  tier: TierId;
  /** A carrier special number, by its shape (尾号 AAAA …): 7 working days to open instead of 3, carrier-set minimum spend. Never changes the tier. */
  special: boolean;
  /** Every reason found, strongest (largest |points|) first; the score is made from their points alone. Readings never overlap; lucky (or unlucky) single digits are one finding. */
  findings: Finding[];
}
