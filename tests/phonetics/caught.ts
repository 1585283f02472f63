import { expect } from 'vitest';
import { Vanity400Error } from '../../src/errors/vanity400-error.js';

/** The Vanity400Error fn throws; fails the test if it throws nothing or something else. */
export function caught(fn: () => unknown): Vanity400Error {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(Vanity400Error);
    return e as Vanity400Error;
  }
  throw new Error('expected a Vanity400Error');
}
