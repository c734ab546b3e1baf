import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { externalRedisUrl } from '../../test/harness.ts';
import { resetSharedCache } from './shared-cache-reset.ts';

// The shared cache is Redis: this runs in the PostgreSQL + Redis pass of the suite (REDIS_URL).
describe.runIf(externalRedisUrl)('resetSharedCache', () => {
  let redis: Redis;
  const run = randomBytes(6).toString('hex');
  const ours = `t-${run}:`;
  const theirs = `t-${run}-other:`;
  beforeAll(async () => {
    redis = new Redis(externalRedisUrl as string);
  });
  afterAll(async () => {
    await redis.del(`${theirs}catalog:version`, `${theirs}x*`);
    redis.disconnect();
  });

  it("deletes every key under the academy's prefix, and no other academy's", async () => {
    const keys = Array.from({ length: 1_234 }, (_, i) => `${ours}catalog:v7:course:${i}`);
    for (let i = 0; i < keys.length; i += 200) {
      const batch = keys.slice(i, i + 200);
      await redis.mset(...batch.flatMap((k) => [k, 'cached']));
    }
    await redis.set(`${ours}catalog:version`, '7');
    await redis.set(`${theirs}catalog:version`, '9');
    // A prefix's glob characters are literal: `x*` is not "every key starting with x".
    await redis.set(`${theirs}x*`, 'kept');

    expect(await resetSharedCache(externalRedisUrl as string, ours)).toBe(1_235);
    expect(await redis.exists(`${ours}catalog:version`, keys[0] as string, keys[1_233] as string)).toBe(0);
    expect(await redis.get(`${theirs}catalog:version`)).toBe('9');
    expect(await resetSharedCache(externalRedisUrl as string, `${theirs}x*`)).toBe(1);
    expect(await redis.get(`${theirs}catalog:version`)).toBe('9');
    expect(await resetSharedCache(externalRedisUrl as string, ours)).toBe(0);
  });

  it('refuses an empty prefix, which would empty the whole Redis', async () => {
    await expect(resetSharedCache(externalRedisUrl as string, '')).rejects.toThrow(/needs a key prefix/);
  });
});
