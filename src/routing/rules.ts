import type { LocalText } from '../errors/vanity400-error.js';
import type { DaySelector } from './call-time.js';

/** A landing number (落地号码) in a rule set: the number in its canonical form, and what the customer calls it. */
export interface Landing {
  /** 021-61234567 (area code, hyphen, local number) or 13800138000. */
  number: string;
  /** The customer's name for it, e.g. 上海分公司, 值班手机. */
  label?: string;
}

/** How a group of numbers shares its calls: always the first first (顺序), each call starting at the next (轮流), or at a random one (随机). */
export type RingOrder = 'in-order' | 'rotating' | 'random';

/** A group of landing numbers: one rings first, and on busy or no answer the others in turn. */
export interface RingRoute {
  /** 1 to 10 numbers. */
  ring: Landing[];
  /** Which rings first; the rest follow round the list from there. */
  order: RingOrder;
}

/** Calls shared out by percentage (按比例, to 1%): each call goes down one branch, drawn by its share. */
export interface SplitRoute {
  /** Branches whose whole percentages add up to 100. */
  split: {
    /** A whole percent, 1 to 100. */
    percent: number;
    /** Where this share of the calls goes. */
    route: Route;
  }[];
}

/** Calls routed by the caller's area (按地区): area codes, cities or provinces. */
export interface AreaRoute {
  /** No area may be in two rules. */
  byArea: {
    /** Area codes, cities or provinces, as written. */
    areas: string[];
    /** Where calls from them go. */
    route: Route;
  }[];
  /** Where calls from every other area (or an unknown one) go; required unless an allow-list lets in only areas the rules name. */
  otherwise?: Route;
}

/** One slot of a time plan: on these days, at these times of day (Beijing time). */
export interface TimeRule {
  /** Weekdays, or the calendar's classes: workday 工作日, restday 休息日, holiday 节假日. */
  days: DaySelector[];
  /** HH:MM, the first minute covered. */
  from: string;
  /** HH:MM, the first minute no longer covered (24:00 is midnight); an end at :59 covers that minute (00:00–23:59 is the whole day). When it is not after `from`, the slot runs past midnight: 18:00–09:00 is 00:00–09:00 and 18:00–24:00 of those days. */
  to: string;
  /** Where calls in the slot go. */
  route: Route;
}

/** Calls routed by the time they come in (按时间): weekdays and HH:MM slots, and 节假日 by the working-day calendar. */
export interface TimeRoute {
  /** The slots; no two may cover the same day and minute, unless one names holidays (节假日, first), calendar days (工作日/休息日, next) and the other weekdays (last). */
  byTime: TimeRule[];
  /** Where calls at times no slot covers go; without it every minute of the week must be covered. */
  otherwise?: Route;
}

/** Where a call goes: a group of numbers, a percentage split, or a choice by area or by time (nested up to four deep). */
export type Route = RingRoute | SplitRoute | AreaRoute | TimeRoute;

/** When a call moves on to the next number. */
export type ForwardCondition = 'busy' | 'no-answer';

/**
 * A 400 line's call-routing rules (转接规则), the part of the 受理单 that says where calls go, as
 * {@link checkRoutingRules} returns them: checked, in canonical form, frozen. The seed's functions each have
 * their field: 电话自动分配 (route: by area, by time, by percentage), 遇忙/无应答自动呼转 (forwarding),
 * 呼叫阻截 (blocking), 专用密码 (password), 费用控制 (cap).
 */
export interface RoutingRules {
  /** The 400 number the rules are for, 10 digits, when the form names it. */
  number?: string;
  /** The customer (company) the form is for. */
  customer?: string;
  /** Where calls go. */
  route: Route;
  /** How long each number rings before the call counts as unanswered and moves on (5 to 60 seconds; 20 unless set). */
  ringSeconds: number;
  /** Numbers tried after the route's own, in order, when the call is busy or unanswered: up to 10. */
  forwarding?: {
    /** 1 to 10 numbers. */
    numbers: Landing[];
    /** On busy, on no answer, or both (both unless set). */
    on: ForwardCondition[];
  };
  /** Callers let through only from these areas (allow), or refused from these areas (deny). */
  blocking?: {
    /** allow: only the listed areas get through; deny: the listed areas are refused. */
    mode: 'allow' | 'deny';
    /** Area codes, cities or provinces. */
    areas: string[];
  };
  /** Every caller must key in this password (4 to 8 digits) before the call is put through. */
  password?: string;
  /** Calls stop being put through once this month's cost, or this month's answered calls, reach the cap. */
  cap?: {
    /** Yuan per month, to the fen. */
    monthlyCost?: number;
    /** Answered calls per month. */
    monthlyCalls?: number;
  };
}

/** What a problem in a rule set is about; stable, so code can branch on it. */
export type RoutingProblemCode =
  | 'BAD_FIELD'
  | 'BAD_LANDING_NUMBER'
  | 'REPEATED_NUMBER'
  | 'TOO_MANY_NUMBERS'
  | 'UNKNOWN_AREA'
  | 'AREA_OVERLAP'
  | 'AREA_GAP'
  | 'BAD_TIME'
  | 'BAD_DAYS'
  | 'TIME_OVERLAP'
  | 'TIME_GAP'
  | 'BAD_PERCENT'
  | 'PERCENT_SUM'
  | 'UNREACHABLE'
  | 'BAD_PASSWORD'
  | 'BAD_CAP'
  | 'TOO_DEEP';

/** One thing wrong with a rule set, naming its rule and field. */
export interface RoutingProblem {
  /** What kind of problem. */
  code: RoutingProblemCode;
  /** Where, as a path into the rule set: route.byTime[1].from. */
  path: string;
  /** The rule in words: 按时间第 2 条 / time rule 2. */
  rule: LocalText;
  /** The field the problem is in: from, percent, areas[0] … */
  field: string;
  /** The whole sentence, naming the rule and the field: 按时间第 2 条的 from：“25:00”不是有效的时刻 … */
  message: LocalText;
}

/** What {@link checkRoutingRules} answers: the rules in canonical form, or every problem found. */
export type RoutingCheck =
  | {
      /** The rule set is good. */
      ok: true;
      /** Checked, in canonical form, frozen: route() uses them without checking again. */
      rules: RoutingRules;
    }
  | {
      /** The rule set is refused. */
      ok: false;
      /** Every problem found, in the order of the rule set. */
      problems: RoutingProblem[];
    };
