import { LRUCache } from 'lru-cache';
import type { Pool } from '../pool/pool.js';
import { queryKey, type NormalizedQuery } from './query.js';
import type { SearchPage } from './search.js';
import { guardFields, guardOptions } from '../errors/guards.js';

/** How a {@link SearchCache} is doing, from {@link SearchCache.stats}. */
export interface SearchCacheStats {
  /** Look-ups answered from the cache. */
  hits: number;
  /** Look-ups that had to search. */
  misses: number;
  /** hits / (hits + misses), 0 before any look-up. */
  hitRate: number;
  /** Pages held now. */
  size: number;
  /** The most pages it holds. */
  max: number;
}

/**
 * Pages of search results, least recently used dropped first, keyed by the normalised query and
 * the pools with their versions. When a pool changes (a number sold or held), every cached page
 * that used it is dropped at the next look-up that sees the new version.
 */
export class SearchCache {
  private readonly pages: LRUCache<string, SearchPage>;
  /** Per pool id: the version its cached pages were made at, and their keys. */
  private readonly byPool = new Map<number, { version: number; keys: Set<string> }>();
  private hits = 0;
  private misses = 0;

  /** @param options - `max`: the most pages to keep (default 500). */
  constructor(options: { max?: number } = {}) {
    guardOptions(options, 'SearchCache(): options');
    guardFields(options, 'SearchCache(): options', { max: 'number?' });
    this.pages = new LRUCache({
      max: options.max ?? 500,
      dispose: (_page, key) => {
        for (const entry of this.byPool.values()) entry.keys.delete(key);
      },
    });
  }

  private keyOf(pools: readonly Pool[], q: NormalizedQuery): string {
    return `${pools.map((p) => `${p.id}@${p.version}`).join(',')}|${queryKey(q)}|${q.cursor ?? ''}`;
  }

  /** Drops every page made from an older version of these pools. */
  private refresh(pools: readonly Pool[]): void {
    for (const pool of pools) {
      const entry = this.byPool.get(pool.id);
      if (entry && entry.version !== pool.version) {
        for (const key of [...entry.keys]) this.pages.delete(key);
        this.byPool.set(pool.id, { version: pool.version, keys: new Set() });
      }
    }
  }

  /** @internal The cached page for a checked query on these pools, if any; {@link search} calls it. */
  get(pools: readonly Pool[], q: NormalizedQuery): SearchPage | undefined {
    this.refresh(pools);
    const page = this.pages.get(this.keyOf(pools, q));
    if (page) this.hits++;
    else this.misses++;
    return page;
  }

  /** @internal Keeps a page; {@link search} calls it. */
  set(pools: readonly Pool[], q: NormalizedQuery, page: SearchPage): void {
    const key = this.keyOf(pools, q);
    this.pages.set(key, page);
    for (const pool of pools) {
      const entry = this.byPool.get(pool.id) ?? { version: pool.version, keys: new Set<string>() };
      entry.keys.add(key);
      this.byPool.set(pool.id, entry);
    }
  }

  /** Drops every page (the hit and miss counts stay). */
  clear(): void {
    this.pages.clear();
    this.byPool.clear();
  }

  /** Hits, misses and size so far. */
  stats(): SearchCacheStats {
    const total = this.hits + this.misses;
    return { hits: this.hits, misses: this.misses, hitRate: total ? this.hits / total : 0, size: this.pages.size, max: this.pages.max };
  }
}
