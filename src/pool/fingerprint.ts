import type { Profile } from '../scoring/profile.js';
import { tablesFor } from '../scoring/tables.js';
import { guardKind } from '../errors/guards.js';

/**
 * The fingerprint of the rules and data a pool scored with this profile carries ({@link Pool.fingerprint}):
 * it changes whenever a release scores differently, so it keys caches of pool snapshots.
 */
export function poolFingerprint(profile: string | Profile = 'seed'): string {
  guardKind(profile, 'poolFingerprint(): profile', 'string|object');
  return tablesFor(profile).fingerprint;
}
