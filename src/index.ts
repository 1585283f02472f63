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
export { TIERS, NOT_RECOMMENDED, OPEN_WORKING_DAYS, isSpecial, tierById, tierIndexOf, tierLabel, type Tier, type TierId } from './scoring/tiers.js';
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
export { poolFingerprint } from './pool/fingerprint.js';
export { search, searchNumbers, ENUMERATE_LIMIT, type SearchPage, type SearchResult, type SearchOptions, type NumbersPage } from './search/search.js';
export type { SearchFilters, SearchQuery, SortOrder } from './search/query.js';
export { near, type NearOptions, type NearResult, type NearNumber } from './search/near.js';
export { priceLevel } from './search/value.js';
export { SearchCache, type SearchCacheStats } from './search/cache.js';
export { compilePattern, parsePattern, enumeratePattern, type CompiledPattern, type PatternAst, type PatternToken } from './search/pattern/index.js';
export { searchSounds, type SoundQuery, type SoundResult, type SoundMatch, type SoundPage } from './search/sounds.js';
export { scoringOf, shapeResult, type ResultScoring, type ShapedResult } from './search/shape.js';
export type { Note } from './search/match.js';
export { suggest, suggestPage, type SuggestProfile, type SuggestOptions, type Suggestion, type SuggestionPage, type FactKind } from './suggest/suggest.js';
export { meaningReadings, type MeaningReading, type MeaningAnswer } from './phonetics/meanings.js';
export { readText, SYLLABLE_FLOOR, type TextReading, type TextReadings, type ReadingGrade } from './phonetics/text-readings.js';
export { phraseToDigits, digitsToPhrases, searchLexicon, syllableSimilarity, splitPinyin } from './phonetics/index.js';
export type { DigitReading, PhraseReading, LexiconHit, PhraseToDigitsOptions, DigitsToPhrasesOptions, SearchLexiconOptions } from './phonetics/index.js';

export {
  MemoryStore,
  agentPool,
  storePool,
  NUMBER_STATUSES,
  checkAgent,
  checkLicence,
  isValidLicence,
  licenceCheckCharacter,
  looksLikePersonalId,
  describeState,
  showNumber,
  type MemoryStoreOptions,
  type Agent,
  type HoldResult,
  type InventoryOp,
  type NumberState,
  type NumberStatus,
  type Reservation,
  type Store,
  type StoreOptions,
  type BatchAgent,
  type BatchNumber,
  type BatchProblem,
  type BatchRange,
  type InventoryBatch,
  type LoadResult,
} from './inventory/index.js';
export { inventoryRules } from './inventory/shared-rules.js';

export {
  addWorkingDays,
  beijingDate,
  beijingTime,
  calendarYears,
  dayInfo,
  estimateNote,
  isKnownYear,
  isWorkingDay,
  parseDuration,
  readDate,
  type DayInfo,
  type DayKind,
  type WorkingDaysResult,
} from './calendar/index.js';
export type { LocalText } from './errors/vanity400-error.js';

export { parseLandingNumber, type LandingNumber } from './number/index.js';
export {
  parsePackages,
  defaultPackages,
  quote,
  pricePackage,
  minimumSpendOf,
  CALLER_PAYS,
  SETTLEMENT_RATE,
  TYPICAL_RATE,
  type AppliedMinimumSpend,
  type IneligiblePackage,
  type MinimumSpend,
  type PackageSource,
  type Package,
  type PackageList,
  type PackageQuote,
  type Quote,
  type QuoteRequest,
} from './packages/index.js';
export {
  documentsFor,
  checkCreditCode,
  checkIdNumber,
  idCheckDigit,
  maskIdNumber,
  DOCUMENT_IDS,
  INDUSTRY_IDS,
  type DocumentId,
  type DocumentItem,
  type DocumentsChecklist,
  type DocumentsRequest,
  type IndustryId,
} from './documents/index.js';
export {
  openingDate,
  describeOpeningDate,
  openingDayText,
  advanceOrder,
  createOrder,
  inventoryChange,
  instantOf,
  numberWarnings,
  orderLandingNumbers,
  ORDER_PATH,
  ORDER_STEPS,
  STATUS_NAMES,
  MemoryOrderBook,
  createOrderStore,
  orderForm,
  formatOrderForm,
  type OrderFormOptions,
  type MemoryOrderBookOptions,
  type CommitResult,
  type InsertResult,
  type LedgerFilter,
  type OrderLedger,
  type OrderStoreOptions,
  type OpeningDate,
  type AcceptanceForm,
  type InventoryChange,
  type NewOrder,
  type Order,
  type OrderEvent,
  type OrderFilter,
  type OrderStatus,
  type OrderStep,
  type OrderStore,
  type OrderView,
  type StepInputs,
} from './orders/index.js';
export {
  checkRoutingRules,
  parseRoutingRules,
  RoutingRulesError,
  route,
  initialRoutingState,
  routingForm,
  formatRoutingForm,
  landingNumbers,
  findArea,
  areaCodeInfo,
  listAreaCodes,
  readPhoneNumber,
  parsePhoneNumber,
  parseCallTime,
  analyseCalls,
  formatCallReport,
  simulateCallRecords,
  callRecordLine,
  CALL_RECORDS_HEADER,
  MAX_NUMBERS,
  MAX_DEPTH,
} from './routing/index.js';
export type {
  RoutingRules,
  Route,
  RingRoute,
  SplitRoute,
  AreaRoute,
  TimeRoute,
  TimeRule,
  Landing,
  RingOrder,
  ForwardCondition,
  RoutingCheck,
  RoutingProblem,
  RoutingProblemCode,
  Call,
  RouteDecision,
  RouteOptions,
  RouteAttempt,
  RouteStep,
  RoutingState,
  RefusalReason,
  RoutingForm,
  RoutingFormOptions,
  FormLine,
  AreaCode,
  AreaCity,
  AreaProvince,
  AreaMatch,
  PhoneNumber,
  PhoneNumberReading,
  CallTime,
  DaySelector,
  Weekday,
  CallRecord,
  CallResult,
  CallReport,
  CallTotals,
  RecordProblem,
  AnalyseCallsOptions,
  CallRecordChunks,
  FormatCallReportOptions,
  SimulateOptions,
} from './routing/index.js';
