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
      return { kind: 'trail', label: `${CN[head]}拖${CN[n - head]}`, labelEn: `${head} then ${n - head} (N拖M)` };
    }
    case KIND.COMBINATION: {
      return { kind: 'combination', label: '巧妙组合', labelEn: 'a clever combination' };
    }
    case KIND.PHRASE: {
      const phrase = tables.phrases[raw.phrase]!;
      const fa = phrase.tags?.includes('four-as-fa') && phrase.family === 'homophone' ? FOUR_AS_FA : {};
      const trade = phrase.family === 'homophone' ? TRADE_NOTES[phrase.tags?.find((t) => t in TRADE_NOTES) ?? ''] : undefined;
      return { kind: 'phrase', label: phrase.zh, labelEn: phrase.en, ...(trade ?? {}), ...fa };
    }
    default: {
      const shape = ({ [KIND.AABB]: 'AABB', [KIND.ABCABC]: 'ABCABC', [KIND.AAABBB]: 'AAABBB', [KIND.AABBCC]: 'AABBCC' } as Record<number, string>)[raw.kind]!;
      return { kind: shape, label: `${shape} 型`, labelEn: `${shape} pattern` };
    }
  }
}

/**
 * The single lucky (or unlucky) digits of one family as one finding. Its points are those of the digits
 * read on their own; what it says (含 3 个 8、1 个 6) and its `digits` count every such digit of the six
 * the buyer chose, so that what a customer can count is what is said.
 */
function digitsFinding(raws: readonly RawFinding[], number: string, tables: ScoringTables): Finding {
  const family = raws[0]!.family;
  const counts = new Map<number, number>();
  let digits = '';
  let at = -1;
  for (let i = BODY_OFFSET + CHOSEN_START; i < number.length; i++) {
    const d = number.charCodeAt(i) - 48;
    if (tables.digitFamily[d] !== family) continue;
    counts.set(d, (counts.get(d) ?? 0) + 1);
    digits += number[i];
    if (at < 0) at = i;
  }
  const order = DIGIT_ORDER.filter((d) => counts.has(d));
  const taboo = raws[0]!.family === TABOO;
  const points = raws.reduce((sum, r) => sum + r.points, 0);
  const zh = order.map((d) => `${counts.get(d)} 个 ${d}`).join('、');
  const en = order.map((d) => `${COUNT_EN[counts.get(d)!]} ${d}${counts.get(d)! > 1 ? 's' : ''}`).join(', ');
  return {
    rule: FAMILIES[raws[0]!.family]!,
    kind: 'digits',
    label: `含 ${zh}`,
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
  for (const list of digitsByFamily.values()) findings.push(digitsFinding(list, number, tables));
  return findings.sort((a, b) => Math.abs(b.points) - Math.abs(a.points) || a.at - b.at);
}
