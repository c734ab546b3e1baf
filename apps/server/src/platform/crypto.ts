import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  hkdfSync,
  randomBytes,
  randomInt,
  timingSafeEqual,
} from 'node:crypto';

/** A 256-bit random token, URL-safe. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** SHA-256 of a high-entropy token: enough for lookup, useless to a thief of the database. */
export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('base64url');
}

/** A uniformly random 6-digit code. */
export function sixDigitCode(): string {
  return randomInt(0, 1_000_000).toString().padStart(6, '0');
}

/** 16 characters of Crockford base32 (80 bits), shown as XXXX-XXXX-XXXX-XXXX. */
export function recoveryCode(): string {
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  const bytes = randomBytes(16);
  let out = '';
  for (let i = 0; i < 16; i++) out += alphabet[(bytes[i] as number) % 32];
  return out.match(/.{4}/g)?.join('-') ?? out;
}

export function normaliseRecoveryCode(code: string): string {
  return code.toUpperCase().replace(/[^0-9A-Z]/g, '');
}

export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

/**
 * Keys derived from SESSION_SECRET (and the previous one during a rotation). Sessions do not depend on
 * it — their tokens are random and stored as SHA-256 — so rotating it signs nobody out; only pending
 * 6-digit codes, CSRF tokens and encrypted values use these keys, and the previous secret keeps
 * decrypting until everything is re-encrypted.
 */
export interface Secrets {
  /** HMAC of low-entropy values (6-digit codes), so a database dump cannot brute-force them. */
  hmac(purpose: string, value: string): string;
  /** All HMACs a value may have (current and previous secret), for verification. */
  hmacCandidates(purpose: string, value: string): string[];
  encrypt(plain: string): string;
  decrypt(enc: string): string;
  /** The ids of the keys `decrypt` holds (current first), as they prefix an encrypted value (`v1.<id>.…`). */
  keyIds: string[];
}

export function createSecrets(current: string, previous: string | null): Secrets {
  const keys = [current, previous].filter((s): s is string => !!s).map(deriveKeys);
  const [primary] = keys as [ReturnType<typeof deriveKeys>];
  const mac = (k: Buffer, purpose: string, value: string) =>
    createHmac('sha256', k).update(purpose).update('\0').update(value).digest('base64url');
  return {
    hmac: (purpose, value) => mac(primary.mac, purpose, value),
    hmacCandidates: (purpose, value) => keys.map((k) => mac(k.mac, purpose, value)),
    keyIds: keys.map((k) => k.id),
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', primary.enc, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `v1.${primary.id}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
    },
    decrypt(enc) {
      const [version, id, payload] = enc.split('.');
      const key = keys.find((k) => k.id === id);
      if (version !== 'v1' || !key || !payload) throw new Error('cannot decrypt: unknown key');
      const buf = Buffer.from(payload, 'base64url');
      const decipher = createDecipheriv('aes-256-gcm', key.enc, buf.subarray(0, 12));
      decipher.setAuthTag(buf.subarray(12, 28));
      return Buffer.concat([decipher.update(buf.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}

function deriveKeys(secret: string) {
  const ikm = Buffer.from(secret);
  const derive = (info: string) => Buffer.from(hkdfSync('sha256', ikm, Buffer.alloc(0), info, 32));
  return { id: sha256(secret).slice(0, 8), mac: derive('9tangle/hmac'), enc: derive('9tangle/encrypt') };
}
