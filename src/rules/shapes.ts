import { FAMILY_COUNT } from './families.js';

/**
 * Shape flags: whole-number shapes that make a number one of the carrier's special numbers (seed:
 * special numbers open in 7 working days instead of 3, with a carrier-set minimum spend) and that
 * pools index. They sit in the same bit set as the families (bit i = family i is present), above
 * the family bits. They never change a number's tier, which follows its score alone.
 */
export const SHAPES = ['tailRun4', 'tailRun5', 'run6', 'tailSequence5', 'tailPattern6'] as const;
/**
 * A whole-number shape: `tailRun4` / `tailRun5` (the last 4 / 5 digits equal), `run6` (6 equal digits anywhere
 * after 400), `tailSequence5` (a straight of 5 or more ending the number), `tailPattern6`
 * (the last six ABCABC, AAABBB, AABBCC or ABABAB, or a mirror of 6 or more digits ending it).
 */
export type ShapeName = (typeof SHAPES)[number];

/** The bit of a shape; all fit below the pools' REMOVED bit (bit 15). */
export function shapeBit(name: ShapeName): number {
  return 1 << (FAMILY_COUNT + SHAPES.indexOf(name));
}

/** All shape flags as one mask. */
export const SPECIAL_MASK = SHAPES.reduce((mask, s) => mask | shapeBit(s), 0);

export function isShapeName(value: unknown): value is ShapeName {
  return typeof value === 'string' && (SHAPES as readonly string[]).includes(value);
}
