import pc from 'picocolors';
import type { TierId } from '../scoring/tiers.js';

export type Palette = ReturnType<typeof pc.createColors>;

/**
 * Whether to colour what goes to a stream, decided once per run: never when NO_COLOR is set and not
 * empty (https://no-color.org), always when FORCE_COLOR is set (other than 0 or false), otherwise only
 * on a terminal that is not "dumb".
 */
export function wantsColour(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '') return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return stream.isTTY === true && env.TERM !== 'dumb';
}

export function palette(enabled: boolean): Palette {
  return pc.createColors(enabled);
}

/** Tiers rise from plain to loud, so the eye finds the good numbers in a table. */
export function tierPaint(paint: Palette, tier: TierId): (text: string) => string {
  switch (tier) {
    case 'ordinary':
      return paint.dim;
    case 'select':
      return paint.cyan;
    case 'premium':
      return paint.green;
    case 'top':
      return paint.yellow;
    case 'super':
      return (text) => paint.bold(paint.magenta(text));
  }
}
