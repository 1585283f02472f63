import { companyPhrases, type CompanyProfile } from '../rules/company.js';
import { lexiconPhrases } from '../rules/lexicon.js';
import { multiplicationPhrases } from '../rules/multiplication.js';
import type { Phrase } from '../rules/phrase.js';
import { yearPhrases } from '../rules/years.js';
import { compileTables, type ScoringTables } from './compile.js';
import { resolveProfile, type Profile } from './profile.js';
import { Scanner } from './scanner.js';

const byName = new Map<string, ScoringTables>();
const byObject = new WeakMap<Profile, ScoringTables>();
const MAX_COMPANY_TABLES = 32;
const withCompany = new Map<string, ScoringTables>();
let builtInPhrases: readonly Phrase[] | undefined;

/** The phrases every number is read for: the lexicon, the times table and the years, in that order of precedence. */
function readingPhrases(): readonly Phrase[] {
  builtInPhrases ??= Object.freeze([...lexiconPhrases(), ...multiplicationPhrases(), ...yearPhrases()]);
  return builtInPhrases;
}

/** The compiled tables for a profile (and company), built once and reused. A company's facts come before the built-in readings. */
export function tablesFor(profile: string | Profile = 'seed', company?: CompanyProfile): ScoringTables {
  if (company) {
    const key = `${typeof profile === 'string' ? profile : JSON.stringify(profile)}|${JSON.stringify(company)}`;
    let t = withCompany.get(key);
    if (!t) {
      t = compileTables(resolveProfile(profile), [...companyPhrases(company), ...readingPhrases()]);
      if (withCompany.size >= MAX_COMPANY_TABLES) withCompany.delete(withCompany.keys().next().value!);
      withCompany.set(key, t);
    }
    return t;
  }
  if (typeof profile !== 'string') {
    let t = byObject.get(profile);
    if (!t) byObject.set(profile, (t = compileTables(resolveProfile(profile), readingPhrases())));
    return t;
  }
  let t = byName.get(profile);
  if (!t) byName.set(profile, (t = compileTables(resolveProfile(profile), readingPhrases())));
  return t;
}

const scanners = new WeakMap<ScoringTables, Scanner>();

/** One scanner per compiled tables, reused: scanning allocates nothing after the first call. */
export function scannerFor(tables: ScoringTables): Scanner {
  let s = scanners.get(tables);
  if (!s) scanners.set(tables, (s = new Scanner(tables)));
  return s;
}
