import { Redis } from 'ioredis';
import { LRUCache } from 'lru-cache';

/**
 * Counters and small values shared by every app instance when Redis is configured, or kept in this
 * process otherwise. Redis failures degrade to the in-process store instead of failing requests.
 */
export interface Cache {
  kind: 'redis' | 'memory';
  get(key: string): Promise<string | null>;
  /** Several values in one round trip, in the order of `keys` (null where missing). */
  getMany(keys: string[]): Promise<(string | null)[]>;
  set(key: string, value: string, ttlMs: number): Promise<void>;
  del(key: string): Promise<void>;
  /** Set `key` only if it has no live value; true when this call set it. */
  setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean>;
  /** Increment a counter that expires `ttlMs` after its first increment; returns the new value. */
  incr(key: string, ttlMs: number): Promise<number>;
  ping(): Promise<number | null>;
  close(): Promise<void>;
  /** The ioredis client, for plugins that take one (rate limits). */
  redis: Redis | null;
}

export function createMemoryCache(max = 50_000): Cache {
  const store = new LRUCache<string, { v: string; exp: number }>({ max });
  const live = (key: string) => {
    const e = store.get(key);
    if (!e) return undefined;
    if (e.exp <= Date.now()) {
      store.delete(key);
      return undefined;
    }
    return e;
  };
  return {
    kind: 'memory',
    redis: null,
    get: async (key) => live(key)?.v ?? null,
    getMany: async (keys) => keys.map((key) => live(key)?.v ?? null),
    set: async (key, v, ttlMs) => {
      store.set(key, { v, exp: Date.now() + ttlMs });
    },
    del: async (key) => {
      store.delete(key);
    },
    setIfAbsent: async (key, v, ttlMs) => {
      if (live(key)) return false;
      store.set(key, { v, exp: Date.now() + ttlMs });
      return true;
    },
    incr: async (key, ttlMs) => {
      const e = live(key);
      const n = e ? Number(e.v) + 1 : 1;
      store.set(key, { v: String(n), exp: e ? e.exp : Date.now() + ttlMs });
      return n;
    },
    ping: async () => null,
    close: async () => undefined,
  };
}

export function createRedisCache(url: string, onError: (err: Error) => void, keyPrefix = '9t:'): Cache {
  const redis = new Redis(url, {
    keyPrefix,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    connectTimeout: 2_000,
    lazyConnect: false,
    // Commands issued in the same tick (a request's version read and rate limit, two cache reads made
    // together) leave in one socket write: a write is a system call, and calls cost more than Redis.
    enableAutoPipelining: true,
  });
  redis.on('error', onError);
  const fallback = createMemoryCache();
  // Each call tries Redis and falls back to memory when Redis is down, so no request fails because of it.
  const attempt = async <T>(fn: () => Promise<T>, alt: () => Promise<T>): Promise<T> => {
    if (redis.status !== 'ready') return alt();
    try {
      return await fn();
    } catch {
      return alt();
    }
  };
  return {
    kind: 'redis',
    redis,
    get: (key) =>
      attempt(
        () => redis.get(key),
        () => fallback.get(key),
      ),
    getMany: (keys) =>
      keys.length === 0
        ? Promise.resolve([])
        : attempt(
            () => redis.mget(keys),
            () => fallback.getMany(keys),
          ),
    set: (key, v, ttlMs) =>
      attempt(
        async () => {
          await redis.set(key, v, 'PX', ttlMs);
        },
        () => fallback.set(key, v, ttlMs),
      ),
    del: (key) =>
      attempt(
        async () => {
          await redis.del(key);
        },
        () => fallback.del(key),
      ),
    setIfAbsent: (key, v, ttlMs) =>
      attempt(
        async () => (await redis.set(key, v, 'PX', ttlMs, 'NX')) === 'OK',
        () => fallback.setIfAbsent(key, v, ttlMs),
      ),
    incr: (key, ttlMs) =>
      attempt(
        async () => {
          const [[, n]] = (await redis.multi().incr(key).pexpire(key, ttlMs, 'NX').exec()) as [
            [null, number],
          ];
          return n;
        },
        () => fallback.incr(key, ttlMs),
      ),
    ping: async () => {
      const start = performance.now();
      await redis.ping();
      return Math.round((performance.now() - start) * 100) / 100;
    },
    close: async () => {
      redis.disconnect();
    },
  };
}
