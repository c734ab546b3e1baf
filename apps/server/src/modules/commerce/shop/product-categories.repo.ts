import { asc, eq, like, or } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { type ProductCategoryRow, productCategories } from '../../../db/schema/index.ts';

/** The shop's own sections (not the course categories). */
export const productCategoriesRepo = {
  list(x: Executor, o: { activeOnly: boolean }): Promise<ProductCategoryRow[]> {
    return x
      .select()
      .from(productCategories)
      .where(o.activeOnly ? eq(productCategories.active, true) : undefined)
      .orderBy(asc(productCategories.position), asc(productCategories.name));
  },
  async findById(x: Executor, id: string): Promise<ProductCategoryRow | null> {
    const [row] = await x.select().from(productCategories).where(eq(productCategories.id, id));
    return row ?? null;
  },
  async slugsLike(x: Executor, base: string): Promise<string[]> {
    const rows = await x
      .select({ slug: productCategories.slug })
      .from(productCategories)
      .where(or(eq(productCategories.slug, base), like(productCategories.slug, `${base}-%`)));
    return rows.map((r) => r.slug);
  },
  async insert(x: Executor, values: typeof productCategories.$inferInsert): Promise<ProductCategoryRow> {
    const [row] = await x.insert(productCategories).values(values).returning();
    if (!row) throw new Error('insert returned no row');
    return row;
  },
  async update(
    x: Executor,
    id: string,
    patch: Partial<typeof productCategories.$inferInsert>,
  ): Promise<ProductCategoryRow | null> {
    const [row] = await x
      .update(productCategories)
      .set(patch)
      .where(eq(productCategories.id, id))
      .returning();
    return row ?? null;
  },
  /** Products of a deleted category keep existing, uncategorised (the foreign key sets null). */
  async delete(x: Executor, id: string): Promise<boolean> {
    const rows = await x
      .delete(productCategories)
      .where(eq(productCategories.id, id))
      .returning({ id: productCategories.id });
    return rows.length > 0;
  },
};
