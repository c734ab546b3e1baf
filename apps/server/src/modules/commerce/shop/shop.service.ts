import { createHash } from 'node:crypto';
import { type ProductDetail, type ShopPage, type ShopQuery, Slug } from '@9tangle/contracts';
import { productsRepo } from './products.repo.ts';
import type { ShopDeps } from './shop.deps.ts';
import { toProductDetail, toProductSummary } from './shop.mappers.ts';
import { shopSearchRepo, shopSortKeys } from './shop-search.repo.ts';

/** The key of a shop query, the same however its fields were ordered or cased. */
function queryKey(q: ShopQuery): string {
  const normal: Record<string, unknown> = { ...q, q: q.q?.toLowerCase() || undefined };
  return JSON.stringify(Object.fromEntries(Object.entries(normal).sort(([a], [b]) => a.localeCompare(b))));
}

/** What a cursor is bound to: every filter, the sort and the limit (not the page or the cursor). */
function fingerprintOf(q: ShopQuery, sort: string): string {
  const { page: _p, cursor: _c, ...rest } = q;
  const text = queryKey({ ...rest, sort } as ShopQuery);
  return `shop:${createHash('sha256').update(text).digest('base64url').slice(0, 16)}`;
}

/** The public shop: active products only, served from the versioned cache. */
export function createShopService(d: Pick<ShopDeps, 'database' | 'cache' | 'cursors'>) {
  const db = d.database.db;
  return {
    /**
     * One page of active products (search, category and type filters, sorts), by page number or by the
     * keyset `cursor` of the previous page (400 `invalid_cursor` when made for another query).
     */
    search(q: ShopQuery): Promise<ShopPage> {
      const sort = q.sort ?? 'newest';
      // `shop:` in the fingerprint keeps a catalog cursor (same signing key) from fitting here.
      const fingerprint = fingerprintOf(q, sort);
      const position = q.cursor ? d.cursors.decode(q.cursor, fingerprint, shopSortKeys(q).length) : null;
      return d.cache.read(`shop:page:${queryKey(q)}`, async () => {
        const { items, total, lastKeys } = await shopSearchRepo.search(db, q, position?.keys ?? null);
        const firsts = await productsRepo.firstImages(
          db,
          items.map((p) => p.id),
        );
        const page = position?.page ?? q.page;
        return {
          items: items.map((p) => toProductSummary(p, firsts.get(p.id))),
          pageInfo: { page, limit: q.limit, total, pages: Math.ceil(total / q.limit) },
          nextCursor: lastKeys ? d.cursors.encode(fingerprint, { page: page + 1, keys: lastKeys }) : null,
        };
      });
    },

    /** The public product page, or null when there is no such active product. */
    getProduct(slug: string): Promise<ProductDetail | null> {
      if (!Slug.safeParse(slug).success) return Promise.resolve(null);
      return d.cache.read(`shop:product:${slug}`, async () => {
        const row = await productsRepo.findActiveBySlug(db, slug);
        return row ? toProductDetail(row, await productsRepo.imagesOf(db, row.id)) : null;
      });
    },
  };
}
export type ShopService = ReturnType<typeof createShopService>;
