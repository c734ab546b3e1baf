import { Redis } from 'ioredis';

/**
 * Removes the keys (cache, rate limits) an earlier bench server left under `prefix` — the bench's own
 * (`REDIS_KEY_PREFIX`), so an academy or another bench on the same Redis is never touched — so a run
 * starts cold and right.
 */
export async function clearAppKeys(url: string, prefix: string): Promise<number> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  let removed = 0;
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) removed += await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
  return removed;
}

/**
 * Commands Redis has processed so far (`INFO stats`), for the cache commands a workload costs a unit: the
 * difference over a run, less the two this reading sends (the bench is Redis's only client meanwhile).
 */
export async function redisCommandsProcessed(url: string): Promise<number> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  try {
    const info = await redis.info('stats');
    return Number(/^total_commands_processed:(\d+)/m.exec(info)?.[1] ?? Number.NaN);
  } finally {
    redis.disconnect();
  }
}
