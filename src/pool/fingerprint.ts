import type { Profile } from '../scoring/profile.js';
import { tablesFor } from '../scoring/tables.js';

/**
 * The fingerprint of the rules and data a pool scored with this profile carries ({@link Pool.fingerprint}):
 * it changes whenever a release scores differently, so it keys caches of pool snapshots.
 */
export function poolFingerprint(profile: string | Profile = 'seed'): string {
  return tablesFor(profile).fingerprint;
}
