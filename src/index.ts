/**
 * vanity400: the public, browser-safe API (no Node built-ins). Node-only parts have their own entry points.
 *
 * @module vanity400
 */
export { Vanity400Error, isVanity400Error, type ErrorCode } from './errors/vanity400-error.js';

export { parse, tryParse, isValid400, format, segmentInfo, listSegments } from './number/index.js';
export type { Number400, Carrier, SegmentInfo, FormatStyle, ParseOptions, TryParseResult } from './number/index.js';

export { score } from './scoring/score.js';
export { explain, findingSentence, type Explanation, type Language } from './scoring/explain.js';
export { fastScoreTenths, scoreSegment, type SegmentScores, type FastScoreOptions } from './scoring/fast-score.js';
export { resolveProfile, checkProfile, profileNames, type Profile } from './scoring/profile.js';
export { TIERS, tierById, tierIndexOf, type Tier, type TierId } from './scoring/tiers.js';
export type { Assessment, Finding, ScoreOptions } from './scoring/types.js';

export { FAMILIES, FAMILY_LABELS, type RuleFamily } from './rules/families.js';
export { SHAPES, type ShapeName } from './rules/shapes.js';
export { lexiconPhrases } from './rules/lexicon.js';
export { multiplicationPhrases } from './rules/multiplication.js';
export { companyPhrases, type CompanyProfile } from './rules/company.js';
export type { Phrase } from './rules/phrase.js';

export { createPool, type PoolOptions } from './pool/create-pool.js';
export { Pool, NUMBER_BASE } from './pool/pool.js';
export { poolToSnapshot, poolFromSnapshot } from './pool/snapshot.js';
export { search, searchNumbers, ENUMERATE_LIMIT, type SearchPage, type SearchResult, type SearchOptions, type NumbersPage } from './search/search.js';
export type { SearchFilters, SearchQuery, SortOrder } from './search/query.js';
export { near, type NearOptions, type NearResult, type NearNumber } from './search/near.js';
export { SearchCache, type SearchCacheStats } from './search/cache.js';
export { compilePattern, parsePattern, enumeratePattern, type CompiledPattern, type PatternAst, type PatternToken } from './search/pattern/index.js';
export { searchSounds, type SoundQuery, type SoundResult, type SoundMatch } from './search/sounds.js';
export { suggest, type SuggestProfile, type SuggestOptions, type Suggestion, type FactKind } from './suggest/suggest.js';
export { phraseToDigits, digitsToPhrases, searchLexicon, syllableSimilarity, splitPinyin } from './phonetics/index.js';
export type { DigitReading, PhraseReading, LexiconHit, PhraseToDigitsOptions, DigitsToPhrasesOptions, SearchLexiconOptions } from './phonetics/index.js';

export {
  MemoryStore,
  agentPool,
  NUMBER_STATUSES,
  checkAgent,
  checkLicence,
  isValidLicence,
  licenceCheckCharacter,
  looksLikePersonalId,
  describeState,
  showNumber,
  SHOWN,
  checkCustomer,
  checkStatus,
  checkTtl,
  digitsOf,
  planReservation,
  quoteInput,
  sample,
  type ReservationPlan,
  type MemoryStoreOptions,
  type Agent,
  type HoldResult,
  type InventoryOp,
  type NumberState,
  type NumberStatus,
  type Reservation,
  type Store,
  type StoreOptions,
} from './inventory/index.js';

export {
  addWorkingDays,
  beijingDate,
  calendarYears,
  dayInfo,
  isKnownYear,
  isWorkingDay,
  type DayInfo,
  type DayKind,
  type WorkingDaysResult,
} from './calendar/index.js';
export type { LocalText } from './errors/vanity400-error.js';
