import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest, onSendHookHandler, preHandlerHookHandler } from 'fastify';

/**
 * HTTP caching of the public, anonymous reads (ADR 020). Their answers depend only on the URL, the
 * catalog's version counter, the build, and for pages the language: so the ETag is made from those
 * alone, and a matching `If-None-Match` is answered 304 before any data is read or any page rendered.
 */
export interface PublicCachePolicy {
  /** How long any cache may reuse an answer without asking. */
  maxAgeSeconds: number;
  /** How much longer a cache may serve it while it revalidates in the background. */
  staleWhileRevalidateSeconds: number;
}

export const publicCacheControl = (p: PublicCachePolicy) =>
  `public, max-age=${p.maxAgeSeconds}, stale-while-revalidate=${p.staleWhileRevalidateSeconds}`;
/** Signed-in pages: they carry the user and the CSRF token, so nothing may keep them. */
export const PRIVATE_NO_STORE = 'private, no-store';
/** Signed-in reads of public data: the browser may keep them but asks every time (ETag, 304). */
export const PRIVATE_REVALIDATE = 'private, no-cache';

/** A weak validator (the bytes differ with compression; the meaning does not). */
export function weakEtag(...parts: string[]): string {
  return `W/"${createHash('sha256').update(parts.join('\0')).digest('base64url').slice(0, 27)}"`;
}

/** `If-None-Match` matches `etag` by the weak comparison (RFC 9110 §13.1.2): a list, or `*`. */
export function ifNoneMatchHits(header: string | string[] | undefined, etag: string): boolean {
  if (!header) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  const want = opaque(etag);
  return [header]
    .flat()
    .flatMap((h) => h.split(','))
    .some((tag) => tag.trim() === '*' || opaque(tag) === want);
}

/** Add header names to `Vary`, keeping those already there (compression adds Accept-Encoding). */
export function addVary(reply: FastifyReply, ...names: string[]): void {
  const current = String(reply.getHeader('vary') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const lower = new Set(current.map((s) => s.toLowerCase()));
  const merged = [...current, ...names.filter((n) => !lower.has(n.toLowerCase()))];
  reply.header('vary', merged.join(', '));
}

/** True when the reply sets a cookie: such an answer is never stored by a shared cache. */
export const setsCookie = (reply: FastifyReply) => reply.getHeader('set-cookie') !== undefined;

export interface CachingHooks {
  preHandler: preHandlerHookHandler;
  onSend: onSendHookHandler;
}

/**
 * Route hooks for a public JSON or text GET: `preHandler` sends the ETag and answers a revalidation
 * with 304 (no body, nothing loaded); `onSend` sets Cache-Control — public for anonymous 200s,
 * `private, no-cache` for signed-in readers (the same data, but never in a shared cache), and
 * `no-store` for any error or "not found", which must not be kept anywhere.
 */
export function versionedCaching(o: {
  policy: PublicCachePolicy;
  /** The current version of everything these answers are made from. */
  version: () => Promise<string>;
  /** What else they depend on: the build, the site's address. */
  salt: string;
}): CachingHooks {
  const control = (req: FastifyRequest) => (req.user ? PRIVATE_REVALIDATE : publicCacheControl(o.policy));
  return {
    async preHandler(req, reply) {
      const etag = weakEtag(o.salt, await o.version(), req.url);
      reply.header('etag', etag);
      if (!ifNoneMatchHits(req.headers['if-none-match'], etag)) return;
      await reply.code(304).send();
      return reply;
    },
    async onSend(req, reply, payload) {
      const ok = reply.statusCode === 200 || reply.statusCode === 304;
      if (!ok) reply.removeHeader('etag');
      reply.header('cache-control', ok && !setsCookie(reply) ? control(req) : 'no-store');
      // Signing in changes the Cache-Control: a browser must not reuse its anonymous copy for the account.
      addVary(reply, 'Cookie');
      return payload;
    },
  };
}
