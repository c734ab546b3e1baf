import type { FastifyInstance, preHandlerHookHandler } from 'fastify';
import type { Logger } from 'pino';
import type { Database } from '../../../db/client.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Jobs } from '../../../platform/jobs.ts';
import type { BackupConfig } from './backup.service.ts';
import { backupsRoutes } from './backups.routes.ts';
import { createBackupsService } from './backups.service.ts';

/** Backups, restores and the restore drill (issue 5 §4): the service, its jobs and the admin routes. */
export async function registerBackups(
  app: FastifyInstance,
  d: {
    config: BackupConfig;
    database: Database;
    jobs: Jobs;
    clock: Clock;
    log: Pick<Logger, 'info' | 'error' | 'warn'>;
    requireAdmin: preHandlerHookHandler;
  },
) {
  const backups = createBackupsService(d);
  await backups.registerJobs();
  await app.register(backupsRoutes({ backups, requireAdmin: d.requireAdmin }), { prefix: '/api' });
  return backups;
}
