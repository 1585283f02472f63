import { FAMILIES, TABOO } from '../rules/families.js';
import { BODY_OFFSET, CHOSEN_START, KIND } from '../rules/kinds.js';
import type { ScoringTables } from './compile.js';
import type { RawFinding } from './scanner.js';
import type { Finding } from './types.js';

const CN = ['零', '一', '二', '三', '四', '五', '六', '七'];
const RUN_ZH = ['', '', '对子', '豹子', '四连号', '五连号', '六连号', '七连号'];
const RUN_EN = ['', '', 'a pair', 'three of a kind', 'four in a row', 'five in a row', 'six in a row', 'seven in a row'];
const COUNT_EN = ['', 'a', 'two', 'three', 'four', 'five', 'six'];
/** The digits of an aggregate line in the order a salesperson names them: 8 first. */
const DIGIT_ORDER = [8, 6, 9, 0, 4, 1, 2, 3, 5, 7];
const FOUR_AS_FA = { note: '4 按简谱读 fa，谐音“发”', noteEn: '4 is "fa" in solfège, heard as 发 (prosper)' };
/** Why a taboo reading is one: a customer hears a curse (二百五, 去死吧), or bad luck. */
const INSULT = { note: '像骂人', noteEn: 'sounds like an insult' };
const UNLUCKY = { note: '不吉利', noteEn: 'unlucky' };
/** What a salesperson adds to a reading of a kind only some businesses want. */
const TRADE_NOTES: Record<string, { note: string; noteEn: string }> = {
  love: { note: '适合婚庆、鲜花、礼品行业', noteEn: 'suits weddings, flowers and gifts' },
  food: { note: '适合餐饮行业', noteEn: 'suits restaurants and food delivery' },
};

/** The letter shape of a digit string: 5161 → ABCB. */
export function letterShape(digits: string): string {
  const seen: string[] = [];
  let shape = '';
  for (const ch of digits) {
    let i = seen.indexOf(ch);
    if (i < 0) i = seen.push(ch) - 1;
    shape += String.fromCharCode(65 + i);
  }
  return shape;
}

type Described = Pick<Finding, 'kind' | 'label' | 'labelEn'> & { note?: string; noteEn?: string };

function describe(raw: RawFinding, digits: string, tables: ScoringTables): Described {
  const n = raw.length;
  switch (raw.kind) {
    case KIND.REPEAT:
      return { kind: 'run', label: RUN_ZH[n]!, labelEn: RUN_EN[n]! };
    case KIND.SEQUENCE_UP:
      return { kind: 'straight-up', label: `${CN[n]}位顺子`, labelEn: `a ${n}-digit straight` };
    case KIND.SEQUENCE_DOWN:
      return { kind: 'straight-down', label: `${CN[n]}位倒顺子`, labelEn: `a ${n}-digit straight down` };
    case KIND.ALTERNATION: {
      const shape = letterShape(digits);
      return { kind: shape, label: `${shape} 型`, labelEn: `${shape} pattern` };
    }
    case KIND.MIRROR: {
      const shape = letterShape(digits);
      return n === 4 ? { kind: 'mirror', label: `${shape} 型`, labelEn: `${shape} pattern` } : { kind: 'mirror', label: `${shape} 对称`, labelEn: `a ${shape} mirror` };
    }
    case KIND.TRAIL: {
      let head = 1;
      while (digits[head] === digits[0]) head++;
      // 三拖四 is said of no number: three then four is named by its letters.
      if (n - head > head) return { kind: 'trail', label: `${letterShape(digits)} 型`, labelEn: `${letterShape(digits)} pattern` };
      return { kind: 'trail', label: `${CN[head]}拖${CN[n - head]}`, labelEn: `${head} then ${n - head} (N拖M)` };
    }
    case KIND.COMBINATION: {
      // The seed's 巧妙组合 (1511, 5161), said as a salesperson says it.
      return { kind: 'combination', label: '顺口好记', labelEn: 'catchy and easy to say' };
    }
    case KIND.PHRASE: {
      const phrase = tables.phrases[raw.phrase]!;
      const fa = phrase.tags?.includes('four-as-fa') && phrase.family === 'homophone' ? FOUR_AS_FA : {};
      const trade = phrase.family === 'homophone' || phrase.family === 'memorable' ? TRADE_NOTES[phrase.tags?.find((t) => t in TRADE_NOTES) ?? ''] : undefined;
      const warning = phrase.family === 'taboo' ? (phrase.tags?.includes('insult') ? INSULT : UNLUCKY) : undefined;
      return { kind: 'phrase', label: phrase.zh, labelEn: phrase.en, ...(trade ?? {}), ...(warning ?? {}), ...fa };
    }
    default: {
      const shape = ({ [KIND.AABB]: 'AABB', [KIND.ABCABC]: 'ABCABC', [KIND.AAABBB]: 'AAABBB', [KIND.AABBCC]: 'AABBCC' } as Record<number, string>)[raw.kind]!;
      // The label says the letters the digits really have: 858858 is two 858s, 006600 is AABBAA.
      const letters = letterShape(digits);
      if (shape === 'ABCABC' && letters !== shape) return { kind: shape, label: `两组 ${digits.slice(0, 3)}`, labelEn: `${digits.slice(0, 3)} twice` };
      return { kind: shape, label: `${letters} 型`, labelEn: `${letters} pattern` };
    }
  }
}

/** The label of lucky digits when all six chosen digits are lucky (400-780-9860): said of them as a whole. */
export const ALL_LUCKY = { zh: '全是吉利数字', en: 'all lucky digits' };
/** How many, as said before 个: 两个 8, 三个 6. */
export const COUNT_ZH = ['零', '一', '两', '三', '四', '五', '六', '七'];
/** A lucky digit nobody counts aloud (带两个 0 is no selling point); said only when it is the only lucky one. */
const UNSPOKEN = '0';

/**
 * The single lucky (or unlucky) digits of one family as one finding. Its points are those of the digits
 * the buyer chose, read on their own. What it says counts what the customer sees: lucky digits among
 * all seven after 400 (the segment digit too: 400-888-5091 has three 8s), the kinds seen twice or more
 * (带三个 8、两个 6), 0 only if nothing else is lucky, none inside a taboo reading; unlucky digits among the
 * six chosen (含一个 4).
 * `digits` and `at` are the digits it names and the first of them.
 */
function digitsFinding(raws: readonly RawFinding[], number: string, tables: ScoringTables, unheard: readonly (readonly [number, number])[]): Finding {
  const family = raws[0]!.family;
  const taboo = family === TABOO;
  const from = BODY_OFFSET + (taboo ? CHOSEN_START : 0);
  const heard = (i: number) => taboo || !unheard.some(([s, e]) => i >= s && i < e);
  const counts = new Map<string, number>();
  for (let i = from; i < number.length; i++) {
    if (!heard(i)) continue;
    if (tables.digitFamily[number.charCodeAt(i) - 48] === family) counts.set(number[i]!, (counts.get(number[i]!) ?? 0) + 1);
  }
  const spoken = [...counts.keys()].filter((d) => d !== UNSPOKEN);
  const kinds = taboo ? [...counts.keys()] : spoken.length ? spoken : [UNSPOKEN];
  const many = kinds.filter((d) => counts.get(d)! >= 2);
  const counted = taboo || many.length > 0;
  const named = DIGIT_ORDER.map(String).filter((d) => (taboo || !counted ? kinds : many).includes(d));
  let digits = '';
  let at = -1;
  for (let i = from; i < number.length; i++) {
    if (!heard(i) || !named.includes(number[i]!)) continue;
    digits += number[i];
    if (at < 0) at = i;
  }
  const points = raws.reduce((sum, r) => sum + r.points, 0);
  const chosen = number.slice(BODY_OFFSET + CHOSEN_START);
  if (!taboo && [...chosen].every((c) => tables.digitFamily[c.charCodeAt(0) - 48] === family)) {
    return { rule: FAMILIES[family]!, kind: 'digits', label: ALL_LUCKY.zh, labelEn: ALL_LUCKY.en, digits: chosen, at: BODY_OFFSET + CHOSEN_START, points: points / 10 };
  }
  const zh = counted ? named.map((d) => `${COUNT_ZH[counts.get(d)!]}个 ${d}`).join('、') : named.join('、');
  const en = named.map((d) => `${COUNT_EN[counts.get(d)!]} ${d}${counts.get(d)! > 1 ? 's' : ''}`).join(', ');
  return {
    rule: FAMILIES[family]!,
    kind: 'digits',
    label: `${taboo ? '含' : '带'}${counted ? '' : ' '}${zh}`,
    labelEn: `${taboo ? 'unlucky' : 'lucky'} digits: ${en}`,
    digits,
    at,
    points: (taboo ? -points : points) / 10,
    ...(taboo ? { note: '4 谐音“死”', noteEn: '4 sounds like 死 (death)' } : {}),
  };
}

/** Turns what the scanner recorded into findings with labels, strongest first; single digits of a family become one finding. */
export function toFindings(raws: readonly RawFinding[], number: string, tables: ScoringTables): Finding[] {
  const findings: Finding[] = [];
  const digitsByFamily = new Map<number, RawFinding[]>();
  for (const raw of raws) {
    if (raw.kind === KIND.DIGIT) {
      const list = digitsByFamily.get(raw.family) ?? [];
      list.push(raw);
      digitsByFamily.set(raw.family, list);
      continue;
    }
    const at = BODY_OFFSET + raw.start;
    const digits = number.slice(at, at + raw.length);
    findings.push({
      rule: FAMILIES[raw.family]!,
      ...describe(raw, digits, tables),
      digits,
      at,
      points: (raw.family === TABOO ? -raw.points : raw.points) / 10,
    });
  }
  // A lucky 8 inside 748 去死吧 is no lucky 8.
  const unheard = findings.filter((f) => f.rule === 'taboo' && f.kind === 'phrase').map((f) => [f.at, f.at + f.digits.length] as const);
  for (const list of digitsByFamily.values()) findings.push(digitsFinding(list, number, tables, unheard));
  return findings.sort((a, b) => Math.abs(b.points) - Math.abs(a.points) || a.at - b.at);
}
