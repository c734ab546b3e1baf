import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';
import type { Executor } from '../../db/client.ts';
import type { UserRow } from '../../db/schema/index.ts';
import type { Secrets } from '../../platform/crypto.ts';
import { normaliseRecoveryCode, sha256 } from '../../platform/crypto.ts';
import { tokensRepo } from './tokens.repo.ts';
import { usersRepo } from './users.repo.ts';

const PERIOD = 30;

export function totpFor(secretBase32: string, label: string): TOTP {
  return new TOTP({
    issuer: '9tangle',
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD,
    secret: Secret.fromBase32(secretBase32),
  });
}

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export async function qrDataUrl(otpauthUrl: string): Promise<string> {
  return QRCode.toDataURL(otpauthUrl, { errorCorrectionLevel: 'M', margin: 1, width: 220 });
}

/**
 * Check a second factor for a user: a TOTP code (±1 step, each step accepted once — the step is
 * claimed atomically, so a code cannot be replayed even by two requests at the same instant) or an
 * unused recovery code. Returns how it matched, or null.
 */
export async function checkSecondFactor(
  x: Executor,
  secrets: Secrets,
  user: UserRow,
  code: string,
  now: Date,
): Promise<'totp' | 'recovery' | null> {
  if (!user.totpSecretEnc) return null;
  const trimmed = code.replace(/\s/g, '');
  if (/^\d{6}$/.test(trimmed)) {
    const totp = totpFor(secrets.decrypt(user.totpSecretEnc), user.email);
    const delta = totp.validate({ token: trimmed, timestamp: now.getTime(), window: 1 });
    if (delta === null) return null;
    const step = Math.floor(now.getTime() / 1000 / PERIOD) + delta;
    return (await usersRepo.claimTotpStep(x, user.id, step)) ? 'totp' : null;
  }
  const normalised = normaliseRecoveryCode(trimmed);
  if (normalised.length !== 16) return null;
  return (await tokensRepo.useRecoveryCode(x, user.id, sha256(normalised), now)) ? 'recovery' : null;
}
