import { and, asc, count, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { reusable } from '../../../db/reusable.ts';
import {
  type CartItemRow,
  type CartRow,
  cartItems,
  carts,
  couponRedemptions,
  coupons,
  couponTargets,
  courses,
  enrollments,
  orders,
  products,
  type ShippingRateRow,
  shippingRates,
  shippingZones,
  type TaxRateRow,
  taxRates,
} from '../../../db/schema/index.ts';
import type { CouponFacts, PricingLine } from '../pricing/pricing.ts';
import { type CartLineRow, cartRepo } from './cart.repo.ts';
import {
  type CourseSellableRow,
  courseSellable,
  courseSellableColumns,
  type ProductSellableRow,
  productSellable,
  productSellableColumns,
  type Sellable,
} from './sellables.repo.ts';

/** A cart line that cannot be bought now, and why (the cart page shows it; checkout refuses it). */
export interface UnavailableLine {
  itemType: 'course' | 'product';
  itemId: string;
  title: string;
  reason: 'not_for_sale' | 'out_of_stock' | 'not_enough_stock' | 'free' | 'wrong_currency';
}

/**
 * Whether the cart's user has active access to the line's course at `now` (not revoked, not expired):
 * read with the lines, not by a statement of its own.
 */
const enrolledInLine = sql<boolean>`exists (select 1 from ${enrollments} e
  where e."user_id" = ${carts.userId} and e."course_id" = ${cartItems.courseId} and e."status" = 'active'
    and (e."expires_at" is null or e."expires_at" > ${sql.placeholder('now')}::timestamptz))`;

type TaxJson = Omit<TaxRateRow, 'updatedAt'> & { updatedAt: string };
/**
 * The tax of the country the read is given (none when it is given none), read with the lines: the
 * checkout's quote needs both, and a statement of its own was a round trip more in every order.
 */
const taxOfCountry = sql<TaxJson | null>`(select json_build_object('country', t.country, 'name', t.name,
  'rateBasisPoints', t.rate_basis_points, 'inclusive', t.inclusive, 'updatedAt', t.updated_at)
  from ${taxRates} t where t.country = upper(${sql.placeholder('country')}::text))`;

/** The user's cart joined to its lines and what they are, in the order they were added. */
function joinedCart(x: Executor, byUser: SQL) {
  return x
    .select({
      cart: carts,
      item: cartItems,
      course: courseSellableColumns,
      product: productSellableColumns,
      enrolled: enrolledInLine,
      tax: taxOfCountry,
    })
    .from(carts)
    .leftJoin(cartItems, eq(cartItems.cartId, carts.id))
    .leftJoin(courses, eq(courses.id, cartItems.courseId))
    .leftJoin(products, eq(products.id, cartItems.productId))
    .where(byUser)
    .orderBy(asc(cartItems.addedAt), asc(cartItems.id));
}
type JoinedCart = Awaited<ReturnType<typeof joinedCart>>;

const byUserParam = eq(carts.userId, sql.placeholder('userId'));
const cartWithLinesOn = reusable((x) => joinedCart(x, byUserParam).prepare('cart_with_lines'));

function cartFromJoined(joined: JoinedCart): CartWithLines | null {
  const cart = joined[0]?.cart;
  if (!cart) return null;
  const present = joined.flatMap((r) =>
    r.item ? [{ item: r.item, course: r.course, product: r.product }] : [],
  );
  const enrolled = new Set(joined.flatMap((r) => (r.enrolled && r.course ? [r.course.id] : [])));
  const rows: CartLineRow[] = present.map(({ item }) => ({
    id: item.id,
    itemType: item.itemType,
    itemId: (item.itemType === 'course' ? item.courseId : item.productId) ?? '',
    quantity: item.quantity,
  }));
  const sellables = new Map<string, Sellable>();
  for (const r of present) {
    if (r.course) sellables.set(`course:${r.course.id}`, courseSellable(r.course));
    if (r.product) sellables.set(`product:${r.product.id}`, productSellable(r.product));
  }
  const tax = joined[0]?.tax;
  return {
    cart,
    rows,
    sellables,
    enrolled,
    tax: tax ? { ...tax, updatedAt: new Date(tax.updatedAt) } : null,
    ...pricingOf(present),
  };
}

/**
 * The reads that feed the pricing engine: what is in a user's cart, priced from the courses and
 * products tables (never from a request), the coupon's facts, the shipping rate and the tax of a
 * country. Shared by the cart page's quote and the checkout's order.
 */
export const cartPricingRepo = {
  async cartOf(x: Executor, userId: string): Promise<CartRow | null> {
    const [row] = await x.select().from(carts).where(eq(carts.userId, userId)).limit(1);
    return row ?? null;
  },

  /** The cart's lines as pricing lines, in the order they were added, and the ones not for sale now. */
  async linesOf(
    x: Executor,
    cartId: string,
  ): Promise<{ lines: PricingLine[]; unavailable: UnavailableLine[] }> {
    const rows = await x
      .select({ item: cartItems, course: courseSellableColumns, product: productSellableColumns })
      .from(cartItems)
      .leftJoin(courses, eq(courses.id, cartItems.courseId))
      .leftJoin(products, eq(products.id, cartItems.productId))
      .where(eq(cartItems.cartId, cartId))
      .orderBy(asc(cartItems.addedAt), asc(cartItems.id));
    return pricingOf(rows);
  },

  /**
   * The user's cart with its lines, what they are (as `sellablesRepo.byRefs` reads them) and its pricing
   * lines (as `linesOf`), in one statement: the cart page, adding to it and the checkout read it so.
   * With a country, that country's tax too (none when it has no rate). Null when the user has no cart.
   */
  async cartWithLines(
    x: Executor,
    userId: string,
    now: Date,
    country: string | null = null,
  ): Promise<CartWithLines | null> {
    return cartFromJoined(
      await cartWithLinesOn(x).execute({ userId, now: now.toISOString(), country: country || null }),
    );
  },

  /**
   * `cartWithLines` with the cart row locked for the rest of the transaction (`cartRepo.lockFor`),
   * created when missing. Two statements, not one: a locking read that waited for another change to the
   * cart would read the lines as they were before that change (PostgreSQL's read committed takes a
   * statement's snapshot when it begins), and add a line twice (the overload test's 500s).
   */
  async lockedCartWithLines(x: Executor, userId: string, now: Date): Promise<CartWithLines> {
    await cartRepo.lockFor(x, userId);
    const cart = await this.cartWithLines(x, userId, now);
    if (!cart) throw new Error('cartPricingRepo.lockedCartWithLines: no cart');
    return cart;
  },

  /**
   * A coupon by its code (case-insensitive), its targets, and how many orders of this buyer hold it now
   * (pending or paid: a cancelled or failed order gives its use back). Null when no such code exists.
   */
  async couponFacts(x: Executor, code: string, userId: string): Promise<CouponFacts | null> {
    const [coupon] = await x
      .select()
      .from(coupons)
      .where(eq(coupons.code, code.trim().toUpperCase()))
      .limit(1);
    if (!coupon) return null;
    const [targets, [used]] = await Promise.all([
      x
        .select({ targetType: couponTargets.targetType, targetId: couponTargets.targetId })
        .from(couponTargets)
        .where(eq(couponTargets.couponId, coupon.id)),
      x
        .select({ n: count() })
        .from(couponRedemptions)
        .innerJoin(orders, eq(orders.id, couponRedemptions.orderId))
        .where(
          and(
            eq(couponRedemptions.couponId, coupon.id),
            eq(couponRedemptions.userId, userId),
            sql`${orders.status} not in ('cancelled', 'failed')`,
          ),
        ),
    ]);
    return { coupon, targets, redeemedByUser: used?.n ?? 0 };
  },

  /**
   * The active shipping rates for a country in a currency, in the admin's order. A zone listing `*` serves
   * the countries no zone names (with rates in that currency).
   */
  async ratesFor(x: Executor, country: string, currency: string): Promise<ShippingRateRow[]> {
    const named = await this.zoneRates(x, country.toUpperCase(), currency);
    return named.length > 0 ? named : this.zoneRates(x, '*', currency);
  },

  async zoneRates(x: Executor, country: string, currency: string): Promise<ShippingRateRow[]> {
    const rows = await x
      .select({ rate: shippingRates })
      .from(shippingRates)
      .innerJoin(shippingZones, eq(shippingZones.id, shippingRates.zoneId))
      .where(
        and(
          eq(shippingRates.active, true),
          eq(shippingRates.currency, currency),
          sql`${shippingZones.countries} @> ${JSON.stringify([country])}::jsonb`,
        ),
      )
      .orderBy(asc(shippingZones.position), asc(shippingRates.position), asc(shippingRates.baseMinor));
    return rows.map((r) => r.rate);
  },

  /** One rate, only when it serves that country in that currency (a browser may send any id). */
  async rateFor(x: Executor, rateId: string, country: string, currency: string) {
    const rates = await this.ratesFor(x, country, currency);
    return rates.find((r) => r.id === rateId) ?? null;
  },

  /**
   * Take an order's lines out of the buyer's cart, and its coupon with them: two writes for the
   * fulfilment's one statement (ADR 042; nothing happens when the buyer has no cart).
   */
  clearBoughtWrites(userId: string, itemIds: { courseIds: string[]; productIds: string[] }): SQL[] {
    const bought = or(
      itemIds.courseIds.length > 0 ? inArray(cartItems.courseId, itemIds.courseIds) : undefined,
      itemIds.productIds.length > 0 ? inArray(cartItems.productId, itemIds.productIds) : undefined,
    );
    const writes = [
      sql`update ${carts} set "coupon_code" = null, "updated_at" = ${new Date().toISOString()}::timestamptz
        where "user_id" = ${userId}`,
    ];
    if (bought)
      writes.push(sql`delete from ${cartItems}
        where ${cartItems.cartId} in (select "id" from ${carts} where "user_id" = ${userId}) and (${bought})`);
    return writes;
  },
};

export interface CartWithLines {
  cart: CartRow;
  rows: CartLineRow[];
  sellables: Map<string, Sellable>;
  /** Of the cart's courses, those the user has active access to at the time given to the read. */
  enrolled: Set<string>;
  /** The tax of the country given to the read; null without one, or when it has none. */
  tax: TaxRateRow | null;
  lines: PricingLine[];
  unavailable: UnavailableLine[];
}

interface JoinedLine {
  item: CartItemRow;
  course: CourseSellableRow | null;
  product: ProductSellableRow | null;
}

/** Cart lines joined to their course or product, as pricing lines and the ones not for sale now. */
function pricingOf(rows: JoinedLine[]): { lines: PricingLine[]; unavailable: UnavailableLine[] } {
  const lines: PricingLine[] = [];
  const unavailable: UnavailableLine[] = [];
  for (const { item, course: c, product: p } of rows) {
    if (item.itemType === 'course' && c) {
      const line: PricingLine = {
        itemType: 'course',
        itemId: c.id,
        title: c.title,
        unitPriceMinor: c.priceMinor,
        currency: c.currency,
        quantity: 1,
        requiresShipping: false,
        weightGrams: null,
        categoryId: c.categoryId,
      };
      if (c.status !== 'published') unavailable.push({ ...ref(line), reason: 'not_for_sale' });
      else if (line.unitPriceMinor === 0) unavailable.push({ ...ref(line), reason: 'free' });
      else lines.push(line);
    } else if (item.itemType === 'product' && p) {
      const physical = p.type === 'physical';
      const line: PricingLine = {
        itemType: 'product',
        itemId: p.id,
        title: p.name,
        unitPriceMinor: p.priceMinor,
        currency: p.currency,
        quantity: physical ? item.quantity : 1,
        requiresShipping: physical,
        weightGrams: physical ? p.weightGrams : null,
        categoryId: p.categoryId,
      };
      if (p.status !== 'active') unavailable.push({ ...ref(line), reason: 'not_for_sale' });
      else if (p.stock !== null && p.stock <= 0) unavailable.push({ ...ref(line), reason: 'out_of_stock' });
      else if (p.stock !== null && p.stock < line.quantity)
        unavailable.push({ ...ref(line), reason: 'not_enough_stock' });
      else lines.push(line);
    }
  }
  return { lines, unavailable };
}

function ref(l: PricingLine) {
  return { itemType: l.itemType, itemId: l.itemId, title: l.title };
}
