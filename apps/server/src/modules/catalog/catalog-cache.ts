import { randomInt } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { Database } from '../../db/client.ts';
import type { Cache } from '../../platform/cache.ts';

export const CATALOG_VERSION_KEY = 'catalog:version';
/** Catalog reads are fresh within this long even if an invalidation were lost. */
export const CATALOG_TTL_MS = 5 * 60_000;
// The version counter outlives every entry by far. When it is missing (first boot, a restart of the
// in-process cache, a Redis flush) it starts again from a random number rather than from 0, so a
// version — and an ETag made from it — never names two different states of the catalog.
const VERSION_TTL_MS = 30 * 24 * 60 * 60_000;
const freshStart = () => String(randomInt(1, 2 ** 47));

/** The channel on which every bump is announced (ADR 052). */
export const CATALOG_CHANGED_CHANNEL = 'catalog_changed';
/** How long a process uses the version it keeps without reading it again, even if an announcement were lost. */
export const KEPT_VERSION_MS = 5_000;

/** A process's kept copy of the shared version, while the announcements of bumps are heard. */
interface KeptVersion {
  hearing: boolean;
  /** Moves on at every announcement (and this process's own bumps): a read begun before is not kept. */
  epoch: number;
  value: string | null;
  readAt: number;
  announce: () => Promise<unknown>;
  /** Versions answered from the kept copy, and by a read of the cache (`/metrics`). */
  stats: { kept: number; read: number };
}
// One per cache, which is one per app: every module's catalog cache over it shares the kept version.
const keptVersions = new WeakMap<Cache, KeptVersion>();

/**
 * Keep the catalog's version in this process while the database's announcements of its bumps are heard
 * (ADR 052, as ADR 049 keeps sessions): a public read then asks the shared cache for its entry only,
 * not for the version first. Every bump announces itself after it is made (`bump`); an announcement,
 * or the listening connection lost or found again, drops the kept version, and it is read again at
 * least every `KEPT_VERSION_MS` whatever happens. Resolves with its figures (`/metrics`) and `stop`.
 */
export async function hearCatalogChanges(database: Database, cache: Cache) {
  const kept: KeptVersion = {
    hearing: false,
    epoch: 0,
    value: null,
    readAt: 0,
    announce: () => database.raw.query(`select pg_notify('${CATALOG_CHANGED_CHANNEL}', '')`),
    stats: { kept: 0, read: 0 },
  };
  const drop = () => {
    kept.epoch += 1;
    kept.value = null;
  };
  keptVersions.set(cache, kept);
  const stop = await database.listen(CATALOG_CHANGED_CHANNEL, {
    up: () => {
      drop();
      kept.hearing = true;
    },
    down: () => {
      kept.hearing = false;
      drop();
    },
    message: drop,
  });
  return {
    stats: kept.stats,
    hearing: () => kept.hearing,
    stop: async () => {
      if (keptVersions.get(cache) === kept) keptVersions.delete(cache);
      kept.hearing = false;
      drop();
      await stop();
    },
  };
}

/**
 * Entries parsed once and kept in this process, by their versioned key (ADR 056). An entry under a
 * version never changes (every write makes a new version), so the copy is as fresh as the shared one:
 * a read then costs neither a round trip to the shared cache nor a `JSON.parse` (a 64-item outline's
 * was 8 % of its request). Kept frozen, as it is every reader's; at most about 8 MB of JSON, and
 * fetched again after a minute, as a lost version change would be in the shared cache.
 */
const KEPT_ENTRIES_BYTES = 8 * 1024 * 1024;
const KEPT_ENTRY_MS = 60_000;
interface KeptEntry {
  value: unknown;
  bytes: number;
}
const keptEntriesOf = new WeakMap<Cache, LRUCache<string, KeptEntry>>();
function keptEntries(cache: Cache): LRUCache<string, KeptEntry> {
  let kept = keptEntriesOf.get(cache);
  if (!kept) {
    kept = new LRUCache<string, KeptEntry>({
      maxSize: KEPT_ENTRIES_BYTES,
      sizeCalculation: (e) => Math.max(1, e.bytes),
      ttl: KEPT_ENTRY_MS,
    });
    keptEntriesOf.set(cache, kept);
  }
  return kept;
}
/** The entry's JSON parsed and frozen, kept under `key`. */
function keepParsed(kept: LRUCache<string, KeptEntry>, key: string, text: string): unknown {
  const value = deepFreeze(JSON.parse(text));
  kept.set(key, { value, bytes: text.length });
  return value;
}
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/**
 * Public catalog reads cached under a version counter: each key embeds the current version, and every
 * write bumps it (one `incr`), so all cached pages, courses and profiles go stale at once, on every
 * app instance when the cache is Redis. Entries still expire after five minutes.
 */
export function createCatalogCache(cache: Cache) {
  const kept = keptEntries(cache);
  const readShared = async (): Promise<string> => {
    const current = await cache.get(CATALOG_VERSION_KEY);
    if (current !== null) return current;
    await cache.setIfAbsent(CATALOG_VERSION_KEY, freshStart(), VERSION_TTL_MS);
    return (await cache.get(CATALOG_VERSION_KEY)) ?? '0';
  };
  const version = async (): Promise<string> => {
    const kept = keptVersions.get(cache);
    if (!kept) return readShared();
    if (kept.hearing && kept.value !== null && Date.now() - kept.readAt < KEPT_VERSION_MS) {
      kept.stats.kept += 1;
      return kept.value;
    }
    kept.stats.read += 1;
    const mark = kept.epoch;
    const value = await readShared();
    if (kept.hearing && mark === kept.epoch) {
      kept.value = value;
      kept.readAt = Date.now();
    }
    return value;
  };
  const readVersioned = async <T>(
    key: string,
    load: () => Promise<T>,
  ): Promise<{ version: string; value: T }> => {
    const v = await version();
    const full = `catalog:v${v}:${key}`;
    const held = kept.get(full);
    if (held) return { version: v, value: held.value as T };
    const hit = await cache.get(full);
    if (hit !== null) return { version: v, value: keepParsed(kept, full, hit) as T };
    const value = await load();
    const text = JSON.stringify(value ?? null);
    await cache.set(full, text, CATALOG_TTL_MS);
    // The loader's own value to this caller, as before; the next readers get the JSON's, as from the cache.
    keepParsed(kept, full, text);
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
      const full = (k: string) => `catalog:v${v}:${k}`;
      const out = new Map<string, T>();
      for (const k of keys) {
        const held = kept.get(full(k));
        if (held) out.set(k, held.value as T);
      }
      const unheld = keys.filter((k) => !out.has(k));
      const hits = unheld.length ? await cache.getMany(unheld.map(full)) : [];
      unheld.forEach((k, i) => {
        const hit = hits[i];
        if (hit !== null && hit !== undefined) out.set(k, keepParsed(kept, full(k), hit) as T);
      });
      const missing = unheld.filter((k) => !out.has(k));
      const loaded = missing.length ? await loadMissing(missing) : new Map<string, T>();
      await Promise.all(
        missing.map(async (k) => {
          const text = JSON.stringify(loaded.get(k) ?? null);
          await cache.set(full(k), text, CATALOG_TTL_MS);
          keepParsed(kept, full(k), text);
        }),
      );
      return keys.map((k) => (out.has(k) ? (out.get(k) as T) : ((loaded.get(k) ?? null) as T)));
    },
    /** Invalidate every catalog entry. Call after the writing transaction commits, never inside it. */
    async bump(): Promise<void> {
      await readShared(); // a missing counter starts at random, not at 1
      await cache.incr(CATALOG_VERSION_KEY, VERSION_TTL_MS);
      const kept = keptVersions.get(cache);
      if (!kept) return;
      // This process reads the new version at once; the others as they hear of it. The write has
      // committed already: an announcement that cannot be sent (the database lost) is not the
      // writer's error, and the others read the version again within KEPT_VERSION_MS anyway.
      kept.epoch += 1;
      kept.value = null;
      await kept.announce().catch(() => undefined);
    },
  };
}
export type CatalogCache = ReturnType<typeof createCatalogCache>;
export type CatalogVersionHearing = Awaited<ReturnType<typeof hearCatalogChanges>>;
