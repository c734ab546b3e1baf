import { AdminDashboard, DashboardQuery } from '@9tangle/contracts';
import type { preHandlerHookHandler } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { DashboardService } from './dashboard.service.ts';

/** `GET /api/admin/dashboard`: the admin panel's home figures. */
export const dashboardRoutes =
  (d: { dashboard: DashboardService; requireAdmin: preHandlerHookHandler }): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/admin/dashboard',
      {
        preHandler: d.requireAdmin,
        schema: { tags: ['admin'], querystring: DashboardQuery, response: { 200: AdminDashboard } },
      },
      async (req, reply) => {
        // Figures about money and people: never kept by a shared cache, re-read on every visit.
        reply.header('cache-control', 'private, no-store');
        return d.dashboard.get(req.query);
      },
    );
  };
