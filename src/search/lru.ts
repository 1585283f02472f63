/**
 * A least-recently-used map, all the search caches need: a bound by count or by total size, and a
 * call when an entry leaves. A Map keeps insertion order, so re-inserting on use makes its first key the
 * least recently used. About 1 KB where the lru-cache package is 7 KB gzip in a web page's first chunk.
 */
export interface LruOptions<K, V> {
  /** The most entries kept. */
  max?: number;
  /** The most total size kept (sizes from `sizeOf`); an entry larger than this alone is not kept. */
  maxSize?: number;
  /** An entry's size for `maxSize` (default 1). */
  sizeOf?: (value: V, key: K) => number;
  /** Called when an entry leaves: dropped for room, deleted, replaced or cleared. */
  dispose?: (value: V, key: K) => void;
}

export class Lru<K, V> {
  readonly #entries = new Map<K, { value: V; size: number }>();
  #total = 0;

  constructor(readonly options: LruOptions<K, V>) {}

  /** The count bound, as given. */
  get max(): number | undefined {
    return this.options.max;
  }

  /** How many entries are kept. */
  get size(): number {
    return this.#entries.size;
  }

  /** The value for `key`, now the most recently used; undefined when it is not kept. */
  get(key: K): V | undefined {
    const entry = this.#entries.get(key);
    if (entry === undefined) return undefined;
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    return entry.value;
  }

  /** Keeps `value` under `key` as the most recently used, dropping the least recently used beyond the bounds. */
  set(key: K, value: V): this {
    this.delete(key);
    const size = this.options.sizeOf?.(value, key) ?? 1;
    const { max, maxSize } = this.options;
    if (maxSize !== undefined && size > maxSize) return this;
    this.#entries.set(key, { value, size });
    this.#total += size;
    while ((max !== undefined && this.#entries.size > max) || (maxSize !== undefined && this.#total > maxSize)) {
      const oldest = this.#entries.keys().next().value as K;
      this.delete(oldest);
    }
    return this;
  }

  /** Drops `key`; whether it was kept. */
  delete(key: K): boolean {
    const entry = this.#entries.get(key);
    if (entry === undefined) return false;
    this.#entries.delete(key);
    this.#total -= entry.size;
    this.options.dispose?.(entry.value, key);
    return true;
  }

  /** Drops every entry. */
  clear(): void {
    for (const key of [...this.#entries.keys()]) this.delete(key);
  }
}
