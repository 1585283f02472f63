import { guardNumberInput, guardOptions, invalidType } from '../errors/guards.js';
import { Vanity400Error } from '../errors/vanity400-error.js';
import type { Number400 } from '../number/types.js';
import { score } from './score.js';
import { lexiconPhrases } from '../rules/lexicon.js';
import { resolveProfile, type Profile } from './profile.js';
import { OPEN_WORKING_DAYS, tierById } from './tiers.js';
import type { Assessment, Finding, ScoreOptions } from './types.js';

/** The language of sentences: `'zh'` Chinese (the default wherever one is asked for) or `'en'` English. */
export type Language = 'zh' | 'en';

/** What {@link explain} returns: the number's assessment plus its reasons as sentences. */
export interface Explanation extends Assessment {
  /** The language of `summary` and `reasons`. */
  lang: Language;
  /** What a salesperson says of the number, as it is: its score and tier, its best reasons, the largest taboo, the special-number note. */
  summary: string;
  /** One sentence per reason, strongest first: findings on the same digits share one, shapes inside a longer shape are told with it, taboos come last with 注意. */
  reasons: string[];
}

const SHAPE_RULES = new Set(['repeat', 'sequence', 'pattern', 'combination']);
const CN = ['零', '一', '二', '三', '四', '五', '六', '七'];

/** Where a finding lies, as a salesperson says it: 尾号 5858, 后六位 517517, 后四位含 58, 中间 250. */
export function positionWords(f: Pick<Finding, 'at' | 'digits'>, lang: Language): string {
  const end = f.at + f.digits.length;
  if (lang === 'zh') {
    if (end === 10) return f.digits.length <= 4 ? `尾号 ${f.digits}` : `后${CN[f.digits.length]}位 ${f.digits}`;
    return f.at >= 6 ? `后四位含 ${f.digits}` : `中间 ${f.digits}`;
  }
  if (end === 10) return `ends in ${f.digits}`;
  return f.at >= 6 ? `${f.digits} in the last four` : `${f.digits} in the middle`;
}

/** What a finding is, without where: 谐音“一路发”, 四连号, 乘法口诀“二五一十”. */
function what(f: Finding, lang: Language): string {
  const note = (lang === 'zh' ? f.note : f.noteEn) ?? '';
  if (lang === 'zh') {
    if (f.kind === 'digits') return `${f.label}（${f.rule === 'taboo' ? note : '吉利数字'}）`;
    if (f.kind !== 'phrase') return f.label;
    switch (f.rule) {
      case 'homophone':
        return `谐音“${f.label}”${note ? `，${note}` : ''}`;
      case 'taboo':
        return `谐音“${f.label}”，不吉利`;
      case 'multiplication':
        return `乘法口诀“${f.label}”`;
      case 'memorable':
        return `${f.label}，好记`;
      default:
        return f.label;
    }
  }
  if (f.kind === 'digits') return f.labelEn;
  if (f.kind !== 'phrase') return f.labelEn;
  switch (f.rule) {
    case 'homophone':
      return `sounds like ${f.label} ("${f.labelEn}")${note ? `; ${note}` : ''}`;
    case 'taboo':
      return `sounds like ${f.label} ("${f.labelEn}"), unlucky`;
    case 'multiplication':
      return `the times-table line ${f.label} (${f.labelEn})`;
    case 'memorable':
      return `easy to remember: ${f.labelEn}`;
    default:
      return f.labelEn;
  }
}

/**
 * Whether lucky digits are worth saying: three or more 6s, 8s and 9s among the six chosen digits, and
 * not all of them one run already told (666666 is a 六连号; "含 6 个 6" adds nothing).
 */
function manyLucky(f: Finding, findings: readonly Finding[]): boolean {
  const strong = [...f.digits].filter((c) => c !== '0');
  if (strong.length < 3) return false;
  const one = strong.every((c) => c === strong[0]);
  return !(one && findings.some((r) => r.kind === 'run' && r.digits[0] === strong[0] && r.digits.length >= strong.length));
}

/** An English sentence starts with a capital letter. */
function capitalized(sentence: string): string {
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

/** One reason: digits, what they are (one or more things), how strong. */
interface Clause {
  at: number;
  digits: string;
  whats: Finding[];
  points: number;
  taboo: boolean;
}

const contains = (outer: { at: number; digits: string }, inner: { at: number; digits: string }) =>
  inner.at >= outer.at && inner.at + inner.digits.length <= outer.at + outer.digits.length;

/**
 * The reasons of a number as a salesperson tells them: one clause per span of digits, strongest first.
 * Findings on the same digits share a clause; a shape lying inside a longer shape is not told apart
 * (888 inside 888666), and a reading inside a shape is told with it (517517: ABCABC 型，谐音“我要吃”);
 * the same reading twice is told once. Lucky digits come after the spans; taboos last.
 */
export function reasonClauses(findings: readonly Finding[]): Clause[] {
  const clauses: Clause[] = [];
  const spanned = findings.filter((f) => f.kind !== 'digits');
  // Shapes first, longest first, so the parts of a pattern find the pattern already there.
  const shapes = spanned.filter((f) => SHAPE_RULES.has(f.rule)).sort((a, b) => b.digits.length - a.digits.length || Math.abs(b.points) - Math.abs(a.points));
  for (const f of shapes) {
    const home = clauses.find((c) => contains(c, f));
    if (home) {
      if (home.at === f.at && home.digits === f.digits) home.whats.push(f);
      home.points += f.points;
      continue;
    }
    clauses.push({ at: f.at, digits: f.digits, whats: [f], points: f.points, taboo: false });
  }
  for (const f of spanned.filter((x) => !SHAPE_RULES.has(x.rule))) {
    const taboo = f.rule === 'taboo';
    const home = taboo ? undefined : clauses.find((c) => !c.taboo && contains(c, f));
    if (home) {
      if (!home.whats.some((w) => w.label === f.label && w.rule === f.rule)) home.whats.push(f);
      home.points += f.points;
      continue;
    }
    clauses.push({ at: f.at, digits: f.digits, whats: [f], points: f.points, taboo });
  }
  // A short shape inside a longer reading is its part (987 in the year 1987, 456 in 7456 气死我了).
  for (let i = clauses.length - 1; i >= 0; i--) {
    const c = clauses[i]!;
    if (!c.whats.every((f) => SHAPE_RULES.has(f.rule))) continue;
    const home = clauses.find((r) => r !== c && r.digits.length > c.digits.length && contains(r, c) && !r.whats.some((f) => SHAPE_RULES.has(f.rule)));
    if (home) {
      home.points += c.points;
      clauses.splice(i, 1);
    }
  }
  clauses.sort((a, b) => Number(a.taboo) - Number(b.taboo) || Math.abs(b.points) - Math.abs(a.points) || a.at - b.at);
  const good = clauses.filter((c) => !c.taboo);
  const bad = clauses.filter((c) => c.taboo);
  const digits = findings.filter((f) => f.kind === 'digits' && (f.rule === 'taboo' || manyLucky(f, findings))).map((f): Clause => ({ at: f.at, digits: f.digits, whats: [f], points: f.points, taboo: f.rule === 'taboo' }));
  return [...good, ...digits.filter((c) => !c.taboo), ...bad, ...digits.filter((c) => c.taboo)];
}

function clauseText(c: Clause, lang: Language, inline: boolean): string {
  // Strongest first, readings before shapes of the same strength; a note said once, after what needs it.
  const ordered = [...c.whats].sort((a, b) => Math.abs(b.points) - Math.abs(a.points) || Number(SHAPE_RULES.has(a.rule)) - Number(SHAPE_RULES.has(b.rule)));
  const notes = [...new Set(ordered.map((f) => (lang === 'zh' ? f.note : f.noteEn)).filter((n): n is string => !!n && ordered[0]!.kind !== 'digits'))];
  const bare = ordered.map((f) => (f.kind === 'digits' ? what(f, lang) : what({ ...f, note: undefined, noteEn: undefined } as Finding, lang)));
  const whats = [...bare, ...notes].join(lang === 'zh' ? '，' : '; ');
  if (c.whats[0]!.kind === 'digits') return lang === 'zh' ? `${c.taboo ? '注意：' : ''}${whats}` : `${c.taboo ? 'note: ' : ''}${whats}`;
  const where = positionWords(c, lang);
  if (c.taboo) return lang === 'zh' ? `注意：${where} ${whats}` : `note: ${where} ${whats}`;
  if (lang === 'zh') return `${where}${inline ? `（${whats}）` : `：${whats}`}`;
  return `${where}: ${whats}`;
}

/** The shape that makes a number special, if one does: the longest run or pattern ending it, or six equal digits. */
function specialShape(findings: readonly Finding[]): Finding | undefined {
  return findings
    .filter((f) => SHAPE_RULES.has(f.rule) && f.rule !== 'combination')
    .filter((f) => (f.kind === 'run' && f.digits.length >= 6) || f.at + f.digits.length === 10)
    .filter((f) => (f.kind === 'run' && f.digits.length >= 4) || f.digits.length >= (f.kind.startsWith('straight') ? 5 : 6))
    .sort((a, b) => b.digits.length - a.digits.length)[0];
}

/** One finding as a sentence, e.g. "尾号 517：谐音“我要吃”" / "ends in 517: sounds like 我要吃 ("I want to eat")". */
export function findingSentence(f: Finding, lang: Language): string {
  const sentence = findingClause(f, lang);
  return lang === 'en' ? capitalized(sentence) : sentence;
}

function findingClause(f: Finding, lang: Language): string {
  if (typeof f !== 'object' || f === null || typeof f.rule !== 'string') throw invalidType('findingSentence(): finding', '评分理由（finding）', 'a finding', f);
  return clauseText({ at: f.at, digits: f.digits, whats: [f], points: f.points, taboo: f.rule === 'taboo' }, lang, false);
}

/** Scores a number and puts the reasons into sentences in Chinese (default) or English. */
export function explain(input: string | Number400, options: ScoreOptions & { lang?: Language } = {}): Explanation {
  guardNumberInput(input, 'explain(): number');
  guardOptions(options, 'explain(): options');
  const lang = options.lang ?? 'zh';
  if (lang !== 'zh' && lang !== 'en') {
    throw new Vanity400Error('UNKNOWN_LANGUAGE', { zh: `不支持的语言 ${JSON.stringify(lang)}：可用 "zh" 或 "en"`, en: `unknown language ${JSON.stringify(lang)}: use "zh" or "en"` }, { input: lang });
  }
  const a = score(input, options);
  return { ...a, lang, ...sentencesOf(a, lang, options.profile) };
}

/**
 * What a salesperson answers a customer who hears 死 in a 4 the profile does not count against (the
 * seed reads 4 as "fa"): 1414 要死要死 → 按简谱读作“要发要发”. Only where no reading told already covers the digits.
 */
function fourHints(a: Assessment, profile: string | Profile | undefined, lang: Language): string[] {
  const p = resolveProfile(profile);
  if ((p.tagWeights['four-as-death'] ?? 1) !== 0) return [];
  const lexicon = lexiconPhrases();
  const feared = lexicon.filter((ph) => ph.family === 'taboo' && ph.tags?.includes('four-as-death') && !ph.tags.includes('cantonese') && (ph.weight ?? 0) >= p.seriousTaboo).sort((x, y) => y.digits.length - x.digits.length);
  const readings = a.findings.filter((f) => f.kind === 'phrase');
  const taken: [number, number][] = readings.map((f) => [f.at, f.at + f.digits.length]);
  const hints: string[] = [];
  // One hint is enough: the longest reading a customer may hear (1414, not also its 14).
  for (const ph of feared) {
    if (hints.length) break;
    for (let at = a.number.indexOf(ph.digits, 4); at >= 4; at = a.number.indexOf(ph.digits, at + 1)) {
      const end = at + ph.digits.length;
      if (taken.some(([s, e]) => at < e && s < end)) continue;
      taken.push([at, end]);
      const answer = lexicon.find((x) => x.digits === ph.digits && x.tags?.includes('four-as-fa'));
      const where = positionWords({ at, digits: ph.digits }, lang);
      hints.push(
        lang === 'zh'
          ? `提示：${where} 有人读作“${ph.zh}”；按简谱 4 读 fa，${answer ? `可读作“${answer.zh}”` : '谐音“发”'}`
          : `tip: some hear ${where} as ${ph.zh} ("${ph.en}"); 4 is "fa" in solfège${answer ? `, so it reads ${answer.zh} ("${answer.en}")` : ', heard as 发 (prosper)'}`,
      );
    }
  }
  return hints;
}

/** The summary and the reasons of an assessment in `lang`; `profile` is the one it was scored with (for the 4-as-fa hints). */
export function sentencesOf(a: Assessment, lang: Language, profile?: string | Profile): { summary: string; reasons: string[] } {
  const tier = tierById(a.tier)!;
  const clauses = reasonClauses(a.findings);
  const hints = fourHints(a, profile, lang);
  const reasons = [...clauses.map((c) => clauseText(c, lang, false)), ...hints];
  // The summary: up to three of the best spans (never the lucky-digit count), then the largest taboo.
  const best = clauses.filter((c) => !c.taboo && c.whats[0]!.kind !== 'digits').slice(0, 3);
  const worst = clauses.filter((c) => c.taboo).sort((x, y) => x.points - y.points)[0];
  const shape = a.special ? specialShape(a.findings) : undefined;
  const days = OPEN_WORKING_DAYS.special;
  const parts: string[] = [];
  // The special number's shape is named only if the summary has not named its digits already.
  const named = shape && !best.some((c) => contains(c, shape));
  if (lang === 'zh') {
    parts.push(`${a.display}：${a.score} 分，${tier.zh}`);
    if (best.length) parts.push(best.map((c) => clauseText(c, 'zh', true)).join('；'));
    if (worst) parts.push(clauseText(worst, 'zh', false));
    parts.push(...hints);
    if (a.special) parts.push(`属运营商特殊号码${named ? `（${positionWords(shape, 'zh')}，${shape.label}）` : ''}，开通需 ${days} 个工作日`);
    return { summary: `${parts.join('。')}。`, reasons };
  }
  parts.push(`${a.display} scores ${a.score} (${tier.en})`);
  // In English each span is its own sentence: its findings are already joined with semicolons.
  parts.push(...best.map((c) => clauseText(c, 'en', false)));
  if (worst) parts.push(clauseText(worst, 'en', false));
  parts.push(...hints);
  if (a.special) parts.push(`a carrier's special number${named ? ` (${positionWords(shape, 'en')}, ${shape.labelEn})` : ''}: ${days} working days to open`);
  return { summary: `${parts.map(capitalized).join('. ')}.`, reasons: reasons.map(capitalized) };
}
