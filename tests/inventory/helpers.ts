import { licenceCheckCharacter } from '../../src/inventory/licence.js';
import type { Agent } from '../../src/inventory/types.js';

/** A valid enterprise code (91…) made from `n`, with its check character computed. */
export function companyLicence(n: number): string {
  const body = `91440300${String(n).padStart(8, '0')}M`; // 17 characters
  return body + licenceCheckCharacter(body);
}

export function makeAgent(id: string, n: number, overrides: Partial<Agent> = {}): Agent {
  return { id, name: `${id} 通信有限公司`, level: 'first', licence: companyLicence(n), verified: true, quota: 3000, ...overrides };
}

/** A clock that only moves when told. */
export function manualClock(start = Date.UTC(2025, 0, 1)): { now: () => number; advance(ms: number): void; set(ms: number): void } {
  let t = start;
  return {
    now: () => t,
    advance: (ms) => {
      t += ms;
    },
    set: (ms) => {
      t = ms;
    },
  };
}

/** The error a promise rejects with, or a failure if it resolves. */
export async function rejection(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { code: string; message: string };
  }
  throw new Error('expected the promise to reject');
}
