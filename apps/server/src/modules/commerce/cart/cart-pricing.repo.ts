import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import {
  type CartRow,
  cartItems,
  carts,
  couponRedemptions,
  coupons,
  couponTargets,
  courses,
  orders,
  products,
  type ShippingRateRow,
  shippingRates,
  shippingZones,
  type TaxRateRow,
  taxRates,
} from '../../../db/schema/index.ts';
import type { CouponFacts, PricingLine } from '../pricing/pricing.ts';

/** A cart line that cannot be bought now, and why (the cart page shows it; checkout refuses it). */
export interface UnavailableLine {
  itemType: 'course' | 'product';
  itemId: string;
  title: string;
  reason: 'not_for_sale' | 'out_of_stock' | 'not_enough_stock' | 'free' | 'wrong_currency';
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
      .select({
        itemType: cartItems.itemType,
        quantity: cartItems.quantity,
        courseId: courses.id,
        courseTitle: courses.title,
        courseStatus: courses.status,
        coursePrice: courses.priceMinor,
        courseCurrency: courses.currency,
        courseCategory: courses.categoryId,
        productId: products.id,
        productName: products.name,
        productStatus: products.status,
        productPrice: products.priceMinor,
        productCurrency: products.currency,
        productCategory: products.categoryId,
        productType: products.type,
        productStock: products.stock,
        productWeight: products.weightGrams,
      })
      .from(cartItems)
      .leftJoin(courses, eq(courses.id, cartItems.courseId))
      .leftJoin(products, eq(products.id, cartItems.productId))
      .where(eq(cartItems.cartId, cartId))
      .orderBy(asc(cartItems.addedAt), asc(cartItems.id));
    const lines: PricingLine[] = [];
    const unavailable: UnavailableLine[] = [];
    for (const r of rows) {
      if (r.itemType === 'course' && r.courseId) {
        const line: PricingLine = {
          itemType: 'course',
          itemId: r.courseId,
          title: r.courseTitle ?? '',
          unitPriceMinor: r.coursePrice ?? 0,
          currency: r.courseCurrency ?? '',
          quantity: 1,
          requiresShipping: false,
          weightGrams: null,
          categoryId: r.courseCategory,
        };
        if (r.courseStatus !== 'published') unavailable.push({ ...ref(line), reason: 'not_for_sale' });
        else if (line.unitPriceMinor === 0) unavailable.push({ ...ref(line), reason: 'free' });
        else lines.push(line);
      } else if (r.itemType === 'product' && r.productId) {
        const physical = r.productType === 'physical';
        const line: PricingLine = {
          itemType: 'product',
          itemId: r.productId,
          title: r.productName ?? '',
          unitPriceMinor: r.productPrice ?? 0,
          currency: r.productCurrency ?? '',
          quantity: physical ? r.quantity : 1,
          requiresShipping: physical,
          weightGrams: physical ? r.productWeight : null,
          categoryId: r.productCategory,
        };
        if (r.productStatus !== 'active') unavailable.push({ ...ref(line), reason: 'not_for_sale' });
        else if (r.productStock !== null && r.productStock <= 0)
          unavailable.push({ ...ref(line), reason: 'out_of_stock' });
        else if (r.productStock !== null && r.productStock < line.quantity)
          unavailable.push({ ...ref(line), reason: 'not_enough_stock' });
        else lines.push(line);
      }
    }
    return { lines, unavailable };
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

  async taxFor(x: Executor, country: string | null): Promise<TaxRateRow | null> {
    if (!country) return null;
    const [row] = await x.select().from(taxRates).where(eq(taxRates.country, country.toUpperCase())).limit(1);
    return row ?? null;
  },

  /** Empty the cart after an order takes its lines (the coupon goes with them). */
  async clear(x: Executor, cartId: string, itemIds?: { courseIds: string[]; productIds: string[] }) {
    if (!itemIds) await x.delete(cartItems).where(eq(cartItems.cartId, cartId));
    else {
      if (itemIds.courseIds.length > 0)
        await x
          .delete(cartItems)
          .where(and(eq(cartItems.cartId, cartId), inArray(cartItems.courseId, itemIds.courseIds)));
      if (itemIds.productIds.length > 0)
        await x
          .delete(cartItems)
          .where(and(eq(cartItems.cartId, cartId), inArray(cartItems.productId, itemIds.productIds)));
    }
    await x.update(carts).set({ couponCode: null, updatedAt: new Date() }).where(eq(carts.id, cartId));
  },
};

function ref(l: PricingLine) {
  return { itemType: l.itemType, itemId: l.itemId, title: l.title };
}
