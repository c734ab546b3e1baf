import { describe, expect, it } from 'vitest';
import { createPasswordHasher, limitConcurrency } from './passwords.ts';

describe('limitConcurrency', () => {
  it('runs at most the limit at once, each in turn, and frees the slot of one that fails', async () => {
    const slot = limitConcurrency(2);
    let running = 0;
    let most = 0;
    const finish: (() => void)[] = [];
    const task = (i: number) =>
      slot(async () => {
        running += 1;
        most = Math.max(most, running);
        await new Promise<void>((resolve) => finish.push(resolve));
        running -= 1;
        if (i === 1) throw new Error('refused');
        return i;
      });
    const all = [0, 1, 2, 3, 4].map((i) => task(i).catch((e: Error) => e.message));
    // Let each task that has a slot start, then end them one by one, in the order they started.
    for (let ended = 0; ended < 5; ended += 1) {
      await expect.poll(() => finish.length).toBeGreaterThan(ended);
      expect(running).toBeLessThanOrEqual(2);
      finish[ended]?.();
    }
    expect(await Promise.all(all)).toEqual([0, 'refused', 2, 3, 4]);
    expect(most).toBe(2);
  });
});

describe('the password hasher', () => {
  it('verifies many at once within its limit, and refuses a wrong password or a malformed hash', async () => {
    const hasher = createPasswordHasher({ memoryCost: 8192, timeCost: 1, parallelism: 1, concurrency: 1 });
    const stored = await hasher.hash('a password of ten');
    const results = await Promise.all([
      hasher.verify(stored, 'a password of ten'),
      hasher.verify(stored, 'another password'),
      hasher.verify('not a hash', 'a password of ten'),
      hasher.verify(stored, 'a password of ten'),
    ]);
    expect(results).toEqual([true, false, false, true]);
  });
});
