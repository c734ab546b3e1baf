import { Secret, TOTP } from 'otpauth';

const PERIOD_MS = 30_000;
const stepNow = () => Math.floor(Date.now() / PERIOD_MS);

/**
 * An authenticator app for tests. The server accepts a code of the current time step ±1 and each step
 * only once per user, so this hands out codes of steps not used yet: the current one, then the next.
 * Two fresh codes are always available; a test that needs a third within 30 s is told so.
 */
export class Authenticator {
  private readonly totp: TOTP;
  private lastStep = -1;
  constructor(secret: string) {
    this.totp = new TOTP({ secret: Secret.fromBase32(secret) });
  }

  /** A valid code of a step the server has not accepted yet. */
  next(): string {
    const now = stepNow();
    const step = Math.max(now, this.lastStep + 1);
    if (step > now + 1) throw new Error('no unused TOTP step inside the validation window; use fewer codes');
    this.lastStep = step;
    return this.totp.generate({ timestamp: step * PERIOD_MS });
  }

  /** A 6-digit code that no step near now produces (so it is wrong even across a step boundary). */
  wrong(): string {
    const now = stepNow();
    const near = new Set(
      [-2, -1, 0, 1, 2].map((d) => this.totp.generate({ timestamp: (now + d) * PERIOD_MS })),
    );
    for (let n = 100_000; ; n += 7919) {
      const code = String(n % 1_000_000).padStart(6, '0');
      if (!near.has(code)) return code;
    }
  }
}
