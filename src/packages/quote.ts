import { guardNumber, guardString, invalidType, quoted, guardFields, guardObject } from '../errors/guards.js';
import { Vanity400Error, type LocalText } from '../errors/vanity400-error.js';
import { score } from '../scoring/score.js';
import { tierById, TIERS, type TierId } from '../scoring/tiers.js';
import { defaultPackages, guardPackage, guardPackageList, isDefaultSpecialMinimum, TYPICAL_RATE, type MinimumSpend, type Package, type PackageList } from './packages.js';

/** What {@link quote} is asked: a number (or a tier) and the customer's expected traffic. */
export interface QuoteRequest {
  /** The 400 number, any written form; its tier decides the minimum spend. Give this or `tier`. */
  number?: string;
  /** A tier id, when no number is chosen yet. */
  tier?: TierId;
  /** With a tier: whether the number will be one of the carrier's special numbers (a number's own shape says so itself). */
  special?: boolean;
  /** Minutes of answered calls the customer expects each month (0 … 1,000,000). */
  minutesPerMonth: number;
  /** Only packages of this term, in whole years. */
  years?: number;
}

/** One package priced for the customer's traffic. */
export interface PackageQuote {
  /** 1 for the cheapest for this traffic. */
  rank: number;
  /** The package. */
  package: Package;
  /** What the customer really pays per year for this traffic, in 元: the prepayment, or more when the calls cost more. */
  perYear: number;
  /** The same over the whole term. */
  total: number;
  /** The prepayment per year. */
  prepayPerYear: number;
  /** Minutes a month the prepayment covers, spread evenly over the term. */
  coveredMinutesPerMonth: number;
  /** 元 a year billed beyond the prepayment for this traffic (0 when the credit covers it). */
  beyondPrepayPerYear: number;
  /** What a minute really costs at this traffic (perYear ÷ minutes a year), or null with no traffic. */
  effectiveRate: number | null;
  /** Set when the package's rate is below the typical 0.10 元/min: the seed's warning. */
  warning?: LocalText;
}

/** A package the number cannot take: its prepayment per year is under the number's minimum spend. */
export interface IneligiblePackage {
  /** The package. */
  package: Package;
  /** Why, in Chinese and English. */
  reason: LocalText;
}

/** The minimum spend that applies to a number, and whose it is. */
export interface AppliedMinimumSpend extends MinimumSpend {
  /** `number`: the carrier's own figure for this number; `special`: the figure for the carrier's special numbers (above its tier's); `tier`: its tier's. */
  of: 'number' | 'special' | 'tier';
  /** Where the figure comes from, as the salesperson says it beside the figure: 按价目表里优选号的标准 … */
  basis: LocalText;
}

/** What {@link quote} answers. */
export interface Quote {
  /** The number as 10 digits, when one was asked about. */
  number?: string;
  /** The tier whose minimum spend applies. */
  tier: TierId;
  /** Whether it is one of the carrier's special numbers. */
  special: boolean;
  /** The traffic asked about. */
  minutesPerMonth: number;
  /** The minimum yearly spend that applies, and whether it is the number's own (set by the carrier) or its tier's. */
  minimumSpend: AppliedMinimumSpend;
  /** The packages the number can take, cheapest for this traffic first. */
  packages: PackageQuote[];
  /** The packages under its minimum spend, with why. */
  ineligible: IneligiblePackage[];
  /** The caller's side of the bill, in one line. */
  caller: LocalText;
}

/** The caller's side, the same for every 400 number (data/billing.json). */
export const CALLER_PAYS: LocalText = {
  zh: '打进来的客户只付自己当地的市话费，全国拨打都不收长途费；通话费由企业按套餐支付。',
  en: 'Callers pay only their own local rate, with no long-distance charge from anywhere in the country; the business pays for the minutes by its package.',
};

/** The seed's warning for a rate below the typical agent contract. */
function lowRateWarning(rate: number): LocalText {
  return {
    zh: `资费 ${rate} 元/分钟低于一般代理合约的 ${TYPICAL_RATE} 元/分钟：这么低的价格多半在计费上做了手脚，请核实代理商是否正规。`,
    en: `The rate of ${rate} 元/min is below the usual agent contract of ${TYPICAL_RATE} 元/min: prices this low usually hide tricks in the billing; check that the agent is genuine.`,
  };
}

const MAX_MINUTES = 1_000_000;
const round2 = (x: number) => Math.round(x * 100) / 100;

function badRequest(field: string, value: unknown, expected: LocalText): never {
  const text = quoted(value, 60);
  throw new Vanity400Error('BAD_ARGUMENT', { zh: `${field} ${text} 无效：${expected.zh}`, en: `${field} ${text} is not valid: ${expected.en}` }, { input: value, field });
}

/** The tier (and the number's 10 digits) a request is about: a number's tier by its score, or the tier given. */
export function tierOfRequest(request: { number?: unknown; tier?: unknown; special?: unknown }): { tier: TierId; special: boolean; number?: string } {
  if (request.number !== undefined) {
    if (request.tier !== undefined) badRequest('tier', request.tier, { zh: '给号码或等级其中一个，不要同时给', en: 'give a number or a tier, not both' });
    const a = score(request.number as string);
    return { tier: a.tier, special: a.special, number: a.number };
  }
  const tier = typeof request.tier === 'string' ? tierById(request.tier) : undefined;
  if (!tier) {
    badRequest('tier', request.tier, {
      zh: `应给一个号码，或等级 ${TIERS.map((t) => `${t.id}（${t.zh}）`).join('、')} 之一`,
      en: `expected a number, or one of the tiers ${TIERS.map((t) => t.id).join(', ')}`,
    });
  }
  // A tier says nothing of the shape that makes a special number: that is asked for on its own.
  if (request.special !== undefined && typeof request.special !== 'boolean') badRequest('special', request.special, { zh: '应为 true 或 false', en: 'expected true or false' });
  return { tier: tier.id, special: request.special === true };
}

/**
 * The minimum yearly spend for a number: the carrier's own figure for it; else, for one of the carrier's
 * special numbers, the list's figure for special numbers when it is above the tier's; else its tier's. Each
 * says where it comes from (`basis`): the special numbers' figure of the bundled list is a default, since no
 * public source gives the carrier's, and says so until the agent's file sets `minimumSpend.special`.
 */
export function minimumSpendOf(list: PackageList, tier: TierId, number?: string, special = false): AppliedMinimumSpend {
  guardPackageList(list, 'minimumSpendOf(): list');
  const t = tierById(tier);
  if (t === undefined) throw invalidType('minimumSpendOf(): tier', `等级（${TIERS.map((x) => x.id).join('、')}）`, `a tier id (${TIERS.map((x) => x.id).join(', ')})`, tier);
  if (number !== undefined) guardString(number, 'minimumSpendOf(): number');
  if (typeof special !== 'boolean') throw invalidType('minimumSpendOf(): special', 'true 或 false', 'true or false', special);
  const own = number === undefined ? undefined : list.numberMinimum.get(number);
  if (own) return { ...own, of: 'number', basis: { zh: '运营商给这个号码定的', en: "the carrier's figure for this number" } };
  if (special && list.specialMinimum.perYear > list.tierMinimum[tier].perYear) {
    const basis: LocalText = isDefaultSpecialMinimum(list)
      ? { zh: '特殊号码的最低消费由运营商定，价目表里还没填运营商给的数，这是默认的估计，以运营商核定的为准', en: "the carrier sets special numbers' minimum; the price list has no carrier figure yet, so this is a default estimate until the carrier confirms it" }
      : { zh: '按价目表里特殊号码的标准，特殊号码的最低消费由运营商定', en: "the price list's figure for special numbers, which the carrier sets" };
    return { ...list.specialMinimum, of: 'special', basis };
  }
  return { ...list.tierMinimum[tier], of: 'tier', basis: { zh: `按价目表里${t.zh}的标准`, en: `the price list's figure for ${t.en} numbers` } };
}

/** One package priced for `minutesPerMonth`: the prepayment is a floor, minutes beyond it are billed at the rate. `rank` is left for the caller (0). */
export function pricePackage(p: Package, minutesPerMonth: number, rank = 0): PackageQuote {
  guardPackage(p, 'pricePackage(): package');
  guardNumber(minutesPerMonth, 'pricePackage(): minutesPerMonth');
  guardNumber(rank, 'pricePackage(): rank');
  const termMinutes = minutesPerMonth * 12 * p.years;
  const termCost = Math.max(p.prepay, termMinutes * p.ratePerMinute);
  const perYear = termCost / p.years;
  const priced: PackageQuote = {
    rank,
    package: p,
    perYear: round2(perYear),
    total: round2(termCost),
    prepayPerYear: round2(p.prepay / p.years),
    coveredMinutesPerMonth: Math.floor(p.prepay / p.ratePerMinute / (12 * p.years)),
    beyondPrepayPerYear: round2((termCost - p.prepay) / p.years),
    effectiveRate: minutesPerMonth === 0 ? null : Math.round((perYear / (minutesPerMonth * 12)) * 10_000) / 10_000,
  };
  if (p.ratePerMinute < TYPICAL_RATE) priced.warning = lowRateWarning(p.ratePerMinute);
  return priced;
}

/**
 * Prices every package for a number (or a tier) and the customer's expected minutes a month, and ranks
 * them by what the customer really pays per year: the prepayment is a floor, and minutes beyond what it
 * covers are billed at the package's rate. Packages whose prepayment per year is under the number's
 * minimum spend (the carrier's figure for the number, else the special numbers' when it is one and that is
 * higher, else its tier's) are listed apart, with why.
 * Ties go to the lower rate, then the shorter term. `packages` defaults to data/packages.json.
 *
 * @throws Vanity400Error BAD_ARGUMENT naming the field (`minutesPerMonth`, `years`, `tier`); the parse errors of a malformed number.
 */
export function quote(request: QuoteRequest, packages: PackageList = defaultPackages()): Quote {
  guardPackageList(packages, 'quote(): packages');
  guardObject(request, 'quote(): request', '{ number 或 tier, minutesPerMonth } 对象', 'an object { number or tier, minutesPerMonth }');
  guardFields(request, 'quote(): request', { number: 'string?', tier: 'string?', special: 'boolean?', minutesPerMonth: 'number', years: 'number?' });
  const { minutesPerMonth, years } = request;
  if (typeof minutesPerMonth !== 'number' || !Number.isFinite(minutesPerMonth) || minutesPerMonth < 0 || minutesPerMonth > MAX_MINUTES) {
    badRequest('minutesPerMonth', minutesPerMonth, { zh: `应为 0 到 ${MAX_MINUTES} 的分钟数`, en: `expected 0 to ${MAX_MINUTES} minutes` });
  }
  if (years !== undefined && (typeof years !== 'number' || !Number.isInteger(years) || years < 1 || years > 10)) {
    badRequest('years', years, { zh: '应为 1 到 10 的整数年', en: 'expected a whole number of years, 1 to 10' });
  }
  const { tier, special, number } = tierOfRequest(request);
  const minimum = minimumSpendOf(packages, tier, number, special);
  const priced: PackageQuote[] = [];
  const ineligible: IneligiblePackage[] = [];
  for (const p of packages.packages) {
    if (years !== undefined && p.years !== years) continue;
    const perYear = p.prepay / p.years;
    if (perYear < minimum.perYear) {
      const whose = minimum.of === 'number' ? { zh: '这个号码', en: 'this number' } : minimum.of === 'special' ? { zh: '特殊号码', en: 'a special number' } : { zh: tierById(tier)!.zh, en: `a ${tierById(tier)!.en} number` };
      ineligible.push({
        package: p,
        reason: {
          zh: `每年预存 ${round2(perYear)} 元，低于${whose.zh}每年 ${minimum.perYear} 元的最低消费`,
          en: `prepays ${round2(perYear)} 元 a year, under the minimum spend of ${minimum.perYear} 元 a year for ${whose.en}`,
        },
      });
      continue;
    }
    priced.push(pricePackage(p, minutesPerMonth));
  }
  priced.sort((a, b) => a.perYear - b.perYear || a.package.ratePerMinute - b.package.ratePerMinute || a.package.years - b.package.years || (a.package.id < b.package.id ? -1 : 1));
  priced.forEach((p, i) => {
    p.rank = i + 1;
  });
  const result: Quote = {
    tier,
    special,
    minutesPerMonth,
    minimumSpend: minimum,
    packages: priced,
    ineligible,
    caller: CALLER_PAYS,
  };
  return number === undefined ? result : { number, ...result };
}
