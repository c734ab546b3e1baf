import type { FastifyInstance, preHandlerHookHandler } from 'fastify';
import type { Config } from '../../config.ts';
import type { Database, Executor } from '../../db/client.ts';
import { requireRole } from '../../http/auth.ts';
import { versionedCaching } from '../../http/public-cache.ts';
import type { PageLoader } from '../../http/web.ts';
import type { Cache } from '../../platform/cache.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Secrets } from '../../platform/crypto.ts';
import type { Storage } from '../../platform/storage.ts';
import type { MailService } from '../notifications/mail.service.ts';
import { adminCatalogRoutes } from './admin-catalog.routes.ts';
import { type AuditEntry, auditRepo } from './audit.repo.ts';
import { type Actor, type CatalogDeps, loadEditableCourse } from './catalog.deps.ts';
import { catalogPageLoaders, isPublicCatalogPage } from './catalog.pages.ts';
import { catalogRoutes } from './catalog.routes.ts';
import { createCatalogService } from './catalog.service.ts';
import { createCatalogCache } from './catalog-cache.ts';
import { createCursorCodec } from './catalog-cursor.ts';
import { createCategoriesService } from './categories.service.ts';
import { createCourseWorkflowService } from './course-workflow.service.ts';
import { curriculumRoutes } from './curriculum.routes.ts';
import { createCurriculumService } from './curriculum.service.ts';
import { featuredRoutes } from './featured.routes.ts';
import { createFeaturedService } from './featured.service.ts';
import { courseInstructorsRoutes } from './instructors/course-instructors.routes.ts';
import { createCourseInstructorsService } from './instructors/course-instructors.service.ts';
import { createInstructorProfileService } from './instructors/instructor-profile.service.ts';
import { dailyVideosRoutes } from './media/daily-videos.routes.ts';
import { createDailyVideosService } from './media/daily-videos.service.ts';
import { createIntroVideoService } from './media/intro-video.service.ts';
import { createLessonMediaService } from './media/lesson-media.service.ts';
import { mediaRoutes } from './media/media.routes.ts';
import { seoRoutes } from './seo.routes.ts';
import { createSettingsService } from './settings.service.ts';
import { studioCoursesRoutes } from './studio-courses.routes.ts';
import { createStudioCoursesService } from './studio-courses.service.ts';
import { createThumbnailsService } from './thumbnails.service.ts';

/**
 * Builds the catalog services and registers their routes: the public catalog and files under `/api`,
 * the instructor studio, the admin's review queue, categories and settings, and `/sitemap.xml` and
 * `/robots.txt` at the root. Returns the page loaders for the server-rendered catalog pages.
 */
export async function registerCatalog(
  app: FastifyInstance,
  p: {
    config: Config;
    database: Database;
    cache: Cache;
    clock: Clock;
    storage: Storage;
    requireAdmin: preHandlerHookHandler;
    secrets: Pick<Secrets, 'hmac' | 'hmacCandidates'>;
    mail: Pick<MailService, 'write' | 'dispatch'>;
  },
) {
  const deps: CatalogDeps = {
    database: p.database,
    clock: p.clock,
    cache: createCatalogCache(p.cache),
    storage: p.storage,
    cursors: createCursorCodec(p.secrets),
    mail: p.mail,
    publicUrl: p.config.http.publicUrl,
  };
  // Every public catalog answer is a function of its URL, the catalog's version and the build.
  const caching = versionedCaching({
    policy: p.config.http.publicCache,
    version: deps.cache.version,
    salt: `${p.config.version}:${p.config.http.publicUrl.origin}`,
  });
  const requireInstructor = requireRole(
    { require2faForAdmins: p.config.admin.require2fa },
    'instructor',
    'admin',
  );
  const catalog = createCatalogService(deps);
  const courses = createStudioCoursesService(deps);
  const settings = createSettingsService(deps);
  const workflow = createCourseWorkflowService({ ...deps, settings });
  const thumbnails = createThumbnailsService(deps);

  await app.register(catalogRoutes({ catalog, thumbnails, caching }), { prefix: '/api' });
  await app.register(studioCoursesRoutes({ courses, workflow, thumbnails, requireInstructor }), {
    prefix: '/api',
  });
  await app.register(curriculumRoutes({ curriculum: createCurriculumService(deps), requireInstructor }), {
    prefix: '/api',
  });
  await app.register(
    adminCatalogRoutes({
      courses,
      workflow,
      categories: createCategoriesService(deps),
      settings,
      requireAdmin: p.requireAdmin,
    }),
    { prefix: '/api' },
  );
  await app.register(
    courseInstructorsRoutes({
      instructors: createCourseInstructorsService(deps),
      profiles: createInstructorProfileService(deps),
      requireInstructor,
    }),
    { prefix: '/api' },
  );
  const limits = p.config.uploads;
  await app.register(
    mediaRoutes({
      lessonMedia: createLessonMediaService({ ...deps, limits }),
      introVideo: createIntroVideoService({ ...deps, limits }),
      requireInstructor,
    }),
    { prefix: '/api' },
  );
  await app.register(
    dailyVideosRoutes({
      dailyVideos: createDailyVideosService({ ...deps, siteTimeZone: p.config.siteTimeZone }),
      requireInstructor,
    }),
    { prefix: '/api' },
  );
  const featured = createFeaturedService(deps);
  await app.register(featuredRoutes({ featured, caching, requireAdmin: p.requireAdmin }), { prefix: '/api' });
  await app.register(seoRoutes({ catalog, publicUrl: p.config.http.publicUrl, caching }));
  return {
    loaders: catalogPageLoaders({ catalog, featured }) as PageLoader[],
    /** Cards for course ids, for the learning dashboard. */
    summariesByIds: catalog.summariesByIds,
    /** The versioned cache of public catalog reads: every catalog write makes it stale (the player's outline). */
    cache: deps.cache,
    /** Mark every cached catalog read stale (enrollment counts moved). */
    invalidate: () => deps.cache.bump(),
    /** The studio's guard: instructors and admins (404 to anyone else). */
    requireInstructor,
    /** Which pages are public and what their ETags follow, for the page renderer. */
    publicPages: { isPublic: isPublicCatalogPage, version: deps.cache.version },
    /** Add to a course's audit trail, inside the caller's transaction (certificates, reviews). */
    recordAudit: (x: Executor, entry: AuditEntry & { actorId: string }) =>
      auditRepo.record(x, entry, p.clock.now()),
    /** The course `actor` may edit (its instructors, admins), or a 404: for other modules' studio parts. */
    editableCourse: async (actor: Actor, courseId: string) => {
      const { course } = await loadEditableCourse(p.database.db, actor, courseId);
      return { id: course.id, slug: course.slug, title: course.title };
    },
  };
}
