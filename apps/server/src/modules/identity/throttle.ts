import type { Cache } from '../../platform/cache.ts';

/**
 * Sign-in throttling per account and per IP. Failures are counted in a window; past the limit the
 * account (or IP) is refused for `lockMs`, then tries again — never a permanent lock that anyone who
 * knows an email address could trigger against its owner.
 */
export function createLoginThrottle(
  cache: Cache,
  opts: { maxPerAccount: number; maxPerIp: number; lockMs: number },
) {
  const acct = (email: string) => `login:acct:${email}`;
  const ip = (addr: string) => `login:ip:${addr}`;
  return {
    /** Seconds until this account/IP may try again, or 0. */
    async blockedFor(email: string, addr: string | null): Promise<number> {
      const [a, i] = await Promise.all([cache.get(acct(email)), addr ? cache.get(ip(addr)) : null]);
      const over = Number(a ?? 0) >= opts.maxPerAccount || Number(i ?? 0) >= opts.maxPerIp;
      return over ? Math.ceil(opts.lockMs / 1000) : 0;
    },
    async recordFailure(email: string, addr: string | null): Promise<void> {
      await Promise.all([
        cache.incr(acct(email), opts.lockMs),
        addr ? cache.incr(ip(addr), opts.lockMs) : null,
      ]);
    },
    async reset(email: string): Promise<void> {
      await cache.del(acct(email));
    },
  };
}
export type LoginThrottle = ReturnType<typeof createLoginThrottle>;
