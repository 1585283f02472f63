import type { Phrase } from './phrase.js';

/** The years a buyer reads in four digits: the seed's 1987 is easy to remember because it is a year. */
export const FIRST_YEAR = 1950;
export const LAST_YEAR = 2030;
/** Years a salesperson does not volunteer as a reading: 1989 is a politically sensitive year in China. A customer's own year is still read as its fact. */
const UNSPOKEN_YEARS = new Set([1989]);

/** Every year FIRST_YEAR … LAST_YEAR as a memorable phrase (年份号); lexicon entries for a year (1949, 2008) take its place. */
export function yearPhrases(): Phrase[] {
  const phrases: Phrase[] = [];
  for (let y = FIRST_YEAR; y <= LAST_YEAR; y++) {
    if (UNSPOKEN_YEARS.has(y)) continue;
    phrases.push({ digits: String(y), family: 'memorable', zh: '可作年份', en: `can be read as the year ${y}`, tags: ['year'], source: 'years' });
  }
  return phrases;
}
