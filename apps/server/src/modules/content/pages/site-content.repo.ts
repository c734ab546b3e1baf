import { inArray } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { type SiteContentRow, siteContent } from '../../../db/schema/index.ts';

export const siteContentRepo = {
  async find(x: Executor, key: string, o: { lock?: boolean } = {}): Promise<SiteContentRow | null> {
    const q = x
      .select()
      .from(siteContent)
      .where(inArray(siteContent.key, [key]));
    const [row] = o.lock ? await q.for('update') : await q;
    return row ?? null;
  },
  findMany: (x: Executor, keys: string[]) =>
    x.select().from(siteContent).where(inArray(siteContent.key, keys)),
  /** Insert or replace the value of a key. */
  async upsert(x: Executor, v: { key: string; value: unknown; updatedBy: string | null; at: Date }) {
    await x
      .insert(siteContent)
      .values({ key: v.key, value: v.value, updatedBy: v.updatedBy, updatedAt: v.at })
      .onConflictDoUpdate({
        target: siteContent.key,
        set: { value: v.value, updatedBy: v.updatedBy, updatedAt: v.at },
      });
  },
};
