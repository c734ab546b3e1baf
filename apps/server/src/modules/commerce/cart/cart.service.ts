import type { Cart, CartItemBody, CartPreviewBody } from '@9tangle/contracts';
import type { Executor } from '../../../db/client.ts';
import type { TaxRateRow } from '../../../db/schema/index.ts';
import { AppError, notFound } from '../../../http/errors.ts';
import type { CommerceDeps } from '../commerce.deps.ts';
import { addRefusal, maxQuantity, toPricingLine } from './cart.policy.ts';
import { type CartLineRow, cartRepo } from './cart.repo.ts';
import { cartPricingRepo } from './cart-pricing.repo.ts';
import { buildCartView } from './cart-view.ts';
import { type ItemRef, refKey, type Sellable, sellablesRepo } from './sellables.repo.ts';

type Deps = Pick<CommerceDeps, 'database' | 'clock'>;
/** A nobody for coupon facts of a guest (no orders hold anything for them). */
const NO_USER = '00000000-0000-0000-0000-000000000000';

/** The cart as it stands after a change: what `addTo` read and wrote, under the cart's lock. */
interface CartState {
  couponCode: string | null;
  rows: CartLineRow[];
  sellables: Map<string, Sellable>;
  /** Of the cart's courses, those the user has active access to. */
  enrolled: Set<string>;
  /** The country's tax, read with the lines when the view was asked for a country (`cartWithLines`). */
  tax?: TaxRateRow | null;
}

/**
 * The signed-in user's cart: one currency, prices from the tables, every change under a lock on the
 * cart row. Adding, merging a guest's cart and moving from the wishlist share `addTo`.
 */
export function createCartService(d: Deps) {
  const db = d.database.db;

  async function view(x: Executor, userId: string, country?: string): Promise<Cart> {
    const cart = await cartPricingRepo.cartWithLines(x, userId, d.clock.now(), country ?? null);
    // No cart, or no lines: nothing to price, nothing more to read.
    if (!cart || cart.rows.length === 0) return emptyCart(cart?.cart.couponCode ?? null);
    const { rows, sellables, enrolled, tax } = cart;
    return priced(x, userId, { couponCode: cart.cart.couponCode, rows, sellables, enrolled, tax });
  }

  /** The view of a cart whose lines, items and enrollments are known: its coupon and tax, and the quote. */
  async function priced(x: Executor, userId: string, c: CartState): Promise<Cart> {
    if (c.rows.length === 0) return emptyCart(c.couponCode);
    const coupon = c.couponCode ? await cartPricingRepo.couponFacts(x, c.couponCode, userId) : null;
    const { enrolled, tax = null } = c;
    return buildCartView({
      rows: c.rows,
      sellables: c.sellables,
      enrolled,
      couponCode: c.couponCode,
      coupon,
      tax,
      now: d.clock.now(),
      // The same lines `cartPricingRepo` prices at checkout; the view prices only those without a problem.
      pricingLines: pricingLinesOf(c.rows, c.sellables),
    });
  }

  /**
   * Add `quantity` of an item to the locked cart (or, `mode: 'max'`, raise the line to it: a merge run
   * twice does not double a guest's quantities). Throws the AppError of the rule it breaks; answers the
   * cart as it now is, for the view (no second read after the commit).
   */
  async function addTo(
    x: Executor,
    userId: string,
    item: ItemRef & { quantity?: number },
    mode: 'add' | 'max',
  ): Promise<CartState> {
    const now = d.clock.now();
    const {
      cart,
      rows,
      sellables,
      enrolled: inCart,
    } = await cartPricingRepo.lockedCartWithLines(x, userId, now);
    if (!sellables.has(refKey(item)))
      for (const [key, found] of await sellablesRepo.byRefs(x, [item])) sellables.set(key, found);
    const s = sellables.get(refKey(item));
    const existing = rows.find((r) => refKey(r) === refKey(item));
    // Courses and digital goods are one unit however often they are added.
    const wanted = s?.isPhysical ? (item.quantity ?? 1) : 1;
    let quantity = wanted;
    if (existing && s?.isPhysical)
      quantity = mode === 'max' ? Math.max(existing.quantity, wanted) : existing.quantity + wanted;
    else if (existing) quantity = 1;
    const others = rows.filter((r) => r !== existing).map((r) => sellables.get(refKey(r))?.currency);
    const cartCurrency = others.find((c) => c !== undefined) ?? null;
    // The cart's courses were read with its lines: only a course not in the cart yet is asked after.
    const enrolled =
      item.itemType === 'course' && !existing
        ? new Set([...inCart, ...(await sellablesRepo.activeCourseIds(x, userId, [item.itemId], now))])
        : inCart;
    const refusal = addRefusal(s, {
      quantity,
      cartCurrency,
      isEnrolled: item.itemType === 'course' && enrolled.has(item.itemId),
    });
    if (refusal) throw refusal;
    let after = rows;
    if (!existing) {
      const id = await cartRepo.insertLine(x, cart.id, item, quantity, d.clock.now());
      after = [...rows, { id, itemType: item.itemType, itemId: item.itemId, quantity }];
    } else if (existing.quantity !== quantity) {
      await cartRepo.setQuantity(x, cart.id, existing.id, quantity);
      after = rows.map((r) => (r === existing ? { ...r, quantity } : r));
    }
    if (cart.currency !== s?.currency) await cartRepo.update(x, cart.id, { currency: s?.currency ?? null });
    return { couponCode: cart.couponCode, rows: after, sellables, enrolled };
  }

  /** Run a change on the locked cart, then answer the cart as it is after the commit. */
  async function change(userId: string, fn: (x: Executor, cartId: string) => Promise<void>) {
    await db.transaction(async (tx) => {
      const cart = await cartRepo.lockFor(tx, userId);
      await fn(tx, cart.id);
      if ((await cartRepo.lines(tx, cart.id)).length === 0)
        await cartRepo.update(tx, cart.id, { currency: null });
    });
    return view(db, userId);
  }

  return {
    /** The cart with every line's problem and the quote (tax only when the country is known). */
    get: (userId: string, country?: string) => view(db, userId, country),

    async add(userId: string, body: CartItemBody) {
      const state = await db.transaction((tx) => addTo(tx, userId, body, 'add'));
      return priced(db, userId, state);
    },

    /** Set a physical line's quantity (1 for the others), within the stock. */
    setQuantity: (userId: string, lineId: string, quantity: number) =>
      change(userId, async (x, cartId) => {
        const line = (await cartRepo.lines(x, cartId)).find((r) => r.id === lineId);
        if (!line) throw notFound('cart line');
        const s = (await sellablesRepo.byRefs(x, [line])).get(refKey(line));
        if (!s) throw notFound('cart line');
        const q = s.isPhysical ? quantity : 1;
        if (q > maxQuantity(s)) {
          const refusal = addRefusal(s, { quantity: q, cartCurrency: null, isEnrolled: false });
          if (refusal) throw refusal;
        }
        await cartRepo.setQuantity(x, cartId, lineId, q);
      }),

    remove: (userId: string, lineId: string) =>
      change(userId, async (x, cartId) => {
        if (!(await cartRepo.deleteLine(x, cartId, lineId))) throw notFound('cart line');
      }),

    /** Keep the code on the cart even when it does not apply: the quote says why not. */
    setCoupon: (userId: string, code: string | null) =>
      change(userId, (x, cartId) => cartRepo.update(x, cartId, { couponCode: code?.toUpperCase() ?? null })),

    /**
     * Merge a guest's browser cart on sign-in, item by item under the rules of adding; what breaks a
     * rule (or names nothing) is skipped and reported with its error code, never a 500.
     */
    async merge(userId: string, items: CartItemBody[]) {
      const skipped: { itemType: 'course' | 'product'; itemId: string; code: string }[] = [];
      await db.transaction(async (tx) => {
        for (const item of items) {
          try {
            await addTo(tx, userId, item, 'max');
          } catch (err) {
            if (!(err instanceof AppError)) throw err;
            skipped.push({ itemType: item.itemType, itemId: item.itemId, code: err.code });
          }
        }
      });
      return { cart: await view(db, userId), skipped };
    },

    /** A guest's browser cart priced from the tables (nothing is stored). */
    async preview(body: CartPreviewBody) {
      const sellables = await sellablesRepo.byRefs(db, body.items);
      const seen = new Set<string>();
      const rows = body.items.flatMap((i) => {
        const key = refKey(i);
        if (seen.has(key) || !sellables.has(key)) return [];
        seen.add(key);
        return [{ id: i.itemId, itemType: i.itemType, itemId: i.itemId, quantity: i.quantity ?? 1 }];
      });
      const skipped = body.items
        .filter((i) => !sellables.has(refKey(i)))
        .map((i) => ({ itemType: i.itemType, itemId: i.itemId, code: 'not_found' }));
      const code = body.couponCode ? body.couponCode.toUpperCase() : null;
      const coupon = code ? await cartPricingRepo.couponFacts(db, code, NO_USER) : null;
      const cart = buildCartView({
        rows,
        sellables,
        enrolled: new Set(),
        couponCode: code,
        coupon,
        tax: null,
        now: d.clock.now(),
        pricingLines: pricingLinesOf(rows, sellables),
      });
      return { cart, skipped };
    },
    addTo,
    view,
  };
}
export type CartService = ReturnType<typeof createCartService>;

/** The pricing lines of the rows whose item still exists. */
function pricingLinesOf(rows: (ItemRef & { quantity: number })[], sellables: Map<string, Sellable>) {
  return rows.flatMap((r) => {
    const s = sellables.get(refKey(r));
    return s ? [toPricingLine(s, r.quantity)] : [];
  });
}

function emptyCart(couponCode: string | null): Cart {
  return { currency: null, couponCode, items: [], unavailable: [], quote: null, count: 0 };
}
