import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import type { Config } from './config.ts';
import type { Database } from './db/client.ts';
import { registerAuth, requireRole } from './http/auth.ts';
import { registerDrain } from './http/drain.ts';
import { frameworkErrors, registerErrorHandler } from './http/error-handler.ts';
import { notFound } from './http/errors.ts';
import { createFastSerializerCompiler } from './http/fast-serializer.ts';
import { registerInputGuards } from './http/input-guards.ts';
import { registerOverload } from './http/overload.ts';
import { registerSecurity } from './http/security.ts';
import { allowLongUploads } from './http/uploads.ts';
import { registerWeb } from './http/web.ts';
import { registerCatalog } from './modules/catalog/catalog.module.ts';
import { hearCatalogChanges } from './modules/catalog/catalog-cache.ts';
import { registerCommerce } from './modules/commerce/commerce.module.ts';
import { registerAnnouncements } from './modules/content/announcements/announcements.module.ts';
import { registerContent } from './modules/content/content.module.ts';
import { registerIdentity } from './modules/identity/identity.module.ts';
import { createSessionService, listenForAuthChanges } from './modules/identity/sessions.service.ts';
import { registerCertificatesAndReviews } from './modules/learning/certificates/certificates-reviews.module.ts';
import { registerLearning } from './modules/learning/learning.module.ts';
import { isSharedLearningPage } from './modules/learning/learning.pages.ts';
import { registerLearningMedia } from './modules/learning/media/learning-media.module.ts';
import { registerQuizzes } from './modules/learning/quizzes/quiz.module.ts';
import {
  createMailService,
  MAIL_QUEUE,
  MAIL_SWEEP_QUEUE,
  type MailService,
} from './modules/notifications/mail.service.ts';
import { outboxRoutes } from './modules/notifications/outbox.routes.ts';
import { auditRoutes } from './modules/operations/audit/audit.routes.ts';
import { registerAuditTrail } from './modules/operations/audit/audit-trail.ts';
import { registerBackups } from './modules/operations/backups/backups.module.ts';
import { registerDashboard } from './modules/operations/dashboard/dashboard.module.ts';
import { healthRoutes } from './modules/operations/health.routes.ts';
import { createHealthService } from './modules/operations/health.service.ts';
import {
  registerMaintenance,
  registerMaintenanceJobs,
} from './modules/operations/maintenance/maintenance.module.ts';
import { registerTelemetry } from './modules/operations/metrics/telemetry.ts';
import { registerOperations } from './modules/operations/operations.module.ts';
import type { Cache } from './platform/cache.ts';
import type { Clock } from './platform/clock.ts';
import { createSecrets } from './platform/crypto.ts';
import type { Jobs } from './platform/jobs.ts';
import type { MailTransport } from './platform/mail-transport.ts';
import type { Storage } from './platform/storage.ts';

export interface RouteEntry {
  method: string;
  url: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route registered on the app (method and URL pattern), HEAD left out. */
    routeTable: RouteEntry[];
  }
}

export interface AppDeps {
  config: Config;
  logger: Logger;
  database: Database;
  cache: Cache;
  jobs: Jobs;
  mailTransport: MailTransport;
  storage: Storage;
  clock: Clock;
  /** Where the built web app lives (`apps/web/dist`); without it, only the API is served. */
  webDist?: string | null;
}

/** Build the whole application: plugins, then one line per module. It never listens (tests inject). */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config, database, cache, jobs, clock } = deps;
  const app = Fastify({
    loggerInstance: deps.logger as FastifyBaseLogger,
    // proxy-addr takes a hop count as well as addresses.
    trustProxy: config.http.trustProxy as boolean | string,
    bodyLimit: config.http.bodyLimit,
    requestTimeout: config.http.requestTimeoutMs,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    routerOptions: { maxParamLength: 200 },
    frameworkErrors,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{8,64}$/.test(given) ? given : randomUUID();
    },
  }).withTypeProvider<ZodTypeProvider>();
  // Every route, as registered: the admin-route sweep and the security suite's policy table read it.
  const routeTable: RouteEntry[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (r) => {
    for (const method of [r.method].flat()) if (method !== 'HEAD') routeTable.push({ method, url: r.url });
  });
  registerDrain(app);
  app.setValidatorCompiler(validatorCompiler);
  // Compiled from each route's response schema; the tests check every answer against zod's (ADR 055).
  app.setSerializerCompiler(createFastSerializerCompiler({ verify: config.env === 'test' }));
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });

  registerErrorHandler(app);
  registerInputGuards(app);
  allowLongUploads(app);
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: 10 * 1024 * 1024, files: 1, fields: 20 } });
  const secrets = createSecrets(config.secrets.session, config.secrets.previous);
  const sessions = createSessionService({
    database,
    clock,
    secrets,
    idleMs: config.session.idleMs,
    absoluteMs: config.session.absoluteMs,
  });
  // Sessions are kept in this process while the database's announcements of auth changes are heard.
  const stopHearingAuthChanges = await listenForAuthChanges(database, sessions.cache);
  app.addHook('onClose', stopHearingAuthChanges);
  // And the catalog's version, while the announcements of its bumps are heard (ADR 052).
  const catalogVersion = await hearCatalogChanges(database, cache);
  app.addHook('onClose', catalogVersion.stop);
  // Security headers first, so even an early 403 or 503 from the session hook carries them.
  await registerSecurity(app, config, cache);
  // Load shedding before the session lookup, so a refused request costs no query (ADR 043).
  const overload = await registerOverload(app, {
    ...config.http.overload,
    maxConnections: config.http.maxConnections,
  });
  registerAuth(app, {
    sessions,
    cookieName: config.session.cookieName,
    corsOrigins: config.http.corsOrigins,
    publicUrl: config.http.publicUrl,
    require2faForAdmins: config.admin.require2fa,
  });
  registerAuditTrail(app, { database, log: deps.logger });
  const telemetry = registerTelemetry(app, { logger: deps.logger, overload });
  await app.register(swagger, {
    openapi: {
      info: { title: '9tangle LMS API', version: config.version },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          cookie: { type: 'apiKey', in: 'cookie', name: config.session.cookieName },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  const requireAdmin = requireRole({ require2faForAdmins: config.admin.require2fa }, 'admin');
  const mail = createMailService({
    database,
    jobs,
    transport: deps.mailTransport,
    storage: deps.storage,
    secrets,
    from: config.mail.from,
    log: app.log,
    clock,
  });
  const identity = await registerIdentity(app, {
    config,
    database,
    cache,
    clock,
    secrets,
    storage: deps.storage,
    sessions,
    mail,
    requireAdmin,
  });
  const catalog = await registerCatalog(app, {
    config,
    database,
    cache,
    clock,
    storage: deps.storage,
    requireAdmin,
    secrets,
    mail,
  });
  const certificatesAndReviews = await registerCertificatesAndReviews(app, {
    database,
    clock,
    publicUrl: config.http.publicUrl,
    log: app.log,
    mail,
    userContact: identity.userContact,
    courseSummaries: catalog.summariesByIds,
    recordAudit: catalog.recordAudit,
    onRatingsChange: catalog.invalidate,
    requireAdmin,
    requireInstructor: requireRole({ require2faForAdmins: config.admin.require2fa }, 'instructor', 'admin'),
  });
  const learning = await registerLearning(app, {
    database,
    clock,
    courseSummaries: catalog.summariesByIds,
    catalogCache: catalog.cache,
    onEnrollmentChange: catalog.invalidate,
    requireInstructor: catalog.requireInstructor,
    onCourseCompleted: certificatesAndReviews.onCourseCompleted,
  });
  await registerQuizzes(app, {
    database,
    clock,
    recordQuizPassed: (user, lessonId) => learning.player.recordQuizPassed(user, lessonId),
    editableCourse: catalog.editableCourse,
    require2faForAdmins: config.admin.require2fa,
  });
  await registerLearningMedia(app, { config, database, clock, storage: deps.storage });
  const commerce = await registerCommerce(app, {
    config,
    database,
    cache,
    clock,
    jobs,
    storage: deps.storage,
    secrets,
    mail,
    log: app.log,
    enrollments: learning.enrollments,
    onEnrollmentChange: catalog.invalidate,
    userContact: identity.userContact,
    requireAdmin,
    requireInstructor: catalog.requireInstructor,
  });
  // The header's cart badge comes with the signed-in state: no page asks for the whole cart for it.
  identity.addToMe(async (user) => ({ cartCount: await commerce.cartUnitsOf(user.id) }));
  const content = await registerContent(app, {
    config,
    database,
    cache,
    clock,
    storage: deps.storage,
    secrets,
    mail,
    requireAdmin,
  });
  await app.register(outboxRoutes({ mail, requireAdmin }), { prefix: '/api' });
  await app.register(auditRoutes({ database, requireAdmin }), { prefix: '/api' });
  const health = createHealthService({
    database,
    cache,
    jobs,
    mailTransport: deps.mailTransport.kind,
    version: config.version,
    failedMailSince: mail.failedSince,
  });
  await app.register(healthRoutes({ health, requireAdmin }), { prefix: '/api' });
  await registerOperations(app, {
    config,
    database,
    jobs,
    clock,
    mail,
    telemetry,
    requireAdmin,
    sessionCache: sessions.cache,
    catalogVersion,
  });
  await registerBackups(app, { config, database, jobs, clock, log: deps.logger, requireAdmin });
  await registerDashboard(app, {
    database,
    clock,
    siteTimeZone: config.siteTimeZone,
    cacheMs: config.operations.dashboardCacheMs,
    requireAdmin,
  });
  const announcements = await registerAnnouncements(app, {
    database,
    cache,
    clock,
    siteTimeZone: config.siteTimeZone,
    requireAdmin,
  });

  await registerMaintenance(app, { config, database, jobs, clock, log: app.log, requireAdmin });
  await registerJobs({ ...deps, mail });

  if (deps.webDist) {
    const isPublic = (p: string) =>
      catalog.publicPages.isPublic(p) || commerce.shop.isPublicPage(p) || content.isPublicPage(p);
    await registerWeb(app, {
      webDist: deps.webDist,
      publicUrl: config.http.publicUrl,
      loadMe: identity.loadMe,
      loaders: [
        ...announcements.loaders,
        ...catalog.loaders,
        ...certificatesAndReviews.loaders,
        ...commerce.shop.loaders,
        ...content.loaders,
      ],
      publicPages: {
        isPublic,
        // The shared version (catalog, shop, content, announcements: ADR 029) and the banners the
        // viewer sees, read in one go (ADR 035, 039).
        version: announcements.pageVersion,
        // Signed in, the public pages and the learning pages are kept per role (ADR 039); the contact
        // form is filled in with the account's name and address, so it is rendered per request.
        isShared: (p) => (isPublic(p) && p !== '/contact') || isSharedLearningPage(p),
      },
      publicCache: config.http.publicCache,
      version: config.version,
    });
  }
  app.setNotFoundHandler({ preHandler: app.rateLimit() }, async () => {
    throw notFound('page');
  });
  return app;
}

/**
 * The job workers and schedules that belong to no route module: mail delivery and its sweep, the
 * maintenance jobs. `buildApp` calls it, so a web process with JOBS_ENABLED works them too; the
 * worker (`worker.ts`) runs them through `buildApp` without listening. Add an operations job here.
 * (Modules whose jobs need their routes' services — the commerce sweeps — register their own.)
 */
export async function registerJobs(
  deps: Pick<AppDeps, 'config' | 'database' | 'jobs' | 'clock'> & { logger: Logger; mail: MailService },
): Promise<void> {
  const { jobs, mail } = deps;
  await jobs.work<{ id: string }>(MAIL_QUEUE, (data) => mail.deliver(data.id), {
    pollingIntervalSeconds: 0.5,
  });
  await jobs.work(MAIL_SWEEP_QUEUE, async () => {
    await mail.sweep();
  });
  await jobs.schedule(MAIL_SWEEP_QUEUE, '* * * * *');
  await registerMaintenanceJobs({ ...deps, log: deps.logger });
}
