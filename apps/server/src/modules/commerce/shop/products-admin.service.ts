import type {
  AdminProduct,
  AdminProductList,
  AdminProductQuery,
  ProductBody,
  ProductPatch,
} from '@9tangle/contracts';
import type { Executor } from '../../../db/client.ts';
import { badRequest, conflict, notFound } from '../../../http/errors.ts';
import { htmlToText, sanitizeRichText } from '../../catalog/rich-text.ts';
import { isUniqueViolation, nextFreeSlug, slugify } from '../../catalog/slug.ts';
import { productCategoriesRepo } from './product-categories.repo.ts';
import { productsRepo } from './products.repo.ts';
import type { ShopDeps } from './shop.deps.ts';
import { toAdminProduct } from './shop.mappers.ts';

const slugTaken = () => conflict('slug_taken', 'Another product already uses this web address.');

/** The product as the admin sees it, or 404. */
export async function adminProductView(x: Executor, id: string): Promise<AdminProduct> {
  const row = await productsRepo.findById(x, id);
  if (!row) throw notFound('product');
  return toAdminProduct(row, await productsRepo.imagesOf(x, id));
}

/** The admin's products: list, create, update, archive. Every write invalidates the cached shop. */
export function createProductsAdminService(d: Pick<ShopDeps, 'database' | 'clock' | 'cache' | 'currencies'>) {
  const db = d.database.db;

  /** The rules a whole product (after a patch) must meet, beyond each field's own schema. */
  async function check(
    x: Executor,
    p: {
      currency: string;
      priceMinor: number;
      compareAtMinor: number | null;
      categoryId: string | null;
    },
  ): Promise<void> {
    if (!d.currencies.includes(p.currency))
      throw badRequest('currency_not_sold', `The academy does not sell in ${p.currency}.`, {
        currencies: d.currencies,
      });
    if (p.compareAtMinor !== null && p.compareAtMinor <= p.priceMinor)
      throw badRequest('validation_failed', 'The compare-at price must be higher than the price.', {
        field: 'compareAtMinor',
      });
    if (p.categoryId && !(await productCategoriesRepo.findById(x, p.categoryId)))
      throw badRequest('unknown_category', 'There is no such shop category.');
  }

  /** Run a write, invalidate the shop, and turn a slug collision into 409. */
  async function write<T>(fn: () => Promise<T>): Promise<T> {
    try {
      const result = await fn();
      await d.cache.bump();
      return result;
    } catch (err) {
      if (isUniqueViolation(err, 'products_slug_key')) throw slugTaken();
      throw err;
    }
  }

  const description = (html: string | undefined) => {
    if (html === undefined) return {};
    const clean = sanitizeRichText(html);
    return { descriptionHtml: clean, descriptionText: htmlToText(clean) };
  };

  return {
    async list(q: AdminProductQuery): Promise<AdminProductList> {
      const { rows, total } = await productsRepo.listForAdmin(db, q);
      const firsts = await productsRepo.firstImages(
        db,
        rows.map((r) => r.id),
      );
      return {
        items: rows.map((r) => {
          const first = firsts.get(r.id);
          const {
            descriptionHtml: _h,
            descriptionText: _t,
            ...rest
          } = toAdminProduct(r, first ? [first] : []);
          return rest;
        }),
        pageInfo: { page: q.page, limit: q.limit, total, pages: Math.ceil(total / q.limit) },
      };
    },

    get: (id: string) => adminProductView(db, id),

    /** A new product (a draft unless told); the slug comes from the name when not given. */
    create(body: ProductBody): Promise<AdminProduct> {
      const physical = body.type === 'physical';
      const values = {
        compareAtMinor: body.compareAtMinor ?? null,
        categoryId: body.categoryId ?? null,
      };
      return write(async () => {
        await check(db, { ...body, ...values });
        let slug = body.slug;
        if (!slug) {
          const base = slugify(body.name, 'product');
          slug = nextFreeSlug(base, await productsRepo.slugsLike(db, base));
        }
        const now = d.clock.now();
        const id = await productsRepo.insert(db, {
          name: body.name,
          slug,
          ...description(body.descriptionHtml ?? ''),
          ...values,
          type: body.type,
          status: body.status ?? 'draft',
          priceMinor: body.priceMinor,
          currency: body.currency,
          stock: physical ? (body.stock ?? null) : null,
          weightGrams: physical ? (body.weightGrams ?? null) : null,
          createdAt: now,
          updatedAt: now,
        });
        return adminProductView(db, id);
      });
    },

    /** Change any fields; the whole product is checked again as it would be after the change. */
    update(id: string, patch: ProductPatch): Promise<AdminProduct> {
      return write(() =>
        db.transaction(async (tx) => {
          const current = await productsRepo.findById(tx, id, { lock: true });
          if (!current) throw notFound('product');
          const next = {
            currency: patch.currency ?? current.currency,
            priceMinor: patch.priceMinor ?? current.priceMinor,
            compareAtMinor:
              patch.compareAtMinor !== undefined ? patch.compareAtMinor : current.compareAtMinor,
            categoryId: patch.categoryId !== undefined ? patch.categoryId : current.categoryId,
          };
          await check(tx, next);
          const type = patch.type ?? current.type;
          const { descriptionHtml, ...rest } = patch;
          await productsRepo.update(tx, id, {
            ...rest,
            ...next,
            ...description(descriptionHtml),
            // Digital goods have neither stock nor weight.
            ...(type === 'digital' ? { stock: null, weightGrams: null } : {}),
            updatedAt: d.clock.now(),
          });
          return adminProductView(tx, id);
        }),
      );
    },

    /** Take a product off sale for good (it stays in past orders). */
    archive(id: string): Promise<AdminProduct> {
      return write(async () => {
        if (!(await productsRepo.update(db, id, { status: 'archived', updatedAt: d.clock.now() })))
          throw notFound('product');
        return adminProductView(db, id);
      });
    },
  };
}
export type ProductsAdminService = ReturnType<typeof createProductsAdminService>;
