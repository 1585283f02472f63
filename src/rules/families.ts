/** The rule families of the contract, in a fixed order: the index is used in typed arrays and bit sets. */
export const FAMILIES = [
  'repeat',
  'sequence',
  'pattern',
  'auspicious',
  'homophone',
  'memorable',
  'combination',
  'multiplication',
  'company',
  'taboo',
] as const;

/** One of the ten rule families, e.g. `'homophone'`: what kind of reason a finding is. */
export type RuleFamily = (typeof FAMILIES)[number];

export const FAMILY_COUNT = FAMILIES.length;

/** Index of the one family whose points count against a number. */
export const TABOO = FAMILIES.indexOf('taboo');

export function familyIndex(name: RuleFamily): number {
  return FAMILIES.indexOf(name);
}

export function isRuleFamily(value: unknown): value is RuleFamily {
  return typeof value === 'string' && (FAMILIES as readonly string[]).includes(value);
}

/** Each family's name for people, in Chinese and English (e.g. homophone: 谐音 / sounds like). */
export const FAMILY_LABELS: Readonly<Record<RuleFamily, {
  /** The name in Chinese. */
  zh: string;
  /** The name in English. */
  en: string;
}>> = {
  repeat: { zh: '重复号', en: 'repeated digits' },
  sequence: { zh: '顺子', en: 'straight' },
  pattern: { zh: '规律号', en: 'shop pattern' },
  auspicious: { zh: '吉利数字', en: 'lucky digits' },
  homophone: { zh: '谐音', en: 'sounds like' },
  memorable: { zh: '易记号', en: 'well-known number' },
  combination: { zh: '巧妙组合', en: 'clever combination' },
  multiplication: { zh: '乘法口诀', en: 'times-table phrase' },
  company: { zh: '企业信息', en: 'company fact' },
  taboo: { zh: '忌讳', en: 'unlucky' },
};
