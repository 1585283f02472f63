import digitsData from '../../data/digits.json';
import { FAMILIES, TABOO } from '../rules/families.js';
import { BODY_OFFSET, KIND } from '../rules/kinds.js';
import type { ScoringTables } from './compile.js';
import type { RawFinding } from './scanner.js';
import type { Finding } from './types.js';

const DIGIT_MEANING = new Map(digitsData.digits.map((d) => [Number(d.digit), d]));

const RUN_ZH = ['', '', '对子', '豹子（三连）', '四连号', '五连号', '六连号', '七连号'];
const RUN_EN = ['', '', 'a pair', 'three of a kind', 'four in a row', 'five in a row', 'six in a row', 'seven in a row'];

const SHAPE_NAMES: Record<number, string> = {
  [KIND.AABB]: 'AABB',
  [KIND.ABAB]: 'ABAB',
  [KIND.ABBA]: 'ABBA',
  [KIND.AAAB]: 'AAAB',
  [KIND.ABBB]: 'ABBB',
  [KIND.ABCABC]: 'ABCABC',
  [KIND.AAABBB]: 'AAABBB',
  [KIND.AABBCC]: 'AABBCC',
};

/** The letter shape of a digit string: 5161 → ABCB. */
function letterShape(digits: string): string {
  const seen: string[] = [];
  let shape = '';
  for (const ch of digits) {
    let i = seen.indexOf(ch);
    if (i < 0) i = seen.push(ch) - 1;
    shape += String.fromCharCode(65 + i);
  }
  return shape;
}

function describe(raw: RawFinding, digits: string, tables: ScoringTables): { kind: string; label: string; labelEn: string } {
  const n = raw.length;
  switch (raw.kind) {
    case KIND.REPEAT:
      return { kind: 'run', label: RUN_ZH[n]!, labelEn: RUN_EN[n]! };
    case KIND.SEQUENCE_UP:
      return { kind: 'straight-up', label: `${n}位顺子`, labelEn: `${n}-digit straight up` };
    case KIND.SEQUENCE_DOWN:
      return { kind: 'straight-down', label: `${n}位倒顺子`, labelEn: `${n}-digit straight down` };
    case KIND.MIRROR:
      return { kind: 'mirror', label: `${letterShape(digits)} 镜像号`, labelEn: `${letterShape(digits)} mirror` };
    case KIND.TRAIL: {
      let head = 1;
      while (digits[head] === digits[0]) head++;
      return { kind: 'trail', label: `${head}拖${n - head}`, labelEn: `${head} then ${n - head} (N拖M)` };
    }
    case KIND.COMBINATION:
      return { kind: 'combination', label: `${letterShape(digits)} 巧妙组合`, labelEn: `${letterShape(digits)} clever combination` };
    case KIND.DIGIT: {
      const meaning = DIGIT_MEANING.get(raw.slot);
      return raw.family === TABOO
        ? { kind: 'digit', label: `忌讳数字 ${meaning?.zh ?? digits}`, labelEn: `unlucky digit ${meaning?.en ?? digits}` }
        : { kind: 'digit', label: `吉利数字 ${meaning?.zh ?? digits}`, labelEn: `lucky digit ${meaning?.en ?? digits}` };
    }
    case KIND.PHRASE: {
      const phrase = tables.phrases[raw.phrase]!;
      return { kind: 'phrase', label: phrase.zh, labelEn: phrase.en };
    }
    default: {
      const shape = SHAPE_NAMES[raw.kind]!;
      return { kind: shape, label: `${shape} 型`, labelEn: `${shape} pattern` };
    }
  }
}

/** Turns what the scanner recorded into findings with labels, strongest first. */
export function toFindings(raws: readonly RawFinding[], number: string, tables: ScoringTables): Finding[] {
  const findings = raws.map((raw): Finding => {
    const at = BODY_OFFSET + raw.start;
    const digits = number.slice(at, at + raw.length);
    return {
      rule: FAMILIES[raw.family]!,
      ...describe(raw, digits, tables),
      digits,
      at,
      points: (raw.family === TABOO ? -raw.points : raw.points) / 10,
    };
  });
  return findings.sort((a, b) => Math.abs(b.points) - Math.abs(a.points) || a.at - b.at);
}
