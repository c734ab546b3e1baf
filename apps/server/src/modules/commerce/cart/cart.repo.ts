import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { type CartRow, cartItems, carts } from '../../../db/schema/index.ts';
import type { ItemRef } from './sellables.repo.ts';

export interface CartLineRow extends ItemRef {
  id: string;
  quantity: number;
}

const target = (r: ItemRef) =>
  r.itemType === 'course'
    ? { itemType: 'course' as const, courseId: r.itemId, productId: null }
    : { itemType: 'product' as const, courseId: null, productId: r.itemId };

/** The rows of a signed-in user's cart. Pricing reads live in `cart-pricing.repo.ts`. */
export const cartRepo = {
  /**
   * The user's cart, created when missing, locked for the rest of the transaction: every change to a
   * cart runs under this lock, so two tabs adding the same item at once leave one row.
   */
  async lockFor(x: Executor, userId: string): Promise<CartRow> {
    await x.insert(carts).values({ userId }).onConflictDoNothing({ target: carts.userId });
    const [row] = await x.select().from(carts).where(eq(carts.userId, userId)).for('update');
    if (!row) throw new Error('cartRepo.lockFor: no cart');
    return row;
  },

  async lines(x: Executor, cartId: string): Promise<CartLineRow[]> {
    const rows = await x
      .select()
      .from(cartItems)
      .where(eq(cartItems.cartId, cartId))
      .orderBy(asc(cartItems.addedAt), asc(cartItems.id));
    return rows.map((r) => ({
      id: r.id,
      itemType: r.itemType,
      itemId: (r.itemType === 'course' ? r.courseId : r.productId) ?? '',
      quantity: r.quantity,
    }));
  },

  async insertLine(x: Executor, cartId: string, ref: ItemRef, quantity: number, now: Date) {
    await x.insert(cartItems).values({ cartId, ...target(ref), quantity, addedAt: now });
  },

  async setQuantity(x: Executor, cartId: string, lineId: string, quantity: number) {
    await x
      .update(cartItems)
      .set({ quantity })
      .where(and(eq(cartItems.cartId, cartId), eq(cartItems.id, lineId)));
  },

  /** Remove a line of this cart; false when the cart holds no such line. */
  async deleteLine(x: Executor, cartId: string, lineId: string): Promise<boolean> {
    const rows = await x
      .delete(cartItems)
      .where(and(eq(cartItems.cartId, cartId), eq(cartItems.id, lineId)))
      .returning({ id: cartItems.id });
    return rows.length > 0;
  },

  async update(x: Executor, cartId: string, set: { currency?: string | null; couponCode?: string | null }) {
    await x
      .update(carts)
      .set({ ...set, updatedAt: new Date() })
      .where(eq(carts.id, cartId));
  },
};
