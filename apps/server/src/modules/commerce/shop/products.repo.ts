import type { AdminProductQuery } from '@9tangle/contracts';
import { and, asc, count, desc, eq, getTableColumns, inArray, like, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import {
  type ProductImageRow,
  type ProductRow,
  productCategories,
  productImages,
  products,
} from '../../../db/schema/index.ts';

const { search: _search, ...productColumns } = getTableColumns(products);
/** A product row (without its search vector) with its category's slug and name. */
export type ProductWithCategory = Omit<ProductRow, 'search'> & {
  category: { slug: string; name: string } | null;
};

export const withCategory = {
  ...productColumns,
  categorySlug: productCategories.slug,
  categoryName: productCategories.name,
};
type JoinedRow = Omit<ProductRow, 'search'> & { categorySlug: string | null; categoryName: string | null };
export const toWithCategory = ({ categorySlug, categoryName, ...p }: JoinedRow): ProductWithCategory => ({
  ...p,
  category: categorySlug && categoryName ? { slug: categorySlug, name: categoryName } : null,
});

/** Products and their images: the queries of the admin and of the public product page. */
export const productsRepo = {
  async findById(x: Executor, id: string, o: { lock?: boolean } = {}): Promise<ProductWithCategory | null> {
    const q = x
      .select(withCategory)
      .from(products)
      .leftJoin(productCategories, eq(productCategories.id, products.categoryId))
      .where(eq(products.id, id));
    const [row] = o.lock ? await q.for('update', { of: products }) : await q;
    return row ? toWithCategory(row) : null;
  },
  /** An active product by slug (the public page), or null. */
  async findActiveBySlug(x: Executor, slug: string): Promise<ProductWithCategory | null> {
    const [row] = await x
      .select(withCategory)
      .from(products)
      .leftJoin(productCategories, eq(productCategories.id, products.categoryId))
      .where(and(eq(products.slug, slug), eq(products.status, 'active')));
    return row ? toWithCategory(row) : null;
  },
  async slugsLike(x: Executor, base: string): Promise<string[]> {
    const rows = await x
      .select({ slug: products.slug })
      .from(products)
      .where(or(eq(products.slug, base), like(products.slug, `${base}-%`)));
    return rows.map((r) => r.slug);
  },
  async insert(x: Executor, values: typeof products.$inferInsert): Promise<string> {
    const [row] = await x.insert(products).values(values).returning({ id: products.id });
    if (!row) throw new Error('insert returned no row');
    return row.id;
  },
  async update(x: Executor, id: string, patch: Partial<typeof products.$inferInsert>): Promise<boolean> {
    const rows = await x
      .update(products)
      .set(patch)
      .where(eq(products.id, id))
      .returning({ id: products.id });
    return rows.length > 0;
  },
  /** The admin's list: any status, searched by name or slug, newest first. */
  async listForAdmin(x: Executor, q: AdminProductQuery) {
    const where: SQL | undefined = and(
      q.status ? eq(products.status, q.status) : undefined,
      q.type ? eq(products.type, q.type) : undefined,
      q.q
        ? or(
            sql`${products.search} @@ websearch_to_tsquery('simple', ${q.q})`,
            sql`${products.name} ilike ${`%${q.q.replace(/[\\%_]/g, '\\$&')}%`}`,
          )
        : undefined,
    );
    const [rows, [total]] = await Promise.all([
      x
        .select(withCategory)
        .from(products)
        .leftJoin(productCategories, eq(productCategories.id, products.categoryId))
        .where(where)
        .orderBy(desc(products.createdAt), desc(products.id))
        .limit(q.limit)
        .offset((q.page - 1) * q.limit),
      x.select({ n: count() }).from(products).where(where),
    ]);
    return { rows: rows.map((r) => toWithCategory(r)), total: total?.n ?? 0 };
  },

  // ── Images ──
  imagesOf(x: Executor, productId: string): Promise<ProductImageRow[]> {
    return x
      .select()
      .from(productImages)
      .where(eq(productImages.productId, productId))
      .orderBy(asc(productImages.position), asc(productImages.createdAt));
  },
  /** The first image of each product, for cards. */
  async firstImages(x: Executor, productIds: string[]): Promise<Map<string, ProductImageRow>> {
    if (productIds.length === 0) return new Map();
    const rows = await x
      .selectDistinctOn([productImages.productId])
      .from(productImages)
      .where(inArray(productImages.productId, productIds))
      .orderBy(productImages.productId, asc(productImages.position), asc(productImages.createdAt));
    return new Map(rows.map((r) => [r.productId, r]));
  },
  async insertImage(x: Executor, values: typeof productImages.$inferInsert): Promise<void> {
    await x.insert(productImages).values(values);
  },
  async findImage(x: Executor, productId: string, imageId: string): Promise<ProductImageRow | null> {
    const [row] = await x
      .select()
      .from(productImages)
      .where(and(eq(productImages.id, imageId), eq(productImages.productId, productId)));
    return row ?? null;
  },
  async updateImage(x: Executor, id: string, patch: Partial<typeof productImages.$inferInsert>) {
    await x.update(productImages).set(patch).where(eq(productImages.id, id));
  },
  async deleteImage(x: Executor, id: string): Promise<void> {
    await x.delete(productImages).where(eq(productImages.id, id));
  },
  /** An image by its storage name with its product's status (the public file route's check). */
  async imageByKey(x: Executor, key: string): Promise<{ status: ProductRow['status'] } | null> {
    const [row] = await x
      .select({ status: products.status })
      .from(productImages)
      .innerJoin(products, eq(products.id, productImages.productId))
      .where(eq(productImages.storageKey, key));
    return row ?? null;
  },
};
