import { createHash } from 'node:crypto';
import type { CatalogQuery } from '@9tangle/contracts';
import { z } from 'zod';
import { badRequest } from '../../http/errors.ts';
import { type Secrets, safeEqual } from '../../platform/crypto.ts';

/**
 * Opaque keyset cursors for `/api/courses`: the sort key values and id of the last row of a page, the
 * number of the next page, and a fingerprint of the query they belong to, signed with an HMAC so a
 * client can neither forge a position nor reuse a cursor with other filters, another sort or limit.
 */
const PURPOSE = 'catalog-cursor';
/** A key value as SQL's text form (timestamps keep their microseconds, numerics their digits), or null. */
const Payload = z.object({
  f: z.string(),
  p: z.int().min(2),
  k: z.array(z.string().max(200).nullable()).min(1).max(8),
});
export type CursorPosition = { page: number; keys: (string | null)[] };

/** What a cursor is bound to: every filter, the resolved sort and the limit; not the page or cursor. */
export function queryFingerprint(q: CatalogQuery, sort: string): string {
  const { page: _page, cursor: _cursor, ...rest } = q;
  const normal: Record<string, unknown> = { ...rest, q: rest.q?.toLowerCase() || undefined, sort };
  const text = JSON.stringify(
    Object.fromEntries(Object.entries(normal).sort(([a], [b]) => a.localeCompare(b))),
  );
  return createHash('sha256').update(text).digest('base64url').slice(0, 16);
}

const invalid = () =>
  badRequest(
    'invalid_cursor',
    'This cursor does not belong to this search; start again from the first page.',
  );

export function createCursorCodec(secrets: Pick<Secrets, 'hmac' | 'hmacCandidates'>) {
  return {
    encode(fingerprint: string, position: CursorPosition): string {
      const body = Buffer.from(
        JSON.stringify({ f: fingerprint, p: position.page, k: position.keys }),
      ).toString('base64url');
      return `${body}.${secrets.hmac(PURPOSE, body)}`;
    },
    /** The position a cursor names, or 400 `invalid_cursor` (tampered, foreign, or for another query). */
    decode(cursor: string, fingerprint: string, keyCount: number): CursorPosition {
      const [body, mac, extra] = cursor.split('.');
      if (!body || !mac || extra !== undefined) throw invalid();
      if (!secrets.hmacCandidates(PURPOSE, body).some((m) => safeEqual(m, mac))) throw invalid();
      let parsed: z.infer<typeof Payload>;
      try {
        parsed = Payload.parse(JSON.parse(Buffer.from(body, 'base64url').toString('utf8')));
      } catch {
        throw invalid();
      }
      if (parsed.f !== fingerprint || parsed.k.length !== keyCount) throw invalid();
      return { page: parsed.p, keys: parsed.k };
    },
  };
}
export type CursorCodec = ReturnType<typeof createCursorCodec>;
