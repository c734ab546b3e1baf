import compress from '@fastify/compress';
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.ts';
import type { Cache } from '../platform/cache.ts';
import { registerAnswerCompression } from './compress-answers.ts';
import { HELD_SUBMITS_CSP_SOURCE } from './held-submits.ts';
import { leasedRedisStore } from './rate-limit-leases.ts';
import { staticSecurityHeaders } from './security-headers.ts';

/**
 * Security headers (a CSP with no inline script but one, by its hash), CORS from the allowlist, compression, and rate limits:
 * `/api` gets 100 requests per 15 minutes per IP by default (the maintenance guide's figure) — signed-in
 * users are counted per account with a larger allowance — shared through Redis when configured.
 */
export async function registerSecurity(app: FastifyInstance, config: Config, cache: Cache): Promise<void> {
  const https = config.http.publicUrl.protocol === 'https:';
  const securityHeaders = staticSecurityHeaders({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        // The one inline script, by its hash: it holds a form sent before the app has hydrated.
        scriptSrc: ["'self'", HELD_SUBMITS_CSP_SOURCE],
        styleSrc: ["'self'"],
        // Style attributes (set by UI primitives when positioning popovers) cannot run code.
        styleSrcAttr: ["'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        // Lesson videos given as YouTube or Vimeo links play in those sites' embed players.
        frameSrc: ["'self'", 'https://www.youtube-nocookie.com', 'https://player.vimeo.com'],
        // Video lessons may link a file on any https host; they play in a plain <video> element.
        mediaSrc: ["'self'", 'https:'],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        ...(https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    hsts: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
  });
  app.addHook('onRequest', async (_req, reply) => {
    reply.headers(securityHeaders);
  });
  await app.register(cors, {
    origin: config.http.corsOrigins.length ? config.http.corsOrigins : false,
    credentials: true,
  });
  await app.register(compress, { threshold: 1024 });
  registerAnswerCompression(app);
  await app.register(rateLimit, {
    global: true,
    hook: 'preHandler', // after the session is resolved, so signed-in users are counted per account
    max: (req) => (req.user ? config.rateLimit.apiUserMax : config.rateLimit.apiMax),
    timeWindow: config.rateLimit.apiWindowMs,
    keyGenerator: (req) => (req.user ? `u:${req.user.id}` : `ip:${req.ip}`),
    allowList: (req) => !req.url.startsWith('/api/'),
    // Shared through Redis by leases of several requests (ADR 054), not a round trip per request.
    ...(cache.redis ? { store: leasedRedisStore(cache.redis, 'rl:'), skipOnError: true } : {}),
    errorResponseBuilder: (_req, ctx) => ({
      statusCode: 429,
      code: 'rate_limited',
      message: `Too many requests; try again in ${Math.ceil(ctx.ttl / 1000)} s`,
    }),
  });
}
