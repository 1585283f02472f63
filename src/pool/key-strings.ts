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
for (let i = 1; i < 10_000; i++) FOURS_IN[i] = FOURS_IN[(i / 10) | 0]! + (i % 10 === 4 ? 1 : 0);

function tail(low: number): string {
  return tails[low] || (tails[low] = String(10_000 + low).slice(1));
}

/** The ten digits of the number with this key, e.g. 6668888 → "4006668888". */
export function numberOfKey(key: number): string {
  const head = (key / 10_000) | 0;
  return (numberHeads[head] || (numberHeads[head] = `400${String(1000 + head).slice(1)}`)) + tail(key - head * 10_000);
}

/** The number with this key as people write it, 400-XXX-XXXX. */
export function displayOfKey(key: number): string {
  const head = (key / 10_000) | 0;
  return (displayHeads[head] || (displayHeads[head] = `400-${String(1000 + head).slice(1)}-`)) + tail(key - head * 10_000);
}

/** How many 4s the seven digits after 400 hold. */
export function foursOfKey(key: number): number {
  const head = (key / 10_000) | 0;
  return FOURS_IN[head]! + FOURS_IN[key - head * 10_000]!;
}
