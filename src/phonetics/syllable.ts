import { excerpt, guardString } from '../errors/guards.js';
import { Vanity400Error } from '../errors/vanity400-error.js';

/**
 * Mandarin syllables, toneless, with ü written v (lv, nve). j/q/x/y + u is ü and is written u, as in
 * standard pinyin (ju, xue, yuan). Interjection-only syllables (m, n, ng, hm) are left out so that typed
 * text such as "ng" is not taken for pinyin; splitSyllable still accepts them.
 */
const SYLLABLE_LIST = `
a ai an ang ao e ei en eng er o ou
ya yan yang yao ye yi yin ying yo yong you yu yuan yue yun
wa wai wan wang wei wen weng wo wu
ba bai ban bang bao bei ben beng bi bian biao bie bin bing bo bu
pa pai pan pang pao pei pen peng pi pian piao pie pin ping po pou pu
ma mai man mang mao me mei men meng mi mian miao mie min ming miu mo mou mu
fa fan fang fei fen feng fo fou fu
da dai dan dang dao de dei den deng di dia dian diao die ding diu dong dou du duan dui dun duo
ta tai tan tang tao te tei teng ti tian tiao tie ting tong tou tu tuan tui tun tuo
na nai nan nang nao ne nei nen neng ni nian niang niao nie nin ning niu nong nou nu nuan nun nuo nv nve
la lai lan lang lao le lei leng li lia lian liang liao lie lin ling liu lo long lou lu luan lun luo lv lve
ga gai gan gang gao ge gei gen geng gong gou gu gua guai guan guang gui gun guo
ka kai kan kang kao ke kei ken keng kong kou ku kua kuai kuan kuang kui kun kuo
ha hai han hang hao he hei hen heng hong hou hu hua huai huan huang hui hun huo
ji jia jian jiang jiao jie jin jing jiong jiu ju juan jue jun
qi qia qian qiang qiao qie qin qing qiong qiu qu quan que qun
xi xia xian xiang xiao xie xin xing xiong xiu xu xuan xue xun
zha zhai zhan zhang zhao zhe zhei zhen zheng zhi zhong zhou zhu zhua zhuai zhuan zhuang zhui zhun zhuo
cha chai chan chang chao che chen cheng chi chong chou chu chua chuai chuan chuang chui chun chuo
sha shai shan shang shao she shei shen sheng shi shou shu shua shuai shuan shuang shui shun shuo
ran rang rao re ren reng ri rong rou ru rua ruan rui run ruo
za zai zan zang zao ze zei zen zeng zi zong zou zu zuan zui zun zuo
ca cai can cang cao ce cen ceng ci cong cou cu cuan cui cun cuo
sa sai san sang sao se sen seng si song sou su suan sui sun suo
`;

/** Spellings people type for ü after n/l without the v: lue, nue. */
const ALIASES: Record<string, string> = { lue: 'lve', nue: 'nve' };

export const SYLLABLES: ReadonlySet<string> = new Set(SYLLABLE_LIST.split(/\s+/).filter(Boolean));
const MAX_SYLLABLE_LENGTH = 6;

const TONED: Record<string, string> = {
  ā: 'a', á: 'a', ǎ: 'a', à: 'a',
  ē: 'e', é: 'e', ě: 'e', è: 'e', ê: 'e',
  ī: 'i', í: 'i', ǐ: 'i', ì: 'i',
  ō: 'o', ó: 'o', ǒ: 'o', ò: 'o',
  ū: 'u', ú: 'u', ǔ: 'u', ù: 'u',
  ü: 'v', ǖ: 'v', ǘ: 'v', ǚ: 'v', ǜ: 'v',
  ń: 'n', ň: 'n', ǹ: 'n', ḿ: 'm',
};

/** The toneless base letter (a-z, ü as v) of one character typed in pinyin, or undefined. */
export function pinyinLetter(ch: string): string | undefined {
  const lower = ch.toLowerCase();
  if (lower.length === 1 && lower >= 'a' && lower <= 'z') return lower;
  return TONED[lower];
}

const COMBINING = /[\u0300-\u036f]/;
export function isCombiningMark(ch: string): boolean {
  return COMBINING.test(ch);
}

/** Lower-case, toneless (marks or a trailing tone number removed), ü as v, lue/nue as lve/nve. */
export function normalizeSyllable(syllable: string): string {
  let out = '';
  for (const ch of syllable.normalize('NFC')) {
    const letter = pinyinLetter(ch);
    if (letter) out += letter;
    else if (ch === ':' && out.endsWith('u')) out = `${out.slice(0, -1)}v`; // u: is an old way to type ü
    else if (!/[0-5]/.test(ch) && !isCombiningMark(ch)) out += ch.toLowerCase();
  }
  return ALIASES[out] ?? out;
}

export interface SyllableParts {
  /** b p m f d t n l g k h j q x zh ch sh r z c s, or '' for zero-initial syllables (a, yi, wu, er). */
  initial: string;
  /** The final with y/w spelled out and written in full: you → iou, wei → uei, wen → uen, yu → v, jue → ve. */
  final: string;
}

const TWO_LETTER_INITIALS = ['zh', 'ch', 'sh'];
const ONE_LETTER_INITIALS = new Set('bpmfdtnlgkhjqxrzcs');

/** Splits a toneless syllable into initial and final, restoring the finals that y, w and j/q/x spelling hide. */
export function splitSyllable(syllable: string): SyllableParts {
  const s = normalizeSyllable(syllable);
  if (s === 'm' || s === 'n' || s === 'ng') return { initial: '', final: s };
  if (s === 'hm' || s === 'hng') return { initial: 'h', final: s.slice(1) };
  let initial = '';
  let rest = s;
  const two = s.slice(0, 2);
  if (TWO_LETTER_INITIALS.includes(two)) {
    initial = two;
    rest = s.slice(2);
  } else if (s[0] === 'y') {
    rest = s.slice(1);
    if (rest.startsWith('u')) rest = `v${rest.slice(1)}`;
    else if (!rest.startsWith('i')) rest = `i${rest}`;
  } else if (s[0] === 'w') {
    rest = s.slice(1);
    if (!rest.startsWith('u')) rest = `u${rest}`;
  } else if (s[0] !== undefined && ONE_LETTER_INITIALS.has(s[0])) {
    initial = s[0];
    rest = s.slice(1);
  }
  if ((initial === 'j' || initial === 'q' || initial === 'x') && rest.startsWith('u')) rest = `v${rest.slice(1)}`;
  if (initial !== '') {
    if (rest === 'iu') rest = 'iou';
    else if (rest === 'ui') rest = 'uei';
    else if (rest === 'un') rest = 'uen';
  }
  return { initial, final: rest };
}

// A final is a medial (i, u, v or none) and a rhyme; ong and iong are u/ü + eng, in and ing are i + en/eng.
const FINAL_PARTS: Record<string, [string, string]> = {
  ong: ['u', 'eng'],
  in: ['i', 'en'],
  ing: ['i', 'eng'],
  iong: ['v', 'eng'],
  vn: ['v', 'en'],
  ie: ['i', 'e'],
  ve: ['v', 'e'],
};

function finalParts(final: string): [string, string] {
  const fixed = FINAL_PARTS[final];
  if (fixed) return fixed;
  if (final === 'er') return ['', 'er'];
  const first = final[0];
  if (first === 'i' || first === 'u' || first === 'v') return [first, final.slice(1)];
  return ['', final];
}

function pairTable(entries: [string, string, number][]): Map<string, number> {
  const table = new Map<string, number>();
  for (const [a, b, score] of entries) {
    table.set(`${a}|${b}`, score);
    table.set(`${b}|${a}`, score);
  }
  return table;
}

/** Initials that speakers merge or confuse; 1 is identical. */
const INITIAL_PAIRS = pairTable([
  ['zh', 'z', 0.85], ['ch', 'c', 0.85], ['sh', 's', 0.85], // flat/retroflex merger of southern accents
  ['n', 'l', 0.8], ['f', 'h', 0.75], ['r', 'l', 0.6],
  ['zh', 'ch', 0.5], ['z', 'c', 0.5], ['j', 'q', 0.5], ['b', 'p', 0.5], ['d', 't', 0.5], ['g', 'k', 0.5],
  ['zh', 'j', 0.4], ['ch', 'q', 0.4], ['sh', 'x', 0.4], ['z', 'j', 0.4], ['c', 'q', 0.4], ['s', 'x', 0.4],
]);

/** Rhymes (finals without their medial). '' is the bare medial: i, u, ü. */
const RHYME_PAIRS = pairTable([
  ['an', 'ang', 0.8], ['en', 'eng', 0.8], // front/back nasal merger; with the medial this covers in/ing too
  ['an', 'en', 0.5], ['ang', 'eng', 0.5], ['an', 'eng', 0.35], ['en', 'ang', 0.35],
  ['a', 'an', 0.4], ['a', 'ang', 0.35], ['a', 'ai', 0.45], ['a', 'ao', 0.45],
  ['e', 'ei', 0.4], ['e', 'en', 0.4], ['e', 'eng', 0.35], ['e', 'o', 0.55], ['e', 'er', 0.5],
  ['o', 'ou', 0.45], ['o', 'ao', 0.35], ['ai', 'ei', 0.5], ['ai', 'an', 0.4], ['ao', 'ou', 0.45], ['ei', 'en', 0.35],
  ['', 'a', 0.3], ['', 'o', 0.3], ['', 'e', 0.3], ['', 'en', 0.4], ['', 'eng', 0.35], ['', 'ou', 0.3], ['', 'ei', 0.3],
]);

const MEDIAL_PAIRS = pairTable([['i', 'v', 0.5], ['u', 'v', 0.4]]);

function pairScore(table: Map<string, number>, a: string, b: string): number {
  return a === b ? 1 : (table.get(`${a}|${b}`) ?? 0);
}

/** How alike two finals sound, in [0, 1]: the rhyme decides, a different medial costs up to a quarter. */
export function finalSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const [ma, ra] = finalParts(a);
  const [mb, rb] = finalParts(b);
  return pairScore(RHYME_PAIRS, ra, rb) * (0.75 + 0.25 * pairScore(MEDIAL_PAIRS, ma, mb));
}

export function initialSimilarity(a: string, b: string): number {
  return pairScore(INITIAL_PAIRS, a, b);
}

/**
 * How alike two syllables sound, in [0, 1], ignoring tones: (0.5 + 0.5 × initial likeness) × final likeness.
 * A different initial halves the score, a different final (rhyme) sinks it, and the usual accent mergers
 * get partial credit: n/l, zh/z, ch/c, sh/s, f/h for initials, in/ing, en/eng, an/ang and near finals such
 * as i/ü and uo/o for finals. Symmetric; 1 exactly when the toneless syllables are the same.
 */
export function syllableSimilarity(a: string, b: string): number {
  guardString(a, 'syllableSimilarity(): a');
  guardString(b, 'syllableSimilarity(): b');
  const na = normalizeSyllable(a);
  const nb = normalizeSyllable(b);
  if (na === nb) return 1;
  const pa = splitSyllable(na);
  const pb = splitSyllable(nb);
  const score = (0.5 + 0.5 * initialSimilarity(pa.initial, pb.initial)) * finalSimilarity(pa.final, pb.final);
  // Two spellings of one sound are equal after normalizing; distinct syllables stay below 1.
  return Math.min(score, 0.99);
}

export function isSyllable(text: string): boolean {
  return SYLLABLES.has(normalizeSyllable(text));
}

const VOWEL_START = /^[aoe]/;

/**
 * Splits a run of toneless letters (no separators) into valid syllables, or returns the index of the first
 * letter no split can get past. Among the splits that use only valid syllables it picks, in order:
 * 1. the fewest syllables that start with a, o or e after the first one: in written pinyin such a syllable
 *    would need an apostrophe (xi'an, fang'an), so without one "xian" is xian and "fangan" is fan gan;
 * 2. the fewest syllables (longest match: "yuan" is yuan, not yu an);
 * 3. the longest first syllable, then the longest next one, and so on.
 */
export function splitLetters(letters: string): string[] | { failAt: number } {
  const n = letters.length;
  // best[i]: the preferred split of letters.slice(i), as [vowel-start count, syllable count, syllables]
  const best: ([number, number, string[]] | undefined)[] = new Array(n + 1);
  best[n] = [0, 0, []];
  for (let i = n - 1; i >= 0; i--) {
    for (let len = Math.min(MAX_SYLLABLE_LENGTH, n - i); len >= 1; len--) {
      const piece = letters.slice(i, i + len);
      const syllable = ALIASES[piece] ?? piece;
      const tail = best[i + len];
      if (!tail || !SYLLABLES.has(syllable)) continue;
      const candidate: [number, number, string[]] = [
        tail[0] + (i > 0 && VOWEL_START.test(syllable) ? 1 : 0),
        tail[1] + 1,
        [syllable, ...tail[2]],
      ];
      const current = best[i];
      // Longer pieces are tried first, so on a full tie the earlier (longer) one stays.
      if (!current || candidate[0] < current[0] || (candidate[0] === current[0] && candidate[1] < current[1])) best[i] = candidate;
    }
  }
  const whole = best[0];
  if (whole) return whole[2];
  // Blame the first letter that no chain of valid syllables from the start reaches past.
  const reachable = new Array<boolean>(n + 1).fill(false);
  reachable[0] = true;
  let furthest = 0;
  for (let i = 0; i < n; i++) {
    if (!reachable[i]) continue;
    for (let len = 1; len <= Math.min(MAX_SYLLABLE_LENGTH, n - i); len++) {
      const piece = letters.slice(i, i + len);
      if (SYLLABLES.has(ALIASES[piece] ?? piece)) {
        reachable[i + len] = true;
        furthest = Math.max(furthest, i + len);
      }
    }
  }
  return { failAt: furthest };
}

/** One syllable found in typed pinyin, with the index in the text of its first letter. */
export interface TypedSyllable {
  syllable: string;
  start: number;
}

/** Characters that separate syllables in typed pinyin: spaces, apostrophes, hyphens and other punctuation. */
export function isSeparator(ch: string): boolean {
  return /[\s\p{P}]/u.test(ch);
}

/** The text without the characters isSeparator names. */
export function stripSeparators(text: string): string {
  return text.replace(/[\s\p{P}]/gu, '');
}

/**
 * Splits a run of pinyin letters, typed at the text positions `starts`, into syllables with their
 * positions, or says at which text position it cannot be pinyin.
 */
export function syllablesOfRun(letters: string, starts: readonly number[]): TypedSyllable[] | { failAt: number } {
  const split = splitLetters(letters);
  if (!Array.isArray(split)) return { failAt: starts[split.failAt] ?? starts[starts.length - 1] ?? 0 };
  const out: TypedSyllable[] = [];
  let offset = 0;
  for (const syllable of split) {
    out.push({ syllable, start: starts[offset] ?? 0 });
    offset += syllable.length; // aliases (lue → lve) keep the length
  }
  return out;
}

/**
 * Reads typed pinyin, with or without spaces, tone marks or tone numbers ("yi lu you wo", "yiluyouwo",
 * "yī lù yǒu wǒ", "yi2lu4", "xi'an"), into toneless syllables with their positions. A tone number (0-5 right
 * after a letter), a space, an apostrophe or other punctuation ends a syllable; see splitLetters for how a
 * run of letters is split. Throws Vanity400Error BAD_PHRASE naming the first character that is not pinyin.
 */
export function readPinyin(text: string): TypedSyllable[] {
  const out: TypedSyllable[] = [];
  let letters = '';
  let starts: number[] = [];
  const flush = () => {
    if (!letters) return;
    const run = syllablesOfRun(letters, starts);
    if (!Array.isArray(run)) throw notPinyin(text, run.failAt);
    out.push(...run);
    letters = '';
    starts = [];
  };
  let i = 0;
  for (const ch of text) {
    const letter = pinyinLetter(ch);
    if (letter) {
      letters += letter;
      starts.push(i);
    } else if (isCombiningMark(ch) && letters) {
      // a tone mark typed as a separate combining character: part of the letter before it
    } else if (/[0-5]/.test(ch) && letters) {
      flush();
    } else if (isSeparator(ch)) {
      flush();
    } else {
      throw notPinyin(text, i);
    }
    i += ch.length;
  }
  flush();
  return out;
}

function notPinyin(text: string, position: number): Vanity400Error {
  const ch = String.fromCodePoint(text.codePointAt(position) ?? 0x3f);
  return new Vanity400Error(
    'BAD_PHRASE',
    `${JSON.stringify(text)}: ${JSON.stringify(ch)} at position ${position} is not pinyin`,
    { input: text, position },
  );
}

/**
 * Typed pinyin → toneless syllables: "yi lu you wo", "yiluyouwo", "yī lù yǒu wǒ" and "yi1lu4you3wo3" all give
 * ["yi", "lu", "you", "wo"]. Throws Vanity400Error BAD_PHRASE (with the position) when the text is not pinyin.
 */
export function splitPinyin(text: string): string[] {
  guardString(text, 'splitPinyin(): text');
  if (text.length > 1000) throw new Vanity400Error('BAD_PHRASE', `pinyin ${excerpt(text)}: longer than 1000 characters`, { input: text });
  return readPinyin(text).map((s) => s.syllable);
}
