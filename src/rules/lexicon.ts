import lexiconData from '../../data/lexicon.json';
import { Vanity400Error } from '../errors/vanity400-error.js';
import type { Phrase } from './phrase.js';

const LEXICON_FAMILIES = new Set(['homophone', 'memorable', 'taboo']);
/** What a reading means (meaning search uses these) and what it relies on (profiles weigh these). */
export const LEXICON_TAGS = [
  'wealth',
  'luck',
  'smooth',
  'lasting',
  'love',
  'service',
  'together',
  'food',
  'year',
  'insult',
  'slang',
  'four-as-fa',
  'four-as-four',
  'four-as-death',
  'cantonese',
  'intimate',
] as const;
const TAGS: ReadonlySet<string> = new Set(LEXICON_TAGS);

interface LexiconFile {
  sources: Record<string, unknown>;
  entries: unknown[];
}

function bad(index: number, why: string): never {
  throw new Vanity400Error('BAD_DATA', `data/lexicon.json entries[${index}]: ${why}`);
}

/** Checks a lexicon file and returns its entries as phrases; any bad entry is an error naming it. */
export function readLexicon(file: LexiconFile): Phrase[] {
  if (!file || typeof file !== 'object' || !Array.isArray(file.entries) || typeof file.sources !== 'object') {
    throw new Vanity400Error('BAD_DATA', 'data/lexicon.json: expected { sources: {...}, entries: [...] }');
  }
  const seen = new Set<string>();
  return file.entries.map((raw, i): Phrase => {
    const e = raw as Record<string, unknown>;
    if (typeof e.digits !== 'string' || !/^\d{2,6}$/.test(e.digits)) bad(i, `digits ${JSON.stringify(e.digits)} is not 2 to 6 digits (a reading lies in the six digits the buyer chooses)`);
    if (/^(\d)\1+$/.test(e.digits)) bad(i, `digits ${e.digits} is a plain repeat, which the repeat rule scores`);
    if (typeof e.family !== 'string' || !LEXICON_FAMILIES.has(e.family)) bad(i, `family ${JSON.stringify(e.family)} is not homophone, memorable or taboo`);
    const key = `${e.family}:${e.digits}`;
    if (seen.has(key)) bad(i, `${e.digits} is listed twice as ${e.family}`);
    seen.add(key);
    if (typeof e.zh !== 'string' || !e.zh || typeof e.en !== 'string' || !e.en) bad(i, 'zh and en labels are required');
    if (!Number.isInteger(e.weight) || (e.weight as number) < 1 || (e.weight as number) > 5) bad(i, `weight ${JSON.stringify(e.weight)} is not an integer 1-5`);
    if (e.digits.length === 2 && (e.weight as number) > 2) bad(i, `weight ${e.weight} is too high for two digits, which occur by chance (at most 2)`);
    const tags = e.tags ?? [];
    if (!Array.isArray(tags) || tags.some((t) => typeof t !== 'string' || !TAGS.has(t))) bad(i, `tags ${JSON.stringify(tags)} has an unknown tag`);
    if (e.heard !== undefined && e.heard !== 'end') bad(i, `heard ${JSON.stringify(e.heard)} is not "end" (heard only where it ends the number)`);
    if (typeof e.source !== 'string' || !Object.hasOwn(file.sources, e.source)) bad(i, `source ${JSON.stringify(e.source)} is not in sources`);
    return {
      digits: e.digits,
      family: e.family as Phrase['family'],
      zh: e.zh,
      en: e.en,
      ...(typeof e.reading === 'string' ? { reading: e.reading } : {}),
      weight: e.weight as number,
      tags: tags as string[],
      ...(e.heard === 'end' ? { heard: 'end' as const } : {}),
      source: e.source,
    };
  });
}

let cached: readonly Phrase[] | undefined;

/** The built-in lexicon (data/lexicon.json), checked once. */
export function lexiconPhrases(): readonly Phrase[] {
  cached ??= Object.freeze(readLexicon(lexiconData as unknown as LexiconFile));
  return cached;
}
