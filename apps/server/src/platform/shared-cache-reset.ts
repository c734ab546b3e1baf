import { Redis } from 'ioredis';

/**
 * Delete every key of one academy (those under its `REDIS_KEY_PREFIX`) from the shared cache, and
 * nothing of another's. Redis holds only what the database can give again (catalog entries and their
 * version, sessions kept for their tokens, rate-limit counts), so after a restore it must start empty:
 * otherwise the pages, courses and sessions cached from the database as it was before the restore
 * would be served by the restored app. Keys are found with `SCAN` (never `KEYS`, which blocks Redis)
 * and removed with `UNLINK` in batches. Resolves with how many were removed.
 */
export async function resetSharedCache(url: string, keyPrefix: string): Promise<number> {
  if (!keyPrefix) throw new Error('resetSharedCache needs a key prefix: it never empties a whole Redis');
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, connectTimeout: 5_000 });
  await redis.connect();
  try {
    // `*`, `?`, `[` and `\` in the prefix are matched literally.
    const pattern = `${keyPrefix.replace(/[*?[\]\\]/g, '\\$&')}*`;
    let removed = 0;
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
      if (keys.length > 0) removed += await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
    return removed;
  } finally {
    redis.disconnect();
  }
}
