import { guardFields, guardObject } from '../errors/guards.js';
import { Vanity400Error } from '../errors/vanity400-error.js';
import type { Pool } from '../pool/pool.js';
import { poolList } from '../pool/pool-list.js';
import { knownMeanings, meaningReadings } from '../phonetics/meanings.js';
import { gradeWords, readText, type ReadingGrade } from '../phonetics/text-readings.js';
import type { SearchResult } from './search.js';
import type { SearchQuery } from './query.js';
import { matchNumbers, type Note } from './match.js';
import { scoringOf, shapeResult } from './shape.js';
import { FILTER_KINDS } from './query.js';

/** What a number sounds like or means, as found by a sound or meaning search. */
export interface SoundMatch {
  /** The digits found in the number, e.g. `'518'`. */
  digits: string;
  /** The phrase it sounds like, or the lexicon entry's meaning. */
  phrase: string;
  /** The lexicon entry's English gloss, for a meaning search. */
  en?: string;
  /** How well the digits fit the phrase, 0-1. */
  quality: number;
  /** How a salesperson rates the reading: 'known' (a phrase the lexicon knows), 'close', 'near'; 'meaning' for a meaning search. */
  grade: ReadingGrade | 'meaning';
  /** What to say about it, e.g. `尾号 1615 谐音“一路有我”（常见说法）` or `尾号 888：发发发，寓意发财`. */
  says: {
    /** In Chinese, e.g. `尾号 1615 谐音“一路有我”（常见说法）`. */
    zh: string;
    /** In English, e.g. `ends in 1615, sounds like 一路有我 (a well-known reading)`. */
    en: string;
  };
  /** 0-based index of the digits in the number. */
  at: number;
  /** Whether the digits end the number (where they count most). */
  atEnd: boolean;
}

/** A number found by {@link searchSounds}, with what it sounds like and its rank. */
export interface SoundResult extends SearchResult {
  /** The number's best match among the phrase's or meaning's readings. */
  soundsLike: SoundMatch;
  /** Rank: match quality (more at the end) and vanity score together, 0-100. */
  rank: number;
}

/**
 * What {@link searchSounds} looks for: exactly one of `sounds` and `meaning`, with the filters of
 * {@link SearchQuery} (but no `pattern`, `sort` or `cursor`: results go by rank, on one page).
 */
export type SoundQuery = Omit<SearchQuery, 'pattern' | 'cursor' | 'sort'> & {
  /** A phrase in Chinese or typed pinyin: 我要发, yilufa. */
  sounds?: string;
  /** A meaning looked up in the lexicon: 发财, prosper. */
  meaning?: string;
};

interface Candidate {
  digits: string;
  phrase: string;
  en?: string;
  quality: number;
  grade: ReadingGrade | 'meaning';
  /** For a meaning: the meaning's name (发财), said after the phrase. */
  meaning?: string;
}

/** The page of a sound or meaning search. */
export interface SoundPage {
  /** At most `limit` numbers (default 20), highest rank first. */
  results: SoundResult[];
  /** Always null: a sound search gives one page. */
  next: null;
  /** When no reading sounds right or the meaning is unknown: why, and the other ways to find a number. */
  notes: Note[];
}

const LUCKY_ROUTE: Note = {
  kind: 'other-routes',
  zh: '也可以用公司的成立年份、门牌号、固话来选号，或者挑 6、8、9 结尾的吉利号码。',
  en: "Numbers can also be chosen by the company's founding year, door number or landline, or by the lucky digits 6, 8 and 9 at the end.",
};

function listed(readings: readonly { digits: string; zh: string }[], lang: 'zh' | 'en'): string {
  const few = readings.filter((r, i) => readings.findIndex((x) => x.zh === r.zh) === i).slice(0, 3);
  return lang === 'zh' ? few.map((r) => `${r.digits}（${r.zh}）`).join('、') : few.map((r) => `${r.digits} (${r.zh})`).join(', ');
}

/** The candidates a phrase or a meaning stands for, best first, and the notes when there are none. */
async function candidatesOf(query: SoundQuery): Promise<{ candidates: Candidate[]; notes: Note[] }> {
  if (query.sounds !== undefined) {
    const text = query.sounds.trim();
    const { readings } = await readText(query.sounds, 'phrase');
    if (readings.length) return { candidates: readings.map((r) => ({ digits: r.digits, phrase: r.words, quality: r.quality, grade: r.grade })), notes: [] };
    const notes: Note[] = [{ kind: 'no-reading', zh: `没有读音相符的号码：“${text}”找不到读音贴切的数字。`, en: `No numbers sound like “${text}”: no digits read close enough to it.` }];
    let meaning;
    try {
      meaning = meaningReadings(text);
    } catch {
      meaning = { meaning: null, readings: [] };
    }
    if (meaning.meaning && meaning.readings.length) {
      notes.push({
        kind: 'try-meaning',
        zh: `可以按寓意“${meaning.meaning}”找，比如 ${listed(meaning.readings, 'zh')}。`,
        en: `Try its meaning, ${meaning.meaning}: ${listed(meaning.readings, 'en')}.`,
      });
    }
    notes.push(LUCKY_ROUTE);
    return { candidates: [], notes };
  }
  const answer = meaningReadings(query.meaning!);
  if (!answer.readings.length) {
    const known = knownMeanings();
    return {
      candidates: [],
      notes: [
        { kind: 'no-meaning', zh: `没有收录“${query.meaning!.trim()}”这个寓意。可以试试：${known.join('、')}。`, en: `“${query.meaning!.trim()}” is not a meaning we know. Try: ${known.join(', ')}.` },
        LUCKY_ROUTE,
      ],
    };
  }
  const meaning = answer.meaning ?? '';
  return {
    candidates: answer.readings.map((r) => ({ digits: r.digits, phrase: r.zh, en: r.en, quality: r.quality, grade: 'meaning' as const, ...(r.from === 'name' ? {} : { meaning }) })),
    notes: [],
  };
}

/** What a salesperson says about a match: 尾号 1615 谐音“一路有我”（常见说法）; 尾号 888：发发发，寓意发财. */
function saysOf(c: Candidate, atEnd: boolean): { zh: string; en: string } {
  const where = { zh: `${atEnd ? '尾号' : '含'} ${c.digits}`, en: `${atEnd ? 'ends in' : 'has'} ${c.digits}` };
  if (c.grade === 'meaning') {
    return {
      zh: `${where.zh}：${c.phrase}${c.meaning && c.meaning !== c.phrase ? `，寓意${c.meaning}` : ''}`,
      en: `${where.en}: ${c.phrase}${c.en ? ` (${c.en})` : ''}`,
    };
  }
  return { zh: `${where.zh} 谐音“${c.phrase}”（${gradeWords(c.grade, 'zh')}）`, en: `${where.en}, sounds like ${c.phrase} (${gradeWords(c.grade, 'en')})` };
}

const SOUND_KINDS: Readonly<Record<string, string>> = { sounds: 'string?', meaning: 'string?', limit: 'number?', ...FILTER_KINDS };

/**
 * Numbers that sound like a phrase (`sounds`) or carry a meaning (`meaning`), with the other search
 * filters. A phrase is read whole and by clauses, every syllable at least as well as the floor of
 * readText; a meaning is looked up whole (meaningReadings). Each digit string is looked for in the six
 * digits the buyer chooses (two digits only at the end); a number ranks by how well and where it says the
 * phrase (the end counts most) and by its vanity score under the pool's scoring options (matchNumbers).
 * When no reading sounds right, or the meaning is unknown, the page is empty and `notes` says why and
 * what else to try.
 */
export async function searchSounds(pools: Pool | readonly Pool[], query: SoundQuery): Promise<SoundPage> {
  guardObject(query, 'searchSounds(): query');
  guardFields(query, 'searchSounds(): query', SOUND_KINDS);
  const { sounds, meaning, limit = 20, ...filters } = query ?? {};
  if ((sounds === undefined) === (meaning === undefined)) {
    throw new Vanity400Error('BAD_QUERY', 'sound search: give exactly one of sounds (a phrase) or meaning (a word to look up)', { input: query });
  }
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
    throw new Vanity400Error('BAD_QUERY', `sound search: limit ${JSON.stringify(limit)} is not a whole number from 1 to 1000`, { input: limit });
  }
  const list = poolList(pools, 'searchSounds');
  const { candidates, notes } = await candidatesOf(query);
  const matches = matchNumbers(list, candidates.map((c) => ({ digits: c.digits, weight: c.quality })), filters, { perSearch: limit, limit }).slice(0, limit);
  const scoring = scoringOf(list[0]);
  const results = matches.map((m): SoundResult => {
    const c = candidates[m.candidate]!;
    const shaped = shapeResult(m.number, scoring);
    return {
      ...shaped,
      rank: m.rank,
      soundsLike: { digits: c.digits, phrase: c.phrase, ...(c.en ? { en: c.en } : {}), quality: c.quality, grade: c.grade, says: saysOf(c, m.atEnd), at: m.at, atEnd: m.atEnd },
    };
  });
  return { results, next: null, notes };
}
