import { announcementAudienceOf, type Role } from '@9tangle/contracts';
import type { FastifyInstance, preHandlerHookHandler } from 'fastify';
import type { Database } from '../../../db/client.ts';
import type { PageLoader } from '../../../http/web.ts';
import type { Cache } from '../../../platform/cache.ts';
import type { Clock } from '../../../platform/clock.ts';
import { createCatalogCache } from '../../catalog/catalog-cache.ts';
import { announcementsRoutes } from './announcements.routes.ts';
import { createAnnouncementsService } from './announcements.service.ts';

/** The query key of a viewer's banners (the web app's `useAnnouncements` asks for the same). */
export const announcementsQueryKey = (audience: string) => ['announcements', audience];

/**
 * Announcements: the admin API, the public list, and the banners of every server-rendered page.
 * It shares the catalog's version counter (ADR 029): a write bumps it, so every public page's ETag
 * changes; `pageVersion` adds what the clock changes (a window opening or closing).
 */
export async function registerAnnouncements(
  app: FastifyInstance,
  p: {
    database: Database;
    cache: Cache;
    clock: Clock;
    siteTimeZone: string;
    requireAdmin: preHandlerHookHandler;
  },
) {
  const announcements = createAnnouncementsService({
    database: p.database,
    clock: p.clock,
    cache: createCatalogCache(p.cache),
    siteTimeZone: p.siteTimeZone,
  });
  await app.register(announcementsRoutes({ announcements, requireAdmin: p.requireAdmin }), {
    prefix: '/api',
  });
  /** Every page carries the banners its viewer sees, so they are in the HTML before any script runs. */
  const loader: PageLoader = async ({ role }) => {
    const audience = announcementAudienceOf(role);
    return [{ key: announcementsQueryKey(audience), data: { items: await announcements.shownTo(audience) } }];
  };
  /**
   * The version of a page for a viewer of `role` (null: a guest): the shared version every catalog,
   * shop, content and announcement write bumps, and the banners that viewer sees now (ADR 035, 039).
   */
  const pageVersion = (role: Role | null) => announcements.pageVersion(announcementAudienceOf(role));
  return { loaders: [loader], pageVersion };
}
