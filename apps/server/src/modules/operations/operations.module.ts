import type { FastifyInstance, preHandlerHookHandler } from 'fastify';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Jobs } from '../../platform/jobs.ts';
import type { CatalogVersionHearing } from '../catalog/catalog-cache.ts';
import type { SessionCache } from '../identity/session-cache.ts';
import type { MailService } from '../notifications/mail.service.ts';
import { defaultAuditReportPath } from './checks/advisories.check.ts';
import { checksRoutes } from './checks/checks.routes.ts';
import { createChecksService } from './checks/checks.service.ts';
import { defaultChecks } from './checks/registry.ts';
import { registerAppMetrics } from './metrics/app-metrics.ts';
import { metricsRoutes } from './metrics/metrics.routes.ts';
import type { Telemetry } from './metrics/telemetry.ts';

export const CHECKS_QUEUE = 'operations.checks';

/**
 * The automated checks (routes, the scheduled job) and `/metrics`. pg-boss runs a scheduled job once
 * across instances; a run started by hand at the same time is serialised by the service's lock.
 */
export async function registerOperations(
  app: FastifyInstance,
  d: {
    config: Config;
    database: Database;
    jobs: Jobs;
    clock: Clock;
    mail: MailService;
    telemetry: Telemetry;
    /** The sessions kept in this process, for their figures on `/metrics` (ADR 049). */
    sessionCache?: SessionCache;
    /** The catalog version kept in this process, for its figures on `/metrics` (ADR 052). */
    catalogVersion?: CatalogVersionHearing;
    requireAdmin: preHandlerHookHandler;
  },
) {
  const { config, telemetry, sessionCache, catalogVersion } = d;
  const checks = createChecksService({
    database: d.database,
    clock: d.clock,
    mail: d.mail,
    checks: defaultChecks(),
    context: {
      database: d.database,
      dataDir: config.dataDir,
      logDir: config.log.dir,
      errorLog: telemetry.errorLog,
      requests: telemetry.requests,
      runtime: telemetry.runtime,
      publicUrl: config.http.publicUrl,
      auditReportPath: defaultAuditReportPath(),
      listeners: [
        ...(sessionCache ? [{ name: 'sessions', hearing: () => sessionCache.hearing }] : []),
        ...(catalogVersion ? [{ name: 'catalog', hearing: catalogVersion.hearing }] : []),
      ],
    },
    alertEmails: config.operations.alertEmails,
    operationsUrl: new URL('/admin/operations', config.http.publicUrl).toString(),
    log: app.log,
  });
  await app.register(checksRoutes({ checks, requireAdmin: d.requireAdmin }), { prefix: '/api' });
  registerAppMetrics(telemetry.registry, {
    database: d.database,
    jobs: d.jobs,
    log: app.log,
    sessionCache: d.sessionCache,
    catalogVersion: d.catalogVersion,
  });
  await app.register(metricsRoutes({ registry: telemetry.registry, token: config.operations.metricsToken }));

  await d.jobs.work(CHECKS_QUEUE, async () => {
    await checks.run('schedule');
  });
  await d.jobs.schedule(CHECKS_QUEUE, config.operations.checksCron);
  return { checks };
}
