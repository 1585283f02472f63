import { badQuery, QUERY_FAULTS as F, type QueryKind } from './errors.js';
import type { LocalText } from '../errors/vanity400-error.js';
import { FAMILIES, isRuleFamily, type RuleFamily } from '../rules/families.js';
import { SHAPES, isShapeName, shapeBit, type ShapeName } from '../rules/shapes.js';
import { TIERS, type TierId } from '../scoring/tiers.js';
import { guardFields, guardOptions } from '../errors/guards.js';

/** How results are ordered: `score` (best first), `number` (ascending) or `value` (score for the price level, best first). */
export type SortOrder = 'score' | 'number' | 'value';

/** The filters a search and a near-number search share. Every field is optional. */
export interface SearchFilters {
  /** Only these segments, e.g. ['4006', '4008']. */
  segments?: readonly string[];
  /** Digits that must not appear, e.g. '4'. */
  exclude?: string;
  /** Where `exclude` looks: the seven digits after 400 (default, as shops do), the last four, or all ten. */
  excludeScope?: 'body' | 'tail' | 'all';
  /** Digits that must all appear among the seven after 400, e.g. '8'. */
  include?: string;
  /** A digit string the last four digits must contain, e.g. '8' or '88'. */
  tailContains?: string;
  /** The lowest score a result may have, 0–100. */
  minScore?: number;
  /** Only numbers in these tiers, e.g. ['top', 'super']. */
  tiers?: readonly TierId[];
  /** Rule families every result must have findings in, e.g. ['multiplication']. */
  rules?: readonly RuleFamily[];
  /** Whole-number shapes every result must have, e.g. ['tailRun4']. */
  shapes?: readonly ShapeName[];
  /**
   * The customer's budget: the highest price level a result may have (its tier's level in
   * data/prices.json times 0.8 for every 4 after 400; ordinary numbers without a 4 are 1).
   */
  maxPriceLevel?: number;
}

/** What a website, a salesperson or a bot asks for. Every field is optional. */
export interface SearchQuery extends SearchFilters {
  /** Pattern language: 8888$, AABB$, %520%, 4008[^4][^4]ABAB … */
  pattern?: string;
  /** score (default: best first), number (ascending) or value (score for the price level, best first). */
  sort?: SortOrder;
  /** Results per page, 1-1000 (default 20). */
  limit?: number;
  /** The `next` of the previous page. */
  cursor?: string;
}

/** Filters checked and reduced to what the engine tests. */
export interface NormalizedFilters {
  segments: string[] | null;
  excludeMask: number;
  excludeFrom: number;
  includeMask: number;
  tailContains: string | null;
  minScoreTenths: number;
  tierMask: number;
  bitsMask: number;
  /** Infinity when there is no budget. */
  maxPriceLevel: number;
}

/** A query checked and reduced to what the engine tests. */
export interface NormalizedQuery extends NormalizedFilters {
  pattern: string | null;
  sort: SortOrder;
  limit: number;
  cursor: string | null;
}

export const MAX_LIMIT = 1000;
/** The fields of {@link SearchFilters}. */
export const FILTER_FIELDS: readonly string[] = ['segments', 'exclude', 'excludeScope', 'include', 'tailContains', 'minScore', 'tiers', 'rules', 'shapes', 'maxPriceLevel'];
const QUERY_FIELDS = new Set(['pattern', ...FILTER_FIELDS, 'sort', 'limit', 'cursor']);
/** The kind of each field of a query (see guardKind): a field of another kind is INVALID_TYPE, a wrong value of the right kind BAD_QUERY. */
export const FILTER_KINDS: Readonly<Record<string, string>> = {
  segments: 'array?',
  exclude: 'string?',
  excludeScope: 'string?',
  include: 'string?',
  tailContains: 'string?',
  minScore: 'number?',
  tiers: 'array?',
  rules: 'array?',
  shapes: 'array?',
  maxPriceLevel: 'number?',
};
const QUERY_KINDS: Readonly<Record<string, string>> = { pattern: 'string?', ...FILTER_KINDS, sort: 'string?', limit: 'number?', cursor: 'string?' };

/** A search query: an object (or nothing) whose fields are of the kinds SearchQuery gives them; INVALID_TYPE naming `where.field`. */
export function guardQuery(query: unknown, where: string): void {
  guardOptions(query, where);
  if (query !== undefined) guardFields(query as object, where, QUERY_KINDS);
}
const TIER_IDS: readonly TierId[] = TIERS.map((t) => t.id);
const SEGMENT_NAMES = ['4000', '4001', '4006', '4007', '4008', '4009'];

type Fail = (field: string, why: LocalText, input: unknown) => never;

/** The BAD_QUERY error of a field of a search's query or of a near-number search's options. */
function failIn(kind: QueryKind): Fail {
  return (field, why, input) => badQuery(kind, field, why, input);
}

const fail = failIn('search');

/** Digits, commas and white space, as in "4", "47" or "4, 7". */
function digitMask(value: unknown, field: string, fail: Fail): number {
  if (value === undefined || value === '') return 0;
  const notDigits: () => never = () => fail(field, F.notDigits(value), value);
  if (typeof value !== 'string') notDigits();
  let mask = 0;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i) - 48;
    if (code >= 0 && code <= 9) mask |= 1 << code;
    else if (value[i] !== ',' && !/\s/.test(value[i]!)) notDigits();
  }
  return mask;
}

function list<T extends string>(value: unknown, field: string, ok: (v: unknown) => v is T, known: readonly string[], fail: Fail): T[] | null {
  if (value === undefined) return null;
  if (!Array.isArray(value)) fail(field, F.notList(known), value);
  for (const v of value) if (!ok(v)) fail(field, F.notOneOf(v, known), value);
  return [...new Set(value as T[])].sort();
}

/** Checks a query; a wrong field is a BAD_QUERY error that names it and what was expected. */
export function normalizeQuery(query: SearchQuery): NormalizedQuery {
  if (!query || typeof query !== 'object') fail('query', F.notObject, query);
  for (const key of Object.keys(query)) if (!QUERY_FIELDS.has(key)) fail(key, F.unknownField([...QUERY_FIELDS]), query);

  const sort = query.sort ?? 'score';
  if (sort !== 'score' && sort !== 'number' && sort !== 'value') fail('sort', F.notChoice(sort, ['score', 'number', 'value']), sort);
  const limit = query.limit ?? 20;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) fail('limit', F.notWhole(limit, 1, MAX_LIMIT), limit);
  const f = filtersOf(query, fail);
  // Field by field rather than spread: every search makes one, and a spread object is slower to read.
  return {
    segments: f.segments,
    excludeMask: f.excludeMask,
    excludeFrom: f.excludeFrom,
    includeMask: f.includeMask,
    tailContains: f.tailContains,
    minScoreTenths: f.minScoreTenths,
    tierMask: f.tierMask,
    bitsMask: f.bitsMask,
    maxPriceLevel: f.maxPriceLevel,
    pattern: query.pattern?.trim() ? query.pattern.trim() : null,
    sort,
    limit,
    cursor: query.cursor ?? null,
  };
}

/**
 * Checks the {@link SearchFilters} fields of `value` (other fields are the caller's to check); a wrong
 * one is a BAD_QUERY error that names who asked (a search or a near-number search), the field and what was expected.
 */
export function normalizeFilters(value: SearchFilters, kind: QueryKind): NormalizedFilters {
  return filtersOf(value, failIn(kind));
}

function filtersOf(query: SearchFilters, fail: Fail): NormalizedFilters {
  const segments = list(query.segments, 'segments', (v): v is string => typeof v === 'string' && /^400\d$/.test(v), SEGMENT_NAMES, fail);
  const scope = query.excludeScope ?? 'body';
  if (scope !== 'body' && scope !== 'tail' && scope !== 'all') fail('excludeScope', F.notChoice(scope, ['body', 'tail', 'all']), scope);
  if (query.tailContains !== undefined && (typeof query.tailContains !== 'string' || !/^\d{1,4}$/.test(query.tailContains))) {
    fail('tailContains', F.notTail(query.tailContains), query.tailContains);
  }
  const minScore = query.minScore ?? 0;
  if (typeof minScore !== 'number' || !Number.isFinite(minScore) || minScore < 0 || minScore > 100) fail('minScore', F.notScore(minScore), minScore);
  const tiers = list(query.tiers, 'tiers', (v): v is TierId => TIER_IDS.includes(v as TierId), TIER_IDS, fail);
  const rules = list(query.rules, 'rules', isRuleFamily, FAMILIES, fail);
  const shapes = list(query.shapes, 'shapes', isShapeName, SHAPES, fail);
  const maxPriceLevel = query.maxPriceLevel ?? Infinity;
  if (typeof maxPriceLevel !== 'number' || Number.isNaN(maxPriceLevel) || maxPriceLevel <= 0) fail('maxPriceLevel', F.notPriceLevel(maxPriceLevel), maxPriceLevel);

  let bitsMask = 0;
  for (const r of rules ?? []) bitsMask |= 1 << FAMILIES.indexOf(r);
  for (const s of shapes ?? []) bitsMask |= shapeBit(s);
  return {
    segments,
    excludeMask: digitMask(query.exclude, 'exclude', fail),
    excludeFrom: scope === 'all' ? 0 : scope === 'body' ? 3 : 6,
    includeMask: digitMask(query.include, 'include', fail),
    tailContains: query.tailContains ?? null,
    minScoreTenths: Math.round(minScore * 10),
    tierMask: tiers ? tiers.reduce((m, id) => m | (1 << TIER_IDS.indexOf(id)), 0) : 0,
    bitsMask,
    maxPriceLevel,
  };
}

/**
 * The query without its cursor, as a string: the key of a page sequence and of the cache. The pattern
 * goes last, so no other field's text can run into it.
 */
export function queryKey(q: NormalizedQuery): string {
  return `${q.sort}|${q.limit}|${q.minScoreTenths}|${q.tierMask}|${q.bitsMask}|${q.excludeMask}|${q.excludeFrom}|${q.includeMask}|${q.maxPriceLevel}|${q.tailContains ?? ''}|${q.segments?.join(',') ?? '*'}|${q.pattern === null ? '' : `p${q.pattern}`}`;
}

const FNV_PRIME = 0x01000193;

function mixText(h: number, text: string): number {
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return Math.imul(h ^ 0xffff, FNV_PRIME);
}

/**
 * A 32-bit FNV-1a hash of what {@link queryKey} holds, taken from the fields without building the
 * key: cursors carry it, and every page that has a next one makes a cursor.
 */
export function queryHash(q: NormalizedQuery): number {
  let h = 0x811c9dc5;
  h = Math.imul(h ^ q.limit, FNV_PRIME);
  h = Math.imul(h ^ q.minScoreTenths, FNV_PRIME);
  h = Math.imul(h ^ q.tierMask, FNV_PRIME);
  h = Math.imul(h ^ q.bitsMask, FNV_PRIME);
  h = Math.imul(h ^ q.excludeMask, FNV_PRIME);
  h = Math.imul(h ^ q.excludeFrom, FNV_PRIME);
  h = Math.imul(h ^ q.includeMask, FNV_PRIME);
  h = mixText(h, q.sort);
  if (q.maxPriceLevel !== Infinity) h = mixText(h, String(q.maxPriceLevel));
  h = mixText(h, q.tailContains ?? '');
  if (q.segments === null) h = Math.imul(h ^ 0x10000, FNV_PRIME);
  else for (const segment of q.segments) h = mixText(h, segment);
  if (q.pattern !== null) h = mixText(Math.imul(h ^ 0x20000, FNV_PRIME), q.pattern);
  return h >>> 0;
}
