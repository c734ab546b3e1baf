import { asc, eq, like, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { type CategoryRow, categories } from '../../db/schema/index.ts';

export const categoriesRepo = {
  /** Active categories in display order (the public list), or all of them for the admin. */
  async list(x: Executor, o: { activeOnly: boolean }): Promise<CategoryRow[]> {
    return x
      .select()
      .from(categories)
      .where(o.activeOnly ? eq(categories.active, true) : undefined)
      .orderBy(asc(categories.position), asc(categories.name));
  },
  async findById(x: Executor, id: string): Promise<CategoryRow | undefined> {
    const [row] = await x.select().from(categories).where(eq(categories.id, id)).limit(1);
    return row;
  },
  async slugsLike(x: Executor, base: string): Promise<string[]> {
    const rows = await x
      .select({ slug: categories.slug })
      .from(categories)
      .where(or(eq(categories.slug, base), like(categories.slug, `${base}-%`)));
    return rows.map((r) => r.slug);
  },
  async insert(x: Executor, values: typeof categories.$inferInsert): Promise<CategoryRow> {
    const [row] = await x.insert(categories).values(values).returning();
    return row as CategoryRow;
  },
  async update(x: Executor, id: string, values: Partial<typeof categories.$inferInsert>) {
    const [row] = await x.update(categories).set(values).where(eq(categories.id, id)).returning();
    return row;
  },
  async delete(x: Executor, id: string): Promise<boolean> {
    const rows = await x.delete(categories).where(eq(categories.id, id)).returning({ id: categories.id });
    return rows.length === 1;
  },
  /**
   * Move published-course counts by the given deltas. Relative updates take the row lock and apply to
   * the newest row version, so two courses published at once in one category both count.
   */
  async adjustCounts(x: Executor, deltas: Map<string, number>): Promise<void> {
    for (const [id, delta] of deltas) {
      await x
        .update(categories)
        .set({ courseCount: sql`greatest(${categories.courseCount} + ${delta}, 0)` })
        .where(eq(categories.id, id));
    }
  },
};
