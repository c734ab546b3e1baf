import {
  JobRunList,
  JobRunQuery,
  JobRunStarted,
  MaintenanceJobList,
  MaintenanceJobParams,
} from '@9tangle/contracts';
import type { preHandlerHookHandler } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { unauthenticated } from '../../../http/errors.ts';
import { audit } from '../audit/audit-trail.ts';
import type { MaintenanceService } from './maintenance.service.ts';

/** `/api/admin/maintenance/jobs`: the maintenance jobs, their runs, and running one now. */
export const maintenanceRoutes =
  (d: { maintenance: MaintenanceService; requireAdmin: preHandlerHookHandler }): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['admin'];
    app.get(
      '/admin/maintenance/jobs',
      { preHandler: d.requireAdmin, schema: { tags, response: { 200: MaintenanceJobList } } },
      async () => d.maintenance.list(),
    );
    app.get(
      '/admin/maintenance/jobs/:job/runs',
      {
        preHandler: d.requireAdmin,
        schema: {
          tags,
          params: MaintenanceJobParams,
          querystring: JobRunQuery,
          response: { 200: JobRunList },
        },
      },
      async (req) => d.maintenance.history(req.params.job, req.query),
    );
    app.post(
      '/admin/maintenance/jobs/:job/run',
      {
        preHandler: d.requireAdmin,
        schema: { tags, params: MaintenanceJobParams, response: { 202: JobRunStarted } },
      },
      async (req, reply) => {
        if (!req.user) throw unauthenticated();
        const run = await d.maintenance.requestRun(req.user, req.params.job);
        audit(req, {
          action: 'maintenance.run_requested',
          targetType: 'maintenance_job',
          targetId: req.params.job,
          after: { runId: run.id },
        });
        return reply.code(202).send({ run });
      },
    );
  };
