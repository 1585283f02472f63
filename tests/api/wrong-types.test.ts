/**
 * Every public function given a wrong type throws a Vanity400Error (INVALID_TYPE naming the argument)
 * or answers; never a TypeError from inside, never a message that echoes a huge input.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as core from '../../src/index.js';
import * as node from '../../src/node/index.js';

const { Vanity400Error } = core;
const pool = core.createPool({ numbers: ['4006-123-000', '4006-888-888', '4008-517-517'] });

/** The public functions, each with a call that is right, so that each argument can be made wrong in turn. */
const RIGHT: Record<string, unknown[]> = {
  parse: ['400-851-7517'],
  tryParse: ['400-851-7517'],
  isValid400: ['400-851-7517'],
  format: ['4008517517', '4-3-3'],
  segmentInfo: ['4008'],
  score: ['400-851-7517', { profile: 'seed' }],
  explain: ['400-851-7517', { lang: 'en' }],
  fastScoreTenths: ['4008517517'],
  resolveProfile: ['seed'],
  checkProfile: [{}],
  tierById: ['top'],
  tierIndexOf: ['top'],
  createPool: [{ numbers: ['4006-123-000'] }],
  poolToSnapshot: [pool],
  poolFromSnapshot: [core.poolToSnapshot(pool)],
  search: [pool, { pattern: '8$' }],
  searchNumbers: [pool, { pattern: '8$' }],
  near: [pool, '4006-123-001', { maxDistance: 1 }],
  compilePattern: ['AABB$'],
  parsePattern: ['AABB$'],
  checkAgent: [{}],
  checkLicence: ['91110108MA01XK7D35'],
  isValidLicence: ['91110108MA01XK7D35'],
  licenceCheckCharacter: ['91110108MA01XK7D3'],
  looksLikePersonalId: ['11010519491231002X'],
  describeState: [{ number: '4006123000', agent: 'a1', status: 'available' }],
  showNumber: ['4006123000'],
  isWorkingDay: ['2025-10-01'],
  addWorkingDays: ['2025-10-01', 3],
  beijingDate: [0],
  dayInfo: ['2025-10-01'],
  splitPinyin: ['yilufa'],
  syllableSimilarity: ['fa', 'ba'],
  findingSentence: [core.score('4008517517').findings[0], 'en'],
};

const WRONG: unknown[] = [null, undefined, 123, true, {}, [], 'x'.repeat(100_000), Symbol('s'), () => 1, 10n, NaN];

function outcome(run: () => unknown): unknown {
  try {
    const value = run();
    if (value instanceof Promise) return value.then(() => null, (e: unknown) => e);
    return null;
  } catch (error) {
    return error;
  }
}

describe('public functions given wrong types', () => {
  const names = Object.keys(RIGHT).filter((name) => typeof (core as Record<string, unknown>)[name] === 'function');

  it.each(names)('%s: each argument made wrong in turn is a Vanity400Error with a short message', async (name) => {
    const fn = (core as unknown as Record<string, (...args: unknown[]) => unknown>)[name]!;
    const right = RIGHT[name]!;
    for (let i = 0; i < right.length; i++) {
      for (const wrong of WRONG) {
        const args = [...right];
        args[i] = wrong;
        const error = await outcome(() => fn(...args));
        if (error === null) continue;
        const label = `${name}(argument ${i + 1} = ${typeof wrong === 'string' ? 'a long string' : String(typeof wrong === 'symbol' ? 'symbol' : Array.isArray(wrong) ? '[]' : wrong)})`;
        expect(error, label).toBeInstanceOf(Vanity400Error);
        expect((error as Error).message.length, label).toBeLessThan(600);
      }
    }
  });

  it('the wrong types the issue names are INVALID_TYPE naming the argument', async () => {
    const cases: [() => unknown, RegExp][] = [
      [() => core.score(123 as never), /number/],
      [() => core.score('4008517517', null as never), /options/],
      [() => core.near(pool, '4006-123-001', null as never), /options/],
      [() => core.search(pool, null as never), /query/],
      [() => core.explain('4008517517', 5 as never), /options/],
      [() => core.createPool(null as never), /source|pool/],
    ];
    for (const [run, names] of cases) {
      const error = (await outcome(run)) as InstanceType<typeof Vanity400Error>;
      expect(error, String(run)).toBeInstanceOf(Vanity400Error);
      expect(error.code, String(run)).toBe('INVALID_TYPE');
      expect(error.message, String(run)).toMatch(names);
    }
    for (const bad of [null, 5, 'x', { name: 5 }, { founded: {} }]) {
      const error = (await outcome(() => core.suggest(bad as never, { pools: [pool] }))) as InstanceType<typeof Vanity400Error>;
      expect(error, JSON.stringify(bad)).toBeInstanceOf(Vanity400Error);
    }
    expect(await outcome(() => core.suggest({ name: '顺发' }, null as never))).toMatchObject({ code: 'INVALID_TYPE' });
  });

  it('random arguments to any public function: an answer or a Vanity400Error', async () => {
    const fns = Object.entries({ ...core, ...node }).filter(([name, f]) => typeof f === 'function' && !/^[A-Z]/.test(name) && name !== 'savePool') as [string, (...a: unknown[]) => unknown][];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...fns), fc.array(fc.anything({ maxDepth: 2 }), { maxLength: 3 }), async ([name, fn], args) => {
        const error = await outcome(() => fn(...args));
        // A file that is not there is the file system's own error (with its syscall), for a right type.
        const system = typeof (error as { syscall?: unknown } | null)?.syscall === 'string';
        if (error !== null && !system && !(error instanceof Vanity400Error)) throw new Error(`${name}(${args.map((a) => typeof a).join(', ')}) threw ${String(error)}`);
      }),
      { numRuns: 5000 },
    );
  });
});
