import { parseShopQuery } from '@9tangle/contracts';
import type { PageLoader } from '../../../http/web.ts';
import type { ProductCategoriesService } from './product-categories.service.ts';
import type { ProductReviewsService } from './product-reviews.service.ts';
import type { ShopService } from './shop.service.ts';

/** The shop's pages anyone sees the same: `/shop` and a product page (ADR 020's public caching). */
export function isPublicShopPage(path: string): boolean {
  return path === '/shop' || path === '/shop/' || /^\/shop\/[^/]+$/.test(path);
}

/** The product slug of `/shop/:slug`, or null for any other path. */
function productSlugOf(path: string): string | null {
  if (!path.startsWith('/shop/')) return null;
  const rest = path.slice('/shop/'.length);
  if (!rest || rest.includes('/')) return null;
  try {
    return decodeURIComponent(rest);
  } catch {
    return null;
  }
}

/**
 * The data of the shop pages, answered on the server under the query keys the web app uses
 * (`features/shop/shop-queries.ts`), so the HTML holds the whole page.
 */
export function shopPageLoaders(d: {
  shop: ShopService;
  categories: ProductCategoriesService;
  reviews: ProductReviewsService;
}): PageLoader[] {
  return [
    async ({ path, query }) => {
      if (path !== '/shop' && path !== '/shop/') return null;
      const q = parseShopQuery(query);
      const [categories, page] = await Promise.all([d.categories.listPublic(), d.shop.search(q)]);
      return [
        { key: ['shop-categories'], data: categories },
        { key: ['shop', q], data: page },
      ];
    },
    async ({ path }) => {
      const slug = productSlugOf(path);
      if (slug === null) return null;
      const product = await d.shop.getProduct(slug);
      const reviews = product ? await d.reviews.listPublic(slug, 1, 20) : null;
      return [
        { key: ['product', slug], data: product },
        ...(reviews ? [{ key: ['product-reviews', slug], data: reviews }] : []),
      ];
    },
  ];
}
