import type { FastifyInstance, preHandlerHookHandler } from 'fastify';
import type { Database } from '../../../db/client.ts';
import type { Clock } from '../../../platform/clock.ts';
import { dashboardRoutes } from './dashboard.routes.ts';
import { createDashboardService } from './dashboard.service.ts';

/** The admin dashboard: `GET /api/admin/dashboard`. */
export async function registerDashboard(
  app: FastifyInstance,
  p: {
    database: Database;
    clock: Clock;
    siteTimeZone: string;
    cacheMs: number;
    requireAdmin: preHandlerHookHandler;
  },
): Promise<void> {
  const dashboard = createDashboardService(p);
  await app.register(dashboardRoutes({ dashboard, requireAdmin: p.requireAdmin }), { prefix: '/api' });
}
