import type { FastifyInstance, preHandlerHookHandler } from 'fastify';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/client.ts';
import { versionedCaching } from '../../http/public-cache.ts';
import type { Cache } from '../../platform/cache.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Secrets } from '../../platform/crypto.ts';
import type { Storage } from '../../platform/storage.ts';
import { createCatalogCache } from '../catalog/catalog-cache.ts';
import type { MailService } from '../notifications/mail.service.ts';
import { contactRoutes } from './contact/contact.routes.ts';
import { createContactService } from './contact/contact.service.ts';
import { createContactThrottle } from './contact/contact-throttle.ts';
import type { ContentDeps } from './content.deps.ts';
import { contentPageLoaders, isPublicContentPage } from './content.pages.ts';
import { createContentImagesService } from './content-images.service.ts';
import { faqRoutes } from './faq/faq.routes.ts';
import { createFaqService } from './faq/faq.service.ts';
import { siteContentRoutes } from './pages/site-content.routes.ts';
import { createSiteContentService } from './pages/site-content.service.ts';
import { teamRoutes } from './team/team.routes.ts';
import { createTeamService } from './team/team.service.ts';

/**
 * Site content (issue 5 §1): the keyed blocks (home hero, page headers, contact details, About intro,
 * legal pages), the team, the FAQ, the contact form and its inbox, their images, and the data of the
 * server-rendered `/about`, `/contact`, `/faq`, `/privacy`, `/terms` and the home hero. Content shares
 * the catalog's cache version (ADR 029), so one counter and one ETag scheme cover every public page.
 */
export async function registerContent(
  app: FastifyInstance,
  p: {
    config: Config;
    database: Database;
    cache: Cache;
    clock: Clock;
    storage: Storage;
    secrets: Pick<Secrets, 'hmac'>;
    mail: Pick<MailService, 'write' | 'dispatch'>;
    requireAdmin: preHandlerHookHandler;
  },
) {
  const deps: ContentDeps = {
    database: p.database,
    clock: p.clock,
    storage: p.storage,
    cache: createCatalogCache(p.cache),
    mail: p.mail,
    secrets: p.secrets,
    publicUrl: p.config.http.publicUrl,
  };
  const caching = versionedCaching({
    policy: p.config.http.publicCache,
    version: deps.cache.version,
    salt: `${p.config.version}:${p.config.http.publicUrl.origin}`,
  });
  const routeDeps = { requireAdmin: p.requireAdmin, caching };
  const images = createContentImagesService(deps);
  const content = createSiteContentService({ ...deps, images });
  const team = createTeamService({ ...deps, images });
  const faq = createFaqService(deps);
  const contact = createContactService({
    ...deps,
    throttle: createContactThrottle(p.cache, p.config.content.contactMaxPerHour),
  });
  await app.register(siteContentRoutes({ ...routeDeps, content, images }), { prefix: '/api' });
  await app.register(teamRoutes({ ...routeDeps, team }), { prefix: '/api' });
  await app.register(faqRoutes({ ...routeDeps, faq }), { prefix: '/api' });
  await app.register(contactRoutes({ requireAdmin: p.requireAdmin, contact }), { prefix: '/api' });
  return {
    loaders: contentPageLoaders({ content, team, faq }),
    /** `/about`, `/contact`, `/faq`, `/privacy`, `/terms`: public, under the catalog's version. */
    isPublicPage: isPublicContentPage,
  };
}
