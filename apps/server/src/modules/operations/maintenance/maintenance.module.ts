import type { FastifyInstance, preHandlerHookHandler } from 'fastify';
import { maintenanceRoutes } from './maintenance.routes.ts';
import { createMaintenanceService, type MaintenanceDeps } from './maintenance.service.ts';

/** The maintenance jobs' admin API. (Their workers and schedules: `registerMaintenanceJobs`.) */
export async function registerMaintenance(
  app: FastifyInstance,
  deps: MaintenanceDeps & { requireAdmin: preHandlerHookHandler },
) {
  const maintenance = createMaintenanceService(deps);
  await app.register(maintenanceRoutes({ maintenance, requireAdmin: deps.requireAdmin }), { prefix: '/api' });
  return maintenance;
}

/**
 * The maintenance jobs' workers and pg-boss schedules, without any route: the web app and
 * `npm run worker` both call it (the schedules are shared; a worker only takes jobs with JOBS_ENABLED).
 */
export async function registerMaintenanceJobs(deps: MaintenanceDeps): Promise<void> {
  await createMaintenanceService(deps).registerJobs();
}
