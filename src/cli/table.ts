import type { CompanyProfile } from '../rules/company.js';
// cli-table3 lays the tables out: it measures text by its width on a terminal (string-width: a Chinese
// character takes two columns, colour codes none) and cuts a cell that is too wide with "…".
import Table from 'cli-table3';
import { explain, type Language } from '../scoring/explain.js';
import type { Profile } from '../scoring/profile.js';
import { NOT_RECOMMENDED, TIERS, tierLabel, type TierId } from '../scoring/tiers.js';
import { palette, tierPaint, type Palette } from './colour.js';

const PLAIN = palette(false);
/** Columns between cells. */
const GAP = '  ';
const NO_BORDERS = {
  top: '', 'top-mid': '', 'top-left': '', 'top-right': '',
  bottom: '', 'bottom-mid': '', 'bottom-left': '', 'bottom-right': '',
  left: '', 'left-mid': '', mid: '', 'mid-mid': '', right: '', 'right-mid': '', middle: GAP,
};
/** A number's display (400-851-7517) and a score (100.0) are this wide. */
const NUMBER_WIDTH = 12;
const SCORE_WIDTH = 5;
/** The narrowest the last column gets, however narrow the terminal. */
const MIN_REST_WIDTH = 16;

/** One line of a number table: a number with its score and tier, and what the command says about it. */
export interface NumberLine {
  display: string;
  score: number;
  tier: TierId;
  /** Reasons, how it differs, what it sounds like … */
  rest: string;
}

/** A line for an input that is not a number: the input, then the error. */
export interface ErrorLine {
  input: string;
  error: string;
}

/** How a number table is laid out. */
export interface TableLayout {
  lang: Language;
  paint?: Palette;
  /** The terminal's width: the last column is cut to fit it; no limit when left out. */
  columns?: number;
  /** The last column's heading (reasons by default); no header row when false. */
  header?: string | false;
}

const tierWidth = (lang: Language) => Math.max(...[...TIERS, NOT_RECOMMENDED].map((t) => (lang === 'zh' ? 2 * t.zh.length : t.en.length)));

/** The lines of a number table, each ending in a newline: a header row (unless told not to), then the rows. */
export function numberTable(lines: readonly (NumberLine | ErrorLine)[], layout: TableLayout): string {
  const { lang, paint = PLAIN, columns } = layout;
  const zh = lang === 'zh';
  const widths = [NUMBER_WIDTH, SCORE_WIDTH, tierWidth(lang)];
  const fixed = widths.reduce((a, b) => a + b, 0) + GAP.length * widths.length;
  const rest = columns === undefined ? null : Math.max(MIN_REST_WIDTH, columns - fixed);
  const table = new Table({
    chars: NO_BORDERS,
    style: { head: [], border: [], 'padding-left': 0, 'padding-right': 0, compact: true },
    colWidths: [...widths, rest],
    colAligns: ['left', 'right', 'left', 'left'],
    ...(layout.header === false ? {} : { head: zh ? ['号码', '评分', '等级', layout.header ?? '理由'] : ['number', 'score', 'tier', layout.header ?? 'reasons'] }),
  });
  for (const line of lines) {
    if ('error' in line) {
      // An input that is not a number may be any width: it and its error share the row.
      table.push([{ colSpan: 4, content: `${line.input}${GAP}${paint.red(line.error)}` }]);
      continue;
    }
    const tier = tierLabel(line.tier, line.score);
    const colour = tierPaint(paint, line.tier);
    table.push([line.display, paint.bold(colour(line.score.toFixed(1))), colour(zh ? tier.zh : tier.en), line.rest]);
  }
  if (!table.length && layout.header === false) return '';
  return `${table.toString().split('\n').map((l) => l.trimEnd()).join('\n')}\n`;
}

/** One table line for people: number, score, tier, then whatever the command says about it. Colour only with a colouring palette. */
export function numberRow(display: string, score: number, tier: TierId, lang: Language, rest: string, paint: Palette = PLAIN): string {
  return numberTable([{ display, score, tier, rest }], { lang, paint, header: false }).trimEnd();
}

/** A number's strongest reasons in one line, as the library tells them (one clause per span of digits), then the salesperson's tips. */
export function topReasons(number: string, options: { lang: Language; profile: string | Profile; company?: CompanyProfile }, count = 3): string {
  const e = explain(number, options);
  return [...e.reasons.slice(0, count), ...e.tips].join(options.lang === 'zh' ? '；' : '; ');
}

/** How a number near the wanted one differs from it. */
export function nearHow(r: { distance: number; swap: boolean }, lang: Language): string {
  const zh = lang === 'zh';
  if (r.distance === 0) return zh ? '就是它' : 'the number itself';
  if (r.swap) return zh ? '相邻两位对调' : 'two neighbours swapped';
  return zh ? `改 ${r.distance} 位` : `${r.distance} digit${r.distance > 1 ? 's' : ''} changed`;
}
