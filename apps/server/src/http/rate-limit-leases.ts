import type { FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Redis } from 'ioredis';

/**
 * A rate-limit store for `@fastify/rate-limit` that counts in Redis by leases (ADR 054). The plugin's
 * own Redis store runs a script for every request: a round trip, and a socket write that costs more
 * than most of a cached read. Here a process takes a lease of several requests at once (`INCRBY n`)
 * and spends it locally; far from the limit a lease is up to 32 requests, and it shrinks to 1 as the
 * count nears the limit, where every request asks Redis as before.
 *
 * The count in Redis is what all processes have taken, spent or not, so the limit can only be
 * stricter than the configured one, never looser: by at most the unspent part of each process's lease
 * (a lease is at most 1/64 of what remains of the window's allowance). A lease ends with its window.
 */

/** A lease is at most this many requests, and at most 1/LEASE_SHARE of the allowance left. */
export const MAX_LEASE = 32;
const LEASE_SHARE = 64;

const LEASE = `
local c = redis.call('INCRBY', KEYS[1], ARGV[1])
if c == tonumber(ARGV[1]) then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[2]); ttl = tonumber(ARGV[2]) end
return {c, ttl}`;

interface Lease {
  /** The next count this process may hand out, and the last one it holds. */
  next: number;
  last: number;
  /** When the window of the key ends (epoch ms). */
  resetAt: number;
  /** A lease being taken: later requests of the same key wait for it. */
  taking: Promise<void> | null;
}

type Callback = (err: Error | null, res?: { current: number; ttl: number }) => void;

interface LeaseRedis {
  rateLimitLease(key: string, n: number, windowMs: number): Promise<[number, number]>;
}

/** How many requests a lease takes when `taken` of `max` are gone. */
export function leaseSize(taken: number, max: number): number {
  return Math.max(1, Math.min(MAX_LEASE, Math.floor((max - taken) / LEASE_SHARE)));
}

/** The store class the plugin instantiates (`store:` option), bound to a Redis connection and prefix. */
export function leasedRedisStore(
  redis: Redis,
  prefix: string,
  now: () => number = Date.now,
): FastifyRateLimitStoreCtor {
  return leasedStoreClass(redis, prefix, now) as unknown as FastifyRateLimitStoreCtor;
}

/**
 * The class itself. The plugin calls `child` with the route's merged options, `routeInfo` among them
 * (its typings say otherwise), and `incr` with the window and the maximum of the request.
 */
export function leasedStoreClass(redis: Redis, prefix: string, now: () => number = Date.now) {
  if (!(redis as unknown as Partial<LeaseRedis>).rateLimitLease)
    redis.defineCommand('rateLimitLease', { numberOfKeys: 1, lua: LEASE });
  const r = redis as unknown as LeaseRedis;

  return class LeasedRedisStore {
    private readonly leases = new Map<string, Lease>();
    private readonly prefix: string;
    private swept = now();

    constructor(_globalParams?: unknown, routePrefix = '') {
      this.prefix = `${prefix}${routePrefix}`;
    }

    incr(key: string, cb: Callback, timeWindow: number, max: number): void {
      this.take(key, timeWindow, max).then(
        (res) => cb(null, res),
        (err: Error) => cb(err),
      );
    }

    child(routeOptions: { routeInfo: { method: string; url: string } }) {
      return new LeasedRedisStore(
        undefined,
        `${routeOptions.routeInfo.method}${routeOptions.routeInfo.url}-`,
      );
    }

    private async take(
      key: string,
      windowMs: number,
      max: number,
    ): Promise<{ current: number; ttl: number }> {
      for (;;) {
        const t = now();
        this.sweep(t);
        let lease = this.leases.get(key);
        if (lease && t >= lease.resetAt && !lease.taking) {
          this.leases.delete(key);
          lease = undefined;
        }
        if (lease?.taking) {
          await lease.taking;
          continue;
        }
        if (lease && lease.next <= lease.last)
          return { current: lease.next++, ttl: Math.max(0, lease.resetAt - t) };
        // No lease, or spent: take one, sized by what the last one left.
        const held: Lease = lease ?? { next: 1, last: 0, resetAt: t + windowMs, taking: null };
        const n = leaseSize(held.last, max);
        const settled = (async () => {
          try {
            const [count, ttl] = await r.rateLimitLease(this.prefix + key, n, windowMs);
            held.next = count - n + 1;
            held.last = count;
            held.resetAt = now() + ttl;
          } finally {
            held.taking = null;
          }
        })();
        held.taking = settled;
        this.leases.set(key, held);
        try {
          await settled;
        } catch (err) {
          this.leases.delete(key);
          throw err;
        }
      }
    }

    /** Forget ended windows, at most once a minute. */
    private sweep(t: number): void {
      if (t - this.swept < 60_000) return;
      this.swept = t;
      for (const [key, lease] of this.leases)
        if (t >= lease.resetAt && !lease.taking) this.leases.delete(key);
    }
  };
}
