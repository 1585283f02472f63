import { guardNumberInput, guardOptions, invalidType } from '../errors/guards.js';
import { Vanity400Error } from '../errors/vanity400-error.js';
import type { Number400 } from '../number/types.js';
import { score } from './score.js';
import { tierById } from './tiers.js';
import type { Assessment, Finding, ScoreOptions } from './types.js';

/** The language of sentences: `'zh'` Chinese (the default wherever one is asked for) or `'en'` English. */
export type Language = 'zh' | 'en';

/** What {@link explain} returns: the number's assessment plus its reasons as sentences. */
export interface Explanation extends Assessment {
  /** The language of `summary` and `reasons`. */
  lang: Language;
  /** One sentence a salesperson or a bot can say as it is. */
  summary: string;
  /** One sentence per finding, strongest first. */
  reasons: string[];
}

function where(f: Finding, lang: Language): string {
  const end = f.at + f.digits.length;
  if (lang === 'zh') return end === 10 ? `尾号 ${f.digits}` : f.at >= 6 ? `后四位 ${f.digits}` : `中间 ${f.digits}`;
  return end === 10 ? `ends in ${f.digits}` : f.at >= 6 ? `${f.digits} in the last four` : `${f.digits} in the middle`;
}

function what(f: Finding, lang: Language): string {
  if (f.kind !== 'phrase') return lang === 'zh' ? f.label : f.labelEn;
  if (lang === 'zh') {
    switch (f.rule) {
      case 'homophone':
        return `谐音“${f.label}”`;
      case 'taboo':
        return `谐音“${f.label}”，不吉利`;
      case 'multiplication':
        return `乘法口诀“${f.label}”`;
      case 'memorable':
        return `易记：${f.label}`;
      default:
        return f.label;
    }
  }
  switch (f.rule) {
    case 'homophone':
      return `sounds like ${f.label} (“${f.labelEn}”)`;
    case 'taboo':
      return `sounds like ${f.label} (“${f.labelEn}”), unlucky`;
    case 'multiplication':
      return `the times-table line ${f.label} (${f.labelEn})`;
    case 'memorable':
      return `easy to remember: ${f.labelEn}`;
    default:
      return f.labelEn;
  }
}

/** One finding as a sentence, e.g. "尾号 517：谐音“我要吃”（+14.3 分）" / "ends in 517: sounds like 我要吃 (“I want to eat”) (+14.3)". */
export function findingSentence(f: Finding, lang: Language): string {
  if (typeof f !== 'object' || f === null || typeof f.rule !== 'string') throw invalidType('findingSentence(): finding', '评分理由（finding）', 'a finding', f);
  const pts = `${f.points > 0 ? '+' : ''}${f.points}`;
  return lang === 'zh' ? `${where(f, 'zh')}：${what(f, 'zh')}（${pts} 分）` : `${where(f, 'en')}: ${what(f, 'en')} (${pts})`;
}

/** Scores a number and puts the reasons into sentences in Chinese (default) or English. */
export function explain(input: string | Number400, options: ScoreOptions & { lang?: Language } = {}): Explanation {
  guardNumberInput(input, 'explain(): number');
  guardOptions(options, 'explain(): options');
  const lang = options.lang ?? 'zh';
  if (lang !== 'zh' && lang !== 'en') {
    throw new Vanity400Error('UNKNOWN_LANGUAGE', `unknown language ${JSON.stringify(lang)}: use "zh" or "en"`, { input: lang });
  }
  const a = score(input, options);
  const tier = tierById(a.tier)!;
  const reasons = a.findings.map((f) => findingSentence(f, lang));
  const top = a.findings.filter((f) => f.points > 0).slice(0, 3);
  let summary: string;
  if (lang === 'zh') {
    const why = top.map((f) => `${where(f, 'zh')}（${what(f, 'zh')}）`).join('，');
    summary = `${a.display}：${a.score} 分，${tier.zh}${a.special ? '（特殊号码，7 个工作日开通）' : ''}${why ? `。${why}` : ''}。`;
  } else {
    const why = top.map((f) => `${where(f, 'en')}, ${what(f, 'en')}`).join('; ');
    summary = `${a.display} scores ${a.score} (${tier.en}${a.special ? ', a special number: 7 working days to open' : ''})${why ? `: ${why}` : ''}.`;
  }
  return { ...a, lang, summary, reasons };
}
