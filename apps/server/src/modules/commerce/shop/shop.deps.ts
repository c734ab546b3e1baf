import type { Config } from '../../../config.ts';
import type { Database } from '../../../db/client.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Storage } from '../../../platform/storage.ts';
import type { CatalogCache } from '../../catalog/catalog-cache.ts';
import type { CursorCodec } from '../../catalog/catalog-cursor.ts';

/** What the shop's services are built from. */
export interface ShopDeps {
  database: Database;
  clock: Clock;
  storage: Storage;
  /**
   * The catalog's versioned cache (ADR 029): shop reads are cached under its version counter, and every
   * shop write bumps it, so one version (and one ETag scheme) covers all public pages.
   */
  cache: CatalogCache;
  cursors: CursorCodec;
  /** The currencies the academy sells in. */
  currencies: string[];
  productFileMaxBytes: Config['commerce']['productFileMaxBytes'];
}

/** Where product images live in storage (public, through a checked route) and the private files. */
export const IMAGE_PREFIX = 'product-images';
export const FILE_PREFIX = 'product-files';
