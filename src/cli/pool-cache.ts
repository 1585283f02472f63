import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { isVanity400Error } from '../errors/vanity400-error.js';
import { loadPool, savePool } from '../node/index.js';
import { createPool } from '../pool/create-pool.js';
import { poolFingerprint } from '../pool/fingerprint.js';
import type { Pool } from '../pool/pool.js';
import pkg from '../../package.json';

/** Whether an error only says the cached copy cannot be used: missing, unreadable, damaged or made by other rules. */
function unusable(error: unknown): boolean {
  if (isVanity400Error(error)) return error.code === 'BAD_SNAPSHOT' || error.code === 'STALE_SNAPSHOT';
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' && typeof (error as NodeJS.ErrnoException).syscall === 'string';
}

/**
 * A whole segment's pool, from a snapshot in `folder` (the user's cache folder) when it holds one made by
 * this version with the same profile and rules, else scored and then saved there for the next run. The
 * snapshots are keyed by version, profile and the rules' fingerprint, so a release that scores differently
 * never reads another's. Saving writes a new file exclusively and renames it into place: processes that
 * fill the cache at once each write whole files, and a reader sees a whole one or none. The cache only
 * saves time: when its folder cannot be written, the pool is scored as without it.
 */
export function cachedSegmentPool(segment: string, profile: string, folder: string | false, options: { allowUnconfirmed?: boolean } = {}): Pool {
  const build = () => createPool({ segment, profile, ...options });
  if (folder === false) return build();
  const dir = join(folder, 'pools', pkg.version, `${profile}-${poolFingerprint(profile)}`);
  const file = join(dir, `${segment}.pool`);
  try {
    const pool = loadPool(file);
    if (pool.segment === segment && pool.profile === profile) return pool;
  } catch (error) {
    if (!unusable(error)) throw error;
  }
  const pool = build();
  try {
    mkdirSync(dir, { recursive: true });
    savePool(pool, file);
  } catch (error) {
    if (!unusable(error)) throw error;
  }
  return pool;
}
