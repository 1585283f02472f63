// Types for sqlite-search.mjs (so TypeScript tests can import the plain-JS baseline).
import type { PatternAst } from './regex-search.mjs';
export interface SqliteStatement {
  all(...params: unknown[]): unknown[];
  pluck(toggle?: boolean): SqliteStatement;
}
/** The better-sqlite3 Database, typed only as far as the benchmarks use it. */
export interface SqliteDatabase {
  prepare(sql: string): SqliteStatement;
  close(): unknown;
}
export interface SqlitePool {
  db: SqliteDatabase;
  buildMs: number;
  statements: Map<string, SqliteStatement>;
}
export interface SqliteQuery {
  ast?: PatternAst | null;
  minScore?: number;
  tiers?: number[];
  excludeDigits?: string;
  sort?: 'score' | 'number' | 'value';
}
export declare function createSqlitePool(
  segment: number | string | readonly string[],
  scores: Uint16Array,
  extra?: { tiers?: ArrayLike<number>; values?: ArrayLike<number> },
): SqlitePool;
export declare function astToSql(query: PatternAst | SqliteQuery | null, limit: number): { sql: string; params: (string | number)[] };
export declare function sqliteSearch(pool: SqlitePool, query: PatternAst | SqliteQuery | null, limit: number): string[];
