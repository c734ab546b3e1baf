import type { FastifyInstance } from 'fastify';
import { versionedCaching } from '../../../http/public-cache.ts';
import type { PageLoader } from '../../../http/web.ts';
import { createCatalogCache } from '../../catalog/catalog-cache.ts';
import { createCursorCodec } from '../../catalog/catalog-cursor.ts';
import type { CommerceDeps } from '../commerce.deps.ts';
import { createProductCategoriesService } from './product-categories.service.ts';
import { createProductFileService } from './product-file.service.ts';
import { createProductImagesService } from './product-images.service.ts';
import { createProductReviewsService } from './product-reviews.service.ts';
import { createProductsAdminService } from './products-admin.service.ts';
import type { ShopDeps } from './shop.deps.ts';
import { isPublicShopPage, shopPageLoaders } from './shop.pages.ts';
import { shopRoutes } from './shop.routes.ts';
import { createShopService } from './shop.service.ts';
import { shopAdminRoutes } from './shop-admin.routes.ts';

/**
 * The shop: product categories, products with their images and digital files, buyers' reviews, the
 * public shop API and its pages' server-side data. Returns the page loaders and which pages are public.
 */
export async function registerShop(app: FastifyInstance, c: CommerceDeps) {
  const deps: ShopDeps = {
    database: c.database,
    clock: c.clock,
    storage: c.storage,
    cache: createCatalogCache(c.cache),
    cursors: createCursorCodec(c.secrets),
    currencies: c.config.commerce.currencies,
    productFileMaxBytes: c.config.commerce.productFileMaxBytes,
  };
  const caching = versionedCaching({
    policy: c.config.http.publicCache,
    version: deps.cache.version,
    salt: `${c.config.version}:${c.config.http.publicUrl.origin}`,
  });
  const categories = createProductCategoriesService(deps);
  const images = createProductImagesService(deps);
  const reviews = createProductReviewsService(deps);
  const shop = createShopService(deps);
  await app.register(
    shopAdminRoutes({
      categories,
      products: createProductsAdminService(deps),
      images,
      file: createProductFileService(deps),
      requireAdmin: c.requireAdmin,
    }),
    { prefix: '/api' },
  );
  await app.register(
    shopRoutes({ shop, categories, images, reviews, caching, requireAdmin: c.requireAdmin }),
    {
      prefix: '/api',
    },
  );
  return {
    loaders: shopPageLoaders({ shop, categories, reviews }) as PageLoader[],
    /** Shop pages share the catalog's version counter, so the catalog's `publicPages.version` covers them. */
    isPublicPage: isPublicShopPage,
  };
}
