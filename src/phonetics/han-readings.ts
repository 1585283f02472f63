/**
 * Readings of Chinese characters, from pinyin-pro, loaded on first use and only as far as a phrase needs.
 *
 * pinyin-pro reads a character as the first reading of its character table, unless a word of its word
 * lists covers it (then the word's reading) or it is 了 with no character before it (liǎo; 一 and 不 change
 * only their tones). Where words overlap it picks among them by their probabilities. Loading all of it
 * (its modules and a matcher over its ~5,000 words, built on the first call) is most of the time of a
 * first Chinese phrase, so a run of characters is read in the cheapest way that gives the same readings:
 * 1. every character has one reading (tones aside): its character table alone, as no word of the lists
 *    made only of such characters reads one of them otherwise;
 * 2. the words of the lists that occur in the run do not overlap: the character table and the word
 *    lists. pinyin-pro takes every such word, since a word's probability (at least 1e-12) beats that of
 *    its characters read alone (1e-13 each); the other characters keep their table reading;
 * 3. otherwise all of pinyin-pro, which reads the run in context.
 * tests/phonetics/han-readings.test.ts checks all three against pinyin-pro on every character, every word
 * and random runs.
 */
import { normalizeSyllable } from './syllable.js';

type PinyinPro = typeof import('pinyin-pro');
/** pinyin-pro's character table: each character's readings, with tone marks, separated by spaces. */
interface CharTable {
  get(char: string): string | undefined;
}
interface WordLists {
  words: ReadonlyMap<string, ListedWord>;
  longest: number;
}
/** A word of pinyin-pro's lists as its data files hold it. */
interface ListedWord {
  zh: string;
  pinyin: string;
  probability: number;
  priority: number;
  length: number;
}

/** A loader that runs once; a failed load is tried again next time. */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => {
    loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
    return loading;
  };
}

const loadPinyinPro = once((): Promise<PinyinPro> => import('pinyin-pro'));
const loadCharTable = once(async (): Promise<CharTable> => {
  const table: unknown = (await import('pinyin-pro/dist/esm/data/dict1.mjs')).default;
  if (typeof (table as CharTable | null)?.get !== 'function') throw new Error('pinyin-pro: unexpected character table');
  return table as CharTable;
});
/**
 * The words pinyin-pro reads in context: its word lists without the surnames (read as surnames only on
 * request). Where a word is listed twice, the entry its matcher puts first: higher priority, then higher
 * probability, then the later one.
 */
const loadWordLists = once(async (): Promise<WordLists> => {
  const [{ PatternsNormal }, { PatternSurname }] = await Promise.all([import('pinyin-pro/dist/esm/data/patterns.mjs'), import('pinyin-pro/dist/esm/data/surname.mjs')]);
  if (!Array.isArray(PatternsNormal) || !Array.isArray(PatternSurname)) throw new Error('pinyin-pro: unexpected word lists');
  const surnames = new Set<unknown>(PatternSurname);
  const words = new Map<string, ListedWord>();
  let longest = 0;
  for (const entry of PatternsNormal as unknown[]) {
    if (surnames.has(entry)) continue;
    const word = entry as Partial<ListedWord> | null;
    if (typeof word?.zh !== 'string' || typeof word.pinyin !== 'string' || typeof word.probability !== 'number' || typeof word.priority !== 'number' || typeof word.length !== 'number') {
      throw new Error('pinyin-pro: unexpected word lists');
    }
    const before = words.get(word.zh);
    if (!before || word.priority > before.priority || (word.priority === before.priority && word.probability >= before.probability)) words.set(word.zh, word as ListedWord);
    if (word.length > longest) longest = word.length;
  }
  return { words, longest };
});

function unique(values: string[]): string[] {
  return [...new Set(values.filter(Boolean))];
}

/** Where a word of the lists occurs in a run: its first character and its reading. */
interface WordAt {
  start: number;
  syllables: readonly string[];
}

/**
 * The words of the lists that occur in the run, by where they start, with their toneless readings;
 * undefined when two of them overlap or one is not as expected (a syllable per character, a
 * probability that beats its characters read alone).
 */
function wordsIn(run: readonly string[], { words, longest }: WordLists): WordAt[] | undefined {
  const found: WordAt[] = [];
  let coveredUntil = 0;
  for (let start = 0; start < run.length; start++) {
    let text = run[start]!;
    for (let end = start + 1; end < run.length && end - start < longest; end++) {
      text += run[end];
      const word = words.get(text);
      if (word === undefined) continue;
      const syllables = word.pinyin.split(' ').map(normalizeSyllable);
      if (start < coveredUntil || syllables.length !== end - start + 1 || !(word.probability >= 1e-12)) return undefined;
      found.push({ start, syllables });
      coveredUntil = end + 1;
    }
  }
  return found;
}

/** Per character, its table readings (first the one pinyin-pro picks without a word), toneless; undefined if one is missing. */
function tableReadings(run: readonly string[], table: CharTable): string[][] | undefined {
  const out: string[][] = [];
  for (const [k, char] of run.entries()) {
    const readings = table.get(char)?.split(' ');
    if (!readings) return undefined;
    out.push(unique([char === '了' && k === 0 ? 'liao' : readings[0]!, ...readings].map(normalizeSyllable)));
  }
  return out;
}

/** A run read by all of pinyin-pro, in context: per character, its pick first, then its other readings. */
async function readInContext(run: readonly string[]): Promise<string[][]> {
  const { pinyin } = await loadPinyinPro();
  const read = (chars: string) => pinyin(chars, { type: 'all', toneType: 'none', v: true });
  let items = read(run.join(''));
  // pinyin-pro works per character; if its items do not line up with ours, read the characters one by one.
  if (items.length !== run.length || items.some((item, k) => item.origin !== run[k])) {
    items = run.map((char) => read(char)[0]).filter((item) => item !== undefined);
  }
  return run.map((_, k) => {
    const item = items[k];
    return item && item.isZh ? unique([item.pinyin, ...(item.polyphonic ?? [])].map(normalizeSyllable)) : [];
  });
}

/**
 * Toneless readings of each character of a run of adjacent Chinese characters, the one pinyin-pro picks
 * in context first; a character pinyin-pro cannot read gets none. Loads no more of pinyin-pro than the
 * run needs (see the top of this file).
 */
export async function readHanRun(run: readonly string[]): Promise<string[][]> {
  const table = await loadCharTable().catch(() => undefined);
  const readings = table && tableReadings(run, table);
  if (readings) {
    if (readings.every((r) => r.length === 1)) return readings;
    const lists = await loadWordLists().catch(() => undefined);
    const words = lists && wordsIn(run, lists);
    if (words) {
      for (const { start, syllables } of words) {
        syllables.forEach((syllable, k) => (readings[start + k] = unique([syllable, ...readings[start + k]!])));
      }
      return readings;
    }
  }
  return readInContext(run);
}
