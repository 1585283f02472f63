// Types for fuse-near.mjs (so TypeScript tests can import the plain-JS baseline).
import type Fuse from 'fuse.js';
export interface FuseNearIndex {
  fuse: Fuse<string>;
  buildMs: number;
  strings: readonly string[];
  byDistance: Map<number, Fuse<string>>;
}
export declare function createFuseIndex(strings: readonly string[]): FuseNearIndex;
export declare function fuseNear(index: FuseNearIndex, number: string, maxDistance: number, limit: number): string[];
export declare function hamming(a: string, b: string): number;
export declare function exactNear(strings: readonly string[], number: string, maxDistance: number): string[];
