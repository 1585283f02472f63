/**
 * The shapes of the tools' answers, as zod schemas: their JSON Schemas are the tools' output schemas
 * (MCP's `outputSchema`, which clients check every structured answer against). Objects are open: the
 * fields named here are promised, and a later version may add others.
 */
import * as z from 'zod';
import { FAMILIES, NUMBER_STATUSES, TIERS, type TierId } from 'vanity400';
import type { ToolName } from './schemas.js';

const TIER_IDS = TIERS.map((t) => t.id) as [TierId, ...TierId[]];
const text = z.looseObject({ zh: z.string(), en: z.string() }).describe('A text in Chinese and English');

const finding = z
  .looseObject({
    rule: z.enum(FAMILIES).describe('The rule family: repeat, sequence, pattern, auspicious, homophone, memorable, combination, multiplication, company or taboo'),
    kind: z.string(),
    digits: z.string().describe('The digits it is about'),
    at: z.number().int().describe('0-based index of those digits in the 10'),
    label: z.string().describe('In Chinese'),
    labelEn: z.string().describe('In English'),
    points: z.number().describe('What it adds to the score (negative for a taboo)'),
  })
  .describe('One reason behind a score');

/** What every number in an answer carries. */
const numberFields = {
  number: z.string().describe('The 10 digits'),
  display: z.string().describe('As written for people: 400-851-7517'),
  score: z.number().min(0).max(100),
  tier: z.enum(TIER_IDS),
  special: z.boolean().describe("The carrier's special number: 7 working days to open, a minimum spend"),
};

const assessment = z.looseObject({ ...numberFields, segment: z.string(), carrier: z.string().nullable(), findings: z.array(finding) });
const searchResult = z.looseObject({ ...numberFields, value: z.number().describe('Score for the price level'), findings: z.array(finding).optional() });
const numberState = z.looseObject({
  number: z.string(),
  agent: z.string(),
  status: z.enum(NUMBER_STATUSES as [string, ...string[]]),
  customer: z.string().optional().describe("Only when it is the asker's own"),
  heldUntil: z.number().optional().describe('Epoch ms'),
});

/** Each tool's `result`, as the library function answers it. */
const results = {
  score: assessment,
  explain: assessment.extend({ lang: z.enum(['zh', 'en']), summary: z.string(), reasons: z.array(z.string()), tips: z.array(z.string()).describe("For the salesperson, not to be read to the customer") }),
  search: z.looseObject({ results: z.array(searchResult), next: z.string().nullable().describe('The cursor of the next page, or null') }),
  near: z.array(
    z.looseObject({
      ...numberFields,
      distance: z.number().int().describe('How many digits differ (0: the number itself)'),
      changed: z.array(z.number().int()).describe('0-based positions that differ'),
      swap: z.boolean().describe('Two neighbouring digits swapped'),
      findings: z.array(finding),
    }),
  ),
  sounds: z.looseObject({
    results: z.array(
      searchResult.extend({
        soundsLike: z.looseObject({ digits: z.string(), phrase: z.string(), en: z.string().optional(), at: z.number().int(), atEnd: z.boolean() }),
        rank: z.number(),
      }),
    ),
    next: z.null(),
  }),
  suggest: z.looseObject({
    results: z.array(
      z.looseObject({
        ...numberFields,
        fact: z
          .looseObject({
            kind: z.string(),
            digits: z.string(),
            at: z.number().int(),
            parts: z.array(z.looseObject({ kind: z.string(), digits: z.string(), at: z.number().int() })).optional().describe('Two facts side by side: each'),
          })
          .describe('The company fact the number holds'),
        reasons: z.array(z.string()),
        findings: z.array(finding),
        rank: z.number(),
      }),
    ),
    notes: z
      .array(z.looseObject({ kind: z.string().describe("'avoided', 'no-reading', 'filled' …"), zh: z.string(), en: z.string() }))
      .describe('What the salesperson should know: a fact left out for an avoided digit, a name no digits sound like, how many numbers rest on the facts'),
  }),
  hold: z.union([
    z.looseObject({ ok: z.literal(true), heldUntil: z.number().describe('Epoch ms') }),
    z.looseObject({ ok: z.literal(false), state: numberState.describe("Why not: the number's state, without another customer's name") }),
  ]),
  release: z.looseObject({ number: z.string(), released: z.literal(true) }),
  quote: z.looseObject({
    number: z.string().optional(),
    tier: z.enum(TIER_IDS),
    special: z.boolean(),
    minutesPerMonth: z.number(),
    minimumSpend: z.looseObject({ perYear: z.number(), of: z.enum(['number', 'special', 'tier']), basis: text }),
    packages: z.array(z.looseObject({ package: z.looseObject({ zh: z.string(), en: z.string() }), perYear: z.number(), coveredMinutesPerMonth: z.number(), effectiveRate: z.number().nullable() })),
    ineligible: z.array(z.looseObject({})),
    caller: text,
  }),
  opening_date: z.looseObject({
    number: z.string().optional(),
    tier: z.enum(TIER_IDS),
    special: z.boolean(),
    workingDays: z.number().int(),
    paidOn: z.string().describe('YYYY-MM-DD, Beijing'),
    date: z.string().describe('The expected opening day, YYYY-MM-DD'),
    estimatedYears: z.array(z.number().int()),
  }),
  documents: z.looseObject({
    company: z.looseObject({ name: z.string(), creditCode: z.string() }),
    documents: z.array(text),
    missing: z.array(text),
    complete: z.boolean(),
  }),
  order_status: z.looseObject({
    orders: z.array(
      z.looseObject({
        id: z.string(),
        number: z.string().describe('The 10 digits'),
        status: z.string().describe('Where the order stands: draft, submitted, paid, opened …'),
        history: z.array(z.looseObject({ status: z.string(), at: z.number().describe('Epoch ms') })),
        packageId: z.string(),
        openingDate: z.string().optional().describe('The expected opening day, YYYY-MM-DD Beijing'),
        openingNote: z.string().optional().describe('Set when the opening day is an estimate: that year\'s holidays are not announced yet'),
        warnings: z.array(z.string()).describe('What needs doing, in the language asked for'),
      }),
    ).describe("The customer's own orders, oldest first"),
  }),
  route_check: z.union([
    z.looseObject({ ok: z.literal(true), rules: z.looseObject({}), form: z.looseObject({ title: z.string(), sections: z.array(z.looseObject({})) }) }),
    z.looseObject({ ok: z.literal(false), problems: z.array(z.looseObject({ code: z.string(), path: z.string(), field: z.string(), message: text })) }),
  ]),
  route_test: z.looseObject({ connected: z.boolean(), attempts: z.array(z.looseObject({})), explanation: text, notes: z.array(text) }),
} satisfies Record<ToolName, z.ZodType>;

const error = z
  .looseObject({
    code: z.string().describe('A stable code: BAD_ARGUMENT, UNKNOWN_TOOL, WRONG_LENGTH, NOT_HOLDER …'),
    message: z.string().describe('What was wrong, for the model to put right'),
    position: z.number().int().optional(),
    field: z.string().optional(),
  })
  .describe('Why the tool did not run');
const say = z.string().describe('One or a few sentences to read to the customer as they are');

/** The whole answer of a tool, `{ ok: true, result, say }` or `{ ok: false, error, say }`: what callTool returns. */
export const answerSchemas = {} as Record<ToolName, z.ZodType>;
for (const name of Object.keys(results) as ToolName[]) {
  answerSchemas[name] = z.union([z.looseObject({ ok: z.literal(true), result: results[name], say }), z.looseObject({ ok: z.literal(false), error, say })]);
}
