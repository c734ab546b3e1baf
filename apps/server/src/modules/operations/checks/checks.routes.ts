import {
  CheckHistory,
  CheckHistoryQuery,
  CheckIdParams,
  CheckList,
  CheckRunResult,
} from '@9tangle/contracts';
import type { preHandlerHookHandler } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { currentUser } from '../../../http/auth.ts';
import { audit } from '../audit/audit-trail.ts';
import type { ChecksService } from './checks.service.ts';

/** The automated checks of the operations page: their states, a run on demand, each one's history. */
export const checksRoutes =
  (d: { checks: ChecksService; requireAdmin: preHandlerHookHandler }): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['operations'];
    app.get(
      '/admin/operations/checks',
      { preHandler: d.requireAdmin, schema: { tags, response: { 200: CheckList } } },
      async () => d.checks.list(),
    );
    app.post(
      '/admin/operations/checks/run',
      {
        preHandler: d.requireAdmin,
        schema: { tags, body: z.object({}).strict().optional(), response: { 200: CheckRunResult } },
      },
      async (req) => {
        const result = await d.checks.run(`admin:${currentUser(req).id}`);
        audit(req, { action: 'checks.run', targetType: 'checks', after: { changed: result.changed } });
        return result;
      },
    );
    app.get(
      '/admin/operations/checks/:id/history',
      {
        preHandler: d.requireAdmin,
        schema: {
          tags,
          params: CheckIdParams,
          querystring: CheckHistoryQuery,
          response: { 200: CheckHistory },
        },
      },
      async (req) => d.checks.history(req.params.id, req.query.limit),
    );
  };
