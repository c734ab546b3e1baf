import type { Cache } from '../../../platform/cache.ts';
import { hourBucket } from '../content.policy.ts';

/**
 * Contact-form submissions per sender (the HMAC of its IP) and clock hour, counted in the shared cache
 * so every app instance sees the same count (Redis when configured). Every attempt counts, refused
 * ones too, so a flood does not get cheaper by being refused.
 */
export function createContactThrottle(cache: Cache, maxPerHour: number) {
  return {
    /** Count this attempt; the seconds to wait when it is over the limit, else 0. */
    async hit(senderHash: string, at: Date): Promise<number> {
      const bucket = hourBucket(at);
      const n = await cache.incr(`contact:ip:${senderHash}:${bucket}`, 3_600_000);
      if (n <= maxPerHour) return 0;
      return Math.max(1, Math.ceil(((bucket + 1) * 3_600_000 - at.getTime()) / 1000));
    },
  };
}
export type ContactThrottle = ReturnType<typeof createContactThrottle>;
