import { createHash, randomInt } from 'node:crypto';

/** No 0/O, 1/I/L: a number read aloud over the phone or copied from a receipt stays unambiguous. */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** `ORD-XXXXXXXX` from a cryptographic random source (31^8 ≈ 8.5 × 10^11 numbers). */
export function newOrderNumber(): string {
  let s = '';
  for (let i = 0; i < 8; i++) s += ALPHABET[randomInt(ALPHABET.length)];
  return `ORD-${s}`;
}

/** The buyer's `Idempotency-Key` as stored: hashed, so the raw key is never kept. */
export function hashIdempotencyKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}
