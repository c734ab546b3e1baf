import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueWord } from '../../../../test/catalog.ts';
import { createTestApp, type TestApp } from '../../../../test/harness.ts';
import type { PageLoader } from '../../../http/web.ts';
import { createSecrets } from '../../../platform/crypto.ts';
import { createCatalogCache } from '../../catalog/catalog-cache.ts';
import { createCursorCodec } from '../../catalog/catalog-cursor.ts';
import { createProductCategoriesService } from './product-categories.service.ts';
import { createProductReviewsService } from './product-reviews.service.ts';
import { isPublicShopPage, shopPageLoaders } from './shop.pages.ts';
import { createShopService } from './shop.service.ts';
import { activeProduct } from './shop-test-support.ts';

// The loaders are tested as functions (rendering needs the built web app; e2e/shop.test.ts renders).
let t: TestApp;
let loaders: PageLoader[];
beforeAll(async () => {
  t = await createTestApp();
  const deps = {
    database: t.platform.database,
    clock: t.platform.clock,
    cache: createCatalogCache(t.platform.cache),
    cursors: createCursorCodec(createSecrets(t.config.secrets.session, null)),
  };
  loaders = shopPageLoaders({
    shop: createShopService(deps),
    categories: createProductCategoriesService(deps),
    reviews: createProductReviewsService(deps),
  });
});
afterAll(async () => t?.close());

async function seeded(url: string) {
  const [path = '/', qs = ''] = url.split('?');
  const out = [];
  for (const load of loaders) {
    const found = await load({ path, query: new URLSearchParams(qs), role: null });
    if (found) out.push(...found);
  }
  return out;
}

describe('shop page loaders', () => {
  it('seed /shop with the categories and the page under the parsed query (cursor dropped)', async () => {
    const word = uniqueWord();
    await activeProduct(t, { name: `Loader ${word}` });
    const queries = await seeded(`/shop?q=${word}&type=digital&cursor=x&page=1`);
    expect(queries.map((q) => q.key)).toEqual([
      ['shop-categories'],
      ['shop', { q: word, type: 'digital', page: 1, limit: 12 }],
    ]);
    expect(queries[1]?.data).toMatchObject({ items: [{ name: `Loader ${word}` }], pageInfo: { total: 1 } });
  });

  it('seed a product page with the product and its reviews, and null for a draft', async () => {
    const product = await activeProduct(t);
    const queries = await seeded(`/shop/${product.slug}`);
    expect(queries.map((q) => q.key)).toEqual([
      ['product', product.slug],
      ['product-reviews', product.slug],
    ]);
    const draft = await activeProduct(t, { status: 'draft' });
    expect(await seeded(`/shop/${draft.slug}`)).toEqual([{ key: ['product', draft.slug], data: null }]);
    expect(await seeded('/shop/a/b')).toEqual([]);
  });

  it('treats the shop and product pages as public, and nothing under them deeper', () => {
    expect(['/shop', '/shop/', '/shop/notebook'].every(isPublicShopPage)).toBe(true);
    expect(['/shop/a/b', '/shopping', '/admin/products'].some(isPublicShopPage)).toBe(false);
  });
});
