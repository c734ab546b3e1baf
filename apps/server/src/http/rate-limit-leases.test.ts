import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { externalRedisUrl } from '../../test/harness.ts';
import { leasedStoreClass, leaseSize, MAX_LEASE } from './rate-limit-leases.ts';

describe('the size of a lease', () => {
  it('is up to 32 requests far from the limit, 1/64 of what is left, and 1 near or past it', () => {
    expect(leaseSize(0, 100_000_000)).toBe(MAX_LEASE);
    expect(leaseSize(0, 1000)).toBe(15);
    expect(leaseSize(936, 1000)).toBe(1);
    expect(leaseSize(0, 6)).toBe(1);
    expect(leaseSize(2000, 1000)).toBe(1);
  });
});

describe.runIf(externalRedisUrl)('counting by leases in Redis', () => {
  const redis = new Redis(externalRedisUrl ?? '');
  afterAll(() => redis.quit());

  type Store = InstanceType<ReturnType<typeof leasedStoreClass>>;
  const incr = (s: Store, key: string, max: number, windowMs = 60_000) =>
    new Promise<{ current: number; ttl: number }>((resolve, reject) =>
      s.incr(key, (err, res) => (err || !res ? reject(err) : resolve(res)), windowMs, max),
    );
  /** Two processes' stores on one Redis, under a prefix of their own. */
  const pair = () => {
    const prefix = `test:rl:${randomUUID()}:`;
    const A = leasedStoreClass(redis, prefix);
    const B = leasedStoreClass(redis, prefix);
    return { prefix, a: new A(), b: new B() };
  };

  it('near a small limit every request asks Redis: requests split over two processes meet it exactly', async () => {
    const { a, b } = pair();
    const counts: number[] = [];
    for (let i = 0; i < 8; i++) counts.push((await incr(i % 2 === 0 ? a : b, 'ip:1', 6)).current);
    expect(counts).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('far from the limit takes 32 at a time, and two processes never hand out the same count', async () => {
    const { prefix, a, b } = pair();
    const seen: number[] = [];
    for (let i = 0; i < 100; i++) seen.push((await incr(i % 3 === 0 ? b : a, 'u:1', 100_000_000)).current);
    expect(new Set(seen).size).toBe(100);
    // Leases of 32 were taken by each: what Redis holds is what was taken, at most a lease more each.
    const taken = Number(await redis.get(`${prefix}u:1`));
    expect(taken % MAX_LEASE).toBe(0);
    expect(taken).toBeGreaterThanOrEqual(100);
    expect(taken).toBeLessThanOrEqual(100 + 2 * MAX_LEASE);
    expect(Math.max(...seen)).toBeLessThanOrEqual(taken);
  });

  it('concurrent requests of one key wait for the lease being taken, and each gets a count of its own', async () => {
    const { a } = pair();
    const res = await Promise.all(Array.from({ length: 50 }, () => incr(a, 'u:2', 100_000_000)));
    expect(res.map((r) => r.current).sort((x, y) => x - y)).toEqual(
      Array.from({ length: 50 }, (_, i) => i + 1),
    );
    expect(res.every((r) => r.ttl > 0 && r.ttl <= 60_000)).toBe(true);
  });

  it('starts again from 1 when the window ends', async () => {
    const { a } = pair();
    await incr(a, 'u:3', 100_000_000, 100);
    expect((await incr(a, 'u:3', 100_000_000, 100)).current).toBe(2);
    await new Promise((r) => setTimeout(r, 150));
    expect((await incr(a, 'u:3', 100_000_000, 100)).current).toBe(1);
  });

  it('keeps route limits apart from the global one (a child store of its own prefix)', async () => {
    const { a } = pair();
    const route = a.child({ routeInfo: { method: 'POST', url: '/api/auth/signin' } });
    await incr(a, 'ip:9', 6);
    await incr(a, 'ip:9', 6);
    expect((await incr(route, 'ip:9', 6)).current).toBe(1);
  });

  it('answers an error when Redis cannot be reached (the plugin then lets the request through)', async () => {
    const down = new Redis({
      port: 1,
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
    });
    const Down = leasedStoreClass(down, 'test:rl:down:');
    await expect(incr(new Down(), 'u:1', 6)).rejects.toThrow();
    down.disconnect();
  });
});
