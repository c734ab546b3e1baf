import { randomUUID } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { reusable } from '../../../db/reusable.ts';
import { type CartRow, cartItems, carts } from '../../../db/schema/index.ts';
import type { ItemRef } from './sellables.repo.ts';

export interface CartLineRow extends ItemRef {
  id: string;
  quantity: number;
}

const lockOn = reusable((x) =>
  x
    .select()
    .from(carts)
    .where(eq(carts.userId, sql.placeholder('userId')))
    .for('update')
    .prepare('cart_lock'),
);

const unitsOn = reusable((x) =>
  x
    .select({ n: sql<number>`coalesce(sum(${cartItems.quantity}), 0)::int` })
    .from(cartItems)
    .innerJoin(carts, eq(carts.id, cartItems.cartId))
    .where(eq(carts.userId, sql.placeholder('userId')))
    .prepare('cart_units_of_user'),
);

const target = (r: ItemRef) =>
  r.itemType === 'course'
    ? { itemType: 'course' as const, courseId: r.itemId, productId: null }
    : { itemType: 'product' as const, courseId: null, productId: r.itemId };

/** The rows of a signed-in user's cart. Pricing reads live in `cart-pricing.repo.ts`. */
export const cartRepo = {
  /**
   * The user's cart, created when missing, locked for the rest of the transaction: every change to a
   * cart runs under this lock, so two tabs adding the same item at once leave one row. Read what the
   * cart holds in a statement after this one: a statement that waited for the lock still sees the
   * other tables as they were when it began (read committed), so a line the last holder added would
   * be missing from it.
   */
  async lockFor(x: Executor, userId: string): Promise<CartRow> {
    // Most carts exist already: lock it in one statement, create it only when missing.
    const [found] = await lockOn(x).execute({ userId });
    if (found) return found;
    await x.insert(carts).values({ userId }).onConflictDoNothing({ target: carts.userId });
    const [row] = await lockOn(x).execute({ userId });
    if (!row) throw new Error('cartRepo.lockFor: no cart');
    return row;
  },

  /** The units in the user's cart (the view's `count`: a line of a physical good counts its quantity). */
  async unitsOf(x: Executor, userId: string): Promise<number> {
    const [row] = await unitsOn(x).execute({ userId });
    return Number(row?.n ?? 0);
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

  /** A new line; its id. */
  async insertLine(x: Executor, cartId: string, ref: ItemRef, quantity: number, now: Date): Promise<string> {
    const id = randomUUID();
    await x.insert(cartItems).values({ id, cartId, ...target(ref), quantity, addedAt: now });
    return id;
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
