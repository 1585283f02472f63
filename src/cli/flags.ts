import { badFlag, EXPECTED, oneOf } from './errors.js';

/** A flag's value that must be one of `options`; anything else is a usage error naming the flag. */
export function choiceFlag<T extends string>(flag: string, value: string, options: readonly T[]): T {
  if (!options.includes(value as T)) throw badFlag(flag, value, oneOf(options));
  return value as T;
}

/** A flag's value that must be a whole number from `min` to `max`. */
export function wholeFlag(flag: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max) throw badFlag(flag, value, EXPECTED.whole(min, max));
  return n;
}
