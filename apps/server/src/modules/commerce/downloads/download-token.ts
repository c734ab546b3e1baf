import { AppError } from '../../../http/errors.ts';
import { type Secrets, safeEqual } from '../../../platform/crypto.ts';

const PURPOSE = 'download-link';

/**
 * A download link's token: the grant and an expiry, signed with the session secret's HMAC (any current
 * or previous key verifies). `<grantId>.<expiresMs>.<mac>`: nothing secret in it, nothing to store.
 */
export function signDownload(secrets: Secrets, grantId: string, expiresAt: Date): string {
  const body = `${grantId}.${expiresAt.getTime()}`;
  return `${body}.${secrets.hmac(PURPOSE, body)}`;
}

/** The grant a token names; 404 when it is forged or malformed, 410 when it has expired. */
export function verifyDownload(secrets: Secrets, token: string, now: Date): string {
  const [grantId, exp, mac, extra] = token.split('.');
  const invalid = new AppError('download_link_invalid', 404, 'This download link is not valid');
  if (!grantId || !exp || !mac || extra !== undefined || !/^\d{1,16}$/.test(exp)) throw invalid;
  const body = `${grantId}.${exp}`;
  if (!secrets.hmacCandidates(PURPOSE, body).some((m) => safeEqual(m, mac))) throw invalid;
  if (Number(exp) <= now.getTime())
    throw new AppError('download_link_expired', 410, 'This download link has expired: ask for a new one');
  return grantId;
}
