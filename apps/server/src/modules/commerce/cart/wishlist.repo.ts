import { and, desc, eq } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { wishlistItems } from '../../../db/schema/index.ts';
import type { ItemRef } from './sellables.repo.ts';

export interface WishlistRow extends ItemRef {
  id: string;
  addedAt: Date;
}

const toRow = (r: typeof wishlistItems.$inferSelect): WishlistRow => ({
  id: r.id,
  itemType: r.itemType,
  itemId: (r.itemType === 'course' ? r.courseId : r.productId) ?? '',
  addedAt: r.addedAt,
});

export const wishlistRepo = {
  async list(x: Executor, userId: string): Promise<WishlistRow[]> {
    const rows = await x
      .select()
      .from(wishlistItems)
      .where(eq(wishlistItems.userId, userId))
      .orderBy(desc(wishlistItems.addedAt), desc(wishlistItems.id));
    return rows.map(toRow);
  },

  /** Add once: a second add (or two at once) keeps the one row. */
  async insertOnce(x: Executor, userId: string, ref: ItemRef, now: Date) {
    await x
      .insert(wishlistItems)
      .values({
        userId,
        itemType: ref.itemType,
        courseId: ref.itemType === 'course' ? ref.itemId : null,
        productId: ref.itemType === 'product' ? ref.itemId : null,
        addedAt: now,
      })
      .onConflictDoNothing();
  },

  /** The user's own row (ownership in the where clause), locked; null for anyone else's. */
  async findOwnForUpdate(x: Executor, userId: string, id: string): Promise<WishlistRow | null> {
    const [row] = await x
      .select()
      .from(wishlistItems)
      .where(and(eq(wishlistItems.userId, userId), eq(wishlistItems.id, id)))
      .for('update');
    return row ? toRow(row) : null;
  },

  async deleteOwn(x: Executor, userId: string, id: string): Promise<boolean> {
    const rows = await x
      .delete(wishlistItems)
      .where(and(eq(wishlistItems.userId, userId), eq(wishlistItems.id, id)))
      .returning({ id: wishlistItems.id });
    return rows.length > 0;
  },
};
