import type { preHandlerHookHandler } from 'fastify';
import type { Database } from '../../db/client.ts';
import type { CachingHooks } from '../../http/public-cache.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Secrets } from '../../platform/crypto.ts';
import type { Storage } from '../../platform/storage.ts';
import type { CatalogCache } from '../catalog/catalog-cache.ts';
import type { MailService } from '../notifications/mail.service.ts';

/** Storage prefix of content images (hero, page headers, team photos). */
export const CONTENT_IMAGE_PREFIX = 'content';

/** What the content services share. `cache` is the catalog's: one version covers every public page. */
export interface ContentDeps {
  database: Database;
  clock: Clock;
  storage: Storage;
  cache: CatalogCache;
  mail: Pick<MailService, 'write' | 'dispatch'>;
  secrets: Pick<Secrets, 'hmac'>;
  publicUrl: URL;
}

/** What the route plugins share. */
export interface ContentRouteDeps {
  requireAdmin: preHandlerHookHandler;
  caching: CachingHooks;
}
