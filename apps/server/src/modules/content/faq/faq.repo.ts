import { asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { type FaqEntryRow, faqEntries } from '../../../db/schema/index.ts';

export const faqRepo = {
  list: (x: Executor, o: { publishedOnly?: boolean } = {}): Promise<FaqEntryRow[]> =>
    x
      .select()
      .from(faqEntries)
      .where(o.publishedOnly ? eq(faqEntries.isPublished, true) : undefined)
      .orderBy(asc(faqEntries.position), asc(faqEntries.createdAt)),
  async find(x: Executor, id: string): Promise<FaqEntryRow | null> {
    const [row] = await x.select().from(faqEntries).where(eq(faqEntries.id, id));
    return row ?? null;
  },
  async nextPosition(x: Executor): Promise<number> {
    const [row] = await x
      .select({ n: sql<number>`coalesce(max(${faqEntries.position}) + 1, 0)::int` })
      .from(faqEntries);
    return row?.n ?? 0;
  },
  async insert(x: Executor, v: typeof faqEntries.$inferInsert): Promise<FaqEntryRow> {
    const [row] = await x.insert(faqEntries).values(v).returning();
    return row as FaqEntryRow;
  },
  async update(x: Executor, id: string, v: Partial<typeof faqEntries.$inferInsert>) {
    const [row] = await x.update(faqEntries).set(v).where(eq(faqEntries.id, id)).returning();
    return row ?? null;
  },
  async delete(x: Executor, id: string): Promise<FaqEntryRow | null> {
    const [row] = await x.delete(faqEntries).where(eq(faqEntries.id, id)).returning();
    return row ?? null;
  },
  /** Lock every entry (a reorder rewrites all positions; a concurrent one waits). */
  lockAll: (x: Executor) => x.select({ id: faqEntries.id }).from(faqEntries).for('update'),
};
