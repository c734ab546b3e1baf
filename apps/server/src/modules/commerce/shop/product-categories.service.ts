import type {
  ProductCategoryBody,
  ProductCategoryDto,
  ProductCategoryList,
  ProductCategoryPatch,
} from '@9tangle/contracts';
import { conflict, notFound } from '../../../http/errors.ts';
import { isUniqueViolation, nextFreeSlug, slugify } from '../../catalog/slug.ts';
import { productCategoriesRepo } from './product-categories.repo.ts';
import type { ShopDeps } from './shop.deps.ts';
import { toProductCategoryDto } from './shop.mappers.ts';

const slugTaken = () => conflict('slug_taken', 'Another shop category already uses this web address.');

/** The shop's categories: the admin's CRUD and the public list (active ones, cached). */
export function createProductCategoriesService(d: Pick<ShopDeps, 'database' | 'clock' | 'cache'>) {
  const db = d.database.db;
  /** Run a write, invalidate the cached shop, and turn a slug collision into 409. */
  async function write<T>(fn: () => Promise<T>): Promise<T> {
    try {
      const result = await fn();
      await d.cache.bump();
      return result;
    } catch (err) {
      if (isUniqueViolation(err, 'product_categories_slug_key')) throw slugTaken();
      throw err;
    }
  }
  return {
    /** Active categories in display order (the shop's filter). */
    listPublic(): Promise<ProductCategoryList> {
      return d.cache.read('shop:categories', async () => ({
        items: (await productCategoriesRepo.list(db, { activeOnly: true })).map(toProductCategoryDto),
      }));
    },
    /** Every category, inactive ones included. */
    async listAll(): Promise<ProductCategoryList> {
      return {
        items: (await productCategoriesRepo.list(db, { activeOnly: false })).map(toProductCategoryDto),
      };
    },
    /** A new category; without a slug one is made from the name (`-2`, `-3` when taken). */
    create(body: ProductCategoryBody): Promise<ProductCategoryDto> {
      return write(async () => {
        let slug = body.slug;
        if (!slug) {
          const base = slugify(body.name, 'category');
          slug = nextFreeSlug(base, await productCategoriesRepo.slugsLike(db, base));
        }
        const now = d.clock.now();
        const row = await productCategoriesRepo.insert(db, {
          name: body.name,
          slug,
          description: body.description ?? null,
          position: body.position ?? 0,
          active: body.active ?? true,
          createdAt: now,
          updatedAt: now,
        });
        return toProductCategoryDto(row);
      });
    },
    update(id: string, patch: ProductCategoryPatch): Promise<ProductCategoryDto> {
      return write(async () => {
        const row = await productCategoriesRepo.update(db, id, { ...patch, updatedAt: d.clock.now() });
        if (!row) throw notFound('category');
        return toProductCategoryDto(row);
      });
    },
    /** Delete a category; its products stay, uncategorised. */
    async delete(id: string): Promise<void> {
      await write(async () => {
        if (!(await productCategoriesRepo.delete(db, id))) throw notFound('category');
      });
    },
  };
}
export type ProductCategoriesService = ReturnType<typeof createProductCategoriesService>;
