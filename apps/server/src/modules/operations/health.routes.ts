import { AdminHealth } from '@9tangle/contracts';
import type { preHandlerHookHandler } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { HealthService } from './health.service.ts';

/** `/api/health` (liveness), `/api/health/ready` (readiness), `/api/admin/health` (the full report). */
export const healthRoutes =
  (d: { health: HealthService; requireAdmin: preHandlerHookHandler }): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['health'];
    app.get(
      '/health',
      {
        config: { rateLimit: false },
        schema: { tags, response: { 200: z.object({ status: z.literal('ok') }) } },
      },
      async () => ({ status: 'ok' as const }),
    );
    app.get(
      '/health/ready',
      {
        config: { rateLimit: false },
        schema: {
          tags,
          response: {
            200: z.object({ status: z.literal('ready') }),
            503: z.object({ status: z.literal('not_ready'), reason: z.string() }),
          },
        },
      },
      async (_req, reply) => {
        const r = await d.health.ready();
        if (r.ready) return { status: 'ready' as const };
        return reply.code(503).send({ status: 'not_ready' as const, reason: r.reason ?? 'unknown' });
      },
    );
    app.get(
      '/admin/health',
      { preHandler: d.requireAdmin, schema: { tags, response: { 200: AdminHealth } } },
      async () => d.health.report(),
    );
  };
