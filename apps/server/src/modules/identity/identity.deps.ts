import type { Config } from '../../config.ts';
import type { Database } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Secrets } from '../../platform/crypto.ts';
import type { MailService } from '../notifications/mail.service.ts';
import type { PasswordHasher } from './passwords.ts';
import type { SessionService } from './sessions.service.ts';
import type { LoginThrottle } from './throttle.ts';

/** What the identity services need; built once in app.ts. */
export interface IdentityDeps {
  database: Database;
  clock: Clock;
  secrets: Secrets;
  hasher: PasswordHasher;
  sessions: SessionService;
  mail: Pick<MailService, 'write' | 'dispatch'>;
  throttle: LoginThrottle;
  publicUrl: URL;
  dummyHash: string;
  log: { error(obj: object, msg: string): void };
  config: Pick<Config, 'admin'>;
}

export const VERIFICATION_TTL_MS = 10 * 60_000;
export const VERIFICATION_MAX_ATTEMPTS = 3;
export const RESEND_COOLDOWN_MS = 60_000;
export const RESET_TTL_MS = 60 * 60_000;
export const SETUP_TTL_MS = 7 * 24 * 60 * 60_000;
export const CHALLENGE_TTL_MS = 5 * 60_000;
export const CHALLENGE_MAX_ATTEMPTS = 5;

export const link = (base: URL, path: string, params: Record<string, string>) => {
  const url = new URL(path, base);
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return url.toString();
};
