import { readFile } from 'node:fs/promises';
import { badFlag, EXPECTED, oneOf } from './errors.js';
import type { Language } from '../scoring/explain.js';
import { defaultPackages, parsePackages, type PackageList } from '../packages/packages.js';
import { tierById, type TierId } from '../scoring/tiers.js';
import { numberFlag } from './pools.js';

/** `--lang`: zh or en; anything else is a usage error. */
export function langFlag(value: string): Language {
  if (value !== 'zh' && value !== 'en') throw badFlag('--lang', value, oneOf(['zh', 'en']), 'UNKNOWN_LANGUAGE');
  return value;
}

/** A number or a tier id, as quote and open-date take them. */
export function numberOrTier(text: string): { number: string } | { tier: TierId } {
  return tierById(text) ? { tier: text as TierId } : { number: text };
}

/** The packages of `--packages FILE`, or the bundled ones. */
export async function packagesFlag(file: string | undefined): Promise<PackageList> {
  if (file === undefined) return defaultPackages();
  return parsePackages(await readFile(file, 'utf8'), { file });
}

/** A whole-number flag within bounds. */
export function countFlag(flag: string, text: string, min: number, max: number): number {
  const n = numberFlag(flag, text);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw badFlag(flag, text, EXPECTED.whole(min, max));
  }
  return n;
}
