import { FAMILY_COUNT } from './families.js';

/**
 * Shape flags: whole-number shapes that decide tiers and that pools index. They sit in the
 * same bit set as the families (bit i = family i is present), above the family bits.
 */
export const SHAPES = ['tailRun4', 'tailRun5', 'run6', 'tailSequence5', 'tailPattern6'] as const;
/**
 * A whole-number shape: `tailRun4` / `tailRun5` (the last 4 / 5 digits equal), `run6` (6 equal digits
 * anywhere), `tailSequence5` (a straight of 5 or more ending the number), `tailPattern6` (a 6-digit
 * shop pattern such as ABCABC, or a mirror of 6 or more digits, ending it).
 */
export type ShapeName = (typeof SHAPES)[number];

export function shapeBit(name: ShapeName): number {
  return 1 << (FAMILY_COUNT + SHAPES.indexOf(name));
}

export function isShapeName(value: unknown): value is ShapeName {
  return typeof value === 'string' && (SHAPES as readonly string[]).includes(value);
}
