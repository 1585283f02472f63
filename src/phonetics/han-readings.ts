/**
 * Readings of Chinese characters, from pinyin-pro, loaded on first use and only as far as a phrase needs.
 *
 * pinyin-pro reads a character as the first reading of its character table, unless a word of its word
 * lists covers it (then the word's reading) or it is 了 with no character before it (liǎo; 一 and 不 change
 * only their tones). Which of the words in a text it takes, where they overlap, it decides by their
 * probabilities. Loading all of it (its modules and a matcher over its ~5,000 words, built on the first
 * call) is most of the time of a first Chinese phrase, so a run of characters is read in the cheapest
 * way that gives the same readings:
 * 1. every character has one reading (tones aside): its character table alone, as no word of the lists
 *    made only of such characters reads one of them otherwise;
 * 2. otherwise the character table and the word lists: the words are looked up in the run and chosen as
 *    pinyin-pro chooses them (segment, below);
 * 3. all of pinyin-pro, which reads the run in context, if a character is not in its table or its data
 *    is not as this file expects.
 * tests/phonetics/han-readings.test.ts checks them against pinyin-pro on every character, every word and
 * random runs of overlapping words.
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
/** pinyin-pro's Priority.Normal and Priority.Surname: surnames are read as such only on request. */
const NORMAL = 1;
const SURNAME = 10;
/** pinyin-pro's probability of a character that no word covers (its Probability.Unknown). */
const UNKNOWN = 1e-13;

/**
 * The words pinyin-pro reads in context: its word lists without the surnames. Where a word is listed
 * twice, the entry its matcher takes: higher priority, then higher probability, then the later one.
 */
const loadWordLists = once(async (): Promise<WordLists> => {
  const { PatternsNormal } = await import('pinyin-pro/dist/esm/data/patterns.mjs');
  if (!Array.isArray(PatternsNormal)) throw new Error('pinyin-pro: unexpected word lists');
  const words = new Map<string, ListedWord>();
  let longest = 0;
  for (const entry of PatternsNormal as unknown[]) {
    const word = entry as Partial<ListedWord> | null;
    if (word?.priority === SURNAME) continue;
    // An empty word would throw pinyin-pro's matcher off everywhere; the other checks are made where a word occurs.
    if (typeof word?.zh !== 'string' || word.zh === '' || typeof word.pinyin !== 'string' || !Number.isFinite(word.probability) || typeof word.priority !== 'number' || typeof word.length !== 'number') {
      throw new Error('pinyin-pro: unexpected word lists');
    }
    const listed = word as ListedWord;
    const before = words.get(listed.zh);
    if (!before || listed.priority > before.priority || (listed.priority === before.priority && listed.probability >= before.probability)) words.set(listed.zh, listed);
    if (listed.zh.length > longest) longest = listed.zh.length;
  }
  return { words, longest };
});

function unique(values: (string | undefined)[]): string[] {
  return [...new Set(values.filter((value): value is string => !!value))];
}

/** A word of the lists where it occurs in a run. */
interface WordAt {
  start: number;
  word: ListedWord;
}

/**
 * Every occurrence of a word of the lists in the run, in the order pinyin-pro's matcher reports them:
 * by where they end, then the longest first; undefined if one is not as the segmentation below expects
 * (an ordinary word, a length that is its number of characters, a syllable per character).
 */
function wordsIn(run: readonly string[], { words, longest }: WordLists): WordAt[] | undefined {
  const found: WordAt[] = [];
  for (let end = 0; end < run.length; end++) {
    for (let start = Math.max(0, end - longest + 1); start <= end; start++) {
      const word = words.get(run.slice(start, end + 1).join(''));
      if (word === undefined) continue;
      if (word.priority !== NORMAL || word.length !== end - start + 1 || word.pinyin.split(' ').length !== word.length) return undefined;
      found.push({ start, word });
    }
  }
  return found;
}

/** How pinyin-pro scores reading a run from one position on: a probability kept above 1e-300 by scaling. */
interface Path {
  probability: number;
  /** How many times the probability was scaled up by 1e300; fewer is likelier. */
  decimal: number;
  /** The word the path starts with, if it does not start with a character read alone. */
  word?: WordAt;
}

function scaled(path: Path): Path {
  if (path.probability < 1e-300) {
    path.probability *= 1e300;
    path.decimal += 1;
  }
  return path;
}

/** The likelier path; on a tie the one found later, as pinyin-pro has it. */
function likelier(found: Path | undefined, path: Path): Path {
  if (!found) return path;
  if (found.decimal !== path.decimal) return found.decimal < path.decimal ? found : path;
  return found.probability > path.probability ? found : path;
}

/**
 * The words pinyin-pro takes among those of the run: its max-probability segmentation, step for step
 * (pinyin-pro 3.29, common/segmentit/max-probability), from the last character back. A word multiplies
 * the probability of the path after it by its own, a character read alone by 1e-13; the latter also
 * drops that path's scaling (pinyin-pro's doing), which for long runs decides against a word.
 */
function segment(run: readonly string[], found: readonly WordAt[]): WordAt[] {
  const best: Path[] = [];
  let w = found.length - 1;
  for (let i = run.length - 1; i >= 0; i--) {
    const after = best[i + 1] ?? { probability: 1, decimal: 0 };
    for (; w >= 0 && found[w]!.start + found[w]!.word.length - 1 === i; w--) {
      const word = found[w]!;
      best[word.start] = likelier(best[word.start], scaled({ probability: word.word.probability * after.probability, decimal: after.decimal, word }));
    }
    best[i] = likelier(best[i], scaled({ probability: UNKNOWN * after.probability, decimal: 0 }));
  }
  const taken: WordAt[] = [];
  for (let i = 0; i < run.length; ) {
    const { word } = best[i]!;
    if (word) taken.push(word);
    i += word ? word.word.length : 1;
  }
  return taken;
}

/** Per character, its table readings in the table's order, toneless; undefined if one is missing. */
function tableReadings(run: readonly string[], table: CharTable): string[][] | undefined {
  const out: string[][] = [];
  for (const char of run) {
    const readings = table.get(char);
    if (!readings) return undefined;
    out.push(unique(readings.split(' ').map(normalizeSyllable)));
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
      const picks: (string | undefined)[] = readings.map((r, k) => (k === 0 && run[0] === '了' ? 'liao' : r[0]));
      for (const { start, word } of segment(run, words)) {
        // A word of one character is read as that character alone.
        if (word.length > 1) word.pinyin.split(' ').forEach((syllable, k) => (picks[start + k] = normalizeSyllable(syllable)));
      }
      return readings.map((r, k) => unique([picks[k], ...r]));
    }
  }
  return readInContext(run);
}
