/**
 * Strings of a pool key (a number minus 4,000,000,000: its seven digits after 400) joined from two
 * cached parts, 400 and the first three digits, then the last four. Result pages build a number and its
 * display form per result, and converting the ten-digit number to a string each time costs more.
 * Parts are made on first use, so a process that shows a few numbers makes a few strings.
 */
// Filled with '' rather than left empty: arrays without holes stay on V8's fast path.
const numberHeads: string[] = new Array<string>(1000).fill('');
const displayHeads: string[] = new Array<string>(1000).fill('');
const tails: string[] = new Array<string>(10_000).fill('');
/** How many 4s each number 0-9999 holds (as four digits). */
const FOURS_IN = new Uint8Array(10_000);
/** The digits each number 0-9999 holds as four digits (DIGITS_IN) and 0-999 as three (DIGITS_IN_3), as bit sets: bit d for digit d. */
const DIGITS_IN = new Uint16Array(10_000);
const DIGITS_IN_3 = new Uint16Array(1000);
for (let i = 0; i < 10_000; i++) {
  FOURS_IN[i] = i < 10 ? (i === 4 ? 1 : 0) : FOURS_IN[(i / 10) | 0]! + (i % 10 === 4 ? 1 : 0);
  const three = (1 << i % 10) | (1 << ((i / 10) | 0) % 10) | (1 << ((i / 100) | 0) % 10);
  DIGITS_IN[i] = three | (1 << ((i / 1000) | 0));
  if (i < 1000) DIGITS_IN_3[i] = three;
}

function tail(low: number): string {
  return tails[low] || (tails[low] = String(10_000 + low).slice(1));
}

/**
 * Recently made strings by key, one slot per key's low bits (a direct-mapped cache, like V8's own for
 * number-to-string): pages of popular queries show the same numbers again, and a hit costs a fifth of
 * joining the parts.
 */
class RecentStrings {
  private readonly keys = new Int32Array(4096).fill(-1);
  private readonly strings: string[] = new Array<string>(4096).fill('');

  constructor(private readonly make: (key: number) => string) {}

  get(key: number): string {
    const slot = key & 4095;
    if (this.keys[slot] === key) return this.strings[slot]!;
    this.keys[slot] = key;
    return (this.strings[slot] = this.make(key));
  }
}

/** Joins a key's head (400 and its first three digits, as `write` puts them; cached in heads) and its last four. */
function joiner(heads: string[], write: (three: string) => string): (key: number) => string {
  return (key) => {
    const head = (key / 10_000) | 0;
    return (heads[head] || (heads[head] = write(String(1000 + head).slice(1)))) + tail(key - head * 10_000);
  };
}

const recentNumbers = new RecentStrings(joiner(numberHeads, (three) => `400${three}`));
const recentDisplays = new RecentStrings(joiner(displayHeads, (three) => `400-${three}-`));

/** The ten digits of the number with this key, e.g. 6668888 → "4006668888". */
export function numberOfKey(key: number): string {
  return recentNumbers.get(key);
}

/** The number with this key as people write it, 400-XXX-XXXX. */
export function displayOfKey(key: number): string {
  return recentDisplays.get(key);
}

/** How many 4s the seven digits after 400 hold. */
export function foursOfKey(key: number): number {
  const head = (key / 10_000) | 0;
  return FOURS_IN[head]! + FOURS_IN[key - head * 10_000]!;
}

/** The digits of the seven after 400 as a bit set (bit d for digit d). */
export function bodyDigitsOfKey(key: number): number {
  const head = (key / 10_000) | 0;
  return DIGITS_IN_3[head]! | DIGITS_IN[key - head * 10_000]!;
}

/** The digits of the last four as a bit set (bit d for digit d). */
export function tailDigitsOfKey(key: number): number {
  return DIGITS_IN[key % 10_000]!;
}
