import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Registry } from 'prom-client';
import { notFound, unauthenticated } from '../../../http/errors.ts';

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Compare a presented bearer token with the configured one in constant time. */
export function bearerMatches(header: string | undefined, token: string): boolean {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  // Hash both sides: equal lengths for timingSafeEqual, and the comparison time says nothing of either.
  return m?.[1] !== undefined && timingSafeEqual(digest(m[1]), digest(token));
}

/**
 * `GET /metrics`: the Prometheus text format, for a scraper holding `METRICS_TOKEN`. Without a token
 * configured the endpoint does not exist (404). Outside `/api`, so the API limiter never counts it,
 * and logged at warn only, so a scrape every 15 s does not fill the access log.
 */
export const metricsRoutes =
  (d: { registry: Registry; token: string | null }): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/metrics',
      { logLevel: 'warn', config: { rateLimit: false }, schema: { hide: true } },
      async (req, reply) => {
        if (!d.token) throw notFound('page');
        if (!bearerMatches(req.headers.authorization, d.token)) {
          reply.header('www-authenticate', 'Bearer realm="metrics"');
          throw unauthenticated('A valid bearer token is needed for /metrics');
        }
        const text = await d.registry.metrics();
        return reply.type(d.registry.contentType).header('cache-control', 'no-store').send(text);
      },
    );
  };
