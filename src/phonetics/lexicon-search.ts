import Fuse from 'fuse.js';
import { guardFields, guardOptions, guardString } from '../errors/guards.js';
import { lexiconPhrases } from '../rules/lexicon.js';
import { compareDigits } from './readings.js';
import { isCombiningMark, normalizeSyllable, pinyinLetter, splitLetters } from './syllable.js';

/** A lexicon entry (data/lexicon.json) found by {@link searchLexicon}. */
export interface LexiconHit {
  /** The digit string, e.g. `'178'`. */
  digits: string;
  /** The phrase or name in Chinese, e.g. `'一起发'`. */
  zh: string;
  /** A short English gloss, e.g. `'prosper together'`. */
  en: string;
  /** Pinyin with tone marks, as in the lexicon. */
  reading: string;
  /** 'homophone' (sounds like a phrase), 'memorable' (a well-known number) or 'taboo' (an unlucky reading). */
  family: string;
  /** 0-1, 1 best. */
  score: number;
}

/** Options of {@link searchLexicon}. */
export interface SearchLexiconOptions {
  /** How many hits, best first; default 10. */
  limit?: number;
  /** Only these families (homophone, memorable, taboo); default all. */
  families?: string[];
}

interface LexiconDoc {
  digits: string;
  zh: string;
  en: string;
  reading: string;
  family: string;
  weight: number;
  /** Toneless reading, syllables separated by spaces: "yi lu fa". */
  spaced: string;
  /** Toneless reading without spaces: "yilufa". */
  compact: string;
}

const MAX_QUERY_LENGTH = 64;

/** Letters with tone marks → toneless (fā → fa, ü → v); other characters unchanged. */
function toneless(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC').toLowerCase()) if (!isCombiningMark(ch)) out += pinyinLetter(ch) ?? ch;
  return out;
}

/** Pinyin syllables of a run of letters, when it is pinyin. */
function syllablesOf(word: string): string[] | undefined {
  if (!/^[a-z]+$/.test(word)) return undefined;
  const split = splitLetters(word);
  return Array.isArray(split) ? split : undefined;
}

/**
 * Units for token search, the same for the index and the query: one per Chinese character, one per pinyin
 * syllable of a word that is pinyin ("facai" → fa, cai), otherwise the word or number itself. So "发财",
 * "facai" and "fa cai" all find the entries with 发 / fa even though no entry is 发财.
 */
function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const match of toneless(text).matchAll(/\p{Script=Han}|[\p{L}\p{M}]+|\p{N}+/gu)) {
    const word = match[0];
    out.push(...(syllablesOf(word) ?? [word]));
  }
  return out;
}

let index: { docs: LexiconDoc[]; whole: Fuse<LexiconDoc>; tokens: Fuse<LexiconDoc> } | undefined;

/** Both Fuse indexes, built once on first use. */
function lexiconIndex(): NonNullable<typeof index> {
  if (index) return index;
  const docs = lexiconPhrases().map((p): LexiconDoc => {
    const syllables = (p.reading ?? '').split(/\s+/).filter(Boolean).map(normalizeSyllable);
    return {
      digits: p.digits,
      zh: p.zh,
      en: p.en,
      reading: p.reading ?? '',
      family: p.family,
      weight: p.weight ?? 1,
      spaced: syllables.join(' '),
      compact: syllables.join(''),
    };
  });
  const common = { includeScore: true, ignoreLocation: true, shouldSort: true } as const;
  index = {
    docs,
    // the whole query, fuzzily, anywhere in a field: exact phrases and typos (yilufaa)
    whole: new Fuse(docs, { ...common, threshold: 0.4, keys: ['zh', 'en', 'spaced', 'compact', 'digits'] }),
    // query units (characters, syllables, words) matched one by one, ranked by how many and how rare
    tokens: new Fuse(docs, { ...common, threshold: 0.3, useTokenSearch: true, tokenize, keys: ['zh', 'en', 'spaced'] }),
  };
  return index;
}

/**
 * Fuzzy search of the lexicon by Chinese (一路发, 发财), pinyin with or without spaces or tones (yilufa,
 * fa cai, fā cái; typos such as yilufaa are tolerated), English gloss (prosper) or digits. Each entry scores
 * 1 − the best Fuse score it gets from the whole query or from the query's units; ties go to the stronger
 * lexicon weight. An empty query gives no hits.
 */
export function searchLexicon(query: string, options?: SearchLexiconOptions): LexiconHit[] {
  guardString(query, 'searchLexicon(): query');
  guardOptions(options, 'searchLexicon(): options');
  if (options !== undefined) guardFields(options, 'searchLexicon(): options', { limit: 'number?', families: 'array?' });
  const text = toneless(query.trim()).slice(0, MAX_QUERY_LENGTH);
  if (!text.trim()) return [];
  const limit = options?.limit === undefined || !Number.isFinite(options.limit) ? 10 : Math.max(1, Math.floor(options.limit));
  const families = options?.families ? new Set(options.families) : undefined;
  const { whole, tokens } = lexiconIndex();

  const queries = new Set([text]);
  const words = text.split(/[\s'’\-]+/).filter(Boolean);
  const syllables = words.map(syllablesOf);
  if (words.length && syllables.every((s) => s !== undefined)) queries.add(words.join('')); // "fa cai" also as "facai"

  const best = new Map<LexiconDoc, number>();
  const consider = (results: { item: LexiconDoc; score?: number }[]) => {
    for (const r of results) {
      const score = 1 - Math.min(1, Math.max(0, r.score ?? 1));
      if (score > (best.get(r.item) ?? -1)) best.set(r.item, score);
    }
  };
  for (const q of queries) consider(whole.search(q));
  if (tokenize(text).length) consider(tokens.search(text));

  return [...best.entries()]
    .filter(([doc]) => !families || families.has(doc.family))
    .sort(([a, sa], [b, sb]) => sb - sa || b.weight - a.weight || a.digits.length - b.digits.length || compareDigits(a.digits, b.digits))
    .slice(0, limit)
    .map(([doc, score]) => ({ digits: doc.digits, zh: doc.zh, en: doc.en, reading: doc.reading, family: doc.family, score }));
}
