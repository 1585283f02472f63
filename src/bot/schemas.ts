import * as z from 'zod';
import { DOCUMENT_IDS, FAMILIES, INDUSTRY_IDS, SHAPES, TIERS, listSegments, profileNames, type DocumentId, type IndustryId, type TierId } from 'vanity400';

/** A list given twice the same item means it once. */
const unique = <T>(items: T[]): T[] => [...new Set(items)];

const SEGMENTS = listSegments()
  .filter((s) => s.confirmed)
  .map((s) => s.segment) as [string, ...string[]];
const TIER_IDS = TIERS.map((t) => t.id) as [TierId, ...TierId[]];
const PROFILES = profileNames() as [string, ...string[]];
/** The longest hold a bot may ask for: the store's own limit, 366 days. */
const MAX_HOLD_MINUTES = 366 * 24 * 60;

const number = z.string().max(60).describe('A 400 number in any written form: 400-851-7517, 4008517517, +86 400 851 7517');
const lang = z.enum(['zh', 'en']).default('zh').describe('Language of the answer: zh (Chinese, default) or en');
const segments = z.array(z.enum(SEGMENTS)).min(1).max(SEGMENTS.length).transform(unique).describe('Only these segments (first four digits); default: all');
const digits = (what: string) => z.string().regex(/^\d{1,10}$/).describe(what);
const limit = (fallback: number, max: number) => z.number().int().min(1).max(max).default(fallback).describe(`How many numbers (default ${fallback}, at most ${max})`);
const minScore = z.number().min(0).max(100).describe('Lowest score, 0-100');
const year = z.union([z.number().int(), z.string().max(20)]).describe('Founding year, e.g. 1987');
const door = z.union([z.number().int(), z.string().max(20)]).describe('Door (street) number, e.g. 88');

const companyFacts = {
  founded: year.optional(),
  registered: z.string().max(40).describe('Registration date, e.g. 2015-03-18').optional(),
  door: door.optional(),
  landline: z.string().max(40).describe('Landline, e.g. 010-87654321').optional(),
  digits: z.array(z.string().max(20)).max(10).transform(unique).describe('Other digit strings the company cares about, 2-7 digits each (at most 10)').optional(),
};

const scoreArgs = z.strictObject({
  number,
  profile: z.enum(PROFILES).optional().describe('Scoring profile: seed (default; 4 is not unlucky) or traditional (4 is unlucky)'),
  company: z.strictObject(companyFacts).optional().describe("The buyer's facts: numbers holding them score more"),
  lang,
});

const tier = z.enum(TIER_IDS).describe('A tier, when no number is chosen yet: ordinary, select, premium, top or super');

/** 'score', 'explain', 'search', 'near', 'sounds', 'suggest', 'hold', 'release', 'quote', 'opening_date', 'documents', 'order_status', 'route_check' or 'route_test'. */
export type ToolName =
  | 'score'
  | 'explain'
  | 'search'
  | 'near'
  | 'sounds'
  | 'suggest'
  | 'hold'
  | 'release'
  | 'quote'
  | 'opening_date'
  | 'documents'
  | 'order_status'
  | 'route_check'
  | 'route_test';

// The rules are checked by checkRoutingRules, which names every problem by rule and field in both languages; the schema only says their shape.
const routing = z
  .record(z.string(), z.unknown())
  .describe(
    'The call-routing rules of the 受理单 (docs/routing.md): { route, forwarding?, blocking?, password?, cap?, ringSeconds?, number?, customer? }. route is a landing number ("021-61234567", "13800138000"), a group { ring: [numbers], order: in-order|rotating|random }, { split: [{ percent, route }] } (whole percents adding up to 100), { byArea: [{ areas: ["上海", "0755", "广东"], route }], otherwise } or { byTime: [{ days: ["mon-fri" | "周六" | "workday" | "holiday" …], from: "09:00", to: "18:00", route }], otherwise }. forwarding: { numbers: [up to 10], on: ["busy", "no-answer"] }; blocking: { mode: allow|deny, areas }; password: "4-8 digits"; cap: { monthlyCost (yuan) | monthlyCalls }',
  );

/**
 * The zod schemas that validate each tool's arguments; the tools' JSON Schemas are generated from them.
 * Objects are strict: an argument the tool does not know is an error, not silently dropped.
 */
export const toolSchemas = {
  score: scoreArgs,
  explain: scoreArgs,
  search: z.strictObject({
    pattern: z.string().max(100).optional().describe('Pattern: digits, * any digit, % any run, letters for repeated digits (AABB$, %520%, 4008[^4][^4]ABAB); $ anchors to the end'),
    segments: segments.optional(),
    exclude: digits('Digits that must not appear after 400, e.g. "4"').optional(),
    excludeScope: z.enum(['body', 'tail', 'all']).optional().describe('Where exclude looks: the 7 digits after 400 (body, default), the last 4 (tail), or all 10'),
    include: digits('Digits that must all appear after 400, e.g. "8"').optional(),
    tailContains: z.string().regex(/^\d{1,4}$/).optional().describe('Digits the last four must contain, e.g. "88"'),
    minScore: minScore.optional(),
    tiers: z.array(z.enum(TIER_IDS)).min(1).max(TIER_IDS.length).transform(unique).optional().describe('Only these tiers'),
    rules: z.array(z.enum(FAMILIES)).min(1).max(FAMILIES.length).transform(unique).optional().describe('Rule families every number must have reasons in, e.g. homophone'),
    shapes: z.array(z.enum(SHAPES)).min(1).max(SHAPES.length).transform(unique).optional().describe('Whole-number shapes every number must have, e.g. tailRun4 (ends in four alike)'),
    sort: z.enum(['score', 'number', 'value']).optional().describe('score (best first, default), number, or value (score for the price)'),
    limit: limit(10, 50),
    cursor: z.string().max(1000).optional().describe('The "next" of the previous answer, for the next page'),
    lang,
  }),
  near: z.strictObject({
    number: number.describe('The wanted number (often one that is taken)'),
    maxDistance: z.number().int().min(1).max(3).default(1).describe('How many digits may differ: 1, 2 or 3'),
    swaps: z.boolean().default(false).describe('Also offer the number with two neighbouring digits swapped'),
    segments: segments.optional(),
    limit: limit(10, 50),
    lang,
  }),
  sounds: z.strictObject({
    phrase: z.string().min(1).max(50).describe('What the number should sound like (一路发, yi lu fa) or, with by: meaning, mean (发财, prosper)'),
    by: z.enum(['sound', 'meaning']).default('sound').describe('sound (default): digits that sound like the phrase; meaning: look the phrase up in the lexicon'),
    segments: segments.optional(),
    exclude: digits('Digits that must not appear after 400, e.g. "4"').optional(),
    minScore: minScore.optional(),
    limit: limit(10, 50),
    lang,
  }),
  suggest: z.strictObject({
    name: z.string().max(100).optional().describe('Company name, e.g. 顺发物流'),
    slogan: z.string().max(200).optional().describe('Slogan'),
    keywords: z.array(z.string().max(50)).max(10).transform(unique).optional().describe('Words the number should sound like or mean, e.g. 发财'),
    ...companyFacts,
    avoid: digits('Digits the customer does not want, e.g. "4"').optional(),
    segments: segments.optional(),
    limit: limit(5, 20),
    lang,
  }),
  hold: z.strictObject({
    number,
    customer: z.string().min(1).max(200).describe('Who the number is held for, e.g. the company name'),
    minutes: z.number().int().min(1).max(MAX_HOLD_MINUTES).optional().describe('How long the hold lasts, in minutes (default 30); or give duration'),
    duration: z.string().max(40).optional().describe('How long the hold lasts as the customer says it: "2小时", "30分钟", "1天", "半小时", "2h"; or give minutes'),
    lang,
  }),
  release: z.strictObject({
    number,
    customer: z.string().min(1).max(200).describe('The customer who holds it'),
    lang,
  }),
  quote: z.strictObject({
    number: number.optional().describe('The 400 number (its tier sets the minimum spend); or give tier'),
    tier: tier.optional(),
    minutesPerMonth: z.number().min(0).max(1_000_000).describe('Minutes of answered calls the customer expects each month'),
    years: z.number().int().min(1).max(10).optional().describe('Only packages of this term, in years'),
    lang,
  }),
  opening_date: z.strictObject({
    number: number.optional().describe('The 400 number (special numbers take 7 working days, others 3); or give tier'),
    tier: tier.optional(),
    paidAt: z.string().max(40).optional().describe('When the prepayment arrived: a Beijing day YYYY-MM-DD or a time with its offset, e.g. 2026-12-07T17:30+08:00; default now'),
    lang,
  }),
  documents: z.strictObject({
    companyName: z.string().min(1).max(200).describe('The name on the business licence'),
    creditCode: z.string().max(40).describe('The 统一社会信用代码 on the business licence, 18 characters'),
    handlerIdNumber: z.string().max(40).optional().describe("The handler's resident ID number: checked, never repeated back or kept (only masked)"),
    numbersHeld: z.number().int().min(0).max(10_000).default(0).describe('400 numbers the company already has'),
    numbersApplying: z.number().int().min(1).max(10_000).optional().describe('400 numbers in this application (default 1)'),
    landingNumbers: z.array(z.string().max(40)).max(20).default([]).describe('The landing numbers (落地号码) calls go to: landlines or mobiles'),
    industry: z.enum(INDUSTRY_IDS as [IndustryId, ...IndustryId[]]).optional().describe('education, medical or finance, when the business needs a licence'),
    provided: z.array(z.enum(DOCUMENT_IDS as [DocumentId, ...DocumentId[]])).max(10).transform(unique).optional().describe('Documents already handed in'),
    lang,
  }),
  order_status: z.strictObject({
    customer: z.string().min(1).max(200).describe('The customer in the chat, as the number is held for them: only their orders are told'),
    id: z.string().min(1).max(100).optional().describe('The order id, e.g. order-1'),
    number: number.optional().describe("The 400 number of the customer's order"),
    lang,
  }),
  route_check: z.strictObject({
    routing,
    lang,
  }),
  route_test: z.strictObject({
    routing,
    at: z.string().min(1).max(50).describe('When the call comes in, Beijing time: "周六 14:00", "Sat 14:00", "2026-10-01 10:00" or an ISO time with its offset'),
    from: z.string().max(30).optional().describe("The caller's number (021-61234567, 13800138000) or area code (021)"),
    area: z.string().max(30).optional().describe("The caller's area, a city or area code (for a mobile)"),
    password: z.string().max(20).optional().describe('The password the caller keys in, when the line has one'),
    monthCalls: z.number().int().min(0).optional().describe('Calls answered this month so far, for a monthly cap'),
    monthCost: z.number().min(0).optional().describe('Cost this month so far in yuan, for a monthly cap'),
    seed: z.number().int().min(0).max(4_294_967_295).default(1).describe('Seed for random groups and percentage splits'),
    lang,
  }),
} satisfies Record<ToolName, z.ZodObject>;

/** A tool's arguments after validation, defaults filled in. */
export type ToolArgs<N extends ToolName> = z.output<(typeof toolSchemas)[N]>;
