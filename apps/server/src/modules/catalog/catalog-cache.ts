import { randomInt } from 'node:crypto';
import type { Cache } from '../../platform/cache.ts';

export const CATALOG_VERSION_KEY = 'catalog:version';
/** Catalog reads are fresh within this long even if an invalidation were lost. */
export const CATALOG_TTL_MS = 5 * 60_000;
// The version counter outlives every entry by far. When it is missing (first boot, a restart of the
// in-process cache, a Redis flush) it starts again from a random number rather than from 0, so a
// version — and an ETag made from it — never names two different states of the catalog.
const VERSION_TTL_MS = 30 * 24 * 60 * 60_000;
const freshStart = () => String(randomInt(1, 2 ** 47));

/**
 * Public catalog reads cached under a version counter: each key embeds the current version, and every
 * write bumps it (one `incr`), so all cached pages, courses and profiles go stale at once, on every
 * app instance when the cache is Redis. Entries still expire after five minutes.
 */
export function createCatalogCache(cache: Cache) {
  const version = async (): Promise<string> => {
    const current = await cache.get(CATALOG_VERSION_KEY);
    if (current !== null) return current;
    await cache.setIfAbsent(CATALOG_VERSION_KEY, freshStart(), VERSION_TTL_MS);
    return (await cache.get(CATALOG_VERSION_KEY)) ?? '0';
  };
  const readVersioned = async <T>(
    key: string,
    load: () => Promise<T>,
  ): Promise<{ version: string; value: T }> => {
    const v = await version();
    const full = `catalog:v${v}:${key}`;
    const hit = await cache.get(full);
    if (hit !== null) return { version: v, value: JSON.parse(hit) as T };
    const value = await load();
    await cache.set(full, JSON.stringify(value ?? null), CATALOG_TTL_MS);
    return { version: v, value };
  };
  return {
    /** The catalog's current version: it changes with every write, and only then. */
    version,
    /** The cached value of `key`, or `load()`'s answer, stored for the next reader. */
    async read<T>(key: string, load: () => Promise<T>): Promise<T> {
      return (await readVersioned(key, load)).value;
    },
    /** `read`, with the version the value belongs to (one version read for both). */
    readVersioned,
    /**
     * The cached values of `keys` in one round trip (and one version read); the missing ones come from
     * `loadMissing` at once, are stored, and everything is returned in the order of `keys`.
     */
    async readMany<T>(
      keys: string[],
      loadMissing: (missing: string[]) => Promise<Map<string, T>>,
    ): Promise<T[]> {
      if (keys.length === 0) return [];
      const v = await version();
      const hits = await cache.getMany(keys.map((k) => `catalog:v${v}:${k}`));
      const missing = keys.filter((_, i) => hits[i] === null || hits[i] === undefined);
      const loaded = missing.length ? await loadMissing(missing) : new Map<string, T>();
      await Promise.all(
        missing.map((k) =>
          cache.set(`catalog:v${v}:${k}`, JSON.stringify(loaded.get(k) ?? null), CATALOG_TTL_MS),
        ),
      );
      return keys.map((k, i) => {
        const hit = hits[i];
        return hit === null || hit === undefined ? ((loaded.get(k) ?? null) as T) : (JSON.parse(hit) as T);
      });
    },
    /** Invalidate every catalog entry. Call after the writing transaction commits, never inside it. */
    async bump(): Promise<void> {
      await version(); // a missing counter starts at random, not at 1
      await cache.incr(CATALOG_VERSION_KEY, VERSION_TTL_MS);
    },
  };
}
export type CatalogCache = ReturnType<typeof createCatalogCache>;
