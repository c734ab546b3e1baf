import type { WishlistBody, WishlistList } from '@9tangle/contracts';
import { conflict, notFound } from '../../../http/errors.ts';
import type { CommerceDeps } from '../commerce.deps.ts';
import { lineProblem } from './cart.policy.ts';
import type { CartService } from './cart.service.ts';
import { refKey, sellablesRepo } from './sellables.repo.ts';
import { wishlistRepo } from './wishlist.repo.ts';

/** Saved for later: courses and products a user may move to the cart under the cart's rules. */
export function createWishlistService(d: Pick<CommerceDeps, 'database' | 'clock'> & { cart: CartService }) {
  const db = d.database.db;
  return {
    async list(userId: string): Promise<WishlistList> {
      const rows = await wishlistRepo.list(db, userId);
      const sellables = await sellablesRepo.byRefs(db, rows);
      return {
        items: rows.flatMap((r) => {
          const s = sellables.get(refKey(r));
          if (!s) return [];
          const problem = lineProblem(s, { quantity: 1, cartCurrency: null, isEnrolled: false });
          return [
            {
              id: r.id,
              itemType: s.itemType,
              itemId: s.itemId,
              title: s.title,
              slug: s.slug,
              priceMinor: s.priceMinor,
              currency: s.currency,
              available: problem === null,
              addedAt: r.addedAt.toISOString(),
            },
          ];
        }),
      };
    },

    /** Save a published course or an active product (404 for no such item, 409 when not for sale). */
    async add(userId: string, body: WishlistBody) {
      const s = (await sellablesRepo.byRefs(db, [body])).get(refKey(body));
      if (!s) throw notFound('item');
      if (!s.isListed) throw conflict('not_for_sale', `“${s.title}” is not for sale.`);
      await wishlistRepo.insertOnce(db, userId, body, d.clock.now());
      return this.list(userId);
    },

    async remove(userId: string, id: string) {
      if (!(await wishlistRepo.deleteOwn(db, userId, id))) throw notFound('wishlist item');
      return this.list(userId);
    },

    /** Move to the cart (one unit) under the rules of adding; it leaves the wishlist only if it was added. */
    async moveToCart(userId: string, id: string) {
      await db.transaction(async (tx) => {
        const row = await wishlistRepo.findOwnForUpdate(tx, userId, id);
        if (!row) throw notFound('wishlist item');
        await d.cart.addTo(tx, userId, { itemType: row.itemType, itemId: row.itemId }, 'max');
        await wishlistRepo.deleteOwn(tx, userId, id);
      });
      return d.cart.get(userId);
    },
  };
}
export type WishlistService = ReturnType<typeof createWishlistService>;
