import { execFileSync } from 'node:child_process';

/** The CLI and package tests run the built files: build them once, fresh, before any test. */
export default function setup(): void {
  execFileSync('npx', ['tsup', '--silent'], { stdio: 'inherit' });
}
