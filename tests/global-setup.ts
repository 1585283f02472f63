import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The CLI and package tests run the built files: build them once, fresh, before any test. */
export default function setup(): () => void {
  execFileSync('npx', ['tsup', '--silent'], { stdio: 'inherit' });
  // The CLI's settings and pool cache in a folder of the run's own, not the user's (every test and command it starts inherits them).
  const home = mkdtempSync(join(tmpdir(), 'vanity400-test-user-'));
  process.env.VANITY400_CACHE = join(home, 'cache');
  process.env.VANITY400_CONFIG = join(home, 'config.json');
  return () => rmSync(home, { recursive: true, force: true });
}
