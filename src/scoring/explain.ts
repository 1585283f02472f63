import { guardLanguage, guardNumberInput, invalidType } from '../errors/guards.js';
import type { Number400 } from '../number/types.js';
import { ALL_LUCKY, COUNT_ZH } from './findings.js';
import { score } from './score.js';
import { lexiconPhrases } from '../rules/lexicon.js';
import type { Phrase } from '../rules/phrase.js';
import { resolveProfile, type Profile } from './profile.js';
import { NOT_RECOMMENDED, OPEN_WORKING_DAYS, tierLabel } from './tiers.js';
import type { Assessment, Finding, ScoreOptions } from './types.js';
import { guardScoreOptions } from './score-options.js';

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
  /** What the salesperson should know before offering the number, not said to the customer: how to answer one who hears 死 in a 4 (按简谱 4 读 fa), and to ask first. Empty when there is nothing to know. */
  tips: string[];
}

const SHAPE_RULES = new Set(['repeat', 'sequence', 'pattern', 'combination']);
const CN = ['零', '一', '二', '三', '四', '五', '六', '七'];

/**
 * Where a finding lies, as a salesperson says it: 尾号 5858, 后六位 517517, 号头 400-888 or 400-8888
 * (from the digit after 400), 尾号 1686 带 168 (inside the last four; with the number, else 后四位含 168),
 * 中间 250.
 */
export function positionWords(f: Pick<Finding, 'at' | 'digits'>, lang: Language, number?: string): string {
  const end = f.at + f.digits.length;
  const tail = number?.slice(6);
  if (lang === 'zh') {
    if (end === 10) return f.digits.length <= 4 ? `尾号 ${f.digits}` : `后${CN[f.digits.length]}位 ${f.digits}`;
    if (f.at === 3) return `号头 400-${f.digits}`;
    if (f.at >= 6) return tail ? `尾号 ${tail} 带 ${f.digits}` : `后四位含 ${f.digits}`;
    return `中间 ${f.digits}`;
  }
  if (end === 10) return `ends in ${f.digits}`;
  if (f.at === 3) return end === 6 ? `the head 400-${f.digits}` : `starts 400-${f.digits}`;
  if (f.at >= 6) return tail ? `the last four, ${tail}, hold ${f.digits}` : `${f.digits} in the last four`;
  return `${f.digits} in the middle`;
}

/** What a finding is, without where: 谐音“一路发”, 四连号, 乘法口诀“二五一十”. */
function what(f: Finding, lang: Language): string {
  const note = (lang === 'zh' ? f.note : f.noteEn) ?? '';
  if (lang === 'zh') {
    if (f.label === ALL_LUCKY.zh) return `后六位 ${f.digits} ${f.label}`;
    if (f.kind === 'digits') return `${f.label}（${f.rule === 'taboo' ? note : '吉利数字'}）`;
    if (f.kind !== 'phrase') return f.label;
    switch (f.rule) {
      case 'homophone':
        return `谐音“${f.label}”${note ? `，${note}` : ''}`;
      case 'taboo':
        return `谐音“${f.label}”${note ? `，${note}` : ''}`;
      case 'multiplication':
        return `乘法口诀“${f.label}”`;
      case 'memorable':
        return `${f.label}，好记${note ? `，${note}` : ''}`;
      default:
        return f.label;
    }
  }
  if (f.label === ALL_LUCKY.zh) return `the last six, ${f.digits}, are ${f.labelEn}`;
  if (f.kind !== 'phrase') return f.labelEn;
  switch (f.rule) {
    case 'homophone':
      return `sounds like ${f.label} ("${f.labelEn}")${note ? `; ${note}` : ''}`;
    case 'taboo':
      return `sounds like ${f.label} ("${f.labelEn}")${note ? `, ${note}` : ''}`;
    case 'multiplication':
      return `the times-table line ${f.label} (${f.labelEn})`;
    case 'memorable':
      return `easy to remember: ${f.labelEn}${note ? `; ${note}` : ''}`;
    default:
      return f.labelEn;
  }
}

/** A reading told inside the shape holding it: 带 588 谐音“我发发”; a known number by its name (与查号台 114 相同). */
function innerText(f: Finding, lang: Language): string {
  if (f.rule === 'memorable' && f.label.includes(f.digits)) return lang === 'zh' ? f.label : `with ${f.digits}, ${f.labelEn}`;
  // A name that does not hold the digits is told after them: 带 724，寓意 7×24 小时服务.
  if (f.rule === 'memorable') return lang === 'zh' ? `带 ${f.digits}，${what(f, lang)}` : `with ${f.digits}, ${what(f, lang)}`;
  return lang === 'zh' ? `带 ${f.digits} ${what(f, lang)}` : `with ${f.digits}, ${what(f, lang)}`;
}

/**
 * Whether the lucky digits are worth saying: three or more of them named (each kind seen twice or
 * more: 带三个 8、两个 6; 0 is never worth it), and not all of them inside the spans already told
 * (400-666-6888 is told by its pattern; 带四个 6、三个 8 adds nothing).
 */
function worthSaying(f: Finding, number: string, told: readonly Clause[]): boolean {
  // All six lucky is worth saying where the spans told leave three of them or more (not of 666666 8).
  if (f.label === ALL_LUCKY.zh) return [...f.digits].filter((_, k) => !told.some((c) => f.at + k >= c.at && f.at + k < c.at + c.digits.length)).length >= 3;
  if (f.digits.length < 3 || f.digits.includes('0') || [...f.digits].some((d) => f.digits.split(d).length - 1 < 2)) return false;
  for (let i = 3; i < number.length; i++) {
    if (f.digits.includes(number[i]!) && !told.some((c) => i >= c.at && i < c.at + c.digits.length)) return true;
  }
  return false;
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
  /** How many times the same taboo reading is in the span (250250: 2), when more than once. */
  times?: number;
  /** Readings lying inside the shape, told with it (尾号 5588：AABB 型，带 588 谐音“我发发”). */
  inner?: Finding[];
}

const contains = (outer: { at: number; digits: string }, inner: { at: number; digits: string }) =>
  inner.at >= outer.at && inner.at + inner.digits.length <= outer.at + outer.digits.length;

/**
 * The reasons of a number as a salesperson tells them: one clause per span of digits, strongest first.
 * Findings on the same digits share a clause; a shape lying inside a longer shape is not told apart
 * (888 inside 888666), and a reading is told with a shape of its own digits or one repeating it (517517:
 * ABCABC 型，谐音“我要吃”);
 * the same reading twice is told once. Lucky digits come after the spans; taboos last.
 */
export function reasonClauses(findings: readonly Finding[], number: string): Clause[] {
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
    // A reading is told with a shape of its own digits, or one that repeats it (517517); inside any
    // other shape it is told on its own (41314 对称 does not sound like 一生一世; its 1314 does).
    const home = taboo ? undefined : clauses.find((c) => !c.taboo && contains(c, f) && c.digits === f.digits.repeat(c.digits.length / f.digits.length));
    if (home) {
      // Said as often as the shape repeats it: 518518 谐音“我要发，我要发”.
      const k = home.digits.length / f.digits.length;
      const said = k === 1 ? f : { ...f, label: Array(k).fill(f.label).join('，'), labelEn: Array(k).fill(f.labelEn).join(', ') };
      if (!home.whats.some((w) => w.rule === f.rule && w.digits === f.digits)) home.whats.push(said);
      home.points += f.points;
      continue;
    }
    // Inside a longer shape it is told with the shape, as a part of it: 尾号 5588：AABB 型，带 588 ….
    const shape = taboo ? undefined : clauses.find((c) => !c.taboo && c.whats.every((w) => SHAPE_RULES.has(w.rule)) && c.digits.length > f.digits.length && contains(c, f));
    if (shape) {
      if (!shape.inner?.some((w) => w.label === f.label)) (shape.inner ??= []).push(f);
      shape.points += f.points;
      continue;
    }
    clauses.push({ at: f.at, digits: f.digits, whats: [f], points: f.points, taboo });
  }
  // A short shape inside a longer reading is its part (987 in the year 1987, 456 in 7456 气死我了).
  for (let i = clauses.length - 1; i >= 0; i--) {
    const c = clauses[i]!;
    if (!c.whats.every((f) => SHAPE_RULES.has(f.rule)) || c.inner) continue;
    const home = clauses.find((r) => r !== c && r.digits.length > c.digits.length && contains(r, c) && !r.whats.some((f) => SHAPE_RULES.has(f.rule)));
    if (home) {
      home.points += c.points;
      clauses.splice(i, 1);
    }
  }
  // The same taboo twice is one warning over both (后六位 250250 含两个 250).
  for (let i = clauses.length - 1; i >= 0; i--) {
    const c = clauses[i]!;
    const first = c.taboo && clauses.find((o) => o !== c && o.taboo && o.whats[0]!.kind === 'phrase' && o.whats[0]!.digits === c.whats[0]!.digits && o.whats[0]!.label === c.whats[0]!.label);
    if (!first) continue;
    const start = Math.min(first.at, c.at);
    first.digits = number.slice(start, Math.max(first.at + first.digits.length, c.at + c.digits.length));
    first.at = start;
    first.points += c.points;
    first.times = (first.times ?? 1) + 1;
    clauses.splice(i, 1);
  }
  clauses.sort((a, b) => Number(a.taboo) - Number(b.taboo) || Math.abs(b.points) - Math.abs(a.points) || a.at - b.at);
  const good = clauses.filter((c) => !c.taboo);
  const bad = clauses.filter((c) => c.taboo);
  const digits = findings.filter((f) => f.kind === 'digits' && (f.rule === 'taboo' || worthSaying(f, number, good))).map((f): Clause => ({ at: f.at, digits: f.digits, whats: [f], points: f.points, taboo: f.rule === 'taboo' }));
  return [...good, ...digits.filter((c) => !c.taboo), ...bad, ...digits.filter((c) => c.taboo)];
}

function clauseText(c: Clause, lang: Language, inline: boolean, number?: string): string {
  // Strongest first, readings before shapes of the same strength; a note said once, after what needs it.
  const ordered = [...c.whats].sort((a, b) => Math.abs(b.points) - Math.abs(a.points) || Number(SHAPE_RULES.has(a.rule)) - Number(SHAPE_RULES.has(b.rule)));
  const notes = [...new Set(ordered.map((f) => (lang === 'zh' ? f.note : f.noteEn)).filter((n): n is string => !!n && ordered[0]!.kind !== 'digits'))];
  const bare = ordered.map((f) => (f.kind === 'digits' ? what(f, lang) : what({ ...f, note: undefined, noteEn: undefined } as Finding, lang)));
  const inner = (c.inner ?? []).map((f) => innerText(f, lang));
  const whats = [...bare, ...notes, ...inner].join(lang === 'zh' ? '，' : '; ');
  if (c.whats[0]!.kind === 'digits') return lang === 'zh' ? `${c.taboo ? '注意：' : ''}${whats}` : `${c.taboo ? 'note: ' : ''}${whats}`;
  const where = positionWords(c, lang, number);
  if (c.taboo && c.times) {
    const reading = c.whats[0]!.digits;
    return lang === 'zh' ? `注意：${where} 含${COUNT_ZH[c.times] ?? c.times}个 ${reading}，${whats}` : `note: ${where} (${reading} ${c.times === 2 ? 'twice' : `${c.times} times`}) ${whats}`;
  }
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
  guardLanguage(lang, 'findingSentence(): lang');
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
  guardScoreOptions(options, 'explain(): options');
  const lang = options.lang ?? 'zh';
  guardLanguage(lang, 'explain(): options.lang');
  const a = score(input, options);
  return { ...a, lang, ...sentencesOf(a, lang, options.profile) };
}

/**
 * What a salesperson should know of a 4 the profile does not count against (the seed reads 4 as "fa"), in
 * one tip: where 4s make the number's shape, how they read (尾号 4444 可读作“发发发发”); else the reading a
 * customer may hear nearest the end that no told reading covers (1414 要死要死 → 按简谱读作“要发要发”);
 * else a 4 in the shape that sells the number, unless a told reading gives that 4 its own sound (3344 生生世世).
 */
function fourTips(a: Assessment, profile: string | Profile | undefined, lang: Language, clauses: readonly Clause[]): string[] {
  const p = resolveProfile(profile);
  if ((p.tagWeights['four-as-death'] ?? 1) !== 0) return [];
  const fours = a.findings.filter((f) => f.kind === 'run' && f.digits[0] === '4').sort((x, y) => y.digits.length - x.digits.length)[0];
  const feared = fearedReading(a);
  // A feared reading sharing its 4 with a run of 4s (9144: 914 and 44) is told with the run, where its answer reads the whole span.
  if (feared?.answer && fours && feared.at < fours.at + fours.digits.length && fours.at < feared.at + feared.phrase.digits.length) {
    const at = Math.min(feared.at, fours.at);
    const end = Math.max(feared.at + feared.phrase.digits.length, fours.at + fours.digits.length);
    const span = { at, digits: a.number.slice(at, end) };
    const fa = '发'.repeat(Math.max(0, feared.at - at)) + feared.answer.zh + '发'.repeat(Math.max(0, end - feared.at - feared.phrase.digits.length));
    const where = positionWords(span, lang, a.number);
    return [
      lang === 'zh'
        ? `提示：${where} 里的 ${feared.phrase.digits} 有的客户会听成“${feared.phrase.zh}”，介绍前先问一句是否忌讳 4；按简谱 4 读 fa，${span.digits} 可读作“${fa}”`
        : `tip: some customers hear the ${feared.phrase.digits} in ${where} as ${feared.phrase.zh} ("${feared.phrase.en}"), so ask first whether they avoid 4; 4 is "fa" in solfège, so ${span.digits} reads ${fa}`,
    ];
  }
  if (fours) {
    const where = positionWords(fours, lang, a.number);
    const n = fours.digits.length;
    // Four 发 in a row is a phrase; more is counted, not chanted.
    const fa = n <= 4 ? `“${'发'.repeat(n)}”` : `${COUNT_ZH[n] ?? n}个“发”`;
    return [
      lang === 'zh'
        ? `提示：按简谱 4 读 fa，${where} 可读作${fa}；有的客户忌讳 4，介绍前先问一句`
        : `tip: 4 is "fa" in solfège, so ${where} reads as ${n} × 发 (prosper); some customers avoid 4, so ask first`,
    ];
  }
  if (feared) {
    const { phrase: ph, answer } = feared;
    // 尾号 6741 里的 74, not 带 74: the tip names a part of the digits, it does not sell them.
    const where = positionWords({ at: feared.at, digits: ph.digits }, lang, a.number).replace(' 带 ', ' 里的 ');
    return [
      lang === 'zh'
        ? `提示：${where} 有的客户会听成“${ph.zh}”，介绍前先问一句是否忌讳 4；按简谱 4 读 fa，${answer ? `可读作“${answer.zh}”` : '谐音“发”'}`
        : `tip: some customers hear ${where} as ${ph.zh} ("${ph.en}"), so ask first whether they avoid 4; 4 is "fa" in solfège${answer ? `, so it reads ${answer.zh} ("${answer.en}")` : ', heard as 发 (prosper)'}`,
    ];
  }
  // A 4 in the shape that sells the number (尾号 1144 AABB): the same answer, said of that shape.
  // Not a straight: its 4 is only counted (400-123-4567).
  const fourAt = (c: Clause) => [...a.number].flatMap((d, i) => (d === '4' && i >= Math.max(c.at, 4) && i < c.at + c.digits.length ? [i] : []));
  const voiced = (i: number) => a.findings.some((f) => f.kind === 'phrase' && f.rule !== 'taboo' && i >= f.at && i < f.at + f.digits.length);
  const shaped = clauses.find((c) => {
    if (c.taboo || !c.whats.every((f) => SHAPE_RULES.has(f.rule) && !f.kind.startsWith('straight'))) return false;
    const fours = fourAt(c);
    return fours.length > 0 && !fours.some(voiced);
  });
  if (shaped) {
    const where = positionWords(shaped, lang, a.number);
    return [
      lang === 'zh'
        ? `提示：${where} 含 4，按简谱 4 读 fa，谐音“发”；有的客户忌讳 4，介绍前先问一句`
        : `tip: ${where} holds a 4: 4 is "fa" in solfège, heard as 发 (prosper); some customers avoid 4, so ask first`,
    ];
  }
  return [];
}

/** The weight from which a 4-as-death reading is one a salesperson should be warned of: 14 要死 and 74 气死, not 740 气死你. */
const FEARED_WEIGHT = 2;

/**
 * The longest 4-as-death reading a customer may hear (1414, not also its 14) nearest the end, that no told
 * reading covers, with its 4-as-fa answer where the lexicon has one (914 就要发).
 */
function fearedReading(a: Assessment): { at: number; phrase: Phrase; answer?: Phrase } | undefined {
  const lexicon = lexiconPhrases();
  const feared = lexicon.filter((ph) => ph.family === 'taboo' && ph.tags?.includes('four-as-death') && !ph.tags.includes('cantonese') && (ph.weight ?? 0) >= FEARED_WEIGHT).sort((x, y) => y.digits.length - x.digits.length);
  const taken = a.findings.filter((f) => f.kind === 'phrase').map((f) => [f.at, f.at + f.digits.length] as const);
  for (const phrase of feared) {
    // From the segment digit on: 400-742 is heard with its 74.
    for (let at = a.number.lastIndexOf(phrase.digits); at >= 3; at = a.number.lastIndexOf(phrase.digits, at - 1)) {
      const end = at + phrase.digits.length;
      if (taken.some(([s, e]) => at < e && s < end)) continue;
      const answer = lexicon.find((x) => x.digits === phrase.digits && x.tags?.includes('four-as-fa'));
      return answer ? { at, phrase, answer } : { at, phrase };
    }
  }
  return undefined;
}

/**
 * The summary, the reasons and the salesperson's tips of an assessment in `lang`; `profile` is the one it
 * was scored with (for the 4-as-fa tips). The summary and the reasons can be read to the customer; the tips
 * are for the salesperson.
 */
export function sentencesOf(a: Assessment, lang: Language, profile?: string | Profile): { summary: string; reasons: string[]; tips: string[] } {
  const label = tierLabel(a.tier, a.score);
  // A number its taboo brings to 0 is not recommended: nothing of it is sold, in the summary or the reasons.
  const refused = label === NOT_RECOMMENDED;
  const all = reasonClauses(a.findings, a.number);
  // Nothing is sold on digits a taboo reading takes (250250 is no ABCABC to sell, but two 二百五).
  const warned = all.filter((c) => c.taboo && c.whats[0]!.kind === 'phrase');
  const shares = (x: Pick<Clause, 'at' | 'digits'>, y: Pick<Clause, 'at' | 'digits'>) => x.at < y.at + y.digits.length && y.at < x.at + x.digits.length;
  const clauses = all.filter((c) => c.taboo || (!refused && !warned.some((w) => shares(w, c))));
  const tips = refused ? [] : fourTips(a, profile, lang, clauses);
  const reasons = clauses.map((c) => clauseText(c, lang, false, a.number));
  // The summary: up to three of the best spans (never the lucky-digit count), then the largest taboo by
  // its own points (a straight told inside 7456 气死我了 does not soften it).
  const penalty = (c: Clause) => Math.min(...c.whats.map((f) => f.points));
  const worst = clauses.filter((c) => c.taboo).sort((x, y) => penalty(x) - penalty(y))[0];
  const best = clauses.filter((c) => !c.taboo && c.whats[0]!.kind !== 'digits').slice(0, 3);
  const shape = a.special ? specialShape(a.findings) : undefined;
  const days = OPEN_WORKING_DAYS.special;
  const parts: string[] = [];
  // The special number's shape is named only if the summary has not named its digits already.
  const named = shape && !best.some((c) => contains(c, shape)) && !warned.some((w) => shares(w, shape));
  if (lang === 'zh') {
    parts.push(`${a.display}：${a.score} 分，${label.zh}`);
    if (best.length) parts.push(best.map((c) => clauseText(c, 'zh', true, a.number)).join('；'));
    if (worst) parts.push(clauseText(worst, 'zh', false, a.number));
    if (a.special) parts.push(`属运营商特殊号码${named ? `（${positionWords(shape, 'zh', a.number)}，${shape.label}）` : ''}，开通需 ${days} 个工作日`);
    return { summary: `${parts.join('。')}。`, reasons, tips };
  }
  parts.push(`${a.display} scores ${a.score} (${label.en})`);
  // In English each span is its own sentence: its findings are already joined with semicolons.
  parts.push(...best.map((c) => clauseText(c, 'en', false, a.number)));
  if (worst) parts.push(clauseText(worst, 'en', false, a.number));
  if (a.special) parts.push(`a carrier's special number${named ? ` (${positionWords(shape, 'en', a.number)}, ${shape.labelEn})` : ''}: ${days} working days to open`);
  return { summary: `${parts.map(capitalized).join('. ')}.`, reasons: reasons.map(capitalized), tips: tips.map(capitalized) };
}
