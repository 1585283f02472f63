import { isVanity400Error } from '../../errors/vanity400-error.js';
import { format } from '../../number/format.js';
import { parse } from '../../number/parse.js';
import type { Pool } from '../../pool/pool.js';
import type { Language } from '../../scoring/explain.js';
import { tierLabel, type TierId } from '../../scoring/tiers.js';
import { near } from '../../search/near.js';
import type { SearchFilters, SearchQuery } from '../../search/query.js';
import { search } from '../../search/search.js';
import { scoringOf, shapeResult } from '../../search/shape.js';
import type { CompanyProfile } from '../../rules/company.js';
import { suggest } from '../../suggest/suggest.js';
import { tierPaint } from '../colour.js';
import { nearHow, numberRow, topReasons } from '../table.js';
import { fits } from './budget.js';
import type { Facts } from './facts.js';
import type { Messages } from './messages.js';
import { checked, type Ui } from './ui.js';

/** A number on the list, with what to say about it. */
export interface Item {
  number: string;
  display: string;
  score: number;
  tier: TierId;
  reasons: string[];
}

/** How the salesperson is looking: the suggestions, or a pattern, or close to a number; and the narrowing on top. */
export interface Narrowing {
  pattern?: string;
  near?: string;
  noFour: boolean;
  tailOnly: boolean;
}

/** Numbers shown on one page. */
export const PAGE = 8;
/** Numbers read from the library at a time. */
const BATCH = 50;
const NEAR_LIMIT = 200;
const SUGGESTIONS = 100;

/** The numbers of one way of looking, loaded a batch at a time as the salesperson pages. */
interface Listing {
  title: string;
  items: Item[];
  /** The next batch, or null when all are loaded. */
  more: (() => Item[]) | null;
}

function avoidOf(facts: Facts, narrowing: Narrowing): string | undefined {
  const digits = `${facts.profile.avoid ?? ''}${narrowing.noFour ? '4' : ''}`;
  return digits === '' ? undefined : digits;
}

/** The facts and the narrowing as the filters of a search or near-number search: segments, digits to avoid, the budget. */
function filtersOf(facts: Facts, narrowing: Narrowing): SearchFilters {
  const avoid = avoidOf(facts, narrowing);
  return {
    ...(avoid ? { exclude: avoid } : {}),
    ...(facts.segments.length ? { segments: facts.segments } : {}),
    ...(facts.budget.level !== Infinity ? { maxPriceLevel: facts.budget.level } : {}),
  };
}

function item(r: { number: string; display: string; score: number; tier: TierId }, reasons: string[]): Item {
  return { number: r.number, display: r.display, score: r.score, tier: r.tier, reasons: reasons.filter(Boolean) };
}

/** The customer's company facts: every list of the session scores with them, as the suggestions do. */
function companyOf(facts: Facts): CompanyProfile {
  const company: CompanyProfile = {};
  for (const key of ['founded', 'registered', 'door', 'landline', 'digits'] as const) if (facts.profile[key] !== undefined) (company as Record<string, unknown>)[key] = facts.profile[key];
  return company;
}

/** A number found by pattern or nearness, scored and explained with the customer's facts: one score per number per session. */
function factItem(pool: Pool, facts: Facts, number: string, lang: Language, before: string[], count: number): Item {
  const scoring = scoringOf(pool, companyOf(facts));
  const shaped = shapeResult(number, scoring);
  return item(shaped, [...before, topReasons(number, { lang, profile: scoring.profile ?? 'seed', ...(scoring.company ? { company: scoring.company } : {}) }, count)]);
}

function searchListing(pool: Pool, facts: Facts, narrowing: Narrowing, lang: Language, title: string): Listing {
  const pattern = narrowing.pattern && narrowing.tailOnly && !narrowing.pattern.endsWith('$') ? `${narrowing.pattern}$` : narrowing.pattern;
  const query: SearchQuery = { ...(pattern ? { pattern } : {}), ...filtersOf(facts, narrowing), limit: BATCH };
  let cursor: string | null = null;
  const listing: Listing = { title, items: [], more: null };
  const next = (): Item[] => {
    const page = search([pool], cursor ? { ...query, cursor } : query, { findings: false });
    cursor = page.next;
    listing.more = cursor ? next : null;
    return page.results.map((r) => factItem(pool, facts, r.number, lang, [], 3));
  };
  listing.more = next;
  return listing;
}

function nearListing(pool: Pool, facts: Facts, narrowing: Narrowing, wanted: string, lang: Language, title: string): Listing {
  const tail = narrowing.tailOnly ? { tailContains: wanted.slice(6) } : {};
  const items = near([pool], wanted, { maxDistance: 2, swaps: true, limit: NEAR_LIMIT, findings: false, ...filtersOf(facts, narrowing), ...tail })
    .map((r) => factItem(pool, facts, r.number, lang, [nearHow(r, lang)], 2));
  return { title, items, more: null };
}

/** The suggestions for the facts; with nothing to go on, the agent's best numbers. */
async function suggestionListing(ui: Ui, pool: Pool, facts: Facts, narrowing: Narrowing, t: Messages, lang: Language): Promise<Listing> {
  const avoid = avoidOf(facts, narrowing);
  try {
    const suggestions = await suggest(
      { ...facts.profile, ...(avoid ? { avoid } : {}) },
      { pools: [pool], limit: SUGGESTIONS, lang, ...(facts.segments.length ? { segments: facts.segments } : {}) },
    );
    const items = suggestions
      .filter((s) => !narrowing.tailOnly || s.fact.at + s.fact.digits.length === 10)
      .filter((s) => fits(facts.budget, s.number, s.tier))
      .map((s) => item(s, s.reasons));
    return { title: t.suggestions, items, more: null };
  } catch (error) {
    if (!isVanity400Error(error) || error.code !== 'BAD_QUERY') throw error;
    ui.info(t.nothingToGoOn(error.messageIn(lang)));
    return searchListing(pool, facts, narrowing, lang, t.best);
  }
}

async function listingFor(ui: Ui, pool: Pool, facts: Facts, narrowing: Narrowing, t: Messages, lang: Language): Promise<Listing> {
  if (narrowing.near) return nearListing(pool, facts, narrowing, narrowing.near, lang, t.near(format(narrowing.near)));
  if (narrowing.pattern) return searchListing(pool, facts, narrowing, lang, t.pattern(narrowing.pattern));
  return suggestionListing(ui, pool, facts, narrowing, t, lang);
}

function heading(listing: Listing, narrowing: Narrowing, t: Messages, page: number): string {
  const loaded = Math.max(1, Math.ceil(listing.items.length / PAGE));
  const filters = [narrowing.noFour ? t.noFour : '', narrowing.tailOnly ? t.tailOnly : ''].filter(Boolean);
  return [listing.title, ...filters, t.page(page + 1, listing.more ? null : loaded)].join(' · ');
}

type Choice = { number: string } | 'next' | 'previous' | 'pattern' | 'four' | 'tail' | 'near' | 'back';

/**
 * Shows the list a page at a time, with the reasons, and lets the salesperson page and narrow it until
 * they pick a number; resolves to it and the narrowing it was found with. `taken` numbers (held or sold
 * meanwhile) are left out.
 */
export async function browse(
  ui: Ui,
  pool: Pool,
  facts: Facts,
  start: Narrowing,
  t: Messages,
  lang: Language,
  taken: ReadonlySet<string>,
): Promise<{ item: Item; narrowing: Narrowing }> {
  let narrowing = start;
  let listing = await listingFor(ui, pool, facts, narrowing, t, lang);
  let page = 0;
  for (;;) {
    while (listing.more && listing.items.length < (page + 1) * PAGE + 1) listing.items.push(...listing.more());
    const available = listing.items.filter((i) => !taken.has(i.number));
    page = Math.min(page, Math.max(0, Math.ceil(available.length / PAGE) - 1));
    const shown = available.slice(page * PAGE, (page + 1) * PAGE);
    ui.message([
      ui.paint.bold(heading({ ...listing, items: available }, narrowing, t, page)),
      ...(shown.length ? shown.map((i) => numberRow(i.display, i.score, i.tier, lang, i.reasons.join(lang === 'zh' ? '；' : '; '), ui.paint)) : [t.none]),
    ]);
    const options: { value: Choice; label: string; hint?: string }[] = shown.map((i) => ({
      value: { number: i.number },
      label: `${i.display}  ${tierPaint(ui.paint, i.tier)(`${i.score.toFixed(1).padStart(5)} ${tierLabel(i.tier, i.score)[lang]}`)}`,
      ...(i.reasons[0] ? { hint: i.reasons[0] } : {}),
    }));
    if (available.length > (page + 1) * PAGE) options.push({ value: 'next', label: t.nextPage });
    if (page > 0) options.push({ value: 'previous', label: t.previousPage });
    options.push(
      { value: 'pattern', label: t.narrowPattern },
      { value: 'four', label: t.toggleFour(narrowing.noFour) },
      { value: 'tail', label: t.toggleTail(narrowing.tailOnly) },
      { value: 'near', label: t.narrowNear },
    );
    if (narrowing.pattern || narrowing.near) options.push({ value: 'back', label: t.back });

    const choice = await ui.select<Choice>({ message: t.choose, options });
    if (typeof choice === 'object') return { item: shown.find((i) => i.number === choice.number)!, narrowing };
    if (choice === 'next' || choice === 'previous') {
      page += choice === 'next' ? 1 : -1;
      continue;
    }
    if (choice === 'pattern') {
      const pattern = await ui.text({
        message: t.patternAsk,
        ...(narrowing.pattern ? { initialValue: narrowing.pattern } : {}),
        validate: (v) => (v?.trim() ? checked(() => search([], { pattern: v.trim() }), lang) : undefined),
      });
      narrowing = { ...narrowing, near: undefined, pattern: pattern.trim() || undefined };
    } else if (choice === 'near') {
      const wanted = await ui.text({ message: t.nearAsk, validate: (v) => checked(() => parse(v ?? ''), lang) });
      narrowing = { ...narrowing, pattern: undefined, near: parse(wanted).digits };
    } else if (choice === 'four') narrowing = { ...narrowing, noFour: !narrowing.noFour };
    else if (choice === 'tail') narrowing = { ...narrowing, tailOnly: !narrowing.tailOnly };
    else narrowing = { ...narrowing, pattern: undefined, near: undefined };
    listing = await listingFor(ui, pool, facts, narrowing, t, lang);
    page = 0;
  }
}
